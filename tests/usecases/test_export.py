"""Reports export for KMZB: CSV and GeoJSON round-trip; personal data only on request, audited."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.usecases.export import export_reports
from bot.usecases.report.categories import load_categories
from bot.usecases.report.public import coarse_point
from db.engine import session_factory
from db.models import AuditEvent, District, Report, Reporter, ReportStatus, Station

CATEGORIES = load_categories(Path("data/categories.csv"))
CELL = coarse_point(52.2275, 18.2614, 200)
T0 = datetime(2026, 11, 1, 10, 0, tzinfo=UTC)


async def _seed(engine: AsyncEngine) -> None:
    async with session_factory(engine)() as session:
        station = Station(code="KMP", name="KMP Konin", address="ul. Kolejowa 5", phone="+48 47")
        session.add(station)
        await session.flush()
        district = District(code="R1", name="Rejon 1", station_id=station.id, sample=True)
        session.add(district)
        named = Reporter(display_name="Anna K.", phone="+48600100200", phone_consent_at=T0)
        secret = Reporter(display_name="Jan N.", phone="+48600999888", phone_consent_at=T0)
        session.add_all([named, secret])
        await session.flush()
        session.add_all(
            [
                Report(
                    reference="KN-2026-000001",
                    category="parking",
                    status=ReportStatus.CONFIRMED,
                    district_id=district.id,
                    lat=52.2275,
                    lon=18.2614,
                    public_lat=CELL[0],
                    public_lon=CELL[1],
                    location_source="point",
                    description='=HYPERLINK("http://x") Auta na chodniku, "codziennie"',
                    anonymous=False,
                    reporter_id=named.id,
                    created_at=T0,
                    updated_at=T0,
                ),
                Report(
                    reference="KN-2026-000002",
                    category="inne",
                    category_other="Hałas nocą",
                    district_id=district.id,
                    location_source="address",
                    address="ul. Kolejowa 12, Konin",
                    public_address="ul. Kolejowa, Konin",
                    anonymous=True,
                    reporter_id=secret.id,
                    created_at=T0.replace(day=5),
                    updated_at=T0.replace(day=5),
                ),
                Report(
                    reference="KN-2026-000000",
                    category="parking",
                    location_source="point",
                    lat=52.0,
                    lon=18.0,
                    created_at=T0.replace(month=10),
                    updated_at=T0.replace(month=10),
                ),
            ]
        )
        await session.commit()


async def _export(engine: AsyncEngine, fmt: str, personal: bool) -> tuple[str, int]:
    async with session_factory(engine)() as session:
        result = await export_reports(
            session,
            CATEGORIES,
            since=T0,
            fmt=fmt,  # type: ignore[arg-type]
            with_personal_data=personal,
            actor="test",
        )
        await session.commit()
    return result.content, result.count


async def test_csv_round_trips_without_personal_data(engine: AsyncEngine) -> None:
    await _seed(engine)
    content, count = await _export(engine, "csv", personal=False)
    rows = list(csv.DictReader(io.StringIO(content)))
    assert count == 2 and [r["reference"] for r in rows] == ["KN-2026-000001", "KN-2026-000002"]
    first, second = rows
    assert first["category_name"] == "Nieprawidłowe parkowanie"
    assert first["status"] == "confirmed" and first["district_code"] == "R1"
    # No free text, and only the public place: the grid cell, the street without its number.
    assert "description" not in first and "category_other" not in first
    assert "HYPERLINK" not in content and "Hałas" not in content
    assert (float(first["lat"]), float(first["lon"]), first["precision"]) == (*CELL, "cell")
    assert second["address"] == "ul. Kolejowa, Konin" and second["lat"] == ""
    assert "Kolejowa 12" not in content
    assert "reporter_name" not in first and "+48600100200" not in content
    async with session_factory(engine)() as session:
        assert (await session.execute(select(AuditEvent))).first() is None


async def test_personal_data_only_for_named_consenting_reporters_and_audited(
    engine: AsyncEngine,
) -> None:
    await _seed(engine)
    content, _ = await _export(engine, "csv", personal=True)
    first, second = csv.DictReader(io.StringIO(content))
    assert first["reporter_name"] == "Anna K." and first["reporter_phone"] == "+48600100200"
    # The residents' texts and exact places; a text never becomes a spreadsheet formula.
    assert first["description"] == '\'=HYPERLINK("http://x") Auta na chodniku, "codziennie"'
    assert (float(first["lat"]), first["precision"]) == (52.2275, "exact")
    assert second["address"] == "ul. Kolejowa 12, Konin"
    assert second["category_other"] == "Hałas nocą"
    # Anonymous means anonymous, even in a personal-data export.
    assert second["reporter_name"] == "" and second["reporter_phone"] == ""
    assert "Jan N." not in content and "+48600999888" not in content
    async with session_factory(engine)() as session:
        (audit,) = (await session.execute(select(AuditEvent))).scalars()
    assert audit.action == "export_personal_data" and audit.data["count"] == 2


async def test_geojson_round_trips(engine: AsyncEngine) -> None:
    await _seed(engine)
    content, count = await _export(engine, "geojson", personal=False)
    document = json.loads(content)
    assert document["type"] == "FeatureCollection" and len(document["features"]) == count == 2
    point, no_point = document["features"]
    assert point["geometry"] == {"type": "Point", "coordinates": [CELL[1], CELL[0]]}
    assert point["properties"]["reference"] == "KN-2026-000001"
    assert no_point["geometry"] is None
    assert "category_other" not in no_point["properties"]
    personal = json.loads((await _export(engine, "geojson", personal=True))[0])
    assert personal["features"][0]["geometry"]["coordinates"] == [18.2614, 52.2275]
    assert personal["features"][1]["properties"]["category_other"] == "Hałas nocą"
