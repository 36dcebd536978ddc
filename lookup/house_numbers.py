"""Parse house numbers as residents type them and number ranges as the police publish them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lookup.directory import Parity

_DASHES = str.maketrans({"–": "-", "—": "-", "‐": "-", "−": "-"})
# "12", "12a", "12 A", "12/3", "12a/3", "5-7", "5–7": the leading number decides.
_HOUSE_RE = re.compile(r"^\s*(\d{1,5})\s*([a-zA-Z]?)(?![a-zA-Z])\s*(?:[/-]\s*\w+)?\s*$")
# Official notation: "1-41(n)", "2-38(p)", "337-DK", "1-DK(n)", "7", "(n)", "(p)".
_OFFICIAL_RE = re.compile(
    r"^(?:(?P<start>\d+)(?:\s*-\s*(?P<end>\d+|dk))?)?\s*(?:\(\s*(?P<parity>[np])\s*\))?$"
)
# Police pages: "nieparzyste od 25", "numery parzyste 34-152", "parzyste do 40", "od 12".
_WORDS_RE = re.compile(
    r"^(?:numery\s+|nr\s+)?(?P<parity>nieparzyste|parzyste)?\s*"
    r"(?:(?:od\s+)?(?P<start>\d+))?\s*(?:(?:-|do)\s*(?P<end>\d+|dk|konca))?$"
)
_WHOLE = {"", "całość", "calosc", "cała ulica", "cala ulica", "wszystkie", "całość ulicy"}


class RangeSyntaxError(ValueError):
    """A number range that follows neither the official notation nor the police wording."""


@dataclass(frozen=True, slots=True)
class HouseNumber:
    """A typed house number: the number decides the district, the suffix is kept for display."""

    number: int
    suffix: str
    raw: str


@dataclass(frozen=True, slots=True)
class NumberRange:
    """A parsed range of house numbers (bounds inclusive, None = open)."""

    parity: Parity
    number_from: int | None
    number_to: int | None


def parse_house_number(text: str) -> HouseNumber | None:
    """Parse "12", "12a", "12 A", "12/3" or "5-7" into a house number, or None."""
    match = _HOUSE_RE.match(text.translate(_DASHES))
    if match is None or int(match.group(1)) == 0:
        return None
    return HouseNumber(int(match.group(1)), match.group(2).lower(), text.strip())


def parse_range(text: str) -> NumberRange:
    """Parse "1-41(n)", "2-38(p)", "337-DK", "" or "nieparzyste od 25" into a range."""
    cleaned = " ".join(text.translate(_DASHES).lower().split())
    if cleaned in _WHOLE:
        return NumberRange(Parity.ALL, None, None)
    match = _OFFICIAL_RE.match(cleaned)
    if match is not None and (match.group("start") or match.group("parity")):
        parity = {"n": Parity.ODD, "p": Parity.EVEN}.get(match.group("parity") or "", Parity.ALL)
        return _checked(text, parity, match.group("start"), match.group("end"), single=True)
    match = _WORDS_RE.match(cleaned)
    if match is not None and (match.group("parity") or match.group("start")):
        parity = {"nieparzyste": Parity.ODD, "parzyste": Parity.EVEN}.get(
            match.group("parity") or "", Parity.ALL
        )
        # "od 25" with no end runs to the end of the street, unlike the official "25".
        return _checked(text, parity, match.group("start"), match.group("end") or "dk", False)
    raise RangeSyntaxError(
        f"cannot read house numbers {text!r}: use e.g. 1-41(n), 2-38(p), 337-DK or leave empty"
    )


def _checked(
    text: str, parity: Parity, start: str | None, end: str | None, single: bool
) -> NumberRange:
    """Build a range from matched parts, rejecting reversed bounds."""
    low = int(start) if start else None
    if end in ("dk", "konca"):
        high = None
    elif end:
        high = int(end)
    else:
        high = low if single else None
    if low is not None and high is not None and low > high:
        raise RangeSyntaxError(f"house numbers {text!r} end before they start")
    if low is None and high is not None:
        low = 1
    return NumberRange(parity, low, high)


def format_range(parity: Parity, number_from: int | None, number_to: int | None) -> str:
    """Write a range in the official notation that parse_range reads back unchanged."""
    mark = {Parity.ALL: "", Parity.ODD: "(n)", Parity.EVEN: "(p)"}[parity]
    if number_from is None and number_to is None:
        return mark
    start = number_from if number_from is not None else 1
    if number_to is None:
        return f"{start}-DK{mark}"
    if start == number_to:
        return f"{start}{mark}"
    return f"{start}-{number_to}{mark}"


def describe_range(parity: Parity, number_from: int | None, number_to: int | None) -> str:
    """Describe a range the way police pages do, e.g. "1–41 (nieparzyste)"."""
    kind = {Parity.ALL: "", Parity.ODD: "nieparzyste", Parity.EVEN: "parzyste"}[parity]
    if number_from is None and number_to is None:
        return f"(numery {kind})" if kind else "(cała ulica)"
    if number_to is None:
        words = f"numery {kind} od {number_from}" if kind else f"numery od {number_from}"
        return f"({words})"
    span = f"{number_from}" if number_from == number_to else f"{number_from}–{number_to}"
    return f"{span} ({kind})" if kind else span
