"""Writing the directory's exchange files into the database: validate a folder, then import it.

Records are matched by their codes, so a re-import updates rows in place: officers' Telegram
links, invites and report history keep pointing to the same rows. A station, district or officer
missing from the new files is deactivated, never deleted. Street rules have no codes: the rules
of every district in the files are made equal to the files (unchanged rows are kept); the rules of
a district that disappeared stay with it, inactive, so `data check` can list the streets that no
active district covers any more. Reading the directory back is `directory_queries.py`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from db.base import fitted
from db.models.directory import (
    District,
    Landmark,
    Officer,
    Station,
    StreetRule,
)
from db.models.partners import Partner
from db.repositories.directory_queries import rings_of
from lookup import directory as lookup
from lookup.files import (
    DISTRICTS,
    OFFICE_HOURS,
    OFFICERS,
    PARTNERS,
    PLACES,
    STATIONS,
    STREETS,
    DirectoryInvalid,
    Problem,
    csv_records,
    read_directory,
)
from lookup.geometry import group_rings
from lookup.landmarks import LandmarkRecord

# Codes travel in button data and command lines: letters, digits, "-", "_" and ".".
CODE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")

# Called with how many records were just written (drives a progress bar).
Progress = Callable[[int], object]

RuleIdentity = tuple[Any, ...]


@dataclass
class Counts:
    """What an import did to one kind of record."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    # Stations, districts, officers: deactivated; street rules: removed from a district.
    deactivated: int = 0


@dataclass
class ImportSummary:
    """What an import changed, per kind of record."""

    stations: Counts = field(default_factory=Counts)
    districts: Counts = field(default_factory=Counts)
    officers: Counts = field(default_factory=Counts)
    rules: Counts = field(default_factory=Counts)
    partners: Counts = field(default_factory=Counts)
    # places.csv: a landmark missing from the files is removed (reports keep their own text).
    places: Counts = field(default_factory=Counts)

    @property
    def created(self) -> int:
        """Return how many records were created."""
        return sum(c.created for c in self._all())

    @property
    def updated(self) -> int:
        """Return how many records were changed in place."""
        return sum(c.updated for c in self._all())

    @property
    def deactivated(self) -> int:
        """Return how many records were deactivated (or street rules removed)."""
        return sum(c.deactivated for c in self._all())

    def _all(self) -> tuple[Counts, ...]:
        return (
            self.stations,
            self.districts,
            self.officers,
            self.rules,
            self.partners,
            self.places,
        )


# ---- reading files for an import --------------------------------------------------------------


def read_for_import(folder: str | Path) -> lookup.Directory:
    """Read and validate a folder, including what the database can store; raise on any problem."""
    path = Path(folder)
    if not path.is_dir():
        raise DirectoryInvalid([Problem(str(path), None, "is not a folder")])
    problems = storage_problems(path)
    try:
        directory = read_directory(path)
    except DirectoryInvalid as invalid:
        problems = _in_file_order([*invalid.problems, *problems])
    if problems:
        raise DirectoryInvalid(problems)
    return directory


# The columns the database limits, per file, and the model that holds them.
_STORED: dict[str, tuple[Any, tuple[str, ...]]] = {
    STATIONS: (Station, ("code", "name", "address", "phone", "email", "opening_hours")),
    DISTRICTS: (District, ("code", "name", "gmina")),
    OFFICERS: (Officer, ("code", "rank", "first_name", "last_name", "phone", "email")),
    STREETS: (StreetRule, ("locality", "prefix", "street")),
    OFFICE_HOURS: (Officer, ("office_hours",)),
    PARTNERS: (Partner, ("code", "name", "kind", "gmina", "contact")),
    PLACES: (Landmark, ("name",)),
}
_FILE_ORDER = (STATIONS, DISTRICTS, OFFICERS, STREETS, OFFICE_HOURS, PARTNERS, PLACES)


def storage_problems(folder: Path) -> list[Problem]:
    """List cells the database cannot hold (too long) and codes unfit for buttons, by line."""
    found: list[Problem] = []
    for file, (model, columns) in _STORED.items():
        for line, row in _csv_rows(folder / file):
            for column in columns:
                value = row.get(column, "")
                limit = model.__table__.c[column].type.length
                if limit is not None and len(value) > limit:
                    found.append(Problem(file, line, f"{column} is longer than {limit} characters"))
            code = row.get("code", "")
            if file not in (STREETS, PLACES) and code and not CODE_RE.match(code):
                found.append(
                    Problem(
                        file, line, f"code {code!r}: use only letters A-Z, digits, '-', '_', '.'"
                    )
                )
    return found


def _csv_rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    """Return (line, row) of a CSV file the way the exchange reader sees it (no checks)."""
    return csv_records(path) if path.is_file() else []


def _in_file_order(problems: Iterable[Problem]) -> list[Problem]:
    def key(problem: Problem) -> tuple[int, int]:
        rank = _FILE_ORDER.index(problem.file) if problem.file in _FILE_ORDER else len(_FILE_ORDER)
        return rank, problem.line or 0

    return sorted(problems, key=key)


