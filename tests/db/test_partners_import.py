"""partners.csv: validated with the other directory files, imported by code, links kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.engine import session_factory
from db.models.partners import Partner
from db.repositories.directory_import import import_folder, read_for_import
from lookup.files import DirectoryInvalid, read_directory
from tests.db.test_directory_import import SAMPLE, copy_sample, drop_lines


def test_the_sample_lists_partners_per_gmina_and_one_for_every_gmina() -> None:
    partners = {p.code: p for p in read_directory(SAMPLE).partners}
    assert partners["SM-KONIN"].kind == "Straż Miejska"
    assert partners["SM-KONIN"].serves("konin") and not partners["SM-KONIN"].serves("Kramsk")
    assert partners["ZDP-KONIN"].serves("Kramsk") and partners["ZDP-KONIN"].serves(None)


def test_an_unknown_gmina_a_repeated_code_and_a_missing_name_are_problems(
    tmp_path: Path,
) -> None:
    folder = copy_sample(tmp_path)
    last = len((folder / "partners.csv").read_text("utf-8").splitlines())
    with (folder / "partners.csv").open("a", encoding="utf-8") as handle:
        handle.write("SM-KONIN,Straż Miejska druga,Straż Miejska,Konin,\n")
        handle.write("UG-X,Urząd Gminy X,urząd gminy,Atlantyda,\n")
        handle.write("UG-Y,,urząd gminy,Konin,\n")
        handle.write("bad code,Urząd,urząd gminy,Konin,\n")
    with pytest.raises(DirectoryInvalid) as raised:
        read_for_import(folder)
    messages = [str(p) for p in raised.value.problems]
    assert f"partners.csv:{last + 1}: code 'SM-KONIN' already used on line 2" in messages
    assert any(m.startswith(f"partners.csv:{last + 2}: unknown gmina 'Atl") for m in messages)
    assert f"partners.csv:{last + 3}: name is empty" in messages
    assert any(m.startswith(f"partners.csv:{last + 4}: code 'bad code'") for m in messages)


async def test_a_reimport_keeps_a_partners_chat_and_deactivates_one_that_disappeared(
    engine: AsyncEngine, tmp_path: Path
) -> None:
    sessions = session_factory(engine)
    async with sessions() as session:
        summary = await import_folder(session, SAMPLE)
        guard = await session.scalar(select(Partner).where(Partner.code == "SM-KONIN"))
        assert guard is not None
        # Only an invite sets a chat; the import must never take it away.
        guard.chat_id = -100_123
        await session.commit()
    assert summary.partners.created == 19
    folder = copy_sample(tmp_path)
    drop_lines(folder / "partners.csv", "KSM-KONIN")
    async with sessions() as session:
        again = await import_folder(session, folder)
        await session.commit()
    assert (again.partners.unchanged, again.partners.deactivated) == (18, 1)
    async with sessions() as session:
        rows = {p.code: p for p in await session.scalars(select(Partner))}
    assert rows["SM-KONIN"].chat_id == -100_123 and rows["SM-KONIN"].active
    assert not rows["KSM-KONIN"].active
