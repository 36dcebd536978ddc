"""Police staff exchange the directory as CSV and GeoJSON files; mistakes are all listed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lookup.directory import (
    Directory,
    DistrictRecord,
    OfficerRecord,
    OfficerRole,
    Parity,
    StationRecord,
    StreetRuleRecord,
)
from lookup.files import (
    DirectoryInvalid,
    FindingKind,
    check,
    read_directory,
    write_directory,
)

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "konin"

OUTER = ((18.0, 52.0), (18.1, 52.0), (18.1, 52.1), (18.0, 52.1), (18.0, 52.0))
HOLE = ((18.04, 52.04), (18.06, 52.04), (18.06, 52.06), (18.04, 52.06), (18.04, 52.04))
ISLAND = ((18.2, 52.0), (18.3, 52.0), (18.3, 52.1), (18.2, 52.1), (18.2, 52.0))


def small_directory() -> Directory:
    return Directory(
        stations=(
            StationRecord("S", "Posterunek", "ul. Długa 1", "+48 47 000", "", "8-16", None, None),
        ),
        districts=(
            DistrictRecord("A", "Rejon A", "S", (OUTER, HOLE, ISLAND), True),
            DistrictRecord("B", "Rejon B; \"cudzysłów\"", "S", None, False),
        ),
        officers=(
            OfficerRecord("O1", "asp.", "Jan", "Kowalski", "+48 47 1", "j@x.invalid", "S",
                          ("A", "B"), True, OfficerRole.COORDINATOR),
            OfficerRecord("O2", "sierż.", "Ewa", "Nowak", "+48 47 2", "", "S", ("B",), False,
                          OfficerRole.DUTY),
        ),
        rules=(
            StreetRuleRecord("Konin", "ul.", "Kolejowa", Parity.ODD, 1, 41, "A", 52.01, 18.01),
            StreetRuleRecord("Konin", "ul.", "Kolejowa", Parity.EVEN, 2, None, "B"),
            StreetRuleRecord("Konin", "al.", "1 Maja", Parity.ALL, None, None, "A",
                             aliases=("Aleje 1 Maja", "22 Lipca")),
            StreetRuleRecord("Wilków", "", "", Parity.ALL, None, None, "B", 52.3, 18.3),
            StreetRuleRecord("Konin", "ul.", "Kleczewska", Parity.ALL, 337, None, "A"),
        ),
    )  # fmt: skip


def test_write_then_read_gives_the_same_directory(tmp_path: Path) -> None:
    directory = small_directory()
    write_directory(directory, tmp_path)
    assert read_directory(tmp_path) == directory
    feature = json.loads((tmp_path / "districts.geojson").read_text())["features"][0]
    # Outer ring with its hole, then a separate island: a MultiPolygon of two parts.
    assert feature["geometry"]["type"] == "MultiPolygon"
    assert [len(part) for part in feature["geometry"]["coordinates"]] == [2, 1]


def test_the_konin_sample_survives_a_round_trip(tmp_path: Path) -> None:
    sample = read_directory(SAMPLE)
    write_directory(sample, tmp_path)
    assert read_directory(tmp_path) == sample


def test_excel_style_semicolons_decimal_commas_and_bom_are_accepted(tmp_path: Path) -> None:
    write_directory(small_directory(), tmp_path)
    streets = tmp_path / "streets.csv"
    streets.write_text(
        "\ufefflocality;prefix;street;numbers;district_code;lat;lon;aliases\n"
        "Konin;ul.;Kolejowa;1-41(n);A;52,01;18,01;\n",
        encoding="utf-8",
    )
    rules = read_directory(tmp_path).rules
    assert rules == (
        StreetRuleRecord("Konin", "ul.", "Kolejowa", Parity.ODD, 1, 41, "A", 52.01, 18.01),
    )


def write_broken_folder(folder: Path) -> None:
    (folder / "stations.csv").write_text(
        "code,name,address,phone,email,opening_hours,lat,lon\n"
        "S,Komenda,ul. Kolejowa 5,+48 47,,,52.23,18.26\n"
        "S,Druga komenda,,,,,abc,18.2\n",  # line 3: duplicate code, bad coordinates
        encoding="utf-8",
    )
    (folder / "districts.csv").write_text(
        "code,name,station_code,sample\n"
        "A,Rejon A,S,tak\n"
        "B,Rejon B,NOPE,tak\n"  # line 3: unknown station
        "A,Rejon A bis,S,może\n",  # line 4: duplicate code, bad flag
        encoding="utf-8",
    )
    (folder / "officers.csv").write_text(
        "code,rank,first_name,last_name,phone,email,station_code,district_codes,active\n"
        "O1,asp.,Jan,Kowalski,+48 47 1,,S,A,tak\n"
        "O2,asp.,Ewa,,+48 47 2,,X,A;Z,tak\n",  # line 3: no last name, unknown station, district
        encoding="utf-8",
    )
    (folder / "streets.csv").write_text(
        "locality,prefix,street,numbers,district_code,lat,lon\n"
        "Konin,ul.,Kolejowa,1-41(n),A,52.23,18.26\n"
        "Konin,ul.,Kolejowa,41-1(n),A,,\n"  # line 3: reversed range
        "Konin,ul.,Torowa,,Q,,\n"  # line 4: unknown district
        "Konin,ul.,Zakole,co drugi,A,,\n"  # line 5: unreadable numbers
        "Konin,ul.,Okólna,,A,18.26,52.23\n"  # line 6: swapped coordinates
        "Konin,ul.,Kolejowa,1-41(n),A,,\n",  # line 7: repeats line 2
        encoding="utf-8",
    )
    bowtie = [[18.0, 52.0], [18.1, 52.1], [18.1, 52.0], [18.0, 52.1], [18.0, 52.0]]
    features = [
        {"type": "Feature", "properties": {"code": "A"},
         "geometry": {"type": "Polygon", "coordinates": [bowtie]}},
        {"type": "Feature", "properties": {"code": "GHOST"},
         "geometry": {"type": "Polygon", "coordinates": [[list(p) for p in OUTER]]}},
        {"type": "Feature", "properties": {"code": "B"},
         "geometry": {"type": "Point", "coordinates": [18.0, 52.0]}},
    ]  # fmt: skip
    lines = ",\n".join(json.dumps(f) for f in features)
    (folder / "districts.geojson").write_text(
        '{"type": "FeatureCollection", "features": [\n' + lines + "\n]}\n", encoding="utf-8"
    )


def test_every_problem_is_reported_with_file_and_line(tmp_path: Path) -> None:
    write_broken_folder(tmp_path)
    with pytest.raises(DirectoryInvalid) as caught:
        read_directory(tmp_path)
    found = {(p.file, p.line) for p in caught.value.problems}
    assert found >= {
        ("stations.csv", 3),
        ("districts.csv", 3),
        ("districts.csv", 4),
        ("officers.csv", 3),
        ("streets.csv", 3),
        ("streets.csv", 4),
        ("streets.csv", 5),
        ("streets.csv", 6),
        ("streets.csv", 7),
        ("districts.geojson", 2),
        ("districts.geojson", 3),
        ("districts.geojson", 4),
    }
    messages = "\n".join(str(p) for p in caught.value.problems)
    for expected in (
        "stations.csv:3: code 'S' already used on line 2",
        "stations.csv:3: bad coordinates",
        "districts.csv:3: unknown station 'NOPE'",
        "districts.csv:4: sample must be tak or nie",
        "officers.csv:3: last_name is empty",
        "officers.csv:3: unknown district 'Z'",
        "streets.csv:3: house numbers '41-1(n)' end before they start",
        "streets.csv:4: unknown district 'Q'",
        "streets.csv:5: cannot read house numbers 'co drugi'",
        "streets.csv:6: lat 18.26 and lon 52.23 look swapped",
        "streets.csv:7: repeats line 2",
        "districts.geojson:2: feature #1 (A): invalid polygon: Self-intersection",
        "districts.geojson:3: polygon for unknown district 'GHOST'",
        "districts.geojson:4: feature #3 (B): geometry must be a Polygon or MultiPolygon",
    ):
        assert expected in messages
    assert str(caught.value).startswith(f"{len(caught.value.problems)} problem(s)")


def test_missing_files_and_columns_are_problems_too(tmp_path: Path) -> None:
    write_directory(small_directory(), tmp_path)
    (tmp_path / "officers.csv").unlink()
    (tmp_path / "streets.csv").write_text(
        "locality,street,numerz,district_code\n", encoding="utf-8"
    )
    with pytest.raises(DirectoryInvalid) as caught:
        read_directory(tmp_path)
    assert {str(p) for p in caught.value.problems} == {
        "officers.csv: file is missing",
        "streets.csv:1: missing column 'numbers'",
        "streets.csv:1: unknown column 'numerz'",
    }


def test_check_reports_overlaps_idle_districts_and_misplaced_points() -> None:
    square = ((18.0, 52.0), (18.1, 52.0), (18.1, 52.1), (18.0, 52.1), (18.0, 52.0))
    other = ((18.1, 52.0), (18.2, 52.0), (18.2, 52.1), (18.1, 52.1), (18.1, 52.0))
    directory = Directory(
        stations=(StationRecord("S", "Komenda", "", "", "", "", None, None),),
        districts=(
            DistrictRecord("A", "A", "S", (square,), True),
            DistrictRecord("B", "B", "S", (other,), True),
            DistrictRecord("C", "C", "S", None, True),
        ),
        officers=(OfficerRecord("O", "asp.", "J", "K", "1", "", "S", ("A",), True),
                  OfficerRecord("P", "asp.", "E", "N", "2", "", "S", ("B",), False)),
        rules=(
            StreetRuleRecord("Konin", "ul.", "Leśna", Parity.ALL, 1, 20, "A", 52.05, 18.05),
            StreetRuleRecord("Konin", "ul.", "Leśna", Parity.ODD, 15, None, "B", 52.05, 18.15),
            StreetRuleRecord("Konin", "ul.", "Polna", Parity.ODD, None, None, "A", 52.05, 18.05),
            StreetRuleRecord("Konin", "ul.", "Polna", Parity.EVEN, None, None, "B", 52.05, 18.05),
        ),
    )  # fmt: skip
    findings = check(directory)
    kinds = sorted((f.kind.value, f.district_code) for f in findings)
    assert kinds == [
        ("empty_district", "C"),
        ("no_active_officer", "B"),
        ("no_active_officer", "C"),
        # Nobody's role says "koordynator": escalations and the digest would reach nobody.
        ("no_coordinator", ""),
        ("overlap", "A"),
        ("point_outside_district", "B"),
    ]
    overlap = next(f for f in findings if f.kind is FindingKind.OVERLAP)
    assert overlap.message == "Konin, ul. Leśna: 1-20 (A) overlaps 15-DK(n) (B)"


def test_touching_ranges_of_opposite_parity_do_not_overlap() -> None:
    def rybnicka(parity: Parity, low: int, high: int | None, district: str) -> StreetRuleRecord:
        return StreetRuleRecord("Konin", "ul.", "Rybnicka", parity, low, high, district)

    rules = (
        rybnicka(Parity.EVEN, 48, None, "A"),
        rybnicka(Parity.ODD, 25, None, "B"),
        rybnicka(Parity.ALL, 1, 24, "B"),
        rybnicka(Parity.EVEN, 26, 46, "B"),
        rybnicka(Parity.ODD, 25, 25, "A"),
    )
    overlaps = [f.message for f in check(Directory(rules=rules)) if f.kind is FindingKind.OVERLAP]
    # Only number 25 is claimed twice: by B (odd from 25) and A (exactly 25).
    assert overlaps == ["Konin, ul. Rybnicka: 25-DK(n) (B) overlaps 25(n) (A)"]
