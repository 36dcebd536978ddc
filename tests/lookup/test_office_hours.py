"""Office hours from the directory: read, refused when they do not read, and the next slots."""

from __future__ import annotations

import shutil
from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from db.repositories.directory_import import read_for_import
from lookup.files import DirectoryInvalid, read_directory
from lookup.office_hours import OfficeHoursInvalid, parse_office_hours, upcoming

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "konin"
KONIN = ZoneInfo("Europe/Warsaw")


def test_weekly_and_dated_slots_with_and_without_a_place() -> None:
    slots = parse_office_hours(
        "wt 16:00-17:00 KMP Konin, pok. 14; 15.12.2026 10.00–12.00;Śr. 8:30-9:00"
    )
    assert [(s.weekday, s.day, s.starts, s.ends, s.place) for s in slots] == [
        (1, None, time(16), time(17), "KMP Konin, pok. 14"),
        (None, date(2026, 12, 15), time(10), time(12), ""),
        (2, None, time(8, 30), time(9), ""),
    ]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("wtorek 16-17", "write e.g."),
        ("xyz 16:00-17:00", "unknown day"),
        ("wt 17:00-16:00", "within one day"),
        ("31.02.2026 10:00-11:00", "no such date"),
    ],
)
def test_what_does_not_read_is_named(text: str, problem: str) -> None:
    with pytest.raises(OfficeHoursInvalid, match=problem):
        parse_office_hours(text)


def test_the_next_slots_skip_what_is_over_and_come_in_order() -> None:
    slots = parse_office_hours("wt 16:00-17:00 A; czw 09:00-10:00 B; 01.12.2026 10:00-11:00 C")
    # Tuesday 8 December 2026, 16:30: Tuesday's slot is still on, Thursday's follows.
    now = datetime(2026, 12, 8, 16, 30, tzinfo=KONIN)
    found = upcoming(slots, now)
    assert [(u.starts, u.place) for u in found] == [
        (datetime(2026, 12, 8, 16, 0, tzinfo=KONIN), "A"),
        (datetime(2026, 12, 10, 9, 0, tzinfo=KONIN), "B"),
    ]
    # At 17:00 Tuesday's is over: next week's comes after Thursday's.
    later = upcoming(slots, now.replace(hour=17))
    assert [u.starts.date() for u in later] == [date(2026, 12, 10), date(2026, 12, 15)]


def test_the_sample_has_office_hours_and_a_bad_file_is_refused(tmp_path: Path) -> None:
    officers = {o.code: o for o in read_directory(SAMPLE).officers}
    assert officers["DZ-05"].office_hours.startswith("wt 16:00-17:00")
    assert officers["DZ-01"].office_hours == ""
    folder = tmp_path / "unit"
    shutil.copytree(SAMPLE, folder)
    (folder / "office_hours.csv").write_text(
        "officer_code,office_hours\nDZ-05,wtorek rano\nXX-99,wt 16:00-17:00\n", encoding="utf-8"
    )
    with pytest.raises(DirectoryInvalid) as refused:
        read_for_import(folder)
    problems = [str(p) for p in refused.value.problems]
    assert any(p.startswith("office_hours.csv:2: ") and "wtorek rano" in p for p in problems)
    assert any("office_hours.csv" in p and "unknown officer 'XX-99'" in p for p in problems)
