"""Community: send a coordinator's statistics charts (outbox kind "stats_chart").

The charts are drawn from the database when the row is sent (in a worker thread: matplotlib
takes a good fraction of a second of CPU), so they show the figures of that moment.
"""

from __future__ import annotations

import asyncio
import html
from collections.abc import Mapping
from datetime import date, timedelta

from telegram import Bot, InputFile

from bot.pipeline.senders import Sender
from bot.services import Services
from bot.usecases.community.charts import chart_texts, unit_stats
from bot.usecases.community.stats import to_png
from bot.usecases.community.stats_flow import KIND_STATS_CHART
from bot.usecases.report.categories import Categories, load_categories
from db.models.directory import Station
from db.models.pipeline import OutboxMessage


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


def senders(services: Services) -> Mapping[str, Sender]:
    return {KIND_STATS_CHART: CommunitySenders(services).stats_chart}
