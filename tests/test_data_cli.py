"""Police staff run `python -m bot data import|export|check` and `python -m bot lookup`."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main
from lookup.files import read_directory

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "konin"


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The bot's database for these commands: a SQLite file of this test's own."""
    path = tmp_path / "bot.sqlite3"
    monkeypatch.setenv("DATABASE_URL", f"sqlite+aiosqlite:///{path}")
    monkeypatch.chdir(ROOT)
    return path


def rows(database: Path, table: str) -> list[tuple[object, ...]]:
    """Read a table directly, as a person with sqlite3 would."""
    with sqlite3.connect(database) as conn:
        return conn.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()


def folded(text: str) -> str:
    """Collapse the column padding of the command's output."""
    return " ".join(text.split())


def copy_sample(tmp_path: Path) -> Path:
    folder = tmp_path / "files"
    shutil.copytree(SAMPLE, folder)
    return folder


def test_import_then_export_gives_the_same_files_back(
    database: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["data", "import", str(SAMPLE)]) == 0
    out = folded(capsys.readouterr().out)
    assert "districts: 23 new, 0 updated" in out
    assert "street rules: 111 new" in out
    assert "partners: 19 new" in out
    assert "after a restart" in out

    assert main(["data", "export", str(tmp_path / "export")]) == 0
    assert "23 districts" in capsys.readouterr().out
    assert read_directory(tmp_path / "export") == read_directory(SAMPLE)

    # Importing the export again changes nothing.
    before = rows(database, "officers")
    assert main(["data", "import", str(tmp_path / "export")]) == 0
    out = folded(capsys.readouterr().out)
    assert "officers: 0 new, 0 updated, 31 unchanged, 0 deactivated" in out
    assert rows(database, "officers") == before


def test_an_import_with_problems_lists_them_all_and_changes_nothing(
    database: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["data", "import", str(SAMPLE)]) == 0
    capsys.readouterr()
    before = {t: rows(database, t) for t in ("stations", "districts", "officers", "street_rules")}

    folder = copy_sample(tmp_path)
    streets = folder / "streets.csv"
    text = streets.read_text("utf-8")
    text = text.replace("Konin,ul.,Kolska,,KON-01", "Konin,ul.,Kolska,12-5,KON-01")
    text = text.replace("Konin,ul.,Gajowa,,KON-01", "Konin,ul.,Gajowa,,KON-77")
    streets.write_text(text, "utf-8")
    officers = folder / "officers.csv"
    officers.write_text(officers.read_text("utf-8").replace("Jan,", "Janusz,"), "utf-8")

    assert main(["data", "import", str(folder)]) == 1
    captured = capsys.readouterr()
    assert "2 problem(s)" in captured.err and "nothing was changed" in captured.err
    assert "streets.csv:10: " in captured.err  # Kolska: the range runs backwards
    assert "streets.csv:51: unknown district 'KON-77'" in captured.err
    after = {t: rows(database, t) for t in before}
    assert after == before


def test_a_dry_run_counts_the_changes_and_keeps_the_database(
    database: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["data", "import", str(SAMPLE)]) == 0
    capsys.readouterr()
    folder = copy_sample(tmp_path)
    officers = folder / "officers.csv"
    officers.write_text(officers.read_text("utf-8").replace("Jan,", "Janusz,"), "utf-8")
    before = rows(database, "officers")

    assert main(["data", "import", "--dry-run", str(folder)]) == 0
    out = folded(capsys.readouterr().out)
    assert "officers: 0 new, 1 updated" in out and "nothing was changed" in out
    assert rows(database, "officers") == before


def test_check_lists_streets_left_without_a_district_and_unreachable_districts(
    database: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["data", "import", str(SAMPLE)]) == 0
    # KON-09 disappears from the new files, and with it the only district of its streets.
    folder = copy_sample(tmp_path)
    for name in ("districts.csv", "officers.csv", "streets.csv", "places.csv"):
        path = folder / name
        kept = [line for line in path.read_text("utf-8").splitlines() if "KON-09" not in line]
        path.write_text("\n".join(kept) + "\n", "utf-8")
    (folder / "districts.geojson").unlink()
    assert main(["data", "import", str(folder)]) == 0
    capsys.readouterr()

    assert main(["data", "check"]) == 1
    out = capsys.readouterr().out
    assert (
        "street_without_district: Konin, ul. Gotycka: was in KON-09 (inactive), "
        "no active district covers it now"
    ) in out
    # Kleczewska is still covered up to 336 by KON-08, so only whole streets count as lost.
    assert "ul. Kleczewska: was in" not in out
    # No sample officer has linked a Telegram account: nobody of their own gets alerts.
    assert "unreachable: KON-01 Rejon 1" in out and "not linked" in out
    assert "22 districts" in out


