"""The reporter's answers and additions (bot/usecases/report/follow_up.py): their photos.

A photo sent in the reply window is downloaded and re-encoded before the turn's transaction
opens, as "Send" does for a report's photos, so slow work never holds the database.
"""

from __future__ import annotations

from telegram import Bot

from bot.conversation import Media, Step
from bot.feature import Feature
from bot.services import Services
from bot.usecases.report.follow_up import FLOW_NAME
from bot.usecases.report.submit import prepare_photos
from db.repositories.conversations import flow_of
from handlers.turn import CHANNEL, PRE_TURN_HOOKS


async def _post_start(services: Services, bot: Bot) -> None:
    async def prefetch_photos(services: Services, external_id: str, step: Step) -> None:
        if not isinstance(step, Media):
            return
        async with services.uow() as uow:
            flow = await flow_of(uow.session, CHANNEL, external_id)
        if flow == FLOW_NAME:
            await prepare_photos(services, list(step.refs))

    services.extras.setdefault(PRE_TURN_HOOKS, []).append(prefetch_photos)


FEATURE = Feature(name="follow_up", post_start=_post_start)
