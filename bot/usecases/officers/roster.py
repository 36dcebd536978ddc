"""The officers as `python -m bot officers list` shows them: codes, districts, roles, links.

Apart from invites.py so that listing imports only the models it reads (not the outbox and the
conversation's stack): an operator's command starts faster.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.usecases.officers.staff_queries import district_codes_by_officer, officers_with_stations
from lookup.directory import OfficerRole


@dataclass(frozen=True)
class OfficerLine:
    """One officer as `officers list` shows them."""

    code: str
    name: str
    station: str
    role: OfficerRole
    active: bool
    districts: tuple[str, ...]
    linked_at: datetime | None
    undeliverable: bool


async def list_officers(session: AsyncSession) -> list[OfficerLine]:
    """Return every officer with their districts and link state, by code (two queries)."""
    districts: defaultdict[int, list[str]] = defaultdict(list)
    for officer_id, code in await district_codes_by_officer(session):
        districts[officer_id].append(code)
    rows = await officers_with_stations(session)
    return [
        OfficerLine(
            code=officer.code,
            name=f"{officer.rank} {officer.first_name} {officer.last_name}",
            station=station.code,
            role=officer.role,
            active=officer.active,
            districts=tuple(districts[officer.id]),
            linked_at=officer.linked_at if officer.user_id else None,
            undeliverable=bool(user and user.undeliverable),
        )
        for officer, station, user in rows
    ]
