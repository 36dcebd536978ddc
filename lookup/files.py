"""Read, write and check the directory exchange files police staff maintain.

The format is documented in data/konin/README.md: stations.csv, districts.csv, officers.csv,
streets.csv (UTF-8, comma or semicolon separated, one header row), districts.geojson and the
optional partners.csv (partner institutions per gmina).
`python -m bot data check DIR` validates a folder and lists data findings (bot/commands).
"""

from __future__ import annotations

import csv
import dataclasses
import json
import logging
import math
import re
import sys
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import combinations
from pathlib import Path
from typing import Any

from lookup.directory import (
    EVERY_GMINA,
    ROLE_WORDS,
    Directory,
    DistrictRecord,
    OfficerRecord,
    OfficerRole,
    Parity,
    PartnerRecord,
    Ring,
    StationRecord,
    StreetRuleRecord,
    parse_role,
)
from lookup.geometry import PolygonIndex, group_rings, polygon_problem
from lookup.house_numbers import RangeSyntaxError, format_range, parse_range
from lookup.landmarks import KIND_WORDS, LandmarkKind, LandmarkRecord, parse_kind
from lookup.normalize import street_key, words_key
from lookup.office_hours import OfficeHoursInvalid, parse_office_hours

log = logging.getLogger(__name__)

STATIONS, DISTRICTS, OFFICERS, STREETS, POLYGONS, PARTNERS = (
    "stations.csv",
    "districts.csv",
    "officers.csv",
    "streets.csv",
    "districts.geojson",
    "partners.csv",
)
# Optional: officers' office hours / duty times, one row per officer (lookup/office_hours.py).
OFFICE_HOURS = "office_hours.csv"
# Optional: landmarks residents name instead of an address (stops, parks, bridges...).
PLACES = "places.csv"
# (required columns, optional columns) per file; "notes" is always allowed and ignored.
COLUMNS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    STATIONS: (("code", "name", "address", "phone"), ("email", "opening_hours", "lat", "lon")),
    DISTRICTS: (("code", "name", "station_code"), ("sample", "gmina")),
    OFFICERS: (
        ("code", "rank", "first_name", "last_name", "phone", "station_code", "district_codes"),
        ("email", "active", "role"),
    ),
    STREETS: (
        ("locality", "street", "numbers", "district_code"),
        ("prefix", "lat", "lon", "aliases"),
    ),
    OFFICE_HOURS: (("officer_code", "office_hours"), ()),
    PARTNERS: (("code", "name", "kind", "gmina"), ("contact",)),
    PLACES: (
        ("name", "kind", "lat", "lon"),
        ("aliases", "streets", "district_code", "approximate"),
    ),
}
# Column order when writing: the order staff read a row in.
WRITE_ORDER: dict[str, tuple[str, ...]] = {
    STATIONS: ("code", "name", "address", "phone", "email", "opening_hours", "lat", "lon"),
    DISTRICTS: ("code", "name", "station_code", "sample", "gmina"),
    PARTNERS: ("code", "name", "kind", "gmina", "contact"),
    OFFICERS: (
        "code", "rank", "first_name", "last_name", "phone", "email", "station_code",
        "district_codes", "active", "role",
    ),
    STREETS: (
        "locality", "prefix", "street", "numbers", "district_code", "lat", "lon", "aliases",
    ),
    OFFICE_HOURS: ("officer_code", "office_hours"),
    PLACES: (
        "name", "kind", "aliases", "streets", "lat", "lon", "district_code", "approximate",
    ),
}  # fmt: skip
_LIST_RE = re.compile(r"[;,|\s]+")
_TRUE = {"tak", "t", "true", "1", "yes", "y", "x"}
_FALSE = {"nie", "n", "false", "0", "no", ""}


@dataclass(frozen=True, slots=True)
class Problem:
    """Something in the files that must be fixed before they can be used."""

    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        return (
            f"{self.file}:{self.line}: {self.message}"
            if self.line
            else f"{self.file}: {self.message}"
        )


