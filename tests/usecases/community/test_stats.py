"""Statistics for debates: `python -m bot reports stats` writes a PNG whose drawn figures match
the CSV written from the same data, with the period and the unit in the title."""

from __future__ import annotations

import asyncio
import csv
import io
import itertools
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PIL import Image
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.cli import build_parser
from bot.commands import registered_commands
from bot.config import Config, Secrets
from bot.usecases.community.stats import FIGURES_KEY, ChartTexts, Group, Stats, to_png
from db.engine import session_factory
from db.models import District, Report, ReportStatus, Station

T0 = datetime(2026, 10, 5, 10, 0, tzinfo=UTC)
_NUMBERS = itertools.count()


async def seed(engine: AsyncEngine) -> None:
    """Two stations, four districts in two gminas (one district's gmina unknown); reports in
    October and November with known times."""
    async with session_factory(engine)() as session:
        konin = Station(code="KMP", name="KMP Konin", address="ul. Kolejowa 5", phone="+48 47")
        golina = Station(code="KP-GOL", name="KP Golina", address="ul. Konińska 1", phone="+48 63")
        session.add_all([konin, golina])
        await session.flush()
        r1 = District(code="R1", name="Rejon 1", station_id=konin.id, gmina="Konin")
        r2 = District(code="R2", name="Rejon 2", station_id=konin.id, gmina="konin ")
        k1 = District(code="K1", name="Rejon Kramsk", station_id=konin.id, gmina="Kramsk")
        g1 = District(code="G1", name="Rejon Golina", station_id=golina.id)
        session.add_all([r1, r2, k1, g1])
        await session.flush()
        plan = [
            # district, category, status, days after T0, hours to take, hours to close
            (r1, "parking", ReportStatus.CONFIRMED, 0, 2, None),
            (r1, "parking", ReportStatus.ELIMINATED, 1, 4, 48),
            (r1, "illegal_dumping", ReportStatus.NOT_CONFIRMED, 2, 6, 24),
            (r2, "parking", ReportStatus.NEW, 30, None, None),
            (r2, "illegal_dumping", ReportStatus.ELIMINATED, 31, 1, 10),
            (r2, "illegal_dumping", ReportStatus.TAKEN, 32, 3, None),
            (g1, "parking", ReportStatus.CONFIRMED, 33, 8, None),
            (None, "parking", ReportStatus.NEW, 34, None, None),
            (k1, "illegal_dumping", ReportStatus.CONFIRMED, 35, 5, 30),
            (k1, "parking", ReportStatus.NEW, 3, None, None),
        ]
        for number, (district, category, status, days, take, close) in enumerate(plan, 1):
            created = T0 + timedelta(days=days)
            session.add(
                Report(
                    reference=f"KN-2026-{number:06d}",
                    category=category,
                    status=status,
                    district_id=district.id if district is not None else None,
                    location_source="point",
                    created_at=created,
                    updated_at=created,
                    taken_at=created + timedelta(hours=take) if take is not None else None,
                    closed_at=created + timedelta(hours=close) if close is not None else None,
                )
            )
        await session.commit()


async def stats(database: AsyncEngine, tmp_path: Path, *args: str) -> Path:
    """Run `python -m bot reports stats ... --output FILE` on the test's database; return FILE."""
    fmt = args[args.index("--format") + 1]
    output = tmp_path / f"stats-{next(_NUMBERS)}.{fmt}"
    assert await cli(database, *args, "--output", str(output)) == 0
    return output


async def cli(database: AsyncEngine, *args: str) -> int:
    """Run the command as the shell would, in this process (its own event loop, in a thread),
    on the SQLite file of `database`."""
    parsed = build_parser(registered_commands()).parse_args(["reports", "stats", *args])
    config = Config(database={"sqlite_path": str(database.url.database)})
    secrets = Secrets(bot_token=None, database_url=None, webhook_secret=None)
    result: int = await asyncio.to_thread(parsed.handler, parsed, config, secrets)
    return result


def csv_rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def drawn(path: Path) -> dict[str, object]:
    with Image.open(path) as image:
        assert image.format == "PNG" and image.size[0] >= 800
        figures: dict[str, object] = json.loads(image.info[FIGURES_KEY])
    return figures


def _hours(value: str) -> float | None:
    return float(value) if value else None


async def test_the_png_draws_the_figures_of_the_csv_by_district(
    sqlite_engine: AsyncEngine, tmp_path: Path
) -> None:
    await seed(sqlite_engine)
    period = ("--since", "2026-10-01", "--until", "2026-11-30", "--by", "district")
    rows = csv_rows(await stats(sqlite_engine, tmp_path, *period, "--format", "csv"))
    figures = drawn(await stats(sqlite_engine, tmp_path, *period, "--format", "png"))
    assert_drawn_as_written(figures, rows)
    by_name = {row["name"]: row for row in rows}
    assert set(by_name) == {"Rejon 1", "Rejon 2", "Rejon Kramsk", "Rejon Golina", "poza rejonami"}
    assert by_name["Rejon 1"]["reports"] == "3" and by_name["Rejon 1"]["confirmed"] == "2"
    assert by_name["Rejon 1"]["confirmed_share_pct"] == "66.7"
    assert by_name["Rejon 1"]["median_hours_to_take"] == "4.0"
    assert by_name["Rejon 1"]["median_hours_to_close"] == "36.0"
    assert by_name["Rejon 2"]["2026-11"] == "3" and by_name["Rejon 2"]["2026-10"] == "0"
    # The title names the period and the unit.
    assert figures["title"] == (
        "Zgłoszenia 01.10.2026–30.11.2026 · wszystkie jednostki · według rejonów (10)"
    )


