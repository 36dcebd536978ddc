"""Residents report a threat: a resumable conversation that ends in a stored report."""

from bot.usecases.report.flow import ReportFlow
from bot.usecases.report.mine import MineFlow

__all__ = ["MineFlow", "ReportFlow"]
