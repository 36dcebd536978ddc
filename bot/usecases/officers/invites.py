"""One-time invites that link an officer's Telegram account or register a station's duty group.

A code is `inv_<random>` (officer) or `grp_<random>` (duty group): at most 64 characters of
A-Za-z0-9_-, single use, valid for [officers] invite_ttl_hours, stored only as its SHA-256.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.outbox import PRIORITY_NOTICE, queue_kind
from bot.usecases.language import CHAT_COMMANDS_KIND
from bot.usecases.officers.staff_queries import (
    delete_unused_invites,
    lock_invite,
    officer_by_code,
)
from db.models.directory import Officer
from db.models.officers import Invite
from db.models.people import Role, User
from db.models.reports import AuditEvent
from db.uow import UnitOfWork

OFFICER_PREFIX = "inv"
GROUP_PREFIX = "grp"
PURPOSE_OFFICER = "officer"
PURPOSE_GROUP = "duty_group"
# 24 random bytes: 32 URL-safe characters, so a code is 36 characters long.
RANDOM_BYTES = 24
CODE_FORMAT = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


class InviteError(Exception):
    """The invite cannot be made or revoked; the message says why, for the operator."""


def code_hash(code: str) -> str:
    """Return the stored form of a code."""
    return hashlib.sha256(code.encode()).hexdigest()


def new_code(prefix: str) -> str:
    """Return a fresh random code with its prefix."""
    return f"{prefix}_{secrets.token_urlsafe(RANDOM_BYTES)}"


# Codes opened in a group: a station's duty group, a partner institution's chat ("prt").
GROUP_LINK_PREFIXES = (GROUP_PREFIX + "_", "prt_")


def deep_link(bot_username: str, code: str) -> str:
    """Return the t.me link: ?start= for officers, ?startgroup= to add the bot to a group."""
    parameter = "startgroup" if code.startswith(GROUP_LINK_PREFIXES) else "start"
    return f"https://t.me/{bot_username.lstrip('@')}?{parameter}={code}"


def well_formed(code: str) -> bool:
    """Tell whether a text could be a code at all (cheap check before hashing)."""
    return bool(CODE_FORMAT.match(code))


@dataclass(frozen=True)
class IssuedInvite:
    """A new invite: the code to hand over (shown once) and when it expires."""

    code: str
    officer: Officer
    expires_at: datetime


async def create_invite(
    session: AsyncSession, officer_code: str, *, group: bool, now: datetime, ttl_hours: float
) -> IssuedInvite:
    """Create an invite for an officer (or, with `group`, for a coordinator's duty group)."""
    officer = await officer_by_code(session, officer_code)
    if officer is None:
        raise InviteError(f"no officer with code {officer_code!r} (see `officers list`)")
    if not officer.active:
        raise InviteError(f"officer {officer.code} is not active")
    if group and not officer.coordinator:
        raise InviteError(f"officer {officer.code} is not a coordinator: only they add duty groups")
    code = new_code(GROUP_PREFIX if group else OFFICER_PREFIX)
    expires = now + timedelta(hours=ttl_hours)
    session.add(
        Invite(
            code_hash=code_hash(code),
            purpose=PURPOSE_GROUP if group else PURPOSE_OFFICER,
            officer_id=officer.id,
            station_id=officer.station_id,
            created_at=now,
            expires_at=expires,
        )
    )
    session.add(
        AuditEvent(
            at=now,
            action="invite_created",
            actor_officer_id=None,
            data={"officer": officer.code, "purpose": PURPOSE_GROUP if group else PURPOSE_OFFICER},
        )
    )
    await session.flush()
    return IssuedInvite(code, officer, expires)


async def find_invite(
    session: AsyncSession, code: str, purpose: str, now: datetime
) -> Invite | None:
    """Return the unused, unexpired invite with this code and purpose."""
    if not well_formed(code):
        return None
    invite = await lock_invite(session, code_hash(code))
    if invite is None or invite.purpose != purpose or invite.used_at is not None:
        return None
    if invite.expires_at <= now:
        return None
    return invite


def queue_commands(uow: UnitOfWork, user: User, role: Role) -> None:
    """Queue setting this user's own command list (officers see theirs; residents the default)."""
    if user.chat_id is None:
        return
    queue_kind(
        uow,
        user.chat_id,
        CHAT_COMMANDS_KIND,
        {"role": role.value, "lang": user.language or "pl"},
        user_id=user.id,
        priority=PRIORITY_NOTICE,
    )


@dataclass(frozen=True)
class Revoked:
    """What `officers revoke` did."""

    officer: Officer
    was_linked: bool
    invites_dropped: int


async def revoke(uow: UnitOfWork, officer_code: str, now: datetime) -> Revoked:
    """Unlink an officer's Telegram account and drop their unused invites."""
    session = uow.session
    officer = await officer_by_code(session, officer_code)
    if officer is None:
        raise InviteError(f"no officer with code {officer_code!r} (see `officers list`)")
    user = await session.get(User, officer.user_id) if officer.user_id else None
    if user is not None:
        user.role = Role.RESIDENT
        queue_commands(uow, user, Role.RESIDENT)
    was_linked = officer.user_id is not None
    officer.user_id = None
    officer.linked_at = None
    dropped = await delete_unused_invites(session, officer.id)
    session.add(
        AuditEvent(
            at=now,
            action="officer_unlinked",
            actor_officer_id=officer.id,
            subject_user_id=user.id if user else None,
            data={"officer": officer.code},
        )
    )
    await session.flush()
    if user is not None and user.chat_id is not None:
        from bot.usecases.officers.views import queue_chat_view_edits

        # Their old alerts and cards lose their buttons (presses were refused anyway).
        await queue_chat_view_edits(uow, user.chat_id)
    return Revoked(officer, was_linked, dropped)
