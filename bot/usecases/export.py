"""Export reports for entry into KMZB or police records: CSV or GeoJSON.

By default an export holds no free text (descriptions, "other" categories) and only the public
form of each place: the centre of its grid cell and a typed street without the house number
(bot/usecases/report/public.py), since a file travels further than the database. With
`with_personal_data` (audited) it holds the residents' texts, the exact points and addresses,
and the reporter's name and consented phone for non-anonymous reports.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from sqlalchemy.ext.asyncio import AsyncSession

from bot.usecases.report.categories import Categories
from db.models import AuditEvent, Report
from db.repositories.reports import reports_for_export

Format = Literal["csv", "geojson"]
# Names a report's place in words (bot.usecases.places.describe_place, plain text).
PlaceNamer = Callable[[Report], str]

FIELDS = (
    "reference",
    "category",
    "category_name",
    "status",
    "created_at",
    "updated_at",
    "closed_at",
    "district_code",
    "district_name",
    "lat",
    "lon",
    "address",
    "place",
    # "exact", or "cell" (the centre of a [privacy] public_grid_m cell, street without number).
    "precision",
    "occurred",
    "confirmations",
    "anonymous",
)
# Only with --with-personal-data: what residents typed, and who they are.
PERSONAL_FIELDS = ("category_other", "description", "reporter_name", "reporter_phone")
# Spreadsheet programs run a cell starting with these as a formula (CSV injection); the columns
# residents (or staff) type freely are neutralised, the rest (phones, dates, codes) are ours.
FORMULA_STARTS = frozenset("=+-@\t\r")
FREE_TEXT = frozenset(
    {"description", "address", "place", "category_other", "reporter_name", "district_name"}
)


@dataclass(frozen=True)
class ExportResult:
    """The exported document and how many reports it holds."""

    content: str
    count: int


async def export_reports(
    session: AsyncSession,
    categories: Categories,
    *,
    since: datetime,
    fmt: Format,
    with_personal_data: bool,
    actor: str,
    place: PlaceNamer | None = None,
) -> ExportResult:
    """Build the export of reports created since a moment; audit a personal-data export.

    `place` names each report's place as residents and officers read it (a pin by its nearest
    street); without it the column repeats the address.
    """
    rows = await _rows(session, categories, since, with_personal_data, place)
    content = _to_csv(rows, with_personal_data) if fmt == "csv" else _to_geojson(rows)
    if with_personal_data:
        session.add(
            AuditEvent(
                action="export_personal_data",
                note=actor,
                data={"since": since.isoformat(), "format": fmt, "count": len(rows)},
            )
        )
    return ExportResult(content, len(rows))


async def _rows(
    session: AsyncSession,
    categories: Categories,
    since: datetime,
    personal: bool,
    place: PlaceNamer | None,
) -> list[dict[str, Any]]:
    rows = []
    found = await reports_for_export(session, since)
    for report, district_code, district_name, reporter, count in found:
        # What the row says of the place: the report itself, or (by default) its public form,
        # which the place's name in words is made from too.
        shown = report if personal else _public_place(report)
        row: dict[str, Any] = {
            "reference": report.reference,
            "category": report.category,
            "category_name": categories.name(report.category, "pl"),
            "status": report.status.value,
            "created_at": report.created_at.isoformat(),
            "updated_at": report.updated_at.isoformat(),
            "closed_at": report.closed_at.isoformat() if report.closed_at else "",
            "district_code": district_code or "",
            "district_name": district_name or "",
            "lat": shown.lat,
            "lon": shown.lon,
            "address": shown.address or "",
            "place": place(shown) if place is not None else shown.address or "",
            # An anonymised report holds only its public place, whatever is asked for.
            "precision": "exact" if personal and report.anonymised_at is None else "cell",
            "occurred": json.dumps(report.occurred, ensure_ascii=False, sort_keys=True),
            "confirmations": int(count or 0),
            "anonymous": report.anonymous,
        }
        if personal:
            row["category_other"] = report.category_other or ""
            row["description"] = report.description or ""
            visible = None if report.anonymous else reporter
            row["reporter_name"] = (visible.display_name or "") if visible is not None else ""
            consented = visible is not None and visible.phone_consent_at is not None
            row["reporter_phone"] = (visible.phone or "") if visible and consented else ""
        rows.append(row)
    return rows


def _public_place(report: Report) -> Report:
    """Return an unsaved copy of the report's place in its public form only."""
    return Report(
        location_source=report.location_source,
        lat=report.public_lat,
        lon=report.public_lon,
        address=report.public_address,
    )


def _to_csv(rows: list[dict[str, Any]], personal: bool) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=[*FIELDS, *(PERSONAL_FIELDS if personal else ())])
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(v) if k in FREE_TEXT else _plain(v) for k, v in row.items()})
    return out.getvalue()


def _cell(value: Any) -> Any:
    """Keep a resident's text inert in a spreadsheet: a leading =, +, -, @ would be a formula."""
    if isinstance(value, str) and value[:1] in FORMULA_STARTS:
        return "'" + value
    return _plain(value)


def _plain(value: Any) -> Any:
    return "" if value is None else value


def _to_geojson(rows: list[dict[str, Any]]) -> str:
    features = []
    for row in rows:
        lat, lon = row["lat"], row["lon"]
        geometry = (
            {"type": "Point", "coordinates": [lon, lat]}
            if lat is not None and lon is not None
            else None
        )
        properties = {k: v for k, v in row.items() if k not in {"lat", "lon"}}
        features.append({"type": "Feature", "geometry": geometry, "properties": properties})
    document = {"type": "FeatureCollection", "features": features}
    return json.dumps(document, ensure_ascii=False) + "\n"
