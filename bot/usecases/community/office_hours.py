"""A dzielnicowy's next office hours / duty times on their card (from the directory)."""

from __future__ import annotations

from typing import Any

from bot.i18n import Dated, Raw
from bot.usecases.flow import FlowContext
from bot.usecases.operations.local_time import local
from lookup.office_hours import OfficeHoursInvalid, parse_office_hours, upcoming


def office_hours_paragraph(ctx: FlowContext, text: str | None) -> tuple[str, dict[str, Any]] | None:
    """Return the card's paragraph with the next slots (None: no office hours, or none soon)."""
    if not text:
        return None
    try:
        slots = parse_office_hours(text)
    except OfficeHoursInvalid:
        # `data check` refuses such a cell; stored before that check existed, it is left out.
        return None
    found = upcoming(slots, local(ctx.services.config, ctx.turn.now))
    if not found:
        return None
    lines = [
        ctx.text(
            "community-office-hours-slot-place" if slot.place else "community-office-hours-slot",
            weekday=slot.starts.weekday(),
            date=Dated.day_month(slot.starts),
            start=Dated.time(slot.starts),
            end=Dated.time(slot.ends),
            place=slot.place,
        )
        for slot in found
    ]
    # Rendered (and escaped) line by line already.
    return "community-office-hours", {"slots": Raw("\n".join(lines))}
