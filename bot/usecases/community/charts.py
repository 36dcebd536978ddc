"""Statistics as the bot and the CLI deliver them: the unit's title, the words of the chart in
the reader's language, and the period in local days."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from bot.i18n import Catalog, Dated
from bot.usecases.community.stats import ChartTexts, GroupBy, Stats, collect
from bot.usecases.report.categories import Categories
from db.models.directory import Station


def local_midnight(day: date, timezone: str) -> datetime:
    """Return the start of a local day (police staff mean Konin's days, not Greenwich's)."""
    return datetime.combine(day, time.min, tzinfo=ZoneInfo(timezone))


async def unit_stats(
    session: AsyncSession,
    catalog: Catalog,
    categories: Categories,
    lang: str,
    *,
    since: date,
    until: date,
    by: GroupBy,
    timezone: str,
    station: Station | None,
) -> Stats:
    """Collect one unit's statistics for the local days [since, until] (both inclusive)."""

    def word(key: str) -> str:
        return catalog.plain(lang, key)

    return await collect(
        session,
        since=local_midnight(since, timezone),
        until=local_midnight(until + timedelta(days=1), timezone),
        by=by,
        timezone=timezone,
        category_name=lambda code: categories.name(code, lang),
        station_id=station.id if station is not None else None,
        unit=station.name if station is not None else word("community-stats-all-units"),
        outside=word("community-stats-outside"),
        unknown_gmina=lambda station: catalog.plain(
            lang, "community-stats-unknown-gmina", {"station": station}
        ),
    )


def chart_texts(catalog: Catalog, lang: str, stats: Stats, until: date) -> ChartTexts:
    """Return the chart's words; the title names the period, the unit and the grouping."""

    def word(key: str, **args: object) -> str:
        return catalog.plain(lang, key, args)

    return ChartTexts(
        title=word(
            "community-stats-title",
            since=Dated.day(stats.since),
            until=Dated.day(until),
            unit=stats.unit,
            by=stats.by,
            total=stats.total,
        ),
        per_month=word("community-stats-per-month", by=stats.by),
        per_group=word("community-stats-per-group", by=stats.by),
        reports=word("community-stats-reports"),
        confirmed=word("community-stats-confirmed"),
        medians=word("community-stats-medians"),
        take=word("community-stats-take"),
        close=word("community-stats-close"),
        hours=word("community-stats-hours"),
        empty=word("community-stats-empty"),
    )
