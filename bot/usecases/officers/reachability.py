"""Who can be reached about a district's reports, and who may act on them (read from the DB)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from sqlalchemy.ext.asyncio import AsyncSession

from bot.usecases.officers.staff_queries import (
    active_districts_with_stations,
    active_groups_in_chat,
    district_officers,
    duty_groups,
    station_coordinators,
)
from bot.usecases.operations.absences import absences_on, acting_officers
from db.models.directory import (
    STATION_WIDE_ROLES,
    District,
    Officer,
)
from db.models.people import Role, User
from lookup.directory import OfficerRole

TargetKind = Literal["officer", "coordinator", "duty_officer", "duty_group", "ops"]
# Why an alert did not go to the district's own officers (catalog: officers-reason-<code>).
# "absent" (operations-reason-absent): the district's officers are on leave without a substitute.
Reason = Literal["no_district", "no_officer", "not_linked", "unreachable", "absent"]

DEFAULT_LANGUAGE = "pl"
# Roles that an Officer row's linked user must still hold for the link to count.
OFFICER_ROLES = frozenset({Role.OFFICER, Role.COORDINATOR, Role.ADMIN})


@dataclass(frozen=True)
class AlertTarget:
    """A chat that gets a report's alert."""

    chat_id: int
    kind: TargetKind
    officer_id: int | None = None
    lang: str = DEFAULT_LANGUAGE


@dataclass(frozen=True)
class AlertPlan:
    """Where a report's alert goes; `reason` says why it is not (only) the district's officers."""

    targets: tuple[AlertTarget, ...]
    reason: Reason | None


@dataclass(frozen=True)
class UnreachableDistrict:
    """A district whose reports no officer of its own can receive right now."""

    code: str
    name: str
    station_code: str
    reason: Reason
    # Whether the station's duty group or a coordinator still gets its alerts.
    has_fallback: bool


def reachable(officer: Officer, user: User | None) -> bool:
    """Tell whether an officer can get messages: active, linked, and the chat works."""
    return (
        officer.active
        and user is not None
        and user.chat_id is not None
        and not user.undeliverable
        and not user.blocked
        and user.role in OFFICER_ROLES
    )


def _officer_target(officer: Officer, user: User, kind: TargetKind) -> AlertTarget:
    assert user.chat_id is not None
    return AlertTarget(user.chat_id, kind, officer.id, user.language or DEFAULT_LANGUAGE)


async def present_coordinators(
    session: AsyncSession,
    station_ids: Sequence[int] | None,
    day: date | None = None,
    roles: Sequence[OfficerRole] = (OfficerRole.COORDINATOR,),
) -> list[tuple[Officer, User]]:
    """Return the stations' reachable coordinators (or officers of other `roles`); with `day`,
    only those not away that day."""
    found = [
        (officer, user)
        for officer, user in await station_coordinators(session, station_ids, roles)
        if user is not None and reachable(officer, user)
    ]
    if day is None:
        return found
    away = await absences_on(session, day, [officer.id for officer, _ in found])
    return [(officer, user) for officer, user in found if officer.id not in away]


async def fallback_targets(
    session: AsyncSession,
    station_ids: Sequence[int] | None,
    ops_chat_id: int,
    present_on: date | None = None,
) -> list[AlertTarget]:
    """Return the stations' duty groups and reachable coordinators and duty officers; the ops
    chat when none.

    With `present_on` (a local date), officers on leave that day are left out.
    """
    targets = [
        AlertTarget(chat.chat_id, "duty_group") for chat in await duty_groups(session, station_ids)
    ]
    station_wide = sorted(STATION_WIDE_ROLES)
    targets += [
        _officer_target(officer, user, "coordinator" if officer.coordinator else "duty_officer")
        for officer, user in await present_coordinators(
            session, station_ids, present_on, station_wide
        )
    ]
    if not targets and ops_chat_id:
        targets.append(AlertTarget(ops_chat_id, "ops"))
    return _unique(targets)


def _unique(targets: Sequence[AlertTarget]) -> list[AlertTarget]:
    seen: set[int] = set()
    unique = []
    for target in targets:
        if target.chat_id not in seen:
            seen.add(target.chat_id)
            unique.append(target)
    return unique


def why_unreachable(officers: Sequence[tuple[Officer, User | None]]) -> Reason:
    """Say why none of these officers can be reached."""
    active = [(officer, user) for officer, user in officers if officer.active]
    if not active:
        return "no_officer"
    if all(user is None or user.role not in OFFICER_ROLES for _, user in active):
        return "not_linked"
    return "unreachable"


async def plan_alert(
    session: AsyncSession, district_id: int | None, ops_chat_id: int, day: date | None = None
) -> AlertPlan:
    """Decide who gets a report's alert: the district's officers, else its station's fallback.

    With `day` (the unit's local date), officers on leave that day are replaced by their
    substitutes, or left out when they have none.
    """
    if district_id is None:
        return AlertPlan(tuple(await fallback_targets(session, None, ops_chat_id)), "no_district")
    officers = await district_officers(session, district_id)
    acting = officers if day is None else await acting_officers(session, officers, day)
    own = [
        _officer_target(officer, user, "officer")
        for officer, user in acting
        if user is not None and reachable(officer, user)
    ]
    if own:
        return AlertPlan(tuple(_unique(own)), None)
    district = await session.get(District, district_id)
    stations = [district.station_id] if district is not None else None
    fallback = await fallback_targets(session, stations, ops_chat_id)
    present = any(user is not None and reachable(officer, user) for officer, user in officers)
    return AlertPlan(tuple(fallback), "absent" if present else why_unreachable(officers))


async def unreachable_districts(session: AsyncSession) -> list[UnreachableDistrict]:
    """List active districts where no officer of their own can receive alerts right now."""
    found = []
    for district, station in await active_districts_with_stations(session):
        officers = await district_officers(session, district.id)
        if any(user is not None and reachable(officer, user) for officer, user in officers):
            continue
        fallback = await fallback_targets(session, [station.id], ops_chat_id=0)
        found.append(
            UnreachableDistrict(
                code=district.code,
                name=district.name,
                station_code=station.code,
                reason=why_unreachable(officers),
                has_fallback=bool(fallback),
            )
        )
    return found


async def deactivate_group(session: AsyncSession, chat_id: int) -> int:
    """Stop alerting a duty group the bot was removed from; return how many rows changed."""
    groups = await active_groups_in_chat(session, chat_id)
    for group in groups:
        group.active = False
    return len(groups)
