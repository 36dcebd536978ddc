"""A partner institution's chat is linked only by a one-time invite, like an officer's account.

`python -m bot partners invite CODE` issues a `prt_<random>` code through the officers' invite
mechanism (hashed, single use, expiring, failed attempts counted); opening the link in the
partner's group (or a private chat) makes that chat the one its reports go to.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.conversation import Answer
from bot.outbox import PRIORITY_NOTICE, queue_answer
from bot.services import Services
from bot.turn import Turn
from bot.usecases.officers.invites import InviteError, code_hash, find_invite, new_code
from bot.usecases.officers.linking import invite_failed, locked_answer, locked_out
from bot.usecases.partners import queries
from db.models.officers import Invite
from db.models.partners import Partner
from db.models.reports import AuditEvent
from db.uow import UnitOfWork

log = logging.getLogger(__name__)

PARTNER_PREFIX = "prt"
PURPOSE_PARTNER = "partner"


async def partner_by_code(session: AsyncSession, code: str) -> Partner | None:
    """Return a partner by directory code (case-insensitive)."""
    return await queries.partner_with_code(session, code.strip().upper())


async def create_partner_invite(
    session: AsyncSession, partner_code: str, *, now: datetime, ttl_hours: float
) -> tuple[str, Partner, datetime]:
    """Create an invite that links a partner's chat; return (code, partner, expiry)."""
    partner = await partner_by_code(session, partner_code)
    if partner is None:
        raise InviteError(f"no partner with code {partner_code!r} (see partners.csv)")
    if not partner.active:
        raise InviteError(f"partner {partner.code} is not active")
    code = new_code(PARTNER_PREFIX)
    expires = now + timedelta(hours=ttl_hours)
    session.add(
        Invite(
            code_hash=code_hash(code),
            purpose=PURPOSE_PARTNER,
            partner_id=partner.id,
            created_at=now,
            expires_at=expires,
        )
    )
    session.add(
        AuditEvent(
            at=now,
            action="invite_created",
            data={"partner": partner.code, "purpose": PURPOSE_PARTNER},
        )
    )
    await session.flush()
    return code, partner, expires


async def link_partner_chat(
    uow: UnitOfWork, services: Services, turn: Turn, chat_id: int, title: str | None, code: str
) -> list[Answer]:
    """Make this chat the partner's: its forwarded reports arrive here from now on."""
    user = turn.user
    if locked_out(services, user):
        log.info("partner invite refused for user %s: too many failed attempts", user.id)
        return locked_answer(services, user)
    session = uow.session
    invite = await find_invite(session, code, PURPOSE_PARTNER, turn.now)
    partner = (
        await session.get(Partner, invite.partner_id) if invite and invite.partner_id else None
    )
    if invite is None or partner is None or not partner.active:
        return await invite_failed(uow, services, turn, "unknown, used or expired partner code")
    previous = partner.chat_id
    partner.chat_id = chat_id
    partner.chat_title = title
    partner.linked_at = turn.now
    invite.used_at = turn.now
    invite.used_by_user_id = user.id
    user.invite_failures = 0
    session.add(
        AuditEvent(
            at=turn.now,
            action="partner_linked",
            actor_user_id=user.id,
            data={"partner": partner.code, "chat_id": chat_id, "replaced": previous is not None},
        )
    )
    await session.flush()
    ops = services.config.telegram.ops_chat_id
    if ops and ops != chat_id:
        # A leaked invite gets noticed: the ops chat hears of every link.
        announcement = Answer(
            key="partners-linked-announce",
            args={"name": partner.name, "code": partner.code, "chat": title or "—"},
        )
        queue_answer(uow, ops, announcement, services.catalog.default, priority=PRIORITY_NOTICE)
    return [Answer(key="partners-linked", args={"name": partner.name})]
