"""The reporter's answers and additions (bot/usecases/report/follow_up.py): their photos.

A photo sent in the reply window is downloaded and re-encoded before the turn's transaction
opens, as "Send" does for a report's photos, so slow work never holds the database.
"""

from __future__ import annotations

from bot.conversation import Media, Step
from bot.services import Services
from bot.usecases.report.follow_up import FLOW_NAME
from bot.usecases.report.submit import prepare_photos
from db.repositories.conversations import flow_of
from handlers.turn_runner import CHANNEL


async def prefetch_follow_up_photos(services: Services, external_id: str, step: Step) -> None:
    """A photo in the reply window: download and re-encode it before the turn's transaction."""
    if not isinstance(step, Media):
        return
    async with services.uow.read() as session:
        flow = await flow_of(session, CHANNEL, external_id)
    if flow == FLOW_NAME:
        await prepare_photos(services, list(step.refs))