# ---- import ---------------------------------------------------------------------------------


async def import_folder(
    session: AsyncSession, folder: str | Path, progress: Progress | None = None
) -> ImportSummary:
    """Validate a folder of exchange files completely, then import it (raises DirectoryInvalid)."""
    return await import_directory(session, read_for_import(folder), progress)


async def import_directory(
    session: AsyncSession, directory: lookup.Directory, progress: Progress | None = None
) -> ImportSummary:
    """Make the database match a validated directory, updating records in place by code."""
    summary = ImportSummary()
    tick = progress or (lambda n: None)
    stations = await _import_stations(session, directory.stations, summary.stations, tick)
    districts = await _import_districts(
        session, directory.districts, stations, summary.districts, tick
    )
    await _import_officers(session, directory.officers, stations, districts, summary.officers, tick)
    await _import_rules(session, directory, districts, summary.rules, tick)
    await _import_partners(session, directory.partners, summary.partners, tick)
    await _import_landmarks(session, directory.places, districts, summary.places, tick)
    await session.flush()
    return summary


def _apply(row: Any, values: dict[str, Any]) -> bool:
    """Set changed attributes; tell whether anything changed."""
    changed = False
    for name, value in values.items():
        if getattr(row, name) != value:
            setattr(row, name, value)
            changed = True
    return changed


def _count(counts: Counts, created: bool, changed: bool) -> None:
    if created:
        counts.created += 1
    elif changed:
        counts.updated += 1
    else:
        counts.unchanged += 1


def _deactivate(rows: Iterable[Any], keep: set[str], counts: Counts) -> None:
    for row in rows:
        if row.code not in keep and row.active:
            row.active = False
            counts.deactivated += 1


async def _import_stations(
    session: AsyncSession,
    records: Sequence[lookup.StationRecord],
    counts: Counts,
    tick: Progress,
) -> dict[str, Station]:
    existing = {s.code: s for s in await session.scalars(select(Station))}
    for record in records:
        row = existing.get(record.code)
        created = row is None
        if row is None:
            row = existing[record.code] = Station(code=record.code)
            session.add(row)
        changed = _apply(row, {
            "name": record.name, "address": record.address, "phone": record.phone,
            "email": record.email or None, "opening_hours": record.opening_hours or None,
            "lat": record.lat, "lon": record.lon, "active": True,
        })  # fmt: skip
        _count(counts, created, changed)
        tick(1)
    _deactivate(existing.values(), {r.code for r in records}, counts)
    await session.flush()
    return existing


async def _import_districts(
    session: AsyncSession,
    records: Sequence[lookup.DistrictRecord],
    stations: dict[str, Station],
    counts: Counts,
    tick: Progress,
) -> dict[str, District]:
    existing = {d.code: d for d in await session.scalars(select(District))}
    for record in records:
        row = existing.get(record.code)
        created = row is None
        if row is None:
            row = existing[record.code] = District(code=record.code)
            session.add(row)
        changed = _apply(row, {
            "name": record.name, "station_id": stations[record.station_code].id,
            "sample": record.sample, "active": True, "gmina": record.gmina or None,
        })  # fmt: skip
        boundary = geometry_of(record.polygon)
        if rings_of(row.boundary) != record.polygon:
            row.boundary = boundary
            changed = True
        _count(counts, created, changed)
        tick(1)
    _deactivate(existing.values(), {r.code for r in records}, counts)
    await session.flush()
    return existing


async def _import_officers(
    session: AsyncSession,
    records: Sequence[lookup.OfficerRecord],
    stations: dict[str, Station],
    districts: dict[str, District],
    counts: Counts,
    tick: Progress,
) -> None:
    query = select(Officer).options(selectinload(Officer.districts))
    existing = {o.code: o for o in await session.scalars(query)}
    for record in records:
        row = existing.get(record.code)
        created = row is None
        if row is None:
            # user_id and linked_at are only ever set by redeeming an invite, never here.
            row = existing[record.code] = Officer(code=record.code, districts=[])
            session.add(row)
        changed = _apply(row, {
            "rank": record.rank, "first_name": record.first_name,
            "last_name": record.last_name, "phone": record.phone,
            "email": record.email or None, "station_id": stations[record.station_code].id,
            "active": record.active, "office_hours": record.office_hours or None,
        })  # fmt: skip
        if record.role is not None:
            # A file without the role column keeps the roles set with `officers set-role`.
            changed = _apply(row, {"role": record.role}) or changed
        served = [districts[code] for code in record.district_codes]
        if {d.code for d in row.districts} != set(record.district_codes):
            row.districts = served
            changed = True
        _count(counts, created, changed)
        tick(1)
    _deactivate(existing.values(), {r.code for r in records}, counts)
    await session.flush()


