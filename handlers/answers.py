"""The "answer" outbox kind: catalog messages with options, sent by the delivery worker."""

from __future__ import annotations

from collections.abc import Mapping

from bot.pipeline.senders import Sender
from bot.services import Services
from handlers.render import AnswerSender


def senders(services: Services) -> Mapping[str, Sender]:
    return {"answer": AnswerSender(services.catalog, services.uow)}