class DirectoryInvalid(Exception):
    """The files have problems; `problems` lists every one of them."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        lines = "\n".join(f"  {p}" for p in self.problems)
        super().__init__(f"{len(self.problems)} problem(s) in the directory files:\n{lines}")


class FindingKind(StrEnum):
    """Kinds of suspicious data that `check` reports (the files are still usable)."""

    OVERLAP = "overlap"
    NO_ACTIVE_OFFICER = "no_active_officer"
    POINT_OUTSIDE_DISTRICT = "point_outside_district"
    EMPTY_DISTRICT = "empty_district"
    NO_COORDINATOR = "no_coordinator"
    PLACE_OUTSIDE_DISTRICT = "place_outside_district"
    PLACE_UNKNOWN_STREET = "place_unknown_street"


@dataclass(frozen=True, slots=True)
class Finding:
    """A data finding for staff to review."""

    kind: FindingKind
    district_code: str
    message: str


def read_csv(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """Read a CSV file of the directory's kind: the one reader of the format.

    UTF-8 (a BOM, as Excel writes it, is fine), comma or semicolon separated (Excel with Polish
    settings saves semicolons), the first row names the columns (lower-cased). Returns the header
    and (line, cells) of every row that is not blank or a "#" comment.
    """
    with path.open(encoding="utf-8-sig", newline="") as handle:
        first = handle.readline()
        handle.seek(0)
        delimiter = ";" if first.count(";") > first.count(",") else ","
        reader = csv.reader(handle, delimiter=delimiter)
        header = [h.strip().lower() for h in next(reader, [])]
        lines = [
            (reader.line_num, cells)
            for cells in reader
            if any(c.strip() for c in cells) and not cells[0].lstrip().startswith("#")
        ]
    return header, lines


def csv_records(path: Path) -> list[tuple[int, dict[str, str]]]:
    """Return (line, row by column) of a CSV file as `read_csv` reads it, without checks."""
    header, lines = read_csv(path)
    return [
        (line, {h: c.strip() for h, c in zip(header, cells, strict=False)}) for line, cells in lines
    ]


class _Reader:
    """Collect problems while reading the files of one folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.problems: list[Problem] = []

    def problem(self, file: str, line: int | None, message: str) -> None:
        self.problems.append(Problem(file, line, message))

    def rows(self, name: str) -> Iterator[tuple[int, dict[str, str]]]:
        """Yield (CSV line, row) of a file whose header has every required column."""
        path = self.folder / name
        if not path.is_file():
            self.problem(name, None, "file is missing")
            return
        required, optional = COLUMNS[name]
        header, lines = read_csv(path)
        missing = [c for c in required if c not in header]
        for column in missing:
            self.problem(name, 1, f"missing column {column!r}")
        for column in header:
            if column not in required + optional + ("notes", ""):
                self.problem(name, 1, f"unknown column {column!r}")
        if missing:
            return
        for line, cells in lines:
            if len(cells) > len(header):
                self.problem(name, line, "more cells than columns")
            yield (
                line,
                {h: (cells[i].strip() if i < len(cells) else "") for i, h in enumerate(header)},
            )

    def required(self, name: str, line: int, row: dict[str, str], column: str) -> str:
        value = row.get(column, "")
        if not value:
            self.problem(name, line, f"{column} is empty")
        return value

    def flag(self, name: str, line: int, row: dict[str, str], column: str, default: bool) -> bool:
        value = row.get(column, "").lower()
        if not value:
            return default
        if value in _TRUE:
            return True
        if value not in _FALSE:
            self.problem(name, line, f"{column} must be tak or nie, not {value!r}")
        return False

    def point(self, name: str, line: int, row: dict[str, str]) -> tuple[float | None, float | None]:
        """Read the optional lat, lon pair; both or neither, in range, not swapped."""
        raw_lat, raw_lon = row.get("lat", ""), row.get("lon", "")
        if not raw_lat and not raw_lon:
            return None, None
        try:
            # A decimal comma comes from Excel with Polish settings.
            lat, lon = float(raw_lat.replace(",", ".")), float(raw_lon.replace(",", "."))
        except ValueError:
            self.problem(name, line, f"bad coordinates {raw_lat!r}, {raw_lon!r}: use e.g. 52.2275")
            return None, None
        if not (
            math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180
        ):
            self.problem(name, line, f"coordinates {lat}, {lon} are out of range")
            return None, None
        if 14 <= lat <= 25 and 49 <= lon <= 55:
            self.problem(name, line, f"lat {lat} and lon {lon} look swapped (Poland is lat 49-55)")
            return None, None
        return lat, lon


