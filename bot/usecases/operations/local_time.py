"""The police unit's local time ([bot] timezone): days of leave, quiet hours, the digest hour."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from bot.config import Config


def local(config: Config, moment: datetime) -> datetime:
    """Return a UTC moment as the unit's wall-clock time."""
    return moment.astimezone(ZoneInfo(config.bot.timezone))


def local_day(config: Config, moment: datetime) -> date:
    """Return the unit's calendar day at a moment."""
    return local(config, moment).date()
