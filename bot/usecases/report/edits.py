"""Edited messages: an answer already taken is not silently replaced."""

from __future__ import annotations

from collections.abc import Sequence

from bot.conversation import Answer
from bot.services import Services
from bot.turn import Turn
from bot.usecases.flow import FlowContext
from bot.usecases.report.form import FLOW, Form, ask
from bot.usecases.router import Router
from db.repositories.conversations import load_conversation
from db.uow import UnitOfWork


async def answer_edited(
    uow: UnitOfWork, turn: Turn, services: Services, router: Router
) -> Sequence[Answer]:
    """Inside a report, say that edits change nothing and ask again; elsewhere route as usual.

    The edited message may answer a question asked three steps ago; applying it to the current
    question would put an address into the description. The summary's "Change" does it right.
    """
    conversation = await load_conversation(uow.session, turn.user.id)
    expires = conversation.expires_at
    if conversation.flow != FLOW or (expires is not None and expires <= turn.now):
        return await router.handle(uow, turn, services)
    form = Form(FlowContext(uow, turn, conversation, services))
    return [form.answer("report-edited"), *await ask(form, form.step)]
