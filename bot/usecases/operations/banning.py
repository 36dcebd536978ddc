"""Coordinators block a resident who abuses the bot (/blokuj REF) and unblock them (/odblokuj REF).

The resident is named by one of their reports' references, or a follower of a report by the
number the history shows ("resident #2": /blokuj REF #2), so a coordinator never needs (or
sees) a Telegram id. The gatekeeper does the rest: a blocked person gets one polite message and
is ignored afterwards. Every block and unblock is audited, outside the report's history.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from bot.conversation import Answer, Command
from bot.outbox import PRIORITY_NOTICE, queue_answer
from bot.usecases.flow import FlowContext
from bot.usecases.officers.permissions import linked_officer, may_act
from bot.usecases.officers.queries import find_report
from bot.usecases.report.duplicates import follower_numbers
from db.models.people import Role, User
from db.models.reports import AuditEvent

log = logging.getLogger(__name__)

BLOCK = "blokuj"
UNBLOCK = "odblokuj"
BLOCKED_ACTION = "user_blocked"
UNBLOCKED_ACTION = "user_unblocked"
# Characters of the reason kept in the audit trail.
REASON_CHARS = 200


class BanningFlow:
    """/blokuj and /odblokuj: one command each, no conversation state."""

    name = "banning"
    commands = frozenset({BLOCK, UNBLOCK})
    scopes: frozenset[str] = frozenset()
    deep_links: frozenset[str] = frozenset()
    resumable = False
    keeps_conversation = True

    async def begin(self, ctx: FlowContext, args: str) -> Sequence[Answer]:
        """Block or unblock the person behind a report (or a follower of it), if allowed."""
        step = ctx.step
        command = step.name if isinstance(step, Command) else BLOCK
        officer = await linked_officer(ctx.session, ctx.user)
        if officer is None or not officer.coordinator:
            return [ctx.answer("operations-coordinators-only")]
        reference, _, rest = args.strip().partition(" ")
        if not reference:
            return [ctx.answer("operations-ban-usage", command=command)]
        follower, reason = _follower_and_reason(rest)
        report = await find_report(ctx.session, reference)
        if report is None:
            return [ctx.answer("operations-ban-unknown", reference=reference[:32])]
        if not await may_act(ctx.session, officer, report):
            return [ctx.answer("operations-ban-not-yours", reference=report.reference)]
        if follower is not None:
            numbers = await follower_numbers(ctx.session, report.id)
            user_id = next((uid for uid, n in numbers.items() if n == follower), None)
            if user_id is None:
                return [
                    ctx.answer(
                        "privacy-ban-no-follower", reference=report.reference, number=follower
                    )
                ]
        else:
            user_id = report.user_id
        person = await ctx.session.get(User, user_id) if user_id else None
        if person is None:
            # Anonymised after the retention period, or the person's data was erased.
            return [ctx.answer("operations-ban-nobody", reference=report.reference)]
        if person.role is not Role.RESIDENT:
            return [ctx.answer("operations-ban-not-resident", reference=report.reference)]
        block = command == BLOCK
        done = _done_answer(ctx, block, report.reference, follower)
        if person.blocked == block:
            # The same answer as a fresh block: "already blocked" would tell the coordinator that
            # two anonymous reports came from one person.
            return [done]
        person.blocked = block
        ctx.session.add(
            AuditEvent(
                at=ctx.turn.now,
                action=BLOCKED_ACTION if block else UNBLOCKED_ACTION,
                actor_user_id=ctx.user.id,
                actor_officer_id=officer.id,
                # Not in the report's history: an unblock through another report would show
                # there whether the two came from one person. The trail keeps the reference.
                report_id=None,
                subject_user_id=person.id,
                note=reason.strip()[:REASON_CHARS] or None,
                data={"reference": report.reference, "follower": follower},
            )
        )
        # Ids only: the log never names the person.
        log.info(
            "user %s %s by officer %s (report %s)",
            person.id,
            "blocked" if block else "unblocked",
            officer.id,
            report.id,
        )
        if block:
            return [done]
        if person.chat_id is not None and not person.undeliverable:
            lang = ctx.services.catalog.language(person.language or report.language)
            queue_answer(
                ctx.uow,
                person.chat_id,
                Answer("operations-unblocked-resident"),
                lang,
                user_id=person.id,
                priority=PRIORITY_NOTICE,
            )
        return [done]

    async def on_step(self, ctx: FlowContext) -> Sequence[Answer]:
        """Nothing to continue: this flow never becomes the conversation's flow."""
        return []

    async def current_question(self, ctx: FlowContext) -> Sequence[Answer]:
        """Nothing to ask."""
        return []


def _follower_and_reason(rest: str) -> tuple[int | None, str]:
    """Split "#2 reason" into the follower's number and the reason ("reason" alone: None)."""
    head, _, tail = rest.strip().partition(" ")
    if head.startswith("#") and head[1:].isdigit() and len(head) <= 6:
        return int(head[1:]), tail
    return None, rest


def _done_answer(ctx: FlowContext, block: bool, reference: str, follower: int | None) -> Answer:
    if follower is not None:
        key = "privacy-blocked-follower" if block else "privacy-unblocked-follower"
        return ctx.answer(key, reference=reference, number=follower)
    key = "operations-blocked" if block else "operations-unblocked"
    return ctx.answer(key, reference=reference)