async def _import_partners(
    session: AsyncSession, records: Sequence[lookup.PartnerRecord], counts: Counts, tick: Progress
) -> None:
    existing = {p.code: p for p in await session.scalars(select(Partner))}
    for record in records:
        row = existing.get(record.code)
        created = row is None
        if row is None:
            # chat_id is only ever set by redeeming an invite in the partner's chat, never here.
            row = existing[record.code] = Partner(code=record.code)
            session.add(row)
        changed = _apply(row, {
            "name": record.name, "kind": record.kind, "gmina": record.gmina,
            "contact": record.contact or None, "active": True,
        })  # fmt: skip
        _count(counts, created, changed)
        tick(1)
    _deactivate(existing.values(), {r.code for r in records}, counts)
    await session.flush()


def _rule_identity(
    locality: str,
    prefix: str,
    street: str,
    parity: str,
    number_from: int | None,
    number_to: int | None,
    lat: float | None,
    lon: float | None,
    aliases: Sequence[str],
) -> RuleIdentity:
    return (locality, prefix, street, parity, number_from, number_to, lat, lon, tuple(aliases))


# New street rules are inserted as plain rows, this many per statement, not as ORM objects: a
# national directory's 300,000 objects in the session took the first start's memory to 1.1 GB,
# and the bot kept about 40 MB of that (fragmented) for good.
RULES_INSERT_PAGE = 5_000


async def _import_rules(
    session: AsyncSession,
    directory: lookup.Directory,
    districts: dict[str, District],
    counts: Counts,
    tick: Progress,
) -> None:
    listed = {d.code for d in directory.districts}
    ids = {districts[code].id: code for code in listed}
    current: dict[str, dict[RuleIdentity, list[StreetRule]]] = defaultdict(
        lambda: defaultdict(list)
    )
    rows = await session.scalars(
        select(StreetRule).where(StreetRule.district_id.in_(ids)).order_by(StreetRule.id)
    )
    for row in rows:
        identity = _rule_identity(
            row.locality, row.prefix, row.street, row.parity, row.number_from, row.number_to,
            row.lat, row.lon, row.aliases,
        )  # fmt: skip
        current[ids[row.district_id]][identity].append(row)
    page: list[dict[str, Any]] = []
    for rule in directory.rules:
        identity = _rule_identity(
            rule.locality, rule.prefix, rule.street, rule.parity.value, rule.number_from,
            rule.number_to, rule.lat, rule.lon, rule.aliases,
        )  # fmt: skip
        same = current[rule.district_code].get(identity)
        if same:
            same.pop(0)
            counts.unchanged += 1
        else:
            page.append(
                fitted(
                    StreetRule,
                    {
                        "district_id": districts[rule.district_code].id,
                        "locality": rule.locality,
                        "prefix": rule.prefix,
                        "street": rule.street,
                        "parity": rule.parity.value,
                        "number_from": rule.number_from,
                        "number_to": rule.number_to,
                        "lat": rule.lat,
                        "lon": rule.lon,
                        "aliases": list(rule.aliases),
                    },
                )
            )
            counts.created += 1
            if len(page) == RULES_INSERT_PAGE:
                await session.execute(insert(StreetRule), page)
                page = []
        tick(1)
    if page:
        await session.execute(insert(StreetRule), page)
    for by_identity in current.values():
        for leftovers in by_identity.values():
            for row in leftovers:
                await session.delete(row)
                counts.deactivated += 1


async def _import_landmarks(
    session: AsyncSession,
    records: Sequence[LandmarkRecord],
    districts: dict[str, District],
    counts: Counts,
    tick: Progress,
) -> None:
    """Make the landmarks equal to places.csv, matched by name and kind (no codes)."""
    existing = {(row.name, row.kind): row for row in await session.scalars(select(Landmark))}
    keep: set[tuple[str, str]] = set()
    for record in records:
        key = (record.name, record.kind.value)
        row = existing.get(key)
        created = row is None
        if row is None:
            row = existing[key] = Landmark(name=record.name, kind=record.kind.value)
            session.add(row)
        district = districts[record.district_code].id if record.district_code else None
        changed = _apply(row, {
            "aliases": list(record.aliases), "streets": list(record.streets),
            "lat": record.lat, "lon": record.lon, "district_id": district,
            "approximate": record.approximate,
        })  # fmt: skip
        _count(counts, created, changed)
        keep.add(key)
        tick(1)
    for key, row in existing.items():
        if key not in keep:
            await session.delete(row)
            counts.deactivated += 1


# ---- GeoJSON boundaries ---------------------------------------------------------------------


def geometry_of(polygon: tuple[lookup.Ring, ...] | None) -> dict[str, Any] | None:
    """Turn a district's rings into a GeoJSON Polygon or MultiPolygon geometry."""
    if not polygon:
        return None
    groups = group_rings(polygon)
    coordinates = [[[list(p) for p in ring] for ring in group] for group in groups]
    if len(coordinates) == 1:
        return {"type": "Polygon", "coordinates": coordinates[0]}
    return {"type": "MultiPolygon", "coordinates": coordinates}
