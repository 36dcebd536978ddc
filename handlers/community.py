"""Community: send a coordinator's statistics charts (outbox kind "stats_chart") and edit an
officer's live card of a meeting (kind "meeting_view").

The charts are drawn from the database when the row is sent (in a worker thread: matplotlib
takes a good fraction of a second of CPU), so they show the figures of that moment; the card,
likewise, shows the count of "I'll come" of the moment it is edited.
"""

from __future__ import annotations

import asyncio
import html
import logging
from collections.abc import Mapping
from datetime import date, timedelta

from telegram import Bot, InlineKeyboardMarkup, InputFile
from telegram.constants import ParseMode
from telegram.error import BadRequest

from bot.pipeline.senders import Sender
from bot.services import Services
from bot.usecases.community.charts import chart_texts, unit_stats
from bot.usecases.community.meeting_card import KIND_MEETING_VIEW, card_to_edit
from bot.usecases.community.stats import to_png
from bot.usecases.community.stats_flow import KIND_STATS_CHART
from bot.usecases.report.categories import Categories, load_categories
from db.models.directory import Station
from db.models.pipeline import OutboxMessage
from handlers.render import NOT_MODIFIED, render_markup, render_text

log = logging.getLogger(__name__)


class CommunitySenders:
    """Send the statistics charts."""

    def __init__(self, services: Services) -> None:
        self.services = services

    def _categories(self) -> Categories:
        services = self.services
        if services.categories is None:
            services.categories = load_categories(services.config.bot.categories_file)
        return services.categories

    async def stats_chart(self, bot: Bot, row: OutboxMessage) -> int | None:
        """Draw one chart of the coordinator's station and send it as a photo."""
        services = self.services
        catalog = services.catalog
        payload = row.payload
        lang = catalog.language(payload.get("lang"))
        until = date.fromisoformat(str(payload["until"]))
        since = until - timedelta(days=int(payload["days"]) - 1)
        by = payload.get("by", "category")
        async with services.uow() as uow:
            station = await uow.session.get(Station, int(payload["station_id"]))
            stats = await unit_stats(
                uow.session,
                catalog,
                self._categories(),
                lang,
                since=since,
                until=until,
                by=by,
                timezone=services.config.bot.timezone,
                station=station,
            )
        texts = chart_texts(catalog, lang, stats, until)
        png = await asyncio.to_thread(to_png, stats, texts)
        message = await bot.send_photo(
            chat_id=row.chat_id,
            photo=InputFile(png, filename=f"statystyki-{by}.png"),
            caption=html.escape(texts.title, quote=False),
        )
        return message.message_id

    async def meeting_view(self, bot: Bot, row: OutboxMessage) -> int | None:
        """Edit the officer's live card of a meeting to show it as it is now."""
        services = self.services
        async with services.uow() as uow:
            found = await card_to_edit(uow.session, services, row, services.clock())
        if found is None:
            # Never sent (or the meeting is gone): the next card shown is current anyway.
            return None
        message_id, answer = found
        lang = services.catalog.language(row.payload.get("lang"))
        markup = render_markup(services.catalog, lang, answer)
        try:
            await bot.edit_message_text(
                chat_id=row.chat_id,
                message_id=message_id,
                text=render_text(services.catalog, lang, answer),
                parse_mode=ParseMode.HTML,
                reply_markup=markup if isinstance(markup, InlineKeyboardMarkup) else None,
            )
        except BadRequest as exc:
            if NOT_MODIFIED not in str(exc).lower():
                # Deleted in the chat, or too old to edit: /spotkania shows a new card.
                log.info("meeting card in chat %s not edited (%s)", row.chat_id, exc)
                return None
        return message_id


def senders(services: Services) -> Mapping[str, Sender]:
    community = CommunitySenders(services)
    return {KIND_STATS_CHART: community.stats_chart, KIND_MEETING_VIEW: community.meeting_view}