def assert_drawn_as_written(figures: dict[str, object], rows: list[dict[str, str]]) -> None:
    """What the PNG drew is what the CSV says."""
    by_name = {row["name"]: row for row in rows}
    assert figures["reports"] == {n: float(r["reports"]) for n, r in by_name.items()}
    assert figures["confirmed"] == {n: float(r["confirmed"]) for n, r in by_name.items()}
    for column in ("median_hours_to_take", "median_hours_to_close"):
        assert figures[column] == {n: _hours(r[column]) for n, r in by_name.items() if r[column]}
    assert figures["months"] == {
        month: {n: float(r[month]) for n, r in by_name.items() if r[month] != "0"}
        for month in ("2026-10", "2026-11")
    }


async def test_the_png_draws_the_figures_of_the_csv_by_gmina(
    sqlite_engine: AsyncEngine, tmp_path: Path
) -> None:
    await seed(sqlite_engine)
    period = ("--since", "2026-10-01", "--until", "2026-11-30", "--by", "gmina")
    rows = csv_rows(await stats(sqlite_engine, tmp_path, *period, "--format", "csv"))
    figures = drawn(await stats(sqlite_engine, tmp_path, *period, "--format", "png"))
    assert_drawn_as_written(figures, rows)
    # "Konin" and "konin " are one gmina; Golina's district has none in the directory: its
    # reports are the station's, said so; a report outside every district stays outside.
    assert {r["group"]: (r["name"], r["reports"]) for r in rows} == {
        "Konin": ("Konin", "6"),
        "Kramsk": ("Kramsk", "2"),
        "?KP-GOL": ("KP Golina: gmina nieznana", "1"),
        "-": ("poza rejonami", "1"),
    }
    by_name = {row["name"]: row for row in rows}
    assert by_name["Kramsk"]["confirmed_share_pct"] == "50.0"
    assert by_name["Kramsk"]["2026-10"] == "1" and by_name["Kramsk"]["2026-11"] == "1"
    assert figures["title"] == (
        "Zgłoszenia 01.10.2026–30.11.2026 · wszystkie jednostki · według gmin (10)"
    )
    # In Ukrainian, the fallback label is the catalog's.
    ukrainian = csv_rows(
        await stats(sqlite_engine, tmp_path, *period, "--lang", "uk", "--format", "csv")
    )
    assert "KP Golina: гміна невідома" in {r["name"] for r in ukrainian}


def test_reports_taken_and_closed_within_minutes_are_drawn() -> None:
    # Medians of 0.0 h are drawn as whole-number bars (seen in the web chat: the chart failed).
    quick = Group(code="R1", name="Rejon 1", reports=1, take_hours=[0.0], close_hours=[0.0])
    quick.months["2026-12"] = 1
    waiting = Group(code="R2", name="Rejon 2", reports=1)
    waiting.months["2026-12"] = 1
    month = datetime(2026, 12, 1, tzinfo=UTC)
    until = month + timedelta(days=2)
    chart = Stats(month, until, "district", "KMP", ["2026-12"], [quick, waiting])
    texts = ChartTexts(*(f"t{n}" for n in range(10)))

    with Image.open(io.BytesIO(to_png(chart, texts))) as image:
        figures = json.loads(image.info[FIGURES_KEY])
    assert figures["median_hours_to_take"] == {"Rejon 1": 0.0}
    assert figures["median_hours_to_close"] == {"Rejon 1": 0.0}


async def test_one_station_by_category_and_by_gmina(
    sqlite_engine: AsyncEngine, tmp_path: Path
) -> None:
    await seed(sqlite_engine)
    kmp = ("--since", "2026-10-01", "--until", "2026-11-30", "--station", "KMP")
    by_category = (*kmp, "--by", "category", "--format")
    rows = csv_rows(await stats(sqlite_engine, tmp_path, *by_category, "csv"))
    assert {r["group"]: r["reports"] for r in rows} == {"parking": "4", "illegal_dumping": "4"}
    figures = drawn(await stats(sqlite_engine, tmp_path, *by_category, "png"))
    assert "KMP Konin" in str(figures["title"])
    assert figures["reports"] == {r["name"]: float(r["reports"]) for r in rows}
    # One station's gminas.
    gminas = csv_rows(
        await stats(sqlite_engine, tmp_path, *kmp, "--by", "gmina", "--format", "csv")
    )
    assert {r["group"]: r["reports"] for r in gminas} == {"Konin": "6", "Kramsk": "2"}


async def test_an_unknown_station_is_refused_politely(
    sqlite_engine: AsyncEngine, tmp_path: Path
) -> None:
    await seed(sqlite_engine)
    code = await cli(
        sqlite_engine,
        *("--since", "2026-10-01", "--station", "NOPE", "--format", "csv"),
        *("--output", str(tmp_path / "x.csv")),
    )
    assert code == 2
    assert not (tmp_path / "x.csv").exists()
