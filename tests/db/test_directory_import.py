"""Police staff import the directory files: all or nothing, and a re-import updates in place."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from db.engine import session_factory
from db.models.directory import District, Officer, Station, StreetRule
from db.models.people import User
from db.models.reports import Report
from db.repositories import directory_import, directory_queries
from db.repositories.directory_import import import_directory, import_folder
from db.repositories.directory_queries import (
    district_card,
    inactive_district_streets,
    load_directory,
    officer_contact,
)
from lookup.files import DirectoryInvalid, read_directory, write_directory

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "konin"


def copy_sample(tmp_path: Path, name: str = "files") -> Path:
    """Give the test a copy of the Konin sample it may edit."""
    folder = tmp_path / name
    shutil.copytree(SAMPLE, folder)
    return folder


def drop_lines(path: Path, containing: str) -> None:
    """Delete the lines of a file that contain a text (a district that disappeared)."""
    kept = [line for line in path.read_text("utf-8").splitlines() if containing not in line]
    path.write_text("\n".join(kept) + "\n", "utf-8")


async def snapshot(session: AsyncSession) -> dict[str, list[tuple[Any, ...]]]:
    """Everything the directory tables hold, to compare before and after."""
    tables: dict[str, list[tuple[Any, ...]]] = {}
    for model in (Station, District, Officer, StreetRule):
        rows = (await session.execute(select(model.__table__).order_by("id"))).all()
        tables[model.__tablename__] = [tuple(row) for row in rows]
    return tables


async def test_the_sample_imports_and_loads_back_unchanged(engine: AsyncEngine) -> None:
    sessions = session_factory(engine)
    async with sessions() as session:
        summary = await import_folder(session, SAMPLE)
        await session.commit()
    assert (summary.stations.created, summary.districts.created) == (6, 23)
    assert (summary.officers.created, summary.rules.created) == (31, 111)
    assert summary.updated == summary.deactivated == 0
    async with sessions() as session:
        assert await load_directory(session) == read_directory(SAMPLE)


async def test_the_rules_load_back_unchanged_when_read_in_pages(
    engine: AsyncEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A national directory's rules are read a page at a time; the sample's 111 take 12 pages
    # of 10, the last one short.
    monkeypatch.setattr(directory_queries, "RULES_PAGE", 10)
    sessions = session_factory(engine)
    async with sessions() as session:
        await import_folder(session, SAMPLE)
        await session.commit()
    async with sessions() as session:
        loaded = await load_directory(session)
    expected = read_directory(SAMPLE)
    assert len(loaded.rules) == len(expected.rules) == 111
    assert list(loaded.rules) == list(expected.rules)


async def test_rules_inserted_in_pages_are_cut_to_their_columns_and_all_stored(
    engine: AsyncEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    # New rules are inserted as rows, a page per statement (the sample's 111: 23 pages of 5),
    # which skips the models' events: a street longer than its column is still cut, not refused
    # by PostgreSQL with the whole import.
    monkeypatch.setattr(directory_import, "RULES_INSERT_PAGE", 5)
    sample = read_directory(SAMPLE)
    first, *rest = sample.rules
    long_street = dataclasses.replace(first, street="Długa" * 60)
    directory = dataclasses.replace(sample, rules=(long_street, *rest))
    sessions = session_factory(engine)
    async with sessions() as session:
        summary = await import_directory(session, directory)
        await session.commit()
    assert summary.rules.created == 111
    async with sessions() as session:
        streets = set(await session.scalars(select(StreetRule.street)))
        loaded = await load_directory(session)
    assert ("Długa" * 60)[:200] in streets
    [cut, *others] = loaded.rules
    assert cut == dataclasses.replace(long_street, street=("Długa" * 60)[:200])
    assert others == rest


async def test_export_then_import_is_a_round_trip(engine: AsyncEngine, tmp_path: Path) -> None:
    sessions = session_factory(engine)
    async with sessions() as session:
        await import_folder(session, SAMPLE)
        await session.commit()
    async with sessions() as session:
        write_directory(await load_directory(session), tmp_path / "export")
    assert read_directory(tmp_path / "export") == read_directory(SAMPLE)
    async with sessions() as session:
        before = await snapshot(session)
        again = await import_folder(session, tmp_path / "export")
        await session.commit()
    assert again.created == again.updated == again.deactivated == 0
    async with sessions() as session:
        assert await snapshot(session) == before


async def test_a_reimport_updates_in_place_and_deactivates_what_disappeared(
    engine: AsyncEngine, tmp_path: Path
) -> None:
    sessions = session_factory(engine)
    async with sessions() as session:
        await import_folder(session, SAMPLE)
        # Officer DZ-01 has linked a Telegram account; a resident reported in district KON-01.
        user = User(channel="telegram", external_id="777", chat_id=777)
        session.add(user)
        await session.flush()
        officer = await session.scalar(select(Officer).where(Officer.code == "DZ-01"))
        district = await session.scalar(select(District).where(District.code == "KON-01"))
        assert officer is not None and district is not None
        officer.user_id = user.id
        report = Report(
            reference="KN-2026-000001",
            category="akty-wandalizmu",
            district_id=district.id,
            location_source="point",
            taken_by_officer_id=officer.id,
        )
        session.add(report)
        await session.commit()
        ids = (officer.id, district.id, report.id, user.id)

    # New files: DZ-01 has a new phone number, and district KON-09 (Gosławice) with its
    # officer DZ-10 and its streets is gone.
    folder = copy_sample(tmp_path)
    officers = folder / "officers.csv"
    officers.write_text(
        officers.read_text("utf-8").replace("+48 47 77 000 01", "+48 47 77 999 01"), "utf-8"
    )
    for name in ("districts.csv", "officers.csv", "streets.csv", "places.csv"):
        drop_lines(folder / name, "KON-09")
    geojson = folder / "districts.geojson"
    features = [line for line in geojson.read_text("utf-8").splitlines() if "KON-09" not in line]
    geojson.write_text("\n".join(features).replace("]}},\n]}", "]}}\n]}") + "\n", "utf-8")

    async with sessions() as session:
        summary = await import_folder(session, folder)
        await session.commit()
    assert summary.officers.updated == 1
    assert summary.districts.deactivated == 1 and summary.officers.deactivated == 1
    assert summary.stations.created == summary.districts.created == 0
    # Its two landmarks (the museum in Gosławice, the power station) are gone with it.
    assert (summary.places.deactivated, summary.places.unchanged) == (2, 42)

    async with sessions() as session:
        officer = await session.scalar(select(Officer).where(Officer.code == "DZ-01"))
        assert officer is not None
        assert (officer.id, officer.user_id, officer.phone) == (ids[0], ids[3], "+48 47 77 999 01")
        stored = await session.get(Report, ids[2])
        assert stored is not None
        assert (stored.district_id, stored.taken_by_officer_id) == (ids[1], ids[0])
        gone = await session.scalar(select(District).where(District.code == "KON-09"))
        assert gone is not None and gone.active is False
        dz10 = await session.scalar(select(Officer).where(Officer.code == "DZ-10"))
        assert dz10 is not None and dz10.active is False
        directory = await load_directory(session)
        assert "KON-09" not in {d.code for d in directory.districts}
        assert all(rule.district_code != "KON-09" for rule in directory.rules)
        # Its streets are kept with it, so the data check can say no active district covers them.
        orphans = {s.street for s in await inactive_district_streets(session)}
        assert orphans == {"Kleczewska", "Gotycka", "Kazimierska", "Ślesińska"}
        assert await officer_contact(session, "DZ-10") is None


async def test_a_district_that_returns_is_reactivated_with_its_new_streets(
    engine: AsyncEngine, tmp_path: Path
) -> None:
    sessions = session_factory(engine)
    folder = copy_sample(tmp_path)
    drop_lines(folder / "officers.csv", "DZ-11")
    async with sessions() as session:
        await import_folder(session, SAMPLE)
        await session.commit()
    sample = read_directory(SAMPLE)
    moved = [
        dataclasses.replace(rule, district_code="KON-02") if rule.street == "Kolska" else rule
        for rule in sample.rules
    ]
    async with sessions() as session:
        summary = await import_directory(session, dataclasses.replace(sample, rules=tuple(moved)))
        await session.commit()
    # One rule left KON-01 and one arrived in KON-02: nothing else was touched.
    assert (summary.rules.created, summary.rules.deactivated) == (1, 1)
    assert summary.rules.unchanged == 110
    async with sessions() as session:
        loaded = await load_directory(session)
    kolska = [r for r in loaded.rules if r.street == "Kolska"]
    assert [r.district_code for r in kolska] == ["KON-02"]


async def test_nothing_changes_when_the_files_have_problems(
    engine: AsyncEngine, tmp_path: Path
) -> None:
    sessions = session_factory(engine)
    async with sessions() as session:
        await import_folder(session, SAMPLE)
        await session.commit()
        before = await snapshot(session)

    folder = copy_sample(tmp_path)
    districts = folder / "districts.csv"
    # Line 3: a code unfit for buttons; line 4: a name longer than the database holds.
    text = districts.read_text("utf-8").replace("KON-02,", "KON 02,", 1)
    text = text.replace("Rejon 3 – Morzysław", "Rejon 3 " + "x" * 200, 1)
    districts.write_text(text, "utf-8")
    # And a valid change that must not be applied either.
    officers = folder / "officers.csv"
    officers.write_text(officers.read_text("utf-8").replace("Jan,", "Janusz,"), "utf-8")

    async with sessions() as session:
        with pytest.raises(DirectoryInvalid) as raised:
            await import_folder(session, folder)
        await session.commit()
    problems = [str(p) for p in raised.value.problems]
    assert any(p.startswith("districts.csv:3: code 'KON 02'") for p in problems)
    assert any(p.startswith("districts.csv:4: name is longer than 200") for p in problems)
    # KON-02 is unknown now, so every line that names it is a problem too, with its line.
    assert any(p.startswith("streets.csv:2: unknown district 'KON-02'") for p in problems)
    async with sessions() as session:
        assert await snapshot(session) == before


async def test_a_missing_folder_is_a_problem_not_a_crash(engine: AsyncEngine) -> None:
    async with session_factory(engine)() as session:
        with pytest.raises(DirectoryInvalid, match="is not a folder"):
            await import_folder(session, "/nonexistent/konin")


async def test_the_card_shows_a_districts_active_officers_and_station(engine: AsyncEngine) -> None:
    sessions = session_factory(engine)
    async with sessions() as session:
        await import_folder(session, SAMPLE)
        await session.commit()
    async with sessions() as session:
        centrum = await district_card(session, "KON-05")
        morzyslaw = await district_card(session, "KON-03")
        assert await district_card(session, "KON-99") is None
        contact = await officer_contact(session, "DZ-05")
    assert centrum is not None and morzyslaw is not None
    assert (centrum.name, centrum.sample) == ("Rejon 5 – Centrum i V osiedle (PRZYKŁAD)", True)
    # Sorted by surname; the inactive DZ-11 of KON-03 is left out.
    assert [o.last_name for o in centrum.officers] == ["Fikcyjny", "Zmyślona"]
    assert [o.code for o in morzyslaw.officers] == ["DZ-03"]
    assert centrum.station.opening_hours == "całodobowo (PRZYKŁAD)"
    assert contact is not None
    assert (contact.phone, contact.station_name, contact.sample) == (
        "+48 47 77 000 05",
        "Komenda Miejska Policji w Koninie",
        True,
    )


async def test_places_are_imported_updated_in_place_and_removed_with_the_file(
    engine: AsyncEngine, tmp_path: Path
) -> None:
    sessions = session_factory(engine)
    async with sessions() as session:
        summary = await import_folder(session, SAMPLE)
        await session.commit()
    assert summary.places.created == 44
    folder = copy_sample(tmp_path)
    places = folder / "places.csv"
    places.write_text(
        places.read_text("utf-8").replace("park Chopina; park miejski", "park Chopina"), "utf-8"
    )
    async with sessions() as session:
        summary = await import_folder(session, folder)
        await session.commit()
        loaded = await load_directory(session)
    assert (summary.places.updated, summary.places.unchanged) == (1, 43)
    [park] = [m for m in loaded.places if m.name == "Park im. Fryderyka Chopina"]
    assert park.aliases == ("park Chopina", "парк Шопена") and park.district_code == "KON-02"
    assert park.approximate

    places.unlink()
    async with sessions() as session:
        summary = await import_folder(session, folder)
        await session.commit()
        loaded = await load_directory(session)
    assert summary.places.deactivated == 44 and loaded.places == ()
