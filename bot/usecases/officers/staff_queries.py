"""The officers' statements about staff: officers, their districts, duty groups and invites.

Statements about reports, views and the audit trail are in `queries.py`. Only models are
imported here, so that `officers list` starts fast (`roster.py`). Every function takes the
session and never commits: the turn or command that calls it owns the transaction.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from db.models.directory import (
    District,
    Officer,
    Station,
    StationChat,
    officer_districts,
)
from db.models.officers import Invite
from db.models.people import User
from lookup.directory import OfficerRole

# ---- officers --------------------------------------------------------------------------------


async def officer_by_code(session: AsyncSession, code: str) -> Officer | None:
    """Return an officer by directory code (case-insensitive)."""
    return await session.scalar(select(Officer).where(Officer.code == code.strip().upper()))


async def officer_of_user(session: AsyncSession, user_id: int) -> Officer | None:
    """Return the officer record linked to a person's account, if any."""
    return await session.scalar(select(Officer).where(Officer.user_id == user_id))


async def other_officer_of_user(
    session: AsyncSession, user_id: int, officer_id: int
) -> Officer | None:
    """Return an officer other than this one already linked to a person's account."""
    return await session.scalar(
        select(Officer).where(Officer.user_id == user_id, Officer.id != officer_id)
    )


async def officer_of_chat(session: AsyncSession, chat_id: int) -> tuple[Officer, User] | None:
    """Return the officer whose account's private chat this is, with the account."""
    row = await session.execute(
        select(Officer, User).join(User, User.id == Officer.user_id).where(User.chat_id == chat_id)
    )
    found = row.first()
    if found is None:
        return None
    officer, user = found
    return officer, user


async def officer_district_ids(session: AsyncSession, officer_id: int) -> set[int]:
    """Return the ids of the districts an officer serves."""
    rows = await session.scalars(
        select(officer_districts.c.district_id).where(officer_districts.c.officer_id == officer_id)
    )
    return set(rows.all())


async def district_officers(
    session: AsyncSession, district_id: int
) -> list[tuple[Officer, User | None]]:
    """Return the district's officers (active or not) with their linked users."""
    rows = await session.execute(
        select(Officer, User)
        .join(officer_districts, officer_districts.c.officer_id == Officer.id)
        .outerjoin(User, User.id == Officer.user_id)
        .where(officer_districts.c.district_id == district_id)
        .order_by(Officer.id)
    )
    return [(officer, user) for officer, user in rows.all()]


async def station_coordinators(
    session: AsyncSession,
    station_ids: Sequence[int] | None,
    roles: Sequence[OfficerRole] = (OfficerRole.COORDINATOR,),
) -> list[tuple[Officer, User | None]]:
    """Return the active coordinators (or officers of other `roles`) of some stations.

    `station_ids` None means every station.
    """
    query = (
        select(Officer, User)
        .outerjoin(User, User.id == Officer.user_id)
        .where(Officer.role.in_(list(roles)), Officer.active.is_(True))
        .order_by(Officer.id)
    )
    if station_ids is not None:
        query = query.where(Officer.station_id.in_(station_ids))
    rows = await session.execute(query)
    return [(officer, user) for officer, user in rows.all()]


async def district_codes_by_officer(session: AsyncSession) -> list[tuple[int, str]]:
    """Return every (officer id, district code) pair, by district code."""
    pairs = await session.execute(
        select(officer_districts.c.officer_id, District.code)
        .join(District, District.id == officer_districts.c.district_id)
        .order_by(District.code)
    )
    return [(officer_id, code) for officer_id, code in pairs.all()]


async def officers_with_stations(
    session: AsyncSession,
) -> list[tuple[Officer, Station, User | None]]:
    """Return every officer with their station and linked account, by code."""
    rows = await session.execute(
        select(Officer, Station, User)
        .join(Station, Station.id == Officer.station_id)
        .outerjoin(User, User.id == Officer.user_id)
        .order_by(Officer.code)
    )
    return [(officer, station, user) for officer, station, user in rows.all()]


# ---- districts -------------------------------------------------------------------------------


async def other_active_districts(session: AsyncSession, district_id: int) -> list[District]:
    """Return the active districts but one (0: none left out), by code."""
    return list(
        await session.scalars(
            select(District)
            .where(District.active.is_(True), District.id != district_id)
            .order_by(District.code)
        )
    )


async def active_districts_with_stations(session: AsyncSession) -> list[tuple[District, Station]]:
    """Return the active districts with their stations, by district code."""
    rows = await session.execute(
        select(District, Station)
        .join(Station, Station.id == District.station_id)
        .where(District.active.is_(True))
        .order_by(District.code)
    )
    return [(district, station) for district, station in rows.all()]


# ---- duty groups -----------------------------------------------------------------------------


async def duty_groups(
    session: AsyncSession, station_ids: Sequence[int] | None
) -> list[StationChat]:
    """Return the active duty groups of some stations (None: of every station)."""
    query = select(StationChat).where(StationChat.active.is_(True)).order_by(StationChat.id)
    if station_ids is not None:
        query = query.where(StationChat.station_id.in_(station_ids))
    return list((await session.scalars(query)).all())


async def groups_with_stations(session: AsyncSession) -> list[tuple[StationChat, Station]]:
    """Return every registered duty group, active or not, with its station, by station code."""
    rows = await session.execute(
        select(StationChat, Station)
        .join(Station, Station.id == StationChat.station_id)
        .order_by(Station.code, StationChat.id)
    )
    return [(group, station) for group, station in rows.all()]


async def groups_in_chat(session: AsyncSession, chat_id: int) -> list[StationChat]:
    """Return the duty-group registrations of a chat, active or not."""
    return list(await session.scalars(select(StationChat).where(StationChat.chat_id == chat_id)))


async def active_groups_in_chat(session: AsyncSession, chat_id: int) -> list[StationChat]:
    """Return the active duty-group registrations of a chat."""
    return list(
        await session.scalars(
            select(StationChat).where(StationChat.chat_id == chat_id, StationChat.active.is_(True))
        )
    )


async def station_group(session: AsyncSession, station_id: int, chat_id: int) -> StationChat | None:
    """Return a station's registration of a chat as its duty group, if any."""
    return await session.scalar(
        select(StationChat).where(
            StationChat.station_id == station_id, StationChat.chat_id == chat_id
        )
    )


# ---- invites ---------------------------------------------------------------------------------


async def lock_invite(session: AsyncSession, hashed: str) -> Invite | None:
    """Return the invite with this code hash, locked until the transaction ends."""
    # FOR UPDATE: two accounts redeeming one code at once queue here, and the second then sees
    # it used (PostgreSQL; on SQLite the write transaction is exclusive from its start).
    return await session.scalar(select(Invite).where(Invite.code_hash == hashed).with_for_update())


async def delete_unused_invites(session: AsyncSession, officer_id: int) -> int:
    """Delete an officer's unused invites; return how many."""
    dropped = await session.execute(
        delete(Invite).where(Invite.officer_id == officer_id, Invite.used_at.is_(None))
    )
    return int(getattr(dropped, "rowcount", 0) or 0)
