"""Who may act on a report, checked in the database at every press (never trusted from a button)."""

from __future__ import annotations

from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from bot.usecases.officers import staff_queries
from bot.usecases.officers.reachability import OFFICER_ROLES
from bot.usecases.operations.absences import substituted_district_ids
from db.models.directory import District, Officer, Station
from db.models.people import Reporter, User
from db.models.reports import Report


async def linked_officer(session: AsyncSession, user: User) -> Officer | None:
    """Return the active officer record linked to this user, if the role still says so."""
    if user.role not in OFFICER_ROLES or user.blocked:
        return None
    officer = await staff_queries.officer_of_user(session, user.id)
    if officer is None or not officer.active:
        return None
    return officer


async def may_act(
    session: AsyncSession, officer: Officer, report: Report, day: date | None = None
) -> bool:
    """Tell whether an officer may act: the district's officer, or the station's coordinator or
    duty officer.

    With `day` (the unit's local date), also whoever substitutes a district officer on leave.
    """
    if report.district_id is None:
        # A report outside every district: any coordinator or duty officer sorts it out.
        return officer.station_wide
    if report.district_id in await staff_queries.officer_district_ids(session, officer.id):
        return True
    if day is not None and report.district_id in await substituted_district_ids(
        session, officer.id, day
    ):
        return True
    if officer.station_wide:
        district = await session.get(District, report.district_id)
        return district is not None and district.station_id == officer.station_id
    return False


async def allowed_officer(
    session: AsyncSession, user: User, report: Report, day: date | None = None
) -> Officer | None:
    """Return the presser's officer record when they may act on this report now."""
    officer = await linked_officer(session, user)
    if officer is None or not await may_act(session, officer, report, day):
        return None
    return officer


async def chat_may_act(
    session: AsyncSession,
    report: Report,
    chat_id: int,
    day: date | None = None,
    ops_chat_id: int = 0,
) -> bool:
    """Tell whether a view in this chat should offer actions (each press is checked again).

    A linked officer's chat, while they may act; an active duty group of the report's station;
    the ops chat (the last resort). Anyone else — a revoked officer, a disabled group — none.
    """
    found = await staff_queries.officer_of_chat(session, chat_id)
    if found is not None:
        officer, user = found
        if user.role not in OFFICER_ROLES or user.blocked or not officer.active:
            return False
        return await may_act(session, officer, report, day)
    groups = await staff_queries.groups_in_chat(session, chat_id)
    if groups:
        if report.district_id is None:
            return any(g.active for g in groups)
        district = await session.get(District, report.district_id)
        return any(g.active and district and g.station_id == district.station_id for g in groups)
    # The ops chat: only allowed officers' presses count there.
    return bool(ops_chat_id) and chat_id == ops_chat_id


async def reporter_phone(session: AsyncSession, report: Report) -> str | None:
    """Return the reporter's phone when an officer may see it: not anonymous, with consent."""
    if report.anonymous or report.reporter_id is None:
        return None
    reporter = await session.get(Reporter, report.reporter_id)
    if reporter is None or not reporter.phone or reporter.phone_consent_at is None:
        return None
    return reporter.phone


async def phone_revealable(session: AsyncSession, report: Report) -> bool:
    """Tell whether "Show phone" may be offered for this report."""
    return await reporter_phone(session, report) is not None


async def refusal(session: AsyncSession, user: User, report: Report) -> tuple[str, dict[str, str]]:
    """Say truthfully why this person may not act on the report (a catalog key and arguments).

    Not an officer; a report outside every district (coordinators' and duty officers'); another
    district of their own station (its officers, substitutes, coordinators and duty officers);
    another station.
    """
    officer = await linked_officer(session, user)
    if officer is None:
        return "desk-refused-not-officer", {}
    args = {"reference": report.reference}
    district = await session.get(District, report.district_id) if report.district_id else None
    if district is None:
        return "desk-refused-no-district", args
    if district.station_id == officer.station_id:
        return "desk-refused-other-district", {**args, "district": district.name}
    station = await session.get(Station, district.station_id)
    return "desk-refused-other-station", {**args, "station": station.name if station else "—"}
