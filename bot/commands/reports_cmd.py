"""`python -m bot reports export|stats`: reports for KMZB or police records, and the statistics
charts for debates."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import sys
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.commands import Subparsers, add_parser
from bot.config import Config, Secrets
from bot.i18n import Catalog
from bot.usecases.community.charts import chart_texts, unit_stats
from bot.usecases.community.stats import GROUPINGS, to_csv, to_png
from bot.usecases.export import PlaceNamer, export_reports
from bot.usecases.places import report_place_namer
from bot.usecases.report.categories import load_categories
from db.engine import create_engine, database_url, session_factory
from db.models.directory import Station
from db.private_files import write_private
from db.repositories.directory_queries import load_directory
from lookup.gazetteer import Gazetteer


def register(subparsers: Subparsers) -> None:
    """Add `reports export` and `reports stats`."""
    parser = add_parser(subparsers, "reports", "reports for KMZB and police records")
    actions = parser.add_subparsers(dest="reports_action", metavar="ACTION", required=True)
    export = add_parser(actions, "export", "export reports created since a date")
    export.add_argument("--since", type=date.fromisoformat, required=True, help="YYYY-MM-DD")
    export.add_argument("--format", choices=("csv", "geojson"), default="csv")
    export.add_argument("--output", "-o", type=Path, help="file to write (default: stdout)")
    export.add_argument(
        "--with-personal-data",
        action="store_true",
        help="add residents' texts, exact places, reporters' names and consented phones (audited)",
    )
    export.set_defaults(handler=_export)

    stats = add_parser(
        actions, "stats", "charts (PNG) or figures (CSV) of the reports, for debates"
    )
    stats.add_argument("--since", type=date.fromisoformat, required=True, help="YYYY-MM-DD")
    stats.add_argument(
        "--until", type=date.fromisoformat, help="YYYY-MM-DD, inclusive (default: today)"
    )
    stats.add_argument(
        "--by",
        choices=GROUPINGS,
        default="category",
        help="gmina: by police station until the directory knows the powiat's gminas",
    )
    stats.add_argument("--format", choices=("png", "csv"), default="png")
    stats.add_argument("--output", "-o", type=Path, required=True, help="file to write")
    stats.add_argument("--station", help="a station's code (default: every station)")
    stats.add_argument("--lang", default="pl", help="the language of the chart (pl, uk, en)")
    stats.set_defaults(handler=_stats)


def _export(args: argparse.Namespace, config: Config, secrets: Secrets) -> int:
    result = asyncio.run(_run(args, config, secrets))
    if args.output:
        # Reports are residents' data: the file is the owner's only (0600).
        write_private(args.output, result[0])
    else:
        sys.stdout.write(result[0])
    print(f"{result[1]} reports exported", file=sys.stderr)
    return 0


async def _place_namer(session: AsyncSession, config: Config) -> PlaceNamer:
    """Name places as the bot does: a pin by the nearest street of the directory, in Polish."""
    gazetteer = Gazetteer.from_directory(
        await load_directory(session), tolerance_m=config.lookup.border_tolerance_m
    )
    catalog = Catalog(config.bot.languages)
    return report_place_namer(catalog, catalog.default, gazetteer, config.lookup.map_link)


async def _run(args: argparse.Namespace, config: Config, secrets: Secrets) -> tuple[str, int]:
    engine = create_engine(database_url(secrets.database_url, config.database.sqlite_path))
    try:
        async with session_factory(engine)() as session:
            result = await export_reports(
                session,
                load_categories(config.bot.categories_file),
                # Police staff mean local days: midnight in Konin, not in Greenwich.
                since=datetime.combine(
                    args.since, datetime.min.time(), tzinfo=ZoneInfo(config.bot.timezone)
                ),
                fmt=args.format,
                with_personal_data=args.with_personal_data,
                actor=f"cli:{getpass.getuser()}",
                place=await _place_namer(session, config),
            )
            # Commits the audit row of a personal-data export (nothing else was written).
            await session.commit()
        return result.content, result.count
    finally:
        await engine.dispose()


def _stats(args: argparse.Namespace, config: Config, secrets: Secrets) -> int:
    try:
        content, count, groups = asyncio.run(_run_stats(args, config, secrets))
    except LookupError as missing:
        print(
            f"no station with the code {missing}: see `python -m bot officers list`",
            file=sys.stderr,
        )
        return 2
    args.output.write_bytes(content)
    print(f"{count} reports in {groups} groups written to {args.output}", file=sys.stderr)
    return 0


async def _run_stats(
    args: argparse.Namespace, config: Config, secrets: Secrets
) -> tuple[bytes, int, int]:
    timezone = config.bot.timezone
    until = args.until or datetime.now(ZoneInfo(timezone)).date()
    catalog = Catalog(config.bot.languages)
    lang = catalog.language(args.lang)
    engine = create_engine(database_url(secrets.database_url, config.database.sqlite_path))
    try:
        async with session_factory(engine)() as session:
            station = None
            if args.station:
                station = await session.scalar(select(Station).where(Station.code == args.station))
                if station is None:
                    raise LookupError(args.station)
            stats = await unit_stats(
                session,
                catalog,
                load_categories(config.bot.categories_file),
                lang,
                since=args.since,
                until=until,
                by=args.by,
                timezone=timezone,
                station=station,
            )
    finally:
        await engine.dispose()
    if args.format == "csv":
        content = to_csv(stats).encode("utf-8")
    else:
        content = to_png(stats, chart_texts(catalog, lang, stats, until))
    return content, stats.total, len(stats.groups)
