"""`python -m bot lookup "ADDRESS"` or `--lat LAT --lon LON`: the district and its officers.

Answers from the database's active directory, the same data the bot serves; a database without
districts falls back to the files in [bot] directory_dir (and says so). `--json` prints
machine-readable output. Exit code 0 when one district was found, 1 otherwise.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from typing import Any

from bot.commands import Subparsers, add_parser
from bot.commands.read_only import SchemaNotCurrent, read_only_session
from bot.config import Config, Secrets
from db.repositories.directory_queries import has_districts, load_directory
from lookup.crossings import Crossing
from lookup.directory import Directory
from lookup.files import DirectoryInvalid, read_directory
from lookup.gazetteer import AddressResult, Gazetteer, MatchQuality, PointResult

FOUND = (MatchQuality.EXACT, MatchQuality.FUZZY)


def register(subparsers: Subparsers) -> None:
    """Add `lookup`."""
    parser = add_parser(subparsers, "lookup", "find the district and officer for an address")
    parser.add_argument("address", nargs="?", help='e.g. "Kolejowa 5" or "ul. Chopina 16a, Konin"')
    parser.add_argument("--lat", type=float, help="latitude of a point (with --lon)")
    parser.add_argument("--lon", type=float, help="longitude of a point (with --lat)")
    parser.add_argument("--json", action="store_true", help="print machine-readable JSON")
    parser.set_defaults(handler=_lookup)


def _lookup(args: argparse.Namespace, config: Config, secrets: Secrets) -> int:
    point = args.lat is not None or args.lon is not None
    if point == bool(args.address) or (point and (args.lat is None or args.lon is None)):
        print("give an address, or both --lat and --lon (not both kinds)", file=sys.stderr)
        return 2
    try:
        directory = asyncio.run(_directory(config, secrets))
    except DirectoryInvalid as error:
        from bot.commands.data_cmd import print_problems  # with `data import`'s stack: rare here

        print_problems(error, config.bot.directory_dir)
        return 1
    gazetteer = Gazetteer.from_directory(directory, tolerance_m=config.lookup.border_tolerance_m)
    result: AddressResult | PointResult | Crossing
    if point:
        result = gazetteer.lookup_point(args.lat, args.lon)
        query: dict[str, Any] = {"lat": args.lat, "lon": args.lon}
    else:
        settings = config.lookup
        query = {"address": args.address}
        # The same order as the chat: a crossing, an address, then "X i Y" as a crossing.
        crossing = gazetteer.lookup_crossing(
            args.address, settings.default_locality, max_m=settings.crossing_max_m
        )
        result = crossing or gazetteer.lookup_address(args.address, settings.default_locality)
        if result.quality is MatchQuality.NOT_FOUND and crossing is None:
            bare = gazetteer.lookup_crossing(
                args.address, settings.default_locality, max_m=settings.crossing_max_m, bare=True
            )
            if bare is not None and bare.quality is not MatchQuality.NOT_FOUND:
                result = bare
    out = describe(query, result)
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        print(_text(out))
    return 0 if result.quality in FOUND else 1


async def _directory(config: Config, secrets: Secrets) -> Directory:
    # A look-up only reads: it never migrates the database (that is `db upgrade`'s job).
    hint = "`python -m bot data import` loads them"
    try:
        async with read_only_session(config, secrets) as session:
            if await has_districts(session):
                return await load_directory(session)
    except SchemaNotCurrent:
        hint = "its schema is not up to date: `python -m bot db upgrade`, then `data import`"
    folder = config.bot.directory_dir
    print(
        f"note: the database holds no districts; using the files in {folder} ({hint})",
        file=sys.stderr,
    )
    return read_directory(folder)


def describe(
    query: dict[str, Any], result: AddressResult | PointResult | Crossing
) -> dict[str, Any]:
    """Describe a lookup result as plain data (the --json output)."""
    district = result.district
    station = result.station
    out: dict[str, Any] = {
        "query": query,
        "quality": str(result.quality),
        "district": None
        if district is None
        else {"code": district.code, "name": district.name, "sample": district.sample},
        "officers": [
            {
                "code": o.code,
                "rank": o.rank,
                "name": f"{o.first_name} {o.last_name}",
                "phone": o.phone,
                "email": o.email or None,
            }
            for o in result.officers
        ],
        "station": None
        if station is None
        else {
            "code": station.code,
            "name": station.name,
            "address": station.address,
            "phone": station.phone,
            "email": station.email or None,
            "opening_hours": station.opening_hours or None,
        },
        "alternatives": [],
    }
    if isinstance(result, Crossing):
        out["matched"] = None
        if result.district is not None:
            out["matched"] = {"locality": result.locality, "crossing": list(result.streets)}
        elif result.streets:
            out["crossing_apart"] = list(result.streets)
        out["lat"], out["lon"] = result.lat, result.lon
    elif isinstance(result, AddressResult):
        rule = result.rule
        out["matched"] = None
        if rule is not None:
            out["matched"] = {
                "locality": rule.locality,
                "street": f"{rule.prefix} {rule.street}".strip(),
                "house_number": result.house_number.raw if result.house_number else None,
            }
        out["lat"], out["lon"] = result.lat, result.lon
        out["alternatives"] = [
            {
                "locality": a.locality,
                "street": a.street,
                "numbers": a.numbers,
                "district_code": a.district_code,
                "district_name": a.district_name,
                "score": round(a.score, 1),
            }
            for a in result.alternatives
        ]
    else:
        out["distance_m"] = None if result.distance_m is None else round(result.distance_m, 1)
        nearest = result.nearest_district
        out["nearest_district"] = None if nearest is None else nearest.code
    return out


def _text(out: dict[str, Any]) -> str:
    """Describe a lookup result for people reading a terminal."""
    lines = [f"match: {out['quality']}"]
    matched = out.get("matched")
    if matched and "crossing" in matched:
        lines.append(f"crossing: {' / '.join(matched['crossing'])}, {matched['locality']}")
    elif matched:
        number = f" {matched['house_number']}" if matched["house_number"] else ""
        lines.append(f"address: {matched['street']}{number}, {matched['locality']}".strip())
    district = out["district"]
    if district is not None:
        sample = "  [SAMPLE / PRZYKŁAD: synthetic data]" if district["sample"] else ""
        lines.append(f"district: {district['code']} {district['name']}{sample}")
        for officer in out["officers"]:
            email = f", {officer['email']}" if officer["email"] else ""
            lines.append(
                f"officer: {officer['code']} {officer['rank']} {officer['name']}, "
                f"{officer['phone']}{email}"
            )
        if not out["officers"]:
            lines.append("officer: none active")
    station = out["station"]
    if station is not None:
        hours = f", {station['opening_hours']}" if station["opening_hours"] else ""
        lines.append(
            f"station: {station['code']} {station['name']}, {station['address']}, "
            f"{station['phone']}{hours}"
        )
    if out.get("crossing_apart"):
        lines.append(f"these streets do not meet: {' / '.join(out['crossing_apart'])}")
    for alt in out["alternatives"]:
        numbers = f" {alt['numbers']}" if alt["numbers"] else ""
        lines.append(
            f"candidate: {alt['street']}{numbers}, {alt['locality']} → "
            f"{alt['district_code']} {alt['district_name']}"
        )
    if out.get("distance_m") is not None and district is None:
        km = out["distance_m"] / 1000
        lines.append(f"outside every district: {km:.1f} km from {out['nearest_district']}")
    return "\n".join(lines)