def read_directory(path: str | Path) -> Directory:
    """Read and validate a folder of exchange files; raise DirectoryInvalid listing all problems."""
    reader = _Reader(Path(path))
    stations = _read_stations(reader)
    station_codes = {s.code for s in stations}
    polygons = _read_polygons(reader)
    districts = _read_districts(reader, station_codes, polygons)
    district_codes = {d.code for d in districts}
    for code, (line, _) in polygons.items():
        if code not in district_codes:
            reader.problem(POLYGONS, line, f"polygon for unknown district {code!r}")
    officers = _read_office_hours(reader, _read_officers(reader, station_codes, district_codes))
    rules = _read_rules(reader, district_codes)
    partners = _read_partners(reader, {d.gmina for d in districts if d.gmina})
    places = _read_places(reader, district_codes)
    if reader.problems:
        raise DirectoryInvalid(reader.problems)
    return Directory(
        tuple(stations),
        tuple(districts),
        tuple(officers),
        tuple(rules),
        tuple(partners),
        places=tuple(places),
    )


def _unique(reader: _Reader, name: str, line: int, code: str, seen: dict[str, int]) -> bool:
    """Report a code already used on an earlier line."""
    if code in seen:
        reader.problem(name, line, f"code {code!r} already used on line {seen[code]}")
        return False
    seen[code] = line
    return True


def _read_stations(reader: _Reader) -> list[StationRecord]:
    stations: list[StationRecord] = []
    seen: dict[str, int] = {}
    for line, row in reader.rows(STATIONS):
        code = reader.required(STATIONS, line, row, "code")
        name = reader.required(STATIONS, line, row, "name")
        lat, lon = reader.point(STATIONS, line, row)
        if code and _unique(reader, STATIONS, line, code, seen):
            stations.append(
                StationRecord(
                    code, name, row["address"], row["phone"], row.get("email", ""),
                    row.get("opening_hours", ""), lat, lon,
                )
            )  # fmt: skip
    return stations


def _read_districts(
    reader: _Reader, stations: set[str], polygons: dict[str, tuple[int | None, tuple[Ring, ...]]]
) -> list[DistrictRecord]:
    districts: list[DistrictRecord] = []
    seen: dict[str, int] = {}
    for line, row in reader.rows(DISTRICTS):
        code = reader.required(DISTRICTS, line, row, "code")
        name = reader.required(DISTRICTS, line, row, "name")
        station = reader.required(DISTRICTS, line, row, "station_code")
        if station and station not in stations:
            reader.problem(DISTRICTS, line, f"unknown station {station!r}")
        sample = reader.flag(DISTRICTS, line, row, "sample", False)
        if code and _unique(reader, DISTRICTS, line, code, seen):
            polygon = polygons[code][1] if code in polygons else None
            gmina = row.get("gmina", "")
            districts.append(DistrictRecord(code, name, station, polygon, sample, gmina))
    return districts


def _read_partners(reader: _Reader, gminas: set[str]) -> list[PartnerRecord]:
    """Read partners.csv (optional): each partner serves a gmina of districts.csv, or "*"."""
    if not (reader.folder / PARTNERS).is_file():
        return []
    known = {" ".join(g.lower().split()) for g in gminas}
    partners: list[PartnerRecord] = []
    seen: dict[str, int] = {}
    for line, row in reader.rows(PARTNERS):
        code = reader.required(PARTNERS, line, row, "code")
        name = reader.required(PARTNERS, line, row, "name")
        kind = reader.required(PARTNERS, line, row, "kind")
        gmina = reader.required(PARTNERS, line, row, "gmina")
        if gmina and gmina != EVERY_GMINA and " ".join(gmina.lower().split()) not in known:
            reader.problem(
                PARTNERS, line,
                f"unknown gmina {gmina!r}: use a gmina of districts.csv or {EVERY_GMINA!r}",
            )  # fmt: skip
        if code and _unique(reader, PARTNERS, line, code, seen):
            partners.append(PartnerRecord(code, name, kind, gmina, row.get("contact", "")))
    return partners


