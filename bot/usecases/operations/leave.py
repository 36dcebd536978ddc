"""Entering and cancelling leave: stored, audited, and told to the substitute and the coordinators.

Also reads typed days of leave ("1.12-14.12"), which the /urlop conversation asks for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Literal

from sqlalchemy.ext.asyncio import AsyncSession

from bot.conversation import Answer
from bot.i18n import Dated
from bot.outbox import PRIORITY_NOTICE, queue_answer
from bot.usecases.officers.alert_view import officer_name
from bot.usecases.officers.reachability import reachable
from bot.usecases.officers.staff_queries import station_coordinators
from bot.usecases.operations import queries
from bot.usecases.written_dates import with_month_numbers
from db.models.directory import Officer
from db.models.operations import OfficerAbsence
from db.models.people import User
from db.models.reports import AuditEvent
from db.uow import UnitOfWork

# Longest leave one entry may cover (a long absence is entered again next year).
MAX_DAYS = 366
# A typed start without a year this many days in the past is still this year (a leave entered
# late); anything earlier means next year ("5.01" typed in December).
LATE_ENTRY_DAYS = 31

ABSENCE_SET = "absence_set"
ABSENCE_CANCELLED = "absence_cancelled"


# ---- entering and cancelling leave -----------------------------------------------------------


def may_manage(actor: Officer, officer: Officer) -> bool:
    """Tell whether an officer may set or cancel another's leave: their own, or as coordinator."""
    return actor.id == officer.id or (actor.coordinator and actor.station_id == officer.station_id)


async def substitute_candidates(
    session: AsyncSession, officer: Officer, starts_on: date, ends_on: date
) -> list[Officer]:
    """Return who can stand in: active, linked officers of the station, not away in the span."""
    candidates = []
    for candidate in await queries.linked_colleagues(session, officer):
        if await queries.overlapping_absence(session, candidate.id, starts_on, ends_on) is None:
            candidates.append(candidate)
    return candidates


async def district_names(session: AsyncSession, officer_id: int) -> str:
    """Return the names of an officer's districts, joined for a message."""
    return ", ".join(await queries.officer_district_names(session, officer_id)) or "—"


async def _tell_officer(uow: UnitOfWork, officer: Officer | None, answer: Answer) -> bool:
    if officer is None or officer.user_id is None:
        return False
    user = await uow.session.get(User, officer.user_id)
    if user is None or user.chat_id is None or not reachable(officer, user):
        return False
    queue_answer(
        uow, user.chat_id, answer, user.language or "pl", user_id=user.id, priority=PRIORITY_NOTICE
    )
    return True


async def _tell_coordinators(
    uow: UnitOfWork, station_id: int, answer: Answer, *told: Officer | None
) -> None:
    """Tell the station's coordinators, except those `told` of it their own way (who acted, the
    officer on leave, the substitute, who gets the fuller message)."""
    skip = {officer.id for officer in told if officer is not None}
    for coordinator, user in await station_coordinators(uow.session, [station_id]):
        if coordinator.id in skip or user is None or user.chat_id is None:
            continue
        if reachable(coordinator, user):
            lang = user.language or "pl"
            queue_answer(uow, user.chat_id, answer, lang, user_id=user.id, priority=PRIORITY_NOTICE)


async def record_absence(
    uow: UnitOfWork,
    actor: Officer,
    officer: Officer,
    starts_on: date,
    ends_on: date,
    substitute: Officer | None,
    now: datetime,
) -> OfficerAbsence:
    """Store a leave, audit it, and tell the substitute, the officer and the coordinators."""
    session = uow.session
    absence = OfficerAbsence(
        officer_id=officer.id,
        starts_on=starts_on,
        ends_on=ends_on,
        substitute_officer_id=substitute.id if substitute else None,
        created_by_user_id=actor.user_id,
        created_at=now,
    )
    session.add(absence)
    await session.flush()
    session.add(
        AuditEvent(
            at=now,
            action=ABSENCE_SET,
            actor_user_id=actor.user_id,
            actor_officer_id=actor.id,
            data={
                "absence_id": absence.id,
                "officer": officer.code,
                "from": starts_on.isoformat(),
                "to": ends_on.isoformat(),
                "substitute": substitute.code if substitute else None,
            },
        )
    )
    args = absence_args(officer, absence, substitute)
    if substitute is not None:
        districts = await district_names(session, officer.id)
        assigned = Answer("operations-substitute-assigned", {**args, "districts": districts})
        await _tell_officer(uow, substitute, assigned)
    if actor.id != officer.id:
        await _tell_officer(uow, officer, Answer("operations-leave-set-for-you", args))
    await _tell_coordinators(
        uow,
        officer.station_id,
        Answer("operations-leave-announce", args),
        actor,
        officer,
        substitute,
    )
    return absence


