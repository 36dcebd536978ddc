"""Coordinators block a resident who abuses the bot (/blokuj REF) and unblock them (/odblokuj REF).

The resident is named by one of their reports' references, so a coordinator never needs (or
sees) a Telegram id. The gatekeeper does the rest: a blocked person gets one polite message and
is ignored afterwards. Every block and unblock is audited.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from bot.conversation import Answer, Command
from bot.outbox import PRIORITY_NOTICE, queue_answer
from bot.usecases.flow import FlowContext
from bot.usecases.officers.permissions import linked_officer, may_act
from bot.usecases.officers.queries import find_report
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
        """Block or unblock the person behind a report, if the coordinator may."""
        step = ctx.step
        command = step.name if isinstance(step, Command) else BLOCK
        officer = await linked_officer(ctx.session, ctx.user)
        if officer is None or not officer.coordinator:
            return [ctx.answer("operations-coordinators-only")]
        reference, _, reason = args.strip().partition(" ")
        if not reference:
            return [ctx.answer("operations-ban-usage", command=command)]
        report = await find_report(ctx.session, reference)
        if report is None:
            return [ctx.answer("operations-ban-unknown", reference=reference[:32])]
        if not await may_act(ctx.session, officer, report):
            return [ctx.answer("operations-ban-not-yours", reference=report.reference)]
        person = await ctx.session.get(User, report.user_id) if report.user_id else None
        if person is None:
            # Anonymised after the retention period, or the person's data was erased.
            return [ctx.answer("operations-ban-nobody", reference=report.reference)]
        if person.role is not Role.RESIDENT:
            return [ctx.answer("operations-ban-not-resident", reference=report.reference)]
        block = command == BLOCK
        if person.blocked == block:
            # The same answer as a fresh block: "already blocked" would tell the coordinator that
            # two anonymous reports came from one person.
            key = "operations-blocked" if block else "operations-unblocked"
            return [ctx.answer(key, reference=report.reference)]
        person.blocked = block
        ctx.session.add(
            AuditEvent(
                at=ctx.turn.now,
                action=BLOCKED_ACTION if block else UNBLOCKED_ACTION,
                actor_user_id=ctx.user.id,
                actor_officer_id=officer.id,
                report_id=report.id,
                subject_user_id=person.id,
                note=reason.strip()[:REASON_CHARS] or None,
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
            return [ctx.answer("operations-blocked", reference=report.reference)]
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
        return [ctx.answer("operations-unblocked", reference=report.reference)]

    async def on_step(self, ctx: FlowContext) -> Sequence[Answer]:
        """Nothing to continue: this flow never becomes the conversation's flow."""
        return []

    async def current_question(self, ctx: FlowContext) -> Sequence[Answer]:
        """Nothing to ask."""
        return []
