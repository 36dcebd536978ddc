"""Who an announcement reaches: the districts of its audience, and their subscribers, once each."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.usecases.community import queries
from db.models.community import Audience
from db.models.directory import District, Station


@dataclass(frozen=True)
class Recipient:
    """A subscribed resident: their chat, language, and the district they get the news through."""

    user_id: int
    chat_id: int
    language: str | None
    district_code: str


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
    rows = await queries.subscriber_rows(
        session, district_ids, subscribed_by=subscribed_by, user_ids=user_ids
    )
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
