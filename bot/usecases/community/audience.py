"""Who an announcement reaches: the districts of its audience, and their subscribers, once each."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from db.models.community import Audience, DistrictSubscription
from db.models.directory import District, Station
from db.models.people import User


@dataclass(frozen=True)
class Recipient:
    """A subscribed resident: their chat, language, and the district they get the news through."""

    user_id: int
    chat_id: int
    language: str | None
    district_code: str


async def audience_district_ids(
    session: AsyncSession, audience: Audience, district_id: int | None, station_id: int | None
) -> list[int]:
    """Return the active districts an audience covers ("all": every station's)."""
    query = select(District.id).where(District.active.is_(True))
    if audience is Audience.DISTRICT:
        query = query.where(District.id == district_id)
    elif audience is Audience.STATION:
        query = query.where(District.station_id == station_id)
    return list(await session.scalars(query.order_by(District.id)))


async def recipients(
    session: AsyncSession,
    district_ids: Sequence[int],
    *,
    subscribed_by: datetime | None = None,
    user_ids: Sequence[int] | None = None,
) -> list[Recipient]:
    """Return the subscribers of these districts who can be written to, each person once.

    `subscribed_by`: only those subscribed by then (who got an announcement made then);
    `user_ids`: only these people (e.g. those who said they will come).
    """
    if not district_ids:
        return []
    query = (
        # The language the person picked, else the one they subscribed in.
        select(
            User.id,
            User.chat_id,
            func.coalesce(User.language, DistrictSubscription.lang),
            District.code,
        )
        .join(DistrictSubscription, DistrictSubscription.user_id == User.id)
        .join(District, District.id == DistrictSubscription.district_id)
        .where(
            DistrictSubscription.district_id.in_(list(district_ids)),
            User.chat_id.is_not(None),
            User.blocked.is_(False),
            User.undeliverable.is_(False),
        )
        .order_by(User.id, District.id)
    )
    if subscribed_by is not None:
        query = query.where(DistrictSubscription.created_at <= subscribed_by)
    if user_ids is not None:
        query = query.where(User.id.in_(list(user_ids)))
    rows = await session.execute(query)
    found: dict[int, Recipient] = {}
    for user_id, chat_id, language, code in rows:
        if chat_id is None:
            continue
        # Subscribed to two districts of a station: one message, unsubscribing from the first.
        found.setdefault(user_id, Recipient(user_id, chat_id, language, code))
    return list(found.values())


async def audience_name(
    session: AsyncSession, audience: Audience, district_id: int | None, station_id: int | None
) -> str | None:
    """Return the district's or station's name (None for "all": the catalog names it)."""
    if audience is Audience.DISTRICT and district_id is not None:
        district = await session.get(District, district_id)
        return district.name if district is not None else None
    if audience is Audience.STATION and station_id is not None:
        station = await session.get(Station, station_id)
        return station.name if station is not None else None
    return None


async def first_district_code(session: AsyncSession, district_ids: Sequence[int]) -> str | None:
    """Return the code of the first of these districts (the unsubscribe button of a message to
    someone no longer subscribed to any of them: pressing it changes nothing, and says so)."""
    if not district_ids:
        return None
    found = await session.scalar(
        select(District.code).where(District.id.in_(list(district_ids))).order_by(District.id)
    )
    return str(found) if found is not None else None
