"""Duty groups as staff see them: `python -m bot officers groups` lists, disables, enables.

A disabled group gets no more alerts, its old alerts lose their buttons (its members' presses
were checked against the group's state anyway), and it is told so; enabling it again (or a
coordinator registering it again with a new link) brings the alerts back. Both are audited.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.conversation import Answer
from bot.outbox import PRIORITY_NOTICE, queue_answer
from bot.usecases.officers import staff_queries
from bot.usecases.officers.invites import InviteError
from bot.usecases.officers.views import queue_chat_view_edits
from db.models.directory import Station, StationChat
from db.models.reports import AuditEvent
from db.uow import UnitOfWork


@dataclass(frozen=True)
class GroupLine:
    """One duty group as `officers groups` shows it."""

    id: int
    station: str
    chat_id: int
    title: str
    active: bool
    created_at: datetime


async def list_groups(session: AsyncSession) -> list[GroupLine]:
    """Return every registered duty group, by station and registration."""
    return [
        GroupLine(g.id, s.code, g.chat_id, g.title or "", g.active, g.created_at)
        for g, s in await staff_queries.groups_with_stations(session)
    ]


async def set_group_active(
    uow: UnitOfWork, group_id: int, active: bool, now: datetime, *, actor: str, lang: str
) -> tuple[GroupLine, bool]:
    """Disable or enable a duty group; return it and whether anything changed."""
    session = uow.session
    group = await session.get(StationChat, group_id)
    if group is None:
        raise InviteError(f"no duty group with id {group_id} (see `officers groups`)")
    station = await session.get(Station, group.station_id)
    station_name = station.name if station else "—"
    changed = group.active != active
    if changed:
        group.active = active
        session.add(
            AuditEvent(
                at=now,
                action="duty_group_enabled" if active else "duty_group_disabled",
                note=actor,
                data={"chat_id": group.chat_id, "station": station.code if station else None},
            )
        )
        key = "desk-group-enabled" if active else "desk-group-disabled"
        queue_answer(
            uow,
            group.chat_id,
            Answer(key=key, args={"station": station_name}),
            lang,
            priority=PRIORITY_NOTICE,
        )
        await session.flush()
        # Old alerts in the group show (or no longer show) buttons.
        await queue_chat_view_edits(uow, group.chat_id)
    line = GroupLine(
        group.id,
        station.code if station else "—",
        group.chat_id,
        group.title or "",
        group.active,
        group.created_at,
    )
    return line, changed
