"""When a threat happened: typed dates, and the words that describe an answer."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from bot.i18n import Dated, Render
from bot.usecases.report.draft import DAYS, WEEKDAYS, WEEKEND
from bot.usecases.written_dates import with_month_numbers

# A report about something older than this is not a KMZB threat any more, but history.
MAX_DAYS_AGO = 365

_DATE = re.compile(r"^\s*(\d{1,2})\s*[./-]\s*(\d{1,2})(?:\s*[./-]\s*(\d{2}|\d{4}))?\s*\.?\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")


class DateRefused(ValueError):
    """The text is not a usable date; `reason` is "format", "future" or "too_old"."""

    def __init__(self, reason: str, day: date | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        # The date as understood, when it was readable (a "future" one is shown back).
        self.day = day


def parse_day(text: str, today: date) -> date:
    """Read "25.11", "25.11.2026", "25/11/26", "2026-11-25" or "25 listopada" as a past day
    within a year."""
    text = with_month_numbers(text)
    day = month = year = None
    if match := _ISO.match(text):
        year, month, day = (int(g) for g in match.groups())
    elif match := _DATE.match(text):
        day, month = int(match[1]), int(match[2])
        year = int(match[3]) if match[3] else None
        if year is not None and year < 100:
            year += 2000
    if day is None or month is None:
        raise DateRefused("format")
    try:
        if year is None:
            # Without a year, "25.12" typed in January means last December.
            found = date(today.year, month, day)
            if found > today:
                found = date(today.year - 1, month, day)
        else:
            found = date(year, month, day)
    except ValueError:
        raise DateRefused("format") from None
    if found > today:
        raise DateRefused("future", found)
    if found < today - timedelta(days=MAX_DAYS_AGO):
        raise DateRefused("too_old", found)
    return found


_NAMED_DAYS = {
    DAYS: "report-when-days-all",
    WEEKDAYS: "report-when-days-weekdays",
    WEEKEND: "report-when-days-weekend",
}


def describe_when(when: dict[str, Any] | None, text: Render) -> str:
    """Describe a "when" answer in the resident's language, as plain text from the catalog.

    Not `Raw`: answers travel through the outbox as JSON, which keeps no marker of safe HTML,
    so fragments must be plain text (they are escaped once more when the answer is rendered).
    """
    if not when or when.get("kind") == "unknown":
        return text("report-when-text-unknown")
    kind = when.get("kind")
    time = text(f"report-time-{when.get('time') or 'unknown'}")
    if kind == "now":
        return text("report-when-text-now")
    if kind == "today":
        return text("report-when-text-today", time=time)
    if kind == "other_day":
        day = date.fromisoformat(str(when.get("date")))
        return text("report-when-text-day", day=Dated.day(day), time=time)
    days = sorted(int(d) for d in when.get("days") or [])
    # A whole week or its usual halves read as people say them ("every day"), not as a list.
    named = _NAMED_DAYS.get(tuple(days))
    names = text(named) if named else ", ".join(text(f"report-day-{d}") for d in days)
    return text("report-when-text-recurring", days=names, time=time)
