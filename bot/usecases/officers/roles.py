"""Roles as data: `officers set-role CODE ROLE` makes a dzielnicowy, coordinator or duty officer.

A police unit sets up its coordinators without touching the database: the role is stored on the
officer, audited, mirrored on the linked Telegram account (its command list), told to the
officer and announced to the station's coordinators and the ops chat, and every live view of a
report in the officer's chat is redrawn with the buttons the new role allows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.conversation import Answer
from bot.outbox import PRIORITY_NOTICE, queue_answer
from bot.usecases.officers.alert_view import officer_name
from bot.usecases.officers.invites import InviteError, queue_commands
from bot.usecases.officers.linking import announce_to_station
from bot.usecases.officers.staff_queries import officer_by_code
from db.models.directory import Officer
from db.models.people import Role, User
from db.models.reports import AuditEvent
from db.uow import UnitOfWork
from lookup.directory import OfficerRole

ROLE_CHANGED = "role_changed"


@dataclass(frozen=True)
class RoleChange:
    """What `officers set-role` did."""

    officer: Officer
    previous: OfficerRole
    linked: bool


def account_role(officer: Officer) -> Role:
    """Return the role a linked Telegram account gets for this officer (its command list)."""
    return Role.COORDINATOR if officer.coordinator else Role.OFFICER


async def set_role(
    uow: UnitOfWork,
    officer_code: str,
    role: OfficerRole,
    now: datetime,
    *,
    actor: str,
    ops_chat_id: int,
    ops_lang: str,
) -> RoleChange:
    """Give an officer a role; audit it, update the linked account, tell who needs to know."""
    session = uow.session
    officer = await officer_by_code(session, officer_code)
    if officer is None:
        raise InviteError(f"no officer with code {officer_code!r} (see `officers list`)")
    previous = officer.role
    user = await session.get(User, officer.user_id) if officer.user_id else None
    if previous == role:
        return RoleChange(officer, previous, user is not None)
    officer.role = role
    session.add(
        AuditEvent(
            at=now,
            action=ROLE_CHANGED,
            actor_officer_id=officer.id,
            subject_user_id=user.id if user else None,
            note=actor,
            data={"officer": officer.code, "from": previous.value, "to": role.value},
        )
    )
    if user is not None:
        if user.role in (Role.OFFICER, Role.COORDINATOR):
            user.role = account_role(officer)
        queue_commands(uow, user, user.role)
        if user.chat_id is not None:
            told = Answer(key="desk-role-changed", args={"role": role.value})
            queue_answer(
                uow, user.chat_id, told, user.language or ops_lang, priority=PRIORITY_NOTICE
            )
    await session.flush()
    from bot.usecases.officers.views import queue_chat_view_edits

    if user is not None and user.chat_id is not None:
        # The buttons a view offers depend on the role: redraw what this chat shows.
        await queue_chat_view_edits(uow, user.chat_id)
    await announce_to_station(
        uow,
        officer.station_id,
        Answer(
            key="desk-role-announce",
            args={
                "officer": officer_name(officer),
                "code": officer.code,
                "role": role.value,
                "previous": previous.value,
            },
        ),
        ops_chat_id=ops_chat_id,
        ops_lang=ops_lang,
        skip_chat=user.chat_id if user else None,
    )
    return RoleChange(officer, previous, user is not None)
