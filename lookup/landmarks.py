"""Places residents name instead of an address: stops, parks, bridges, the station, the hospital.

The directory's optional places.csv lists them (name, other names, kind, point, district, the
streets they stand on). A resident's text names a landmark exactly ("dworzec PKP", "parku
Chopina", "przystanek Chopina") or nearly ("szpital", "galeria"); only an exact name is taken
without asking. Words such as "park", "most" or "przystanek" say a landmark is meant, so such a
text never silently becomes a street of a similar name (bot.usecases.places decides).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum

from geopy.distance import geodesic
from rapidfuzz import fuzz, process

from lookup.normalize import stem_key, street_key, words_key

# rapidfuzz WRatio for "did you mean" ("szpital" → the hospital's full name scores 90).
LANDMARK_CUTOFF = 80.0
MAX_CANDIDATES = 6
# Near names scoring this much below the best one are not offered.
NEAR_MARGIN = 8.0
# Stops this close to one of a street's points are "near" it ("przystanek przy Kolejowej").
STOP_NEAR_M = 600.0


class LandmarkKind(StrEnum):
    """What a landmark is; places.csv `kind` takes the Polish or the English word."""

    STOP = "stop"
    STATION = "station"
    PARK = "park"
    SQUARE = "square"
    OFFICE = "office"
    HOSPITAL = "hospital"
    BRIDGE = "bridge"
    SHOPPING = "shopping"
    SCHOOL = "school"
    CHURCH = "church"
    MONUMENT = "monument"
    CULTURE = "culture"
    SPORT = "sport"
    ROUNDABOUT = "roundabout"
    CROSSING = "crossing"
    OTHER = "other"


# The words places.csv accepts for each kind; the first is the one written.
KIND_WORDS: dict[LandmarkKind, tuple[str, ...]] = {
    LandmarkKind.STOP: ("przystanek", "stop"),
    LandmarkKind.STATION: ("dworzec", "station"),
    LandmarkKind.PARK: ("park",),
    LandmarkKind.SQUARE: ("plac", "square"),
    LandmarkKind.OFFICE: ("urząd", "urzad", "office"),
    LandmarkKind.HOSPITAL: ("szpital", "hospital"),
    LandmarkKind.BRIDGE: ("most", "bridge"),
    LandmarkKind.SHOPPING: ("handel", "sklep", "centrum handlowe", "shopping"),
    LandmarkKind.SCHOOL: ("szkoła", "szkola", "school"),
    LandmarkKind.CHURCH: ("kościół", "kosciol", "church"),
    LandmarkKind.MONUMENT: ("zabytek", "pomnik", "monument"),
    LandmarkKind.CULTURE: ("kultura", "culture"),
    LandmarkKind.SPORT: ("sport",),
    LandmarkKind.ROUNDABOUT: ("rondo", "roundabout"),
    LandmarkKind.CROSSING: ("skrzyżowanie", "skrzyzowanie", "crossing"),
    LandmarkKind.OTHER: ("inne", "other", ""),
}
# Shown before a landmark's name on buttons (not words: the same in every language).
ICONS: dict[LandmarkKind, str] = {
    LandmarkKind.STOP: "🚏", LandmarkKind.STATION: "🚉", LandmarkKind.PARK: "🌳",
    LandmarkKind.SQUARE: "🏛", LandmarkKind.OFFICE: "🏛", LandmarkKind.HOSPITAL: "🏥",
    LandmarkKind.BRIDGE: "🌉", LandmarkKind.SHOPPING: "🛍", LandmarkKind.SCHOOL: "🏫",
    LandmarkKind.CHURCH: "⛪", LandmarkKind.MONUMENT: "🗿", LandmarkKind.CULTURE: "🎭",
    LandmarkKind.SPORT: "🏟", LandmarkKind.ROUNDABOUT: "🔄", LandmarkKind.CROSSING: "🚦",
    LandmarkKind.OTHER: "📍",
}  # fmt: skip


def parse_kind(text: str) -> LandmarkKind | None:
    """Read a kind as staff write it ("przystanek", "szpital", "stop"); None if unknown."""
    word = text.strip().lower()
    for kind, words in KIND_WORDS.items():
        if word in words:
            return kind
    return None


# Words residents use for a kind of landmark, folded (Polish cases, Ukrainian, English): a text
# holding one names a landmark, and "przystanek Chopina" looks for a stop called "Chopina".
_SAID: dict[LandmarkKind, frozenset[str]] = {
    LandmarkKind.STOP: frozenset({
        "przystanek", "przystanku", "przystanki", "przystankow", "zupynka", "zupynky",
        "zupynku", "zupynci", "stop", "stops", "bus",
    }),
    LandmarkKind.STATION: frozenset({
        "dworzec", "dworca", "dworcu", "stacja", "stacji", "pkp", "pks", "wokzal", "wokzalu",
        "wokzali", "station", "train", "railway",
    }),
    LandmarkKind.PARK: frozenset({"park", "parku", "parkiem", "parki"}),
    LandmarkKind.SQUARE: frozenset({"rynek", "rynku", "rynkiem", "rynok", "square"}),
    LandmarkKind.OFFICE: frozenset({
        "ratusz", "ratusza", "ratuszu", "urzad", "urzedu", "urzedzie", "hall",
    }),
    LandmarkKind.HOSPITAL: frozenset({
        "szpital", "szpitala", "szpitalu", "likarnia", "likarni", "likarniu", "hospital",
    }),
    LandmarkKind.BRIDGE: frozenset({
        "most", "mostu", "moscie", "mostem", "mosty", "wiadukt", "wiaduktu", "wiadukcie",
        "mist", "bridge", "viaduct",
    }),
    LandmarkKind.SHOPPING: frozenset({
        "galeria", "galerii", "galerie", "handlowe", "handlowego", "handlowym", "sklep",
        "sklepu", "sklepie", "market", "targowisko", "targowiska", "bazar", "bazaru",
        "bazarze", "torhowyj", "halereja", "halereji", "tc", "mall", "shopping",
    }),
    LandmarkKind.SCHOOL: frozenset({"szkola", "szkoly", "szkole", "sp", "school"}),
    LandmarkKind.CHURCH: frozenset({
        "kosciol", "kosciola", "kosciele", "fara", "farze", "fary", "kostel", "church",
    }),
    LandmarkKind.MONUMENT: frozenset({"slup", "slupa", "pomnik", "pomnika", "monument"}),
    LandmarkKind.CULTURE: frozenset({
        "muzeum", "zamek", "zamku", "biblioteka", "biblioteki", "bibliotece", "kultury",
        "muzej", "zamok", "museum", "castle", "library",
    }),
    LandmarkKind.SPORT: frozenset({"stadion", "stadionu", "stadionie", "hala", "hali", "stadium"}),
    LandmarkKind.ROUNDABOUT: frozenset({"rondo", "ronda", "rondzie", "roundabout"}),
    LandmarkKind.OTHER: frozenset({"schronisko", "schroniska", "elektrownia", "elektrowni"}),
}  # fmt: skip
_ALL_SAID = frozenset().union(*_SAID.values())
# A kind word in another case, as its other names are written ("koło dworca" → "dworzec").
_NOMINATIVE = {
    "dworca": "dworzec", "dworcu": "dworzec", "stacji": "stacja", "szpitala": "szpital",
    "szpitalu": "szpital", "rynku": "rynek", "ratusza": "ratusz", "ratuszu": "ratusz",
    "urzedu": "urzad", "urzedzie": "urzad", "mostu": "most", "moscie": "most",
    "wiaduktu": "wiadukt", "wiadukcie": "wiadukt", "parku": "park", "przystanku": "przystanek",
    "galerii": "galeria", "targowiska": "targowisko", "bazaru": "bazar", "bazarze": "bazar",
    "stadionu": "stadion", "stadionie": "stadion", "zamku": "zamek", "biblioteki": "biblioteka",
    "bibliotece": "biblioteka", "szkoly": "szkola", "szkole": "szkola", "kosciola": "kosciol",
    "kosciele": "kosciol", "fary": "fara", "farze": "fara", "schroniska": "schronisko",
    "elektrowni": "elektrownia", "ronda": "rondo", "rondzie": "rondo",
}  # fmt: skip
# "przy", "koło", "na", "біля", "near": a place said with a preposition is the same place.
_PREPOSITIONS = frozenset({
    "przy", "kolo", "obok", "pod", "na", "w", "we", "u", "naprzeciwko", "za", "przed",
    "bilia", "bila", "near", "at", "by", "the", "in", "on", "opposite",
})  # fmt: skip
# "przystanek przy Kolejowej", "зупинка на Колейовій", "bus stop on Kolejowa".
_NEAR_WORDS = frozenset({
    "przy", "na", "kolo", "obok", "u", "bilia", "bila", "on", "near", "at", "by",
})  # fmt: skip


@dataclass(frozen=True, slots=True)
class LandmarkRecord:
    """A place residents name: places.csv, one row."""

    name: str
    kind: LandmarkKind
    lat: float
    lon: float
    # Empty: the district polygons decide (Gazetteer.build).
    district_code: str
    aliases: tuple[str, ...] = ()
    # The streets it stands on; for a crossing or roundabout, the streets that meet there.
    streets: tuple[str, ...] = ()
    # The point is an estimate (the sample's landmarks are placed near its synthetic streets).
    approximate: bool = False

    @property
    def icon(self) -> str:
        """Return the kind's icon for buttons."""
        return ICONS[self.kind]


