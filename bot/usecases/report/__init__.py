"""Residents report a threat: a resumable conversation that ends in a stored report."""

from bot.usecases.report.mine import MineFlow
from bot.usecases.report.report_flow import ReportFlow

__all__ = ["MineFlow", "ReportFlow"]