def test_check_of_a_folder_finds_overlaps_and_streets_of_a_register(
    database: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = copy_sample(tmp_path)
    with (folder / "streets.csv").open("a", encoding="utf-8") as handle:
        handle.write("Konin,ul.,Kolejowa,30-50(p),KON-01,,,\n")
    register = tmp_path / "ulice.csv"
    register.write_text("prefix,street\nul.,Kolejowa\nul.,Nowa Ulica\npl.,Wolności\n", "utf-8")

    assert main(["data", "check", str(folder), "--streets", str(register)]) == 1
    out = capsys.readouterr().out
    assert "overlap: Konin, ul. Kolejowa: 2-38(p) (KON-05) overlaps 30-50(p) (KON-01)" in out
    assert "street_without_district: ulice.csv:3: Konin, ul. Nowa Ulica: no district covers it" in (
        out
    )
    assert "Wolności" not in out

    assert main(["data", "check", str(SAMPLE)]) == 0
    assert "0 finding(s)" in capsys.readouterr().out


def test_lookup_prints_the_district_and_officer(
    database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["data", "import", str(SAMPLE)]) == 0
    capsys.readouterr()

    assert main(["lookup", "kolejowa 5"]) == 0
    out = capsys.readouterr().out
    assert "district: KON-05 Rejon 5 – Centrum i V osiedle (PRZYKŁAD)  [SAMPLE" in out
    assert "officer: DZ-05 asp. sztab. Tomasz Fikcyjny, +48 47 77 000 05" in out
    assert "station: KMP-KONIN Komenda Miejska Policji w Koninie" in out

    assert main(["lookup", "Chopna 16a", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found["quality"] == "fuzzy"
    assert found["district"] == {
        "code": "KON-08",
        "name": "Rejon 8 – Zatorze i Glinka (PRZYKŁAD)",
        "sample": True,
    }
    assert [(o["code"], o["name"]) for o in found["officers"]] == [("DZ-09", "Marek Szablonowy")]
    assert found["station"]["code"] == "KMP-KONIN"
    assert found["matched"] == {"locality": "Konin", "street": "ul. Chopina", "house_number": "16a"}


def test_lookup_json_lists_alternatives_and_points(
    database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["data", "import", str(SAMPLE)]) == 0
    capsys.readouterr()

    assert main(["lookup", "Przemysłowa", "--json"]) == 1
    ambiguous = json.loads(capsys.readouterr().out)
    assert ambiguous["quality"] == "street_only" and ambiguous["district"] is None
    assert {a["district_code"] for a in ambiguous["alternatives"]} == {"KON-06", "KON-08"}

    assert main(["lookup", "--lat", "52.2939", "--lon", "18.2662", "--json"]) == 0
    point = json.loads(capsys.readouterr().out)
    assert point["district"]["code"] == "KON-09" and point["officers"][0]["code"] == "DZ-10"

    assert main(["lookup", "--lat", "50.06", "--lon", "19.94"]) == 1
    assert "outside every district" in capsys.readouterr().out

    assert main(["lookup", "Kolejowa 5", "--lat", "52.2"]) == 2


def test_lookup_reads_crossings_as_residents_type_them(
    database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["data", "import", str(SAMPLE)]) == 0
    capsys.readouterr()

    assert main(["lookup", "róg Kolejowej i Dworcowej"]) == 0
    out = capsys.readouterr().out
    assert "crossing: ul. Kolejowa / ul. Dworcowa, Konin" in out
    assert "district: KON-05" in out
    assert main(["lookup", "Kolejowa i Gotycka", "--json"]) == 1
    apart = json.loads(capsys.readouterr().out)
    assert apart["quality"] == "no_crossing"
    assert apart["crossing_apart"] == ["ul. Kolejowa", "ul. Gotycka"]


def test_lookup_on_an_empty_database_reads_the_files(
    database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["lookup", "Staszica 3"]) == 0
    captured = capsys.readouterr()
    assert "Anna Testowa" in captured.out
    assert "holds no districts" in captured.err
    # A look-up only reads: it did not create the schema (`db upgrade` does).
    with sqlite3.connect(database) as conn:
        assert conn.execute("SELECT name FROM sqlite_master").fetchall() == []


def test_the_commands_run_as_a_program(database: Path, tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bot", "data", "check", str(SAMPLE)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    assert "0 finding(s)" in done.stdout