def said_kinds(text: str) -> set[LandmarkKind]:
    """Return the kinds of landmark a text's words name ("koło szpitala" → hospital)."""
    words = words_key(text).split()
    return {kind for kind, said in _SAID.items() if said.intersection(words)}


def names_a_landmark(text: str) -> bool:
    """Tell whether a text holds a word that names a kind of landmark ("park", "most")."""
    return bool(_ALL_SAID.intersection(words_key(text).split()))


def stop_street(text: str) -> str | None:
    """Return the street of "przystanek przy Kolejowej" ("kolejowej"), or None."""
    words = words_key(text).split()
    said = _SAID[LandmarkKind.STOP]
    for i, word in enumerate(words):
        if word in said and i + 1 < len(words):
            rest = words[i + 1 :]
            while rest and rest[0] in said:
                rest = rest[1:]
            if len(rest) > 1 and rest[0] in _NEAR_WORDS:
                return " ".join(rest[1:])
    return None


class LandmarkIndex:
    """The landmarks of the directory, found by name (exact or nearly) and near a street."""

    def __init__(
        self,
        landmarks: Iterable[LandmarkRecord],
        street_keys: Callable[[str], Iterable[str]] = lambda street: (street_key(street),),
    ) -> None:
        """Index every name and other name of each landmark, with their folded stems.

        `street_keys` turns a street as places.csv names it into the gazetteer's street keys
        (so "Paderewskiego" finds "Ignacego Paderewskiego").
        """
        self._landmarks = tuple(landmarks)
        self._names: dict[str, list[int]] = defaultdict(list)
        for i, landmark in enumerate(self._landmarks):
            for name in (landmark.name, *landmark.aliases):
                key = words_key(name)
                for variant in {key, stem_key(key)}:
                    if variant and i not in self._names[variant]:
                        self._names[variant].append(i)
        # Near names are compared without the small words ("przy", "ul", "im", "nr").
        self._near: dict[str, list[int]] = defaultdict(list)
        for key, found in self._names.items():
            plain = _plain(key)
            for i in found:
                if plain and i not in self._near[plain]:
                    self._near[plain].append(i)
        self._choices = list(self._near)
        self._by_street: dict[str, list[int]] = defaultdict(list)
        for i, landmark in enumerate(self._landmarks):
            for street in landmark.streets:
                for key in street_keys(street):
                    if i not in self._by_street[key]:
                        self._by_street[key].append(i)

    def __len__(self) -> int:
        return len(self._landmarks)

    def __iter__(self) -> Iterator[LandmarkRecord]:
        return iter(self._landmarks)

    def exact(self, text: str) -> list[LandmarkRecord]:
        """Find landmarks named exactly so (case forms folded); "przystanek X" → stops named X."""
        key = _without_prepositions(_nominative(words_key(text)))
        found = self._named(key)
        if found:
            return found
        words = key.split()
        kinds = [kind for kind, said in _SAID.items() if words and words[0] in said]
        if kinds and len(words) > 1:
            rest = _without_prepositions(" ".join(words[1:]))
            return [m for m in self._named(rest) if m.kind in kinds]
        return []

    def _named(self, key: str) -> list[LandmarkRecord]:
        indices = self._names.get(key) or self._names.get(stem_key(key)) or []
        return [self._landmarks[i] for i in indices]

    def similar(self, text: str) -> list[LandmarkRecord]:
        """Find landmarks whose names are close to the text ("szpital", "galeria", "rynku")."""
        if not self._choices:
            return []
        kinds = said_kinds(text)
        if kinds and not plain_words(text):
            # "лікарня", "біля вокзалу", "most": only a kind of place; offer those of that kind.
            return [m for m in self._landmarks if m.kind in kinds][:MAX_CANDIDATES]
        key = _plain(_nominative(words_key(text)))
        if not key:
            return []
        scores: dict[int, float] = {}
        for query in dict.fromkeys((key, stem_key(key))):
            for choice, score, _ in process.extract(
                query, self._choices, scorer=fuzz.WRatio, score_cutoff=LANDMARK_CUTOFF, limit=12
            ):
                for i in self._near[choice]:
                    scores[i] = max(scores.get(i, 0.0), float(score))
        if not scores:
            return []
        # Only the best few: "galeria" offers the gallery, not everything with an "a" in it.
        top = max(scores.values())
        ranked = sorted(
            (i for i, score in scores.items() if score >= top - NEAR_MARGIN),
            key=lambda i: -scores[i],
        )
        found = [self._landmarks[i] for i in ranked]
        if kinds:
            # "koło szpitala": the hospital first, other kinds only after it.
            found.sort(key=lambda m: m.kind not in kinds)
        return found[:MAX_CANDIDATES]

    def on_street(
        self,
        street: str,
        points: Sequence[tuple[float, float]],
        kind: LandmarkKind = LandmarkKind.STOP,
        near_m: float = STOP_NEAR_M,
    ) -> list[LandmarkRecord]:
        """List landmarks of a kind on a street (its key), then those near its points."""
        listed = {i for i in self._by_street.get(street, ()) if self._is(i, kind)}
        ranked: list[tuple[float, int]] = []
        for i, landmark in enumerate(self._landmarks):
            if landmark.kind is not kind:
                continue
            metres = min(
                (
                    float(geodesic((lat, lon), (landmark.lat, landmark.lon)).meters)
                    for lat, lon in points
                ),
                default=math.inf,
            )
            if i in listed or metres <= near_m:
                ranked.append((0.0 if i in listed else metres, i))
        ranked.sort()
        return [self._landmarks[i] for _, i in ranked][:MAX_CANDIDATES]

    def _is(self, index: int, kind: LandmarkKind) -> bool:
        return self._landmarks[index].kind is kind

    def meeting(self, first: str, second: str) -> LandmarkRecord | None:
        """Return the crossing or roundabout that lists both streets (by street keys), if any."""
        both = set(self._by_street.get(first, ())) & set(self._by_street.get(second, ()))
        for i in sorted(both):
            if self._landmarks[i].kind in (LandmarkKind.CROSSING, LandmarkKind.ROUNDABOUT):
                return self._landmarks[i]
        return None


# Small words that say nothing about which landmark is meant.
_SMALL = frozenset({"ul", "al", "pl", "im", "nr", "i", "w", "na", "przy", "the", "of"})


def plain_words(text: str) -> str:
    """Return a text without the words for kinds of landmark and prepositions ("park przy
    Chopina" → "chopina"), to look the rest up as a street."""
    words = [w for w in words_key(text).split() if w not in _ALL_SAID and w not in _PREPOSITIONS]
    return " ".join(words)


def _plain(key: str) -> str:
    words = [w for w in key.split() if w not in _SMALL and w not in _PREPOSITIONS]
    return " ".join(words) or key


def _nominative(key: str) -> str:
    return " ".join(_NOMINATIVE.get(word, word) for word in key.split())


def _without_prepositions(key: str) -> str:
    words = key.split()
    while len(words) > 1 and words[0] in _PREPOSITIONS:
        words.pop(0)
    return " ".join(words)