def _read_officers(reader: _Reader, stations: set[str], districts: set[str]) -> list[OfficerRecord]:
    officers: list[OfficerRecord] = []
    seen: dict[str, int] = {}
    for line, row in reader.rows(OFFICERS):
        code = reader.required(OFFICERS, line, row, "code")
        for column in ("first_name", "last_name", "phone"):
            reader.required(OFFICERS, line, row, column)
        station = reader.required(OFFICERS, line, row, "station_code")
        if station and station not in stations:
            reader.problem(OFFICERS, line, f"unknown station {station!r}")
        served = tuple(c for c in _LIST_RE.split(row["district_codes"]) if c)
        for district in served:
            if district not in districts:
                reader.problem(OFFICERS, line, f"unknown district {district!r}")
        active = reader.flag(OFFICERS, line, row, "active", True)
        role = None
        if "role" in row:
            role = parse_role(row["role"])
            if role is None:
                reader.problem(
                    OFFICERS, line,
                    f"unknown role {row['role']!r}: use dzielnicowy, koordynator or dyżurny",
                )  # fmt: skip
        if code and _unique(reader, OFFICERS, line, code, seen):
            officers.append(
                OfficerRecord(
                    code, row["rank"], row["first_name"], row["last_name"], row["phone"],
                    row.get("email", ""), station, served, active, role,
                )
            )  # fmt: skip
    return officers


def _read_office_hours(reader: _Reader, officers: list[OfficerRecord]) -> list[OfficerRecord]:
    """Add the optional office_hours.csv to the officers (a folder without it has none)."""
    if not (reader.folder / OFFICE_HOURS).is_file():
        return officers
    known = {officer.code for officer in officers}
    hours: dict[str, str] = {}
    seen: dict[str, int] = {}
    for line, row in reader.rows(OFFICE_HOURS):
        code = reader.required(OFFICE_HOURS, line, row, "officer_code")
        text = reader.required(OFFICE_HOURS, line, row, "office_hours")
        if code and code not in known:
            reader.problem(OFFICE_HOURS, line, f"unknown officer {code!r}")
            continue
        try:
            parse_office_hours(text)
        except OfficeHoursInvalid as invalid:
            reader.problem(OFFICE_HOURS, line, f"office_hours {invalid}")
            continue
        if code and text and _unique(reader, OFFICE_HOURS, line, code, seen):
            hours[code] = text
    return [dataclasses.replace(o, office_hours=hours.get(o.code, "")) for o in officers]


def _read_rules(reader: _Reader, districts: set[str]) -> list[StreetRuleRecord]:
    rules: list[StreetRuleRecord] = []
    seen: dict[tuple[str, str, str, str], int] = {}
    for line, row in reader.rows(STREETS):
        locality = reader.required(STREETS, line, row, "locality")
        district = reader.required(STREETS, line, row, "district_code")
        if district and district not in districts:
            reader.problem(STREETS, line, f"unknown district {district!r}")
        street, prefix = row["street"], row.get("prefix", "")
        if prefix and not street:
            reader.problem(STREETS, line, "prefix given but street is empty")
        try:
            numbers = parse_range(row["numbers"])
        except RangeSyntaxError as error:
            reader.problem(STREETS, line, str(error))
            continue
        lat, lon = reader.point(STREETS, line, row)
        aliases = tuple(a.strip() for a in row.get("aliases", "").split(";") if a.strip())
        rule = StreetRuleRecord(
            locality, prefix, street, numbers.parity, numbers.number_from, numbers.number_to,
            district, lat, lon, aliases,
        )  # fmt: skip
        identity = (
            words_key(locality),
            street_key(street),
            format_range(rule.parity, rule.number_from, rule.number_to),
            district,
        )
        if identity in seen:
            reader.problem(STREETS, line, f"repeats line {seen[identity]}")
            continue
        seen[identity] = line
        rules.append(rule)
    return rules


