"""`python -m bot data import|export|check`: the district directory, for police staff.

`import DIR` validates every file first and changes nothing when any problem is found (each is
printed with its file and line); otherwise it updates the database in one transaction, matching
records by their codes. A running bot uses the new directory after a restart.
`export DIR` writes the active directory in the same format. `check [DIR]` lists data findings
(overlapping ranges, streets no active district covers, districts without an active officer or
nobody reachable, street points outside their district's polygon) for the database, or for a
folder of files. The format is documented in data/konin/README.md and docs/directory.md.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession
from tqdm import tqdm

from bot.commands import Subparsers, add_parser
from bot.config import Config, Secrets
from db import migrate
from db.engine import create_engine, database_url, session_factory
from db.repositories.directory_import import (
    Counts,
    ImportSummary,
    import_directory,
    read_for_import,
)
from db.repositories.directory_queries import (
    InactiveStreet,
    inactive_district_streets,
    load_directory,
)
from lookup.directory import Directory
from lookup.files import DirectoryInvalid, check, csv_records, write_directory
from lookup.normalize import street_key, words_key

# Records from which an import shows a progress bar (on a terminal).
PROGRESS_FROM = 2000
EXIT_OK, EXIT_PROBLEMS = 0, 1


def register(subparsers: Subparsers) -> None:
    """Add `data` and its actions."""
    parser = add_parser(subparsers, "data", "the district directory: import, export, check")
    actions = parser.add_subparsers(dest="data_action", metavar="ACTION", required=True)
    imp = add_parser(actions, "import", "validate a folder of directory files and import it")
    imp.add_argument("folder", type=Path, help="stations.csv, districts.csv, officers.csv, ...")
    imp.add_argument(
        "--dry-run", action="store_true", help="validate and count the changes, change nothing"
    )
    imp.set_defaults(handler=_import)
    exp = add_parser(actions, "export", "write the active directory as files (same format)")
    exp.add_argument("folder", type=Path)
    exp.set_defaults(handler=_export)
    chk = add_parser(actions, "check", "list data findings in the database (or in a folder)")
    chk.add_argument("folder", type=Path, nargs="?", help="check these files instead")
    chk.add_argument(
        "--streets",
        type=Path,
        metavar="CSV",
        help="a list of the town's streets (columns: street, optional prefix and locality): "
        "report those no district covers",
    )
    chk.set_defaults(handler=_check)


@asynccontextmanager
async def directory_session(config: Config, secrets: Secrets) -> AsyncIterator[AsyncSession]:
    """Open a session on the bot's database, its schema brought up to date first."""
    url = database_url(secrets.database_url, config.database.sqlite_path)
    engine = create_engine(url, busy_timeout=config.database.sqlite_busy_timeout)
    try:
        await migrate.upgrade(engine)
        async with session_factory(engine)() as session:
            yield session
    finally:
        await engine.dispose()


def print_problems(error: DirectoryInvalid, folder: Path) -> None:
    """Print every problem of a folder, one per line, to stderr."""
    print(
        f"{len(error.problems)} problem(s) in {folder}; nothing was changed:",
        file=sys.stderr,
    )
    for problem in error.problems:
        print(f"  {problem}", file=sys.stderr)


# ---- import -----------------------------------------------------------------------------------


def _import(args: argparse.Namespace, config: Config, secrets: Secrets) -> int:
    folder: Path = args.folder
    try:
        directory = read_for_import(folder)
    except DirectoryInvalid as error:
        print_problems(error, folder)
        return EXIT_PROBLEMS
    summary = asyncio.run(_import_into_db(config, secrets, directory, dry_run=args.dry_run))
    _print_summary(summary)
    if args.dry_run:
        print("Dry run: nothing was changed.")
    else:
        print("Imported. A running bot uses the new directory after a restart.")
    return EXIT_OK


async def _import_into_db(
    config: Config, secrets: Secrets, directory: Directory, *, dry_run: bool
) -> ImportSummary:
    total = (
        len(directory.stations)
        + len(directory.districts)
        + len(directory.officers)
        + len(directory.rules)
        + len(directory.places)
    )
    # tqdm hides itself when stderr is not a terminal (disable=None).
    with tqdm(
        total=total, unit="record", desc="import", disable=None if total >= PROGRESS_FROM else True
    ) as bar:
        async with directory_session(config, secrets) as session:
            summary = await import_directory(session, directory, bar.update)
            if dry_run:
                await session.rollback()
            else:
                await session.commit()
    return summary


def _print_summary(summary: ImportSummary) -> None:
    def line(name: str, counts: Counts, gone: str = "deactivated") -> str:
        return (
            f"{name:13} {counts.created} new, {counts.updated} updated, "
            f"{counts.unchanged} unchanged, {counts.deactivated} {gone}"
        )

    print(line("stations:", summary.stations))
    print(line("districts:", summary.districts))
    print(line("officers:", summary.officers))
    print(line("street rules:", summary.rules, "removed"))
    print(line("partners:", summary.partners))
    print(line("places:", summary.places, "removed"))


