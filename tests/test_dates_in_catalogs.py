"""Dates and times people read are written by the catalogs only (`bot/locales/*/dates.ftl`).

Python hands a `bot.i18n.Dated` to a message and the catalog writes it in the reader's language;
no module of the bot, its adapters or its assembly writes a date itself with `strftime` or a
`%d.%m`-like pattern. What is not for people to read in a chat is listed below, with its reason.
"""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest

from bot.conversation import Answer
from bot.i18n import Catalog, Dated
from tests.test_self_contained import ROOT, tracked_files

# Where the bot's code lives: the CLI and use cases, the Telegram adapters, the composition root.
FOLDERS = ("bot/", "handlers/", "app/")
# A date written by Python: strftime, an f-string's date format (`{moment:%H:%M}`), or two
# directives joined as dates are (`"%d.%m"`, `"%H:%M"`, `"%Y-%m"`).
_DIRECTIVE = "%[aAbBdHImMpSyYZ]"
DATE_PATTERN = re.compile(
    rf"strftime\(|\{{[^{{}}]*:{_DIRECTIVE}[^{{}}]*\}}|{_DIRECTIVE}[-./: ,]{_DIRECTIVE}"
)
# The operator's command line (`python -m bot ...`, bot/commands/) is not a chat: it writes
# English for the people who run the bot, with ISO dates (2026-12-01) for logs and scripts, and
# none of its texts are in the catalogs.
CONSOLE = "bot/commands/"
# Patterns that are not for people to read, by file and the text of their line.
ALLOWED = {
    # A month's key in the statistics' rows (the CSV's columns, the chart's bars), as data.
    ("bot/usecases/community/stats.py", 'strftime("%Y-%m")'),
}


def date_patterns(text: str) -> list[tuple[int, str]]:
    """Return (line number, line) for each line of Python source that writes a date itself."""
    return [
        (number, line.strip())
        for number, line in enumerate(text.splitlines(), start=1)
        if DATE_PATTERN.search(line) and not line.lstrip().startswith("#")
    ]


def test_no_module_writes_a_date_outside_the_catalogs() -> None:
    found = []
    used = set()
    for name in tracked_files():
        if not name.startswith(FOLDERS) or name.startswith(CONSOLE) or not name.endswith(".py"):
            continue
        path = ROOT / name
        if not path.is_file():
            continue
        for number, line in date_patterns(path.read_text(encoding="utf-8")):
            allowed = {(file, part) for file, part in ALLOWED if file == name and part in line}
            used |= allowed
            if not allowed:
                found.append(f"{name}:{number}: {line}")
    assert found == [], "dates written outside the catalogs (use bot.i18n.Dated):\n" + "\n".join(
        found
    )
    # An exception that no longer matches anything goes from the list.
    assert used == ALLOWED


@pytest.mark.parametrize(
    "line",
    [
        'return day.strftime("%d.%m.%Y")',
        'f"{moment:%H:%M}"',
        'stamp = f"{at:%d.%m}, {at:%H}"',
        'PATTERN = "%d.%m.%Y %H:%M"',
        'month = "%Y-%m"',
        "moment.strftime(FORMAT)",
    ],
)
def test_a_date_written_in_python_is_found(line: str) -> None:
    assert date_patterns(line) != []


@pytest.mark.parametrize(
    "line",
    [
        'log.info("digest of %s sent to %d coordinator(s)", period, sent)',
        'log.warning("%d of %d rows", done, total)',
        'f"{value:.6f}"',
        'f"{count:>5}"',
        "# strftime is not used: see dates.ftl",
        'text = "100%, done"',
    ],
)
def test_other_percent_signs_are_not_dates(line: str) -> None:
    assert date_patterns(line) == []


@pytest.mark.parametrize("lang", ["pl", "uk", "en"])
def test_every_language_writes_dates_as_offices_in_poland_do(lang: str) -> None:
    catalog = Catalog([lang])
    moment = datetime(2026, 12, 1, 14, 5)

    assert catalog.dated(lang, Dated.day(date(2026, 12, 1))) == "01.12.2026"
    assert catalog.dated(lang, Dated.day(moment)) == "01.12.2026"
    assert catalog.dated(lang, Dated.day_month(date(2026, 3, 7))) == "07.03"
    assert catalog.dated(lang, Dated.time(moment)) == "14:05"
    assert catalog.dated(lang, Dated.moment(moment)) == "01.12.2026 14:05"
    assert catalog.dated(lang, Dated.day_time(moment)) == "01.12.2026, 14:05"


def test_a_date_in_a_queued_answer_is_written_when_it_is_rendered() -> None:
    catalog = Catalog(["pl", "uk", "en"])
    answer = Answer("report-date-taken", {"day": Dated.day(date(2026, 1, 2))})

    stored = Answer.from_json(answer.to_json())

    assert stored == answer
    for lang in catalog.languages:
        assert "02.01.2026" in catalog.render(lang, stored.key, stored.args)
