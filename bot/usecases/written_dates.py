"""Dates as people write them: month names and a shared month, turned into day.month numbers.

The date readers (a report's "which day", an officer's leave) read numbers: "25.11", "1.12-14.12".
People also write "25 listopada", "7–11.12", "od 7 do 11 grudnia", "з 7 по 11 грудня" or
"11 December"; `with_month_numbers` rewrites those into the numbers first. The month names are
Unicode CLDR's (through Babel, which the catalogs' Fluent runtime already uses) in every language
the bot speaks, whatever the writer's language, with and without Polish letters ("wrzesnia").
"""

from __future__ import annotations

import functools
import re
import unicodedata

from babel.dates import get_month_names

# The languages whose month names are read (the bot's languages).
LANGUAGES = ("pl", "uk", "en")
# What joins the two days of a range: a dash or a word ("do", "to", "по", "до").
_JOIN = r"\s*(?:[-–—]|do|to|по|до)\s*"


def _fold(text: str) -> str:
    """Lower-case without diacritics ("Września" -> "wrzesnia"); Cyrillic stays Cyrillic."""
    decomposed = unicodedata.normalize("NFKD", text.lower().replace("ł", "l"))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", bare)


@functools.cache
def _months() -> dict[str, int]:
    """Every written form of every month (wide, as in a date and alone, and abbreviated)."""
    names: dict[str, int] = {}
    for language in LANGUAGES:
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in get_month_names(width, context, language).items():
                    names[_fold(name).rstrip(".")] = number
    return names


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    words = "|".join(sorted(map(re.escape, _months()), key=len, reverse=True))
    # "25 listopada", "25. listopada 2026", "11 груд."
    day_month = re.compile(rf"(?<!\d)(\d{{1,2}})\.?\s*({words})\b\.?(?:\s*(\d{{4}})(?!\d))?")
    # "December 11", "Dec 11th, 2026"
    month_day = re.compile(
        rf"\b({words})\b\.?\s*(\d{{1,2}})(?!\d)(?:st|nd|rd|th)?(?:,?\s*(\d{{4}})(?!\d))?"
    )
    # "7-11.12", "7 do 11.12": the first day shares the month (and year) of the second.
    shared = re.compile(
        rf"(?<![\d./])(\d{{1,2}})(?![\d./])({_JOIN})(\d{{1,2}})([./]\d{{1,2}}(?:[./]\d{{2,4}})?)"
    )
    return day_month, month_day, shared


def with_month_numbers(text: str) -> str:
    """Rewrite month names and a range's shared month as numbers; other text is kept as it is
    (lower-cased, without diacritics), so a reader that finds no date still finds none."""
    day_month, month_day, shared = _patterns()
    months = _months()

    def numeric(day: str, month: str, year: str | None) -> str:
        return f"{day}.{months[month]}" + (f".{year}" if year else "")

    text = _fold(text)
    text = day_month.sub(lambda m: numeric(m[1], m[2], m[3]), text)
    text = month_day.sub(lambda m: numeric(m[2], m[1], m[3]), text)
    return shared.sub(lambda m: f"{m[1]}{m[4]}{m[2]}{m[3]}{m[4]}", text)