# ---- export -----------------------------------------------------------------------------------


def _export(args: argparse.Namespace, config: Config, secrets: Secrets) -> int:
    directory = asyncio.run(_load(config, secrets))
    write_directory(directory, args.folder)
    print(
        f"Exported {len(directory.stations)} stations, {len(directory.districts)} districts, "
        f"{len(directory.officers)} officers, {len(directory.rules)} street rules, "
        f"{len(directory.partners)} partners and {len(directory.places)} places to {args.folder}."
    )
    return EXIT_OK


async def _load(config: Config, secrets: Secrets) -> Directory:
    async with directory_session(config, secrets) as session:
        return await load_directory(session)


# ---- check ------------------------------------------------------------------------------------


def _check(args: argparse.Namespace, config: Config, secrets: Secrets) -> int:
    if args.folder is not None:
        try:
            directory = read_for_import(args.folder)
        except DirectoryInvalid as error:
            print_problems(error, args.folder)
            return EXIT_PROBLEMS
        findings = _directory_findings(directory)
        where = str(args.folder)
    else:
        directory, findings = asyncio.run(_database_findings(config, secrets))
        where = "the database"
    if args.streets is not None:
        findings += _register_findings(directory, args.streets, config.lookup.default_locality)
    for kind, message in findings:
        print(f"{kind}: {message}")
    print(
        f"{where}: {len(directory.districts)} districts, {len(directory.rules)} street rules, "
        f"{len(directory.officers)} officers, {len(directory.partners)} partners: "
        f"{len(findings)} finding(s)"
    )
    return EXIT_PROBLEMS if findings else EXIT_OK


Finding = tuple[str, str]


def _directory_findings(directory: Directory) -> list[Finding]:
    return [(str(f.kind), f.message) for f in check(directory)]


async def _database_findings(config: Config, secrets: Secrets) -> tuple[Directory, list[Finding]]:
    async with directory_session(config, secrets) as session:
        directory = await load_directory(session)
        findings = _directory_findings(directory)
        findings += _orphaned_streets(directory, await inactive_district_streets(session))
        findings += await _unreachable(session)
    return directory, findings


def _orphaned_streets(directory: Directory, kept: list[InactiveStreet]) -> list[Finding]:
    """Streets of deactivated districts that no active district took over."""
    covered = _covered(directory)
    found: list[Finding] = []
    seen: set[tuple[str, str]] = set()
    for street in kept:
        key = (words_key(street.locality), street_key(street.street) if street.street else "")
        if key in seen or _is_covered(covered, *key):
            continue
        seen.add(key)
        name = f"{street.prefix} {street.street}".strip()
        label = ", ".join(part for part in (street.locality, name) if part)
        found.append(
            (
                "street_without_district",
                f"{label}: was in {street.district_code} (inactive), "
                "no active district covers it now",
            )
        )
    return found


def _covered(directory: Directory) -> set[tuple[str, str]]:
    return {
        (words_key(r.locality), street_key(r.street) if r.street else "") for r in directory.rules
    }


def _is_covered(covered: set[tuple[str, str]], locality: str, street: str) -> bool:
    # A whole-locality rule covers every street of that locality.
    return (locality, street) in covered or (locality, "") in covered


async def _unreachable(session: AsyncSession) -> list[Finding]:
    """Districts where no officer of their own can receive alerts (the officers feature)."""
    from bot.usecases.officers.reachability import unreachable_districts

    found: list[Finding] = []
    for district in await unreachable_districts(session):
        fallback = (
            "the duty group or a coordinator gets its alerts"
            if district.has_fallback
            else "NOBODY gets its alerts"
        )
        found.append(
            (
                "unreachable",
                f"{district.code} {district.name}: {district.reason.replace('_', ' ')}; {fallback}",
            )
        )
    return found


def _register_findings(directory: Directory, path: Path, default_locality: str) -> list[Finding]:
    """List the streets of a register file that no district covers."""
    covered = _covered(directory)
    found: list[Finding] = []
    for line, row in _register_rows(path):
        name = row.get("street", "")
        if not name:
            continue
        locality = row.get("locality") or default_locality
        if not _is_covered(covered, words_key(locality), street_key(name)):
            label = f"{row.get('prefix', '')} {name}".strip()
            found.append(
                (
                    "street_without_district",
                    f"{path.name}:{line}: {locality}, {label}: no district covers it",
                )
            )
    return found


def _register_rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    # The directory's own CSV reader: the same separators, header and comment rows.
    return csv_records(path)
