"""/moje_dane (/my_data): a copy of one's data; /usun_dane (/delete_my_data): erasure.

The copy is two files (JSON and readable text) built from the database when they are sent
(outbox kind "personal_data"). Erasure asks first; the confirmation is a button of this
conversation's version, so an old message cannot erase anything by accident.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.conversation import Answer, Choice, Option
from bot.outbox import PRIORITY_REPLY, queue_answer, queue_kind, reply, reply_priority
from bot.usecases.flow import FlowContext
from bot.usecases.rights.access import ACCESS_ACTION
from bot.usecases.rights.erasure import erase_person
from db.models.people import Role
from db.models.reports import AuditEvent
from db.uow import current_inbox

FLOW = "rights"
SCOPE = "rd"
ACCESS_COMMANDS = frozenset({"moje_dane", "my_data"})
ERASE_COMMANDS = frozenset({"usun_dane", "delete_my_data"})
CONFIRM_STEP = "erase_confirm"
# Outbox kind sent by handlers/rights.py: {"user_id", "lang", "format": "json" | "text"}.
KIND_PERSONAL_DATA = "personal_data"


class RightsFlow:
    """A copy of one's data, and erasure after confirmation."""

    name = FLOW
    commands = ACCESS_COMMANDS | ERASE_COMMANDS
    scopes = frozenset({SCOPE})
    deep_links: frozenset[str] = frozenset()
    resumable = False

    async def begin(self, ctx: FlowContext, args: str) -> Sequence[Answer]:
        """Send the copy, or ask whether to erase."""
        step = ctx.step
        name = getattr(step, "name", "")
        if name in ACCESS_COMMANDS:
            return _send_copy(ctx)
        if ctx.user.role is not Role.RESIDENT:
            # An officer's account is the police's to unlink (officers revoke), not to erase.
            return [ctx.answer("privacy-erase-officer")]
        ctx.goto(FLOW, CONFIRM_STEP, {})
        rows = [
            [Option("privacy-erase-yes", "erase.yes")],
            [Option("privacy-erase-no", "erase.no")],
        ]
        return [ctx.answer("privacy-erase-question", rows, scope=SCOPE)]

    async def on_step(self, ctx: FlowContext) -> Sequence[Answer]:
        """Take the answer to "erase everything?"."""
        step = ctx.step
        confirming = ctx.conversation.flow == FLOW and ctx.conversation.step == CONFIRM_STEP
        if not isinstance(step, Choice) or not confirming:
            if confirming:
                return await self.current_question(ctx)
            return [ctx.answer("button-expired")]
        if not ctx.is_current(step):
            return [ctx.answer("button-expired"), *await self.current_question(ctx)]
        if step.value != "erase.yes":
            ctx.reset()
            return [ctx.answer("privacy-erase-kept")]
        return await _erase(ctx)

    async def current_question(self, ctx: FlowContext) -> Sequence[Answer]:
        """Ask again whether to erase."""
        if ctx.conversation.flow != FLOW:
            return []
        rows = [
            [Option("privacy-erase-yes", "erase.yes")],
            [Option("privacy-erase-no", "erase.no")],
        ]
        return [ctx.answer("privacy-erase-question", rows, scope=SCOPE)]


def _send_copy(ctx: FlowContext) -> list[Answer]:
    user = ctx.user
    if user.chat_id is None:
        return []
    # The notice first, then the files: queued in this order, they arrive in this order.
    reply(ctx.uow, user, ctx.answer("privacy-data-coming"), ctx.lang)
    for fmt in ("json", "text"):
        queue_kind(
            ctx.uow,
            user.chat_id,
            KIND_PERSONAL_DATA,
            {"user_id": user.id, "lang": ctx.lang, "format": fmt},
            user_id=user.id,
            priority=reply_priority.get(),
        )
    ctx.session.add(
        AuditEvent(
            at=ctx.turn.now, action=ACCESS_ACTION, subject_user_id=user.id, data={"via": "chat"}
        )
    )
    return []


async def _erase(ctx: FlowContext) -> list[Answer]:
    user = ctx.user
    chat_id, lang = user.chat_id, ctx.lang
    # The conversation row goes with the person: the session must not write it back.
    ctx.session.expunge(ctx.conversation)
    claim = current_inbox.get()
    await erase_person(
        ctx.session,
        user,
        ctx.turn.now,
        actor="chat",
        keep_inbox_id=claim.inbox_id if claim is not None else None,
    )
    if chat_id is not None:
        # Queued here, linked to nobody: the person's row no longer exists.
        queue_answer(ctx.uow, chat_id, Answer("privacy-erased"), lang, priority=PRIORITY_REPLY)
    return []