async def cancel_absence(
    uow: UnitOfWork, actor: Officer, absence: OfficerAbsence, now: datetime
) -> None:
    """Cancel a leave (it stays for the record), audit it; tell the substitute, the officer and
    the coordinators, who were told of it."""
    session = uow.session
    absence.cancelled_at = now
    officer = await session.get(Officer, absence.officer_id)
    substitute = (
        await session.get(Officer, absence.substitute_officer_id)
        if absence.substitute_officer_id
        else None
    )
    session.add(
        AuditEvent(
            at=now,
            action=ABSENCE_CANCELLED,
            actor_user_id=actor.user_id,
            actor_officer_id=actor.id,
            data={"absence_id": absence.id, "officer": officer.code if officer else None},
        )
    )
    if officer is None:
        return
    args = absence_args(officer, absence, substitute)
    if substitute is not None and substitute.id != actor.id:
        await _tell_officer(uow, substitute, Answer("operations-substitute-cancelled", args))
    if actor.id != officer.id:
        await _tell_officer(uow, officer, Answer("operations-leave-cancelled-for-you", args))
    await _tell_coordinators(
        uow,
        officer.station_id,
        Answer("operations-leave-cancel-announce", args),
        actor,
        officer,
        substitute,
    )


def absence_args(
    officer: Officer, absence: OfficerAbsence, substitute: Officer | None
) -> dict[str, Any]:
    """Return the catalog arguments that describe one absence (officer, days, substitute)."""
    return {
        "officer": officer_name(officer),
        "start": Dated.day(absence.starts_on),
        "end": Dated.day(absence.ends_on),
        "substitute": officer_name(substitute) if substitute else "",
        "has_substitute": "yes" if substitute else "no",
    }


# ---- typed dates -----------------------------------------------------------------------------

PeriodProblem = Literal["format", "invalid", "order", "past", "too_long"]


@dataclass(frozen=True)
class Period:
    """Days of leave, both inclusive."""

    starts_on: date
    ends_on: date


_DATE = re.compile(
    r"(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})"
    r"|(?P<d>\d{1,2})[./](?P<m>\d{1,2})(?:[./](?P<y>\d{4}|\d{2})(?!\d))?"
)
# What may stand between and around the dates: dashes, "do"/"od"/"to"/"from", dots, spaces.
_FILLER = re.compile(r"^(?:[\s\-–—.,:]|od|do|from|to|з|по|до)*$", re.IGNORECASE)


def parse_period(text: str, today: date) -> Period | PeriodProblem:
    """Read "1.12–14.12", "01.12.2026 - 14.12.2026", "2026-12-01 do 2026-12-14", "7-11.12",
    "od 7 do 11 grudnia" or one day."""
    if len(text) > 60:
        return "format"
    text = with_month_numbers(text)
    matches = list(_DATE.finditer(text))
    rest = _DATE.sub(" ", text)
    if not 1 <= len(matches) <= 2 or not _FILLER.match(rest):
        return "format"
    try:
        first = _day(matches[0], None, today)
        last = _day(matches[-1], first, today) if len(matches) == 2 else first
    except ValueError:
        return "invalid"
    if last < first:
        return "order"
    if last < today:
        return "past"
    if (last - first).days + 1 > MAX_DAYS:
        return "too_long"
    return Period(first, last)


def _day(match: re.Match[str], after: date | None, today: date) -> date:
    if match.group("iy"):
        return date(int(match["iy"]), int(match["im"]), int(match["id"]))
    day, month = int(match["d"]), int(match["m"])
    if match.group("y"):
        year = int(match["y"])
        return date(year + 2000 if year < 100 else year, month, day)
    if after is not None:
        # An end without a year follows its start: "28.12-3.01" crosses the new year.
        found = date(after.year, month, day)
        return found if found >= after else date(after.year + 1, month, day)
    found = date(today.year, month, day)
    if found < today - timedelta(days=LATE_ENTRY_DAYS):
        return date(today.year + 1, month, day)
    return found
