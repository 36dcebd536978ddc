"""Office hours / duty times of an officer, as the directory writes them (office_hours.csv).

One cell holds slots separated by ";": a weekday (pon, wt, śr, czw, pt, sob, niedz) or a date
(DD.MM.YYYY), a time span, and optionally the place, e.g.
"wt 16:00-17:00 Posterunek Gosławice; 15.12.2026 10:00-12:00 Szkoła Podstawowa nr 5".
`python -m bot data check` refuses a cell that does not read this way; the card shows the next
slots from now.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

# Weekday words (Polish, with and without diacritics, and English), Monday = 0.
WEEKDAYS: dict[str, int] = {
    "pon": 0, "pn": 0, "mon": 0,
    "wt": 1, "wto": 1, "tue": 1,
    "śr": 2, "sr": 2, "śro": 2, "sro": 2, "wed": 2,
    "czw": 3, "cz": 3, "thu": 3,
    "pt": 4, "pią": 4, "pia": 4, "fri": 4,
    "sob": 5, "so": 5, "sat": 5,
    "niedz": 6, "nd": 6, "ndz": 6, "nie": 6, "sun": 6,
}  # fmt: skip
_SLOT = re.compile(
    r"^(?P<day>\d{1,2}\.\d{1,2}\.\d{4}|[^\W\d_]+)\.?\s+"
    r"(?P<h1>\d{1,2})[:.](?P<m1>\d{2})\s*[-–—]\s*(?P<h2>\d{1,2})[:.](?P<m2>\d{2})"
    r"(?:\s*,?\s+(?P<place>.+))?$"
)
# How many upcoming slots a card shows.
SHOWN = 2
# Weekly slots are looked for this far ahead.
HORIZON_DAYS = 14


@dataclass(frozen=True)
class Slot:
    """One office-hours slot: weekly (`weekday`) or on one `day`."""

    weekday: int | None
    day: date | None
    starts: time
    ends: time
    place: str


@dataclass(frozen=True)
class Upcoming:
    """A slot's next occurrence, in the unit's local time."""

    starts: datetime
    ends: datetime
    place: str


class OfficeHoursInvalid(ValueError):
    """A cell that does not read as office hours; the message says which part."""


def parse_office_hours(text: str) -> tuple[Slot, ...]:
    """Read a cell; raise OfficeHoursInvalid naming the first part that does not fit."""
    slots: list[Slot] = []
    for part in (p.strip() for p in text.split(";")):
        if not part:
            continue
        match = _SLOT.match(part)
        if match is None:
            raise OfficeHoursInvalid(
                f"{part!r}: write e.g. 'wt 16:00-17:00 Posterunek' or '15.12.2026 10:00-12:00'"
            )
        word = match["day"].lower()
        weekday: int | None = None
        day: date | None = None
        if word[0].isdigit():
            d, m, y = (int(x) for x in word.split("."))
            try:
                day = date(y, m, d)
            except ValueError:
                raise OfficeHoursInvalid(f"{part!r}: no such date") from None
        elif word in WEEKDAYS:
            weekday = WEEKDAYS[word]
        else:
            raise OfficeHoursInvalid(f"{part!r}: unknown day {match['day']!r} (pon, wt, śr, ...)")
        h1, m1, h2, m2 = (int(match[k]) for k in ("h1", "m1", "h2", "m2"))
        if h1 > 23 or h2 > 23 or m1 > 59 or m2 > 59 or (h2, m2) <= (h1, m1):
            raise OfficeHoursInvalid(
                f"{part!r}: the time span must be within one day, e.g. 16:00-17:00"
            )
        slots.append(Slot(weekday, day, time(h1, m1), time(h2, m2), (match["place"] or "").strip()))
    return tuple(slots)


def upcoming(slots: tuple[Slot, ...], now: datetime, count: int = SHOWN) -> list[Upcoming]:
    """Return the next `count` slots not over yet at `now` (a local, aware time), soonest first."""
    found: list[Upcoming] = []
    zone = now.tzinfo
    for slot in slots:
        if slot.day is not None:
            days = [slot.day]
        else:
            days = [
                now.date() + timedelta(days=n)
                for n in range(HORIZON_DAYS)
                if (now.weekday() + n) % 7 == slot.weekday
            ]
        for day in days:
            ends = datetime.combine(day, slot.ends, tzinfo=zone)
            if ends > now:
                found.append(
                    Upcoming(datetime.combine(day, slot.starts, tzinfo=zone), ends, slot.place)
                )
                break
    return sorted(found, key=lambda u: u.starts)[:count]