def _read_places(reader: _Reader, districts: set[str]) -> list[LandmarkRecord]:
    """Read places.csv (optional): landmarks with a point, a kind and, maybe, a district."""
    if not (reader.folder / PLACES).is_file():
        return []
    places: list[LandmarkRecord] = []
    seen: dict[tuple[str, LandmarkKind], int] = {}
    for line, row in reader.rows(PLACES):
        name = reader.required(PLACES, line, row, "name")
        kind = parse_kind(row["kind"])
        if kind is None:
            reader.problem(
                PLACES, line,
                f"unknown kind {row['kind']!r}: use przystanek, dworzec, park, plac, urząd, "
                "szpital, most, handel, szkoła, kościół, zabytek, kultura, sport, rondo, "
                "skrzyżowanie or inne",
            )  # fmt: skip
        lat, lon = reader.point(PLACES, line, row)
        if not row["lat"] and not row["lon"]:
            reader.problem(PLACES, line, "lat and lon are empty: a place needs its point")
        district = row.get("district_code", "")
        if district and district not in districts:
            reader.problem(PLACES, line, f"unknown district {district!r}")
        streets = _names(row.get("streets", ""))
        if kind in (LandmarkKind.CROSSING, LandmarkKind.ROUNDABOUT) and len(streets) < 2:
            reader.problem(
                PLACES,
                line,
                "a crossing or roundabout lists the streets that meet there "
                "(at least two, separated by ;)",
            )
        approximate = reader.flag(PLACES, line, row, "approximate", False)
        if not name or kind is None or lat is None or lon is None:
            continue
        identity = (words_key(name), kind)
        if identity in seen:
            reader.problem(PLACES, line, f"repeats line {seen[identity]}")
            continue
        seen[identity] = line
        places.append(
            LandmarkRecord(
                name, kind, lat, lon, district, _names(row.get("aliases", "")), streets,
                approximate,
            )
        )  # fmt: skip
    return places


def _names(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split(";") if part.strip())


def _read_polygons(reader: _Reader) -> dict[str, tuple[int | None, tuple[Ring, ...]]]:
    """Read districts.geojson (optional) into code → (line, rings)."""
    path = reader.folder / POLYGONS
    if not path.is_file():
        return {}
    text = path.read_text(encoding="utf-8-sig")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        reader.problem(POLYGONS, error.lineno, f"not valid JSON: {error.msg}")
        return {}
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        reader.problem(POLYGONS, 1, "must be a GeoJSON FeatureCollection")
        return {}
    found: dict[str, tuple[int | None, tuple[Ring, ...]]] = {}
    for number, feature in enumerate(data.get("features") or [], start=1):
        props = feature.get("properties") if isinstance(feature, dict) else None
        code = str(props.get("code", "")).strip() if isinstance(props, dict) else ""
        if not code:
            reader.problem(POLYGONS, None, f"feature #{number} has no properties.code")
            continue
        line = _line_of(text, code)
        where = f"feature #{number} ({code})"
        if code in found:
            reader.problem(POLYGONS, line, f"{where}: second polygon for the same district")
            continue
        rings = _rings(feature.get("geometry"))
        if isinstance(rings, str):
            reader.problem(POLYGONS, line, f"{where}: {rings}")
            continue
        problem = polygon_problem(rings)
        if problem:
            reader.problem(POLYGONS, line, f"{where}: {problem}")
            continue
        found[code] = (line, rings)
    return found


def _line_of(text: str, code: str) -> int | None:
    """Find the line of a feature by its code, so staff can jump to it."""
    at = text.find(json.dumps(code, ensure_ascii=False))
    return None if at < 0 else text.count("\n", 0, at) + 1


def _rings(geometry: Any) -> tuple[Ring, ...] | str:
    """Flatten a Polygon or MultiPolygon into rings, or explain what is wrong."""
    if not isinstance(geometry, dict) or geometry.get("type") not in ("Polygon", "MultiPolygon"):
        return "geometry must be a Polygon or MultiPolygon"
    polygons = geometry.get("coordinates")
    if geometry["type"] == "Polygon":
        polygons = [polygons]
    if not isinstance(polygons, list):
        return "coordinates must be lists of [longitude, latitude] rings"
    try:
        return tuple(
            tuple((float(p[0]), float(p[1])) for p in ring)
            for polygon in polygons
            for ring in polygon
        )
    except (TypeError, ValueError, IndexError, KeyError):
        return "coordinates must be lists of [longitude, latitude] rings"


