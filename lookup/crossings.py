"""Read a crossing the way residents name it: "róg Kolejowej i Dworcowej", "Kolejowa/Dworcowa".

Residents often name a place by the two streets that meet there, in whatever grammatical case
the sentence needs ("skrzyżowanie Kolejowej z Dworcową", "перехрестя Колейової і Дворцової",
"corner of Kolejowa and Dworcowa"). This module only splits such a text into the two street
names and folds the case endings the address lookup does not; the gazetteer finds the streets
and where they meet (Gazetteer.lookup_crossing).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lookup.directory import DistrictRecord, OfficerRecord, StationRecord
from lookup.normalize import fold, split_address, street_key

if TYPE_CHECKING:
    from lookup.gazetteer import MatchQuality

# Streets whose nearest points lie farther apart than this are said not to meet (the directory
# knows a few points per street, not their lines: [lookup] crossing_max_m).
CROSSING_MAX_M = 800.0

# Words that say "a crossing of", after folding (Polish, Ukrainian and Russian transliterated,
# English), with the words that may follow them ("ulic", "of the streets").
_LEAD_RE = re.compile(
    r"^(?:na\s+|przy\s+|at\s+(?:the\s+)?|the\s+|bilia\s+|na\s+)?"
    r"(?:rogu|rog|rih|rozi|skrzyzowaniu|skrzyzowanie|skrzyzowania|skrzyz"
    r"|perechrestia|perechresti|perechrestja|perekriostok|perekrestok|perekriostke|perekrestke"
    r"|corner|junction|intersection|crossing|crossroads)\b\.?\s*"
    r"(?:of\s+)?(?:(?:ulic|ulicy|ul|wulyc|wulyci|wul|streets|the)\b\.?\s*)*"
)
# Between the two streets once a crossing was announced: "i", "z", "oraz", "та", "and", "/".
_JOIN_RE = re.compile(r"\s*[/&+]\s*|\s+(?:i|z|ze|oraz|ta|j|and|x)\s+")
# Without the announcing word only the notation of signs and timetables counts.
_SIGN_RE = re.compile(
    r"(?<=[a-z.])\s*[/&]\s*(?=[a-z0-9])|\s+x\s+"
    # "Kolejowa róg Dworcowej", "Kolejowa, na rogu Dworcowej", "Kolejowa corner of Dworcowa".
    r"|\s+(?:rog|na\s+rogu|rih|na\s+rozi|corner\s+of|corner)\s+"
)
# "Kolejowa, róg Dworcowej": the comma is no town's.
_CORNER_AFTER_COMMA_RE = re.compile(r"\s*,\s*(?=(?:na\s+)?(?:rog|rogu|rih|rozi|corner)\b)")
# "Kolejowa i Dworcowa" alone: tried only when the text is no address (Gazetteer).
_BARE_RE = re.compile(r"\s+(?:i|oraz|ta|and)\s+")
# Case endings the address lookup leaves (its stems fold -ej, -ego, -a...): instrumental
# "z Chopinem", "z Wieniawskim"; Ukrainian feminine genitive/instrumental "Колейової",
# "Колейовою"; dative "Chopinowi". Words of 5+ letters only, as in normalize.stem_key.
_CASE_RE = re.compile(r"\b(?=[a-z]{5})([a-z]{3,}?)(?:owi|oju|oji|em|im|ym)\b")
# Words that may precede a street name in a crossing and are no part of it.
_FILLER_RE = re.compile(r"^(?:ulica|ulicami|ulic|ul|placem|rondem|aleja|aleje|alei|wul)\b\.?\s*")


@dataclass(frozen=True, slots=True)
class Crossing:
    """Where two typed streets meet, or why they could not be placed.

    quality: EXACT or FUZZY (a typo in a name) with the district; NO_CROSSING when both streets
    are known but do not meet (`streets` names them); NOT_FOUND when a street is unknown
    (`unknown` is the part as folded).
    """

    quality: MatchQuality
    streets: tuple[str, ...] = ()
    locality: str = ""
    lat: float | None = None
    lon: float | None = None
    district: DistrictRecord | None = None
    station: StationRecord | None = None
    officers: tuple[OfficerRecord, ...] = ()
    # Between the two streets' nearest points: how sure the crossing's point is.
    distance_m: float | None = None
    street_keys: tuple[str, ...] = ()
    unknown: str | None = None
    # A roundabout of places.csv is named by its own name ("Rondo Europejska / Kolska / …").
    name: str | None = None

    @property
    def label(self) -> str:
        """Name the crossing the way signs do: "ul. Kolejowa / ul. Dworcowa, Konin"."""
        streets = self.name or " / ".join(self.streets)
        return f"{streets}, {self.locality}" if self.locality else streets


@dataclass(frozen=True, slots=True)
class CrossingText:
    """One reading of a typed crossing: its two street names (folded) and the town, if given."""

    first: str
    second: str
    locality: str | None
    # True when the text said it is a crossing ("róg", "/"): not found is then "no such
    # crossing"; a bare "X i Y" is only a crossing if both streets are known.
    announced: bool


def split_crossing(text: str, *, bare: bool = False) -> list[CrossingText]:
    """Split a typed crossing into its two streets, every way the joining words allow.

    "róg Jana z Kolna i Dworcowej" may split at "z" or at "i": the gazetteer keeps the reading
    whose both streets it knows. Empty when the text names no crossing. `bare` also accepts
    "Kolejowa i Dworcowa" without "róg" or "/" (tried only after the text failed as an address).
    """
    folded = _CORNER_AFTER_COMMA_RE.sub(" ", " ".join(fold(text).split()))
    head, _, rest = folded.partition(",")
    locality = rest.strip(" .") or None
    lead = _LEAD_RE.match(head)
    if lead is not None and lead.end() > 0:
        body, joins, announced = head[lead.end() :], _JOIN_RE, True
    elif _SIGN_RE.search(head):
        body, joins, announced = head, _SIGN_RE, True
    elif bare:
        body, joins, announced = head, _BARE_RE, False
    else:
        return []
    readings = []
    for join in joins.finditer(body):
        first = _street_words(body[: join.start()])
        second = _street_words(body[join.end() :])
        if _has_letters(first) and _has_letters(second):
            readings.append(CrossingText(first, second, locality, announced))
    return readings


def _street_words(part: str) -> str:
    part = part.strip(" .-")
    while True:
        shorter = _FILLER_RE.sub("", part)
        if shorter == part or not shorter:
            return part
        part = shorter


def _has_letters(part: str) -> bool:
    return any(ch.isalpha() for ch in part)


def street_readings(part: str) -> list[str]:
    """Return the street keys a part of a crossing may be, likeliest first (no house number)."""
    readings: list[str] = []
    # "aleja 1 maja" reads as number 1 of "aleja" to the address parser: keep the whole too.
    streets = [reading.street for reading in split_address(part)] + [street_key(part)]
    for street in streets:
        for key in (street, _CASE_RE.sub(r"\1", street)):
            if key and key not in readings:
                readings.append(key)
    return readings
