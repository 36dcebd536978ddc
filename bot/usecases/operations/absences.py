"""Leave and substitutes: who is away, who stands in for them, and who acts for a district today.

An absence covers local calendar days, both inclusive. While an officer is away, the substitute
gets the alerts of the officer's districts and may act on their reports; an officer away without
a substitute gets nothing, and when nobody of the district is left, the station's duty groups and
coordinators do (bot/usecases/officers/reachability.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from bot.usecases.operations import queries
from db.models.directory import Officer
from db.models.operations import OfficerAbsence
from db.models.people import User

# ---- who is away, who acts -------------------------------------------------------------------


async def absences_on(
    session: AsyncSession, day: date, officer_ids: Iterable[int] | None = None
) -> dict[int, OfficerAbsence]:
    """Return the absences covering a day, by the absent officer's id."""
    return {a.officer_id: a for a in await queries.absences_covering(session, day, officer_ids)}


async def acting_officers(
    session: AsyncSession, officers: Sequence[tuple[Officer, User | None]], day: date
) -> list[tuple[Officer, User | None]]:
    """Replace officers away on a day by their substitutes; drop those away without one.

    A substitute who is away too is dropped as well (no chains: one level is what a unit plans).
    """
    away = await absences_on(session, day, [officer.id for officer, _ in officers])
    if not away:
        return list(officers)
    substitute_ids = {a.substitute_officer_id for a in away.values() if a.substitute_officer_id}
    away_substitutes = await absences_on(session, day, substitute_ids)
    acting: list[tuple[Officer, User | None]] = []
    seen: set[int] = set()
    for officer, user in officers:
        absence = away.get(officer.id)
        if absence is not None:
            substitute_id = absence.substitute_officer_id
            if substitute_id is None or substitute_id in away_substitutes:
                continue
            found = await session.get(Officer, substitute_id)
            if found is None:
                continue
            officer = found
            user = await session.get(User, found.user_id) if found.user_id else None
        if officer.id not in seen:
            seen.add(officer.id)
            acting.append((officer, user))
    return acting


async def substituted_district_ids(session: AsyncSession, officer_id: int, day: date) -> set[int]:
    """Return the districts whose officers this officer stands in for on a day."""
    if officer_id in await absences_on(session, day, [officer_id]):
        # Away themselves: those districts go to the fallback, not to an absent substitute.
        return set()
    return await queries.districts_substituted_by(session, officer_id, day)


async def is_away(session: AsyncSession, officer_id: int, day: date) -> bool:
    """Tell whether an officer is on leave on a day."""
    return officer_id in await absences_on(session, day, [officer_id])


async def standing_in_for_chat(
    session: AsyncSession, chat_id: int, district_id: int, day: date
) -> list[Officer]:
    """Return whom the officer of a private chat substitutes in a district on a day."""
    officer = await queries.officer_of_chat(session, chat_id)
    if officer is None:
        return []
    return await queries.standing_in_for(session, officer.id, district_id, day)
