"""Residents' rights: send the copy of a person's data as files (outbox kind "personal_data").

The files are built from the database when the row is sent, so they show what is stored then;
if the person was erased meanwhile, nothing is sent.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from zoneinfo import ZoneInfo

from telegram import Bot, InputFile

from bot.i18n import Dated
from bot.pipeline.senders import Sender
from bot.services import Services
from bot.usecases.rights.access import as_json, as_text, personal_data
from bot.usecases.rights.rights_flow import KIND_PERSONAL_DATA
from db.models.people import User
from db.models.pipeline import OutboxMessage


class RightsSenders:
    """Send the copy of a person's data."""

    def __init__(self, services: Services) -> None:
        self.services = services

    async def personal_data(self, bot: Bot, row: OutboxMessage) -> int | None:
        """Send one file of the copy: JSON (with photos) or the readable text."""
        services = self.services
        catalog = services.catalog
        lang = catalog.language(row.payload.get("lang"))
        async with services.uow() as uow:
            user = await uow.session.get(User, int(row.payload["user_id"]))
            if user is None or user.chat_id != row.chat_id:
                return None
            data = await personal_data(services, uow.session, user, lang)
        timezone = services.config.bot.timezone
        at = datetime.fromisoformat(data["generated_at"]).astimezone(ZoneInfo(timezone))
        stamp = Dated.moment(at)
        stem = catalog.plain(lang, "privacy-data-filename")
        if row.payload.get("format") == "json":
            content, name, caption = as_json(data), f"{stem}.json", "privacy-data-caption-json"
        else:
            content = as_text(data, catalog, lang, timezone)
            name, caption = f"{stem}.txt", "privacy-data-caption-text"
        message = await bot.send_document(
            chat_id=row.chat_id,
            document=InputFile(content.encode("utf-8"), filename=name),
            caption=catalog.render(lang, caption, {"at": stamp}),
        )
        return message.message_id


def senders(services: Services) -> Mapping[str, Sender]:
    return {KIND_PERSONAL_DATA: RightsSenders(services).personal_data}