def write_directory(directory: Directory, path: str | Path) -> None:
    """Write a directory in the exchange format, so read_directory gives it back unchanged."""
    folder = Path(path)
    folder.mkdir(parents=True, exist_ok=True)
    _write(folder / STATIONS, STATIONS, [
        [s.code, s.name, s.address, s.phone, s.email, s.opening_hours, _num(s.lat), _num(s.lon)]
        for s in directory.stations
    ])  # fmt: skip
    _write(folder / DISTRICTS, DISTRICTS, [
        [d.code, d.name, d.station_code, _yes(d.sample), d.gmina] for d in directory.districts
    ])  # fmt: skip
    if directory.partners:
        _write(folder / PARTNERS, PARTNERS, [
            [p.code, p.name, p.kind, p.gmina, p.contact] for p in directory.partners
        ])  # fmt: skip
    _write(folder / OFFICERS, OFFICERS, [
        [o.code, o.rank, o.first_name, o.last_name, o.phone, o.email, o.station_code,
         ";".join(o.district_codes), _yes(o.active), ROLE_WORDS[o.role or OfficerRole.OFFICER][0]]
        for o in directory.officers
    ])  # fmt: skip
    if any(o.office_hours for o in directory.officers):
        _write(folder / OFFICE_HOURS, OFFICE_HOURS, [
            [o.code, o.office_hours] for o in directory.officers if o.office_hours
        ])  # fmt: skip
    _write(folder / STREETS, STREETS, [
        [r.locality, r.prefix, r.street, format_range(r.parity, r.number_from, r.number_to),
         r.district_code, _num(r.lat), _num(r.lon), "; ".join(r.aliases)]
        for r in directory.rules
    ])  # fmt: skip
    if directory.places:
        _write(folder / PLACES, PLACES, [
            [m.name, KIND_WORDS[m.kind][0], "; ".join(m.aliases), "; ".join(m.streets),
             _num(m.lat), _num(m.lon), m.district_code, _yes(m.approximate)]
            for m in directory.places
        ])  # fmt: skip
    features = [
        json.dumps(_feature(d), ensure_ascii=False) for d in directory.districts if d.polygon
    ]
    with (folder / POLYGONS).open("w", encoding="utf-8") as handle:
        # One feature per line keeps diffs readable and line numbers meaningful.
        handle.write('{"type": "FeatureCollection", "features": [\n')
        handle.write(",\n".join(features))
        handle.write("\n]}\n")


def _write(path: Path, name: str, rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(WRITE_ORDER[name])
        writer.writerows(rows)


def _num(value: float | None) -> str:
    return "" if value is None else repr(value)


def _yes(value: bool) -> str:
    return "tak" if value else "nie"


def _feature(district: DistrictRecord) -> dict[str, Any]:
    groups = group_rings(district.polygon or ())
    coordinates = [[[list(p) for p in ring] for ring in group] for group in groups]
    geometry: dict[str, Any] = (
        {"type": "Polygon", "coordinates": coordinates[0]}
        if len(coordinates) == 1
        else {"type": "MultiPolygon", "coordinates": coordinates}
    )
    return {
        "type": "Feature",
        "properties": {"code": district.code, "name": district.name},
        "geometry": geometry,
    }


def check(directory: Directory) -> list[Finding]:
    """List overlaps, districts without officers or streets, points in the wrong polygon, and
    stations without a coordinator."""
    findings = _overlaps(directory.rules)
    active = {c for o in directory.officers if o.active for c in o.district_codes}
    with_rules = {r.district_code for r in directory.rules}
    for district in directory.districts:
        if district.code not in active:
            findings.append(Finding(
                FindingKind.NO_ACTIVE_OFFICER, district.code,
                f"{district.code} {district.name}: no active officer",
            ))  # fmt: skip
        if district.code not in with_rules and not district.polygon:
            findings.append(Finding(
                FindingKind.EMPTY_DISTRICT, district.code,
                f"{district.code} {district.name}: no streets and no polygon",
            ))  # fmt: skip
    findings.extend(_points_outside(directory))
    findings.extend(_places_findings(directory))
    coordinated = {
        o.station_code for o in directory.officers if o.active and o.role is OfficerRole.COORDINATOR
    }
    for station in directory.stations:
        if station.code not in coordinated:
            # Escalations, the digest, duty groups and blocks all need one (officers set-role).
            findings.append(Finding(
                FindingKind.NO_COORDINATOR, "",
                f"{station.code} {station.name}: no active coordinator",
            ))  # fmt: skip
    return findings


def _overlaps(rules: Sequence[StreetRuleRecord]) -> list[Finding]:
    """Find house numbers that two districts both claim."""
    streets: dict[tuple[str, str], list[StreetRuleRecord]] = defaultdict(list)
    for rule in rules:
        streets[(words_key(rule.locality), street_key(rule.street))].append(rule)
    findings = []
    for group in streets.values():
        for a, b in combinations(group, 2):
            if a.district_code != b.district_code and _shared_number(a, b):
                where = f"{a.locality}, {a.prefix} {a.street}".strip(", ")
                findings.append(Finding(
                    FindingKind.OVERLAP, a.district_code,
                    f"{where}: {_notation(a)} ({a.district_code}) overlaps "
                    f"{_notation(b)} ({b.district_code})",
                ))  # fmt: skip
    return findings


def _notation(rule: StreetRuleRecord) -> str:
    return format_range(rule.parity, rule.number_from, rule.number_to) or "całość"


def _shared_number(a: StreetRuleRecord, b: StreetRuleRecord) -> bool:
    """Tell whether some house number falls in both rules."""
    if {a.parity, b.parity} == {Parity.ODD, Parity.EVEN}:
        return False
    low = max(a.number_from or 1, b.number_from or 1)
    high = min(a.number_to or sys.maxsize, b.number_to or sys.maxsize)
    if low > high:
        return False
    parity = b.parity if a.parity is Parity.ALL else a.parity
    if parity is Parity.ALL or high > low:
        return True
    return (low % 2 == 1) == (parity is Parity.ODD)


def _points_outside(directory: Directory) -> list[Finding]:
    """Find street points that the district polygons place in another district."""
    polygons = {d.code: d.polygon for d in directory.districts if d.polygon}
    if not polygons:
        return []
    index = PolygonIndex(polygons, tolerance_m=0.0)
    findings = []
    for rule in directory.rules:
        if rule.lat is None or rule.lon is None:
            continue
        if rule.district_code not in polygons and not index.districts_at(rule.lat, rule.lon):
            continue
        covering = index.districts_at(rule.lat, rule.lon)
        if rule.district_code not in covering:
            where = ", ".join(covering) or "no district"
            findings.append(Finding(
                FindingKind.POINT_OUTSIDE_DISTRICT, rule.district_code,
                f"{rule.locality}, {rule.prefix} {rule.street} {_notation(rule)}: point "
                f"{rule.lat}, {rule.lon} lies in {where}, not {rule.district_code}",
            ))  # fmt: skip
    return findings


def _places_findings(directory: Directory) -> list[Finding]:
    """Find places in another district's polygon (or in none) and streets no rule names."""
    findings = []
    polygons = {d.code: d.polygon for d in directory.districts if d.polygon}
    index = PolygonIndex(polygons, tolerance_m=0.0) if polygons else None
    known = {street_key(r.street) for r in directory.rules if r.street}
    known |= {street_key(a) for r in directory.rules for a in r.aliases}
    for place in directory.places:
        covering = index.districts_at(place.lat, place.lon) if index is not None else []
        if index is not None and (
            (place.district_code and covering and place.district_code not in covering)
            or (not place.district_code and not covering)
        ):
            where = ", ".join(covering) or "no district"
            findings.append(Finding(
                FindingKind.PLACE_OUTSIDE_DISTRICT, place.district_code,
                f"{PLACES}: {place.name}: point {place.lat}, {place.lon} lies in {where}"
                + (f", not {place.district_code}" if place.district_code else ""),
            ))  # fmt: skip
        for street in place.streets:
            if street_key(street) not in known and _surname_unknown(street, known):
                findings.append(Finding(
                    FindingKind.PLACE_UNKNOWN_STREET, place.district_code,
                    f"{PLACES}: {place.name}: street {street!r} is in no street rule",
                ))  # fmt: skip
    return findings


def _surname_unknown(street: str, known: set[str]) -> bool:
    """Tell whether no known street ends with this name ("Paderewskiego" → "Ignacego ...")."""
    key = street_key(street)
    return not any(name.endswith(f" {key}") for name in known)
