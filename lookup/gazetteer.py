"""Match typed addresses and shared locations to districts, offline and in memory."""

from __future__ import annotations

import gc
import logging
from array import array
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import partial

import shapely
from geopy.distance import geodesic
from rapidfuzz import fuzz, process

from lookup.crossings import CROSSING_MAX_M, Crossing, split_crossing, street_readings
from lookup.directory import (
    Directory,
    DistrictRecord,
    OfficerRecord,
    Parity,
    StationRecord,
    StreetRuleRecord,
)
from lookup.geometry import PolygonIndex
from lookup.house_numbers import HouseNumber, NumberRange, describe_range
from lookup.landmarks import LandmarkIndex, LandmarkKind, LandmarkRecord, stop_street
from lookup.nearby import NEAREST_STREET_MAX_M, NearestStreet, StreetPoints
from lookup.normalize import (
    AddressParts,
    split_address,
    stem_key,
    street_key,
    surname_key,
    words_key,
)
from lookup.street_rules import StreetRules

log = logging.getLogger(__name__)

MAX_ALTERNATIVES = 8
# rapidfuzz ratio needed to accept a typo'd street ("sowackiego" ~ "slowackiego" is 95).
STREET_CUTOFF = 80.0
LOCALITY_CUTOFF = 88.0
# Two different streets scoring within this margin are too close to choose between.
AMBIGUITY_MARGIN = 3.0
STEM_SCORE = 95.0

_OFFICIAL, _ALIAS, _STEM = 0, 1, 2


class MatchQuality(StrEnum):
    """How sure the lookup is about the district it returns."""

    EXACT = "exact"
    FUZZY = "fuzzy"
    STREET_ONLY = "street_only"
    AMBIGUOUS = "ambiguous"
    NOT_FOUND = "not_found"
    OUTSIDE_AREA = "outside_area"
    # Two streets typed as a crossing that, by the directory's points, do not meet.
    NO_CROSSING = "no_crossing"


@dataclass(frozen=True, slots=True)
class Alternative:
    """A candidate the resident may have meant, for a "did you mean" list."""

    locality: str
    street: str
    # The range in the police's Polish wording (for staff, e.g. the lookup command); residents
    # get `range` described in their language. Empty and None: the whole street is meant.
    numbers: str
    district_code: str | None
    district_name: str
    score: float
    range: NumberRange | None = None
    # "ul.", "pl.", "al.": a square is described as a square ("cały plac").
    prefix: str = ""


@dataclass(frozen=True, slots=True)
class StreetLine:
    """One line of a district's street list: a street (or a whole locality) and its numbers."""

    # Set when the line names its town: a whole locality, or a district spanning several towns.
    locality: str | None
    # The street as residents read it ("ul. Kolejowa"); empty for a whole locality.
    street: str
    prefix: str
    range: NumberRange


@dataclass(frozen=True, slots=True)
class AddressResult:
    """The district for a typed address, with how it was found."""

    quality: MatchQuality
    district: DistrictRecord | None = None
    station: StationRecord | None = None
    officers: tuple[OfficerRecord, ...] = ()
    rule: StreetRuleRecord | None = None
    lat: float | None = None
    lon: float | None = None
    alternatives: tuple[Alternative, ...] = ()
    house_number: HouseNumber | None = None
    score: float = 0.0
    # The locality is covered as a whole and the typed street is not listed ("Kramsk, ul.
    # Kolejowa 3"): the street is the resident's, not the police's.
    unlisted_street: bool = False


@dataclass(frozen=True, slots=True)
class PointResult:
    """The district for a shared location; outside points carry the distance to the nearest."""

    quality: MatchQuality
    district: DistrictRecord | None = None
    station: StationRecord | None = None
    officers: tuple[OfficerRecord, ...] = ()
    distance_m: float | None = None
    nearest_district: DistrictRecord | None = None


@dataclass(frozen=True, slots=True)
class StopsNear:
    """The stops on or near a street ("przystanek przy Kolejowej"), nearest first."""

    # The street as residents read it ("ul. Kolejowa").
    street: str
    stops: tuple[LandmarkRecord, ...]


# Name key → what it may mean, each as `street << 2 | kind` (street: its place in the town's
# `streets`; kind: _OFFICIAL, _ALIAS or _STEM); one int, as most names mean one street, or a
# tuple of them. As a tuple of (street key, kind) tuples each name took two tuples: 57 MB in
# 922,000 objects for a national directory (docs/benchmarks.md, "Compact gazetteer"). Numbered
# within the town, the same codes recur from town to town and share one int object each.
_Names = dict[str, int | tuple[int, ...]]


@dataclass(slots=True)
class _Town:
    """A locality's streets and every name (official, alias, stem) that points to them."""

    key: str
    name: str
    # The gazetteer's numbers of the town's streets (see Gazetteer._street_key), in order of
    # first sight; a street's official name (its key) finds it in `names`.
    streets: array[int] = field(default_factory=partial(array, "I"))
    names: _Names = field(default_factory=dict)
    # The names as a list for rapidfuzz, made on the first typo in this town.
    choices: list[str] | None = None


@dataclass(frozen=True, slots=True)
class _Hit:
    locality: str
    street: str
    score: float
    kind: int
    # The gazetteer's number of the street (its key is `street`).
    number: int


class Gazetteer:
    """An in-memory index of districts, built once and queried many times."""

    def __init__(self) -> None:
        """Create an empty gazetteer; use Gazetteer.build."""
        self._stations: dict[str, StationRecord] = {}
        self._districts: dict[str, DistrictRecord] = {}
        self._officers: dict[str, tuple[OfficerRecord, ...]] = {}
        # The rules in columns; the indexes below hold positions in it, not records.
        self._rules = StreetRules()
        self._by_district: defaultdict[str, array[int]] = defaultdict(partial(array, "I"))
        self._towns: dict[str, _Town] = {}
        # The streets, numbered in order of first sight: a street's key, its first rule (which
        # names it: town, prefix, name as written) and its rules, sorted by first number, as
        # `_street_rules[_street_start[n]:_street_start[n + 1]]`. A street was an object with
        # a list of its own: 30 MB for the 219,000 streets of a national directory.
        self._street_key: list[str] = []
        self._street_first = array("I")
        self._street_start = array("I", [0])
        self._street_rules = array("I")
        # name key → the locality key, or keys, having a street so named (for addresses
        # without a town); a lone key, not a tuple of one, for most names.
        self._by_name: dict[str, str | tuple[str, ...]] = {}
        # One int object per code value while building (see _Names).
        self._codes: dict[int, int] = {}
        self._polygons = PolygonIndex({})
        self._street_points = StreetPoints(())
        self._centres: dict[str, tuple[float, float]] = {}
        self._default_keys: dict[str, str] = {}
        self._locality_keys: dict[str, str] = {}
        self._landmarks = LandmarkIndex(())

    @classmethod
    def from_directory(cls, directory: Directory, *, tolerance_m: float = 25.0) -> Gazetteer:
        """Build a gazetteer from a Directory read from the exchange files."""
        return cls.build(
            directory.stations,
            directory.districts,
            directory.officers,
            directory.rules,
            tolerance_m=tolerance_m,
            landmarks=directory.places,
        )

    @classmethod
    def build(
        cls,
        stations: Iterable[StationRecord],
        districts: Iterable[DistrictRecord],
        officers: Iterable[OfficerRecord],
        rules: Iterable[StreetRuleRecord],
        *,
        tolerance_m: float = 25.0,
        landmarks: Iterable[LandmarkRecord] = (),
    ) -> Gazetteer:
        """Index the directory; points within `tolerance_m` of a polygon still match it.

        Call gc.freeze() after building a large gazetteer, so the cyclic collector stops
        rescanning its millions of long-lived objects during lookups. `rules` given as a
        StreetRules table (as `load_directory` reads them) is kept as it is, not copied.
        """
        # The index creates no reference cycles; collector passes over it only cost time.
        collecting = gc.isenabled()
        gc.disable()
        try:
            gazetteer = cls._build(stations, districts, officers, rules, tolerance_m)
            gazetteer._index_landmarks(landmarks)
            return gazetteer
        finally:
            if collecting:
                gc.enable()

    @classmethod
    def _build(
        cls,
        stations: Iterable[StationRecord],
        districts: Iterable[DistrictRecord],
        officers: Iterable[OfficerRecord],
        rules: Iterable[StreetRuleRecord],
        tolerance_m: float,
    ) -> Gazetteer:
        """Build the index (see build)."""
        self = cls()
        self._stations = {s.code: s for s in stations}
        self._districts = {d.code: d for d in districts}
        serving: dict[str, list[OfficerRecord]] = defaultdict(list)
        for officer in officers:
            if officer.active:
                for code in officer.district_codes:
                    serving[code].append(officer)
        self._officers = {code: tuple(found) for code, found in serving.items()}
        table = self._rules = rules if isinstance(rules, StreetRules) else StreetRules(rules)
        skipped = 0
        # The rules indexed (of known districts), and the street of each.
        indexed, streets = array("I"), array("I")
        last: tuple[str, str, int] | None = None
        for i in range(len(table)):
            code = table.district_code(i)
            if code not in self._districts:
                skipped += 1
                continue
            locality, name = table.locality(i), table.street(i)
            # Published lists keep a street's ranges together: skip re-folding its name.
            if last is None or last[0] != name or last[1] != locality:
                last = (name, locality, self._street_for(i))
            indexed.append(i)
            streets.append(last[2])
            for alias in table.aliases(i):
                self._add_alias(i, alias)
            self._by_district[code].append(i)
        if skipped:
            log.warning("skipped %d street rules of unknown districts", skipped)
        self._sort_street_rules(indexed, streets)
        self._codes = {}
        polygons = {d.code: d.polygon for d in self._districts.values() if d.polygon}
        self._polygons = PolygonIndex(polygons, tolerance_m)
        self._street_points = StreetPoints(
            table, (i for rules in self._by_district.values() for i in rules)
        )
        if polygons:
            codes = list(polygons)
            points = shapely.point_on_surface([self._polygons.shape(c) for c in codes])
            self._centres = {
                c: (float(p.y), float(p.x)) for c, p in zip(codes, points, strict=True)
            }
        log.info(
            "gazetteer built: %d districts, %d streets, %d localities, %d polygons",
            len(self._districts),
            len(self._street_key),
            len(self._towns),
            len(polygons),
        )
        return self

    def _index_landmarks(self, landmarks: Iterable[LandmarkRecord]) -> None:
        """Index the landmarks that fall in a district (named, or by the district polygons)."""
        placed = []
        for landmark in landmarks:
            code = landmark.district_code
            if code not in self._districts:
                at = self._polygons.locate(landmark.lat, landmark.lon)
                code = at.district_code if at.inside and at.district_code else ""
            if code in self._districts:
                placed.append(replace(landmark, district_code=code))
        self._landmarks = LandmarkIndex(placed, self._street_keys)

    def _street_keys(self, street: str) -> list[str]:
        """Return the keys of the streets a name means (places.csv `streets`), in any town."""
        for key in street_readings(street):
            hits = [h.street for h in self._exact(key, None, None) if h.street]
            if hits:
                return hits
        return []

    def _town(self, locality: str) -> _Town:
        """Return the record of a locality, creating it on first sight."""
        loc = self._locality_keys.get(locality)
        if loc is None:
            loc = self._locality_keys[locality] = words_key(locality)
        town = self._towns.get(loc)
        if town is None:
            town = self._towns[loc] = _Town(loc, locality)
        return town

    def _street_for(self, rule: int) -> int:
        """Return the number of a rule's street, registering the street on first sight."""
        name = self._rules.street(rule)
        town = self._town(self._rules.locality(rule))
        key = street_key(name) if name else ""
        local = self._local_street(town, key)
        if local is None:
            local = len(town.streets)
            town.streets.append(len(self._street_key))
            self._street_key.append(key)
            self._street_first.append(rule)
            self._name(town, key, local, _OFFICIAL)
            if key:
                self._name(town, stem_key(key), local, _STEM)
                surname = surname_key(key)
                if surname:
                    self._name(town, surname, local, _ALIAS)
        return town.streets[local]

    def _local_street(self, town: _Town, key: str) -> int | None:
        """Return the place in `town.streets` of the street whose key is `key`, or None."""
        codes = town.names.get(key)
        if codes is None:
            return None
        for code in (codes,) if isinstance(codes, int) else codes:
            # Only a street's own key is an official name; within a town, of one street.
            if code & 3 == _OFFICIAL:
                return code >> 2
        return None

    def _add_alias(self, rule: int, alias: str) -> None:
        """Let another name (old or full) find the rule's street."""
        town = self._town(self._rules.locality(rule))
        name = self._rules.street(rule)
        local = self._local_street(town, street_key(name) if name else "")
        assert local is not None
        alias_key = street_key(alias)
        self._name(town, alias_key, local, _ALIAS)
        self._name(town, stem_key(alias_key), local, _STEM)

    def _name(self, town: _Town, name: str, local: int, kind: int) -> None:
        """Record that `name` may mean street `town.streets[local]`."""
        code = local << 2 | kind
        code = self._codes.setdefault(code, code)
        entries = town.names.get(name)
        if entries is None:
            town.names[name] = code
        elif isinstance(entries, int):
            if entries == code:
                return
            town.names[name] = (entries, code)
        elif code in entries:
            return
        else:
            town.names[name] = (*entries, code)
        if kind != _STEM:
            found = self._by_name.get(name)
            if found is None:
                self._by_name[name] = town.key
            elif isinstance(found, str):
                if found != town.key:
                    self._by_name[name] = (found, town.key)
            elif town.key not in found:
                self._by_name[name] = (*found, town.key)

    def _sort_street_rules(self, rules: array[int], streets: array[int]) -> None:
        """Lay out each street's rules together, in the order of their first numbers.

        `streets[k]` is the street of rule `rules[k]`; a counting sort by street keeps the
        rules' order within a street, which the sort by first number then keeps for ties.
        """
        count = len(self._street_key)
        start = array("I", bytes(4 * (count + 1)))
        for street in streets:
            start[street + 1] += 1
        for street in range(count):
            start[street + 1] += start[street]
        order = array("I", bytes(4 * len(rules)))
        fill = array("I", start)
        for rule, street in zip(rules, streets, strict=True):
            order[fill[street]] = rule
            fill[street] += 1
        for street in range(count):
            low, high = start[street], start[street + 1]
            if high - low > 1:
                order[low:high] = array("I", sorted(order[low:high], key=self._rule_order))
        self._street_start, self._street_rules = start, order

    def _meanings(self, town: _Town, name: str) -> list[tuple[str, int, int]] | None:
        """Return what a name means in a town: (street key, kind, street number); None: unknown."""
        codes = town.names.get(name)
        if codes is None:
            return None
        keys, streets = self._street_key, town.streets
        if isinstance(codes, int):
            street = streets[codes >> 2]
            return [(keys[street], codes & 3, street)]
        return [(keys[n], code & 3, n) for code in codes for n in (streets[code >> 2],)]

    def _whole_locality(self, loc: str) -> int | None:
        """Return the number of a town's whole-locality "street" (key ""), if it has one."""
        town = self._towns[loc]
        local = self._local_street(town, "")
        return None if local is None else town.streets[local]

    def _towns_named(self, name: str) -> tuple[str, ...]:
        """Return the keys of the localities having a street called `name`."""
        found = self._by_name.get(name, ())
        return (found,) if isinstance(found, str) else found

    # --- one street, by its number --------------------------------------------------------

    def _street_of(self, hit: _Hit) -> int:
        return hit.number

    def _rules_of(self, street: int) -> array[int]:
        """Return the positions of a street's rules, sorted by first number."""
        return self._street_rules[self._street_start[street] : self._street_start[street + 1]]

    def _locality_of(self, street: int) -> str:
        """Return the town of a street as written."""
        return self._rules.locality(self._street_first[street])

    def _prefix_of(self, street: int) -> str:
        return self._rules.prefix(self._street_first[street])

    def _label(self, street: int) -> str:
        """Name the street as residents read it ("ul. Kolejowa")."""
        first = self._street_first[street]
        return f"{self._rules.prefix(first)} {self._rules.street(first)}".strip()

    def _rule_order(self, rule: int) -> tuple[int, str]:
        return (self._rules.number_from(rule) or 0, self._rules.parity(rule).value)

    def _span(self, rule: int) -> int:
        rules = self._rules
        low = rules.number_from(rule) or 0
        high = rules.number_to(rule)
        high = 1_000_000 if high is None else high
        return high - low + (0 if rules.parity(rule) is Parity.ALL else -1)

    def _listing_order(self, rule: int) -> tuple[str, str, int]:
        rules = self._rules
        return (
            words_key(rules.locality(rule)),
            street_key(rules.street(rule)),
            rules.number_from(rule) or 0,
        )

    # --- addresses -------------------------------------------------------------------

    def lookup_address(self, text: str, default_locality: str | None = "Konin") -> AddressResult:
        """Find the district for a typed address; the town defaults to `default_locality`."""
        readings = split_address(text)
        if not readings:
            return AddressResult(MatchQuality.NOT_FOUND)
        default = self._default_key(default_locality)
        unknown_town = False
        attempts: list[tuple[AddressParts, str | None]] = []
        for reading in readings:
            for variant in self._with_locality(reading):
                loc = self._resolve_locality(variant.locality) if variant.locality else None
                if variant.locality and loc is None:
                    unknown_town = True
                    continue
                attempts.append((variant, loc))
        for variant, loc in attempts:
            hits = self._exact(variant.street, loc, default)
            if hits:
                result = self._answer(hits, variant.number)
                if hits[0].street == "" and variant.street and variant.street != hits[0].locality:
                    result = replace(result, unlisted_street=True)
                return result
        for variant, loc in attempts[:2]:
            hits = self._fuzzy(variant.street, loc or default)
            if hits:
                return self._answer(hits, variant.number)
        if unknown_town and not attempts:
            return AddressResult(MatchQuality.OUTSIDE_AREA)
        return AddressResult(MatchQuality.OUTSIDE_AREA if unknown_town else MatchQuality.NOT_FOUND)

    def _default_key(self, default_locality: str | None) -> str | None:
        """Return the key of the default town if the gazetteer knows it (cached)."""
        if not default_locality:
            return None
        key = self._default_keys.get(default_locality)
        if key is None:
            key = self._default_keys[default_locality] = words_key(default_locality)
        return key if key in self._towns else None

    def _with_locality(self, reading: AddressParts) -> list[AddressParts]:
        """Add readings where leading or trailing street words name a known locality."""
        variants = [reading]
        words = reading.street.split()
        if reading.locality is None and len(words) > 1:
            for k in range(1, min(3, len(words) - 1) + 1):
                head, rest = " ".join(words[:k]), " ".join(words[k:])
                if head in self._towns:
                    variants.append(AddressParts(rest, reading.number, head))
                tail, rest = " ".join(words[-k:]), " ".join(words[:-k])
                if tail in self._towns:
                    variants.append(AddressParts(rest, reading.number, tail))
        return variants

    def _resolve_locality(self, typed: str) -> str | None:
        """Return the known locality key for a typed town, tolerating small typos."""
        if typed in self._towns:
            return typed
        best = process.extractOne(
            typed, list(self._towns), scorer=fuzz.ratio, score_cutoff=LOCALITY_CUTOFF
        )
        return None if best is None else str(best[0])

    def _exact(self, name: str, loc: str | None, default: str | None) -> list[_Hit]:
        """Find streets called `name` (or its alias or stem) in `loc`, else the default town."""
        if loc is not None:
            hits = self._exact_in(name, loc)
            whole = None if hits else self._whole_locality(loc)
            if whole is not None:
                # A whole-locality rule covers streets the police did not list.
                hits = [_Hit(loc, "", 100.0, _OFFICIAL, whole)]
            return hits
        if default is not None:
            hits = self._exact_in(name, default)
            if hits:
                return hits
        whole = self._whole_locality(name) if name in self._towns else None
        if whole is not None:
            return [_Hit(name, "", 100.0, _OFFICIAL, whole)]
        hits = []
        for other in self._towns_named(name):
            hits.extend(self._exact_in(name, other))
        if not hits:
            for other in self._towns_named(stem_key(name)):
                hits.extend(self._exact_in(name, other))
        best = min((h.kind for h in hits), default=_STEM)
        return [h for h in hits if h.kind == best]

    def _exact_in(self, name: str, loc: str) -> list[_Hit]:
        """Find streets of locality `loc` known by `name`, best kind of match only."""
        town = self._towns[loc]
        entries = self._meanings(town, name)
        if entries is None:
            entries = [(k, _STEM, n) for k, _, n in self._meanings(town, stem_key(name)) or ()]
        entries = [e for e in entries if e[0]]
        if not entries:
            return []
        best = min(kind for _, kind, _ in entries)
        score = STEM_SCORE if best == _STEM else 100.0
        return [_Hit(loc, key, score, kind, n) for key, kind, n in entries if kind == best]

    def _fuzzy(self, name: str, loc: str | None) -> list[_Hit]:
        """Find streets whose names are a small typo away from `name`."""
        if loc is None:
            return []
        town = self._towns[loc]
        if town.choices is None:
            town.choices = list(town.names)
        best: dict[str, float] = {}
        numbers: dict[str, int] = {}
        for query in {name, stem_key(name)}:
            for choice, score, _ in process.extract(
                query, town.choices, scorer=fuzz.ratio, score_cutoff=STREET_CUTOFF, limit=10
            ):
                for key, _, number in self._meanings(town, choice) or ():
                    if key:
                        best[key] = max(best.get(key, 0.0), float(score))
                        numbers[key] = number
        ranked = sorted(best.items(), key=lambda item: (-item[1], item[0]))
        return [_Hit(loc, key, score, _STEM, numbers[key]) for key, score in ranked]

    def _answer(self, hits: list[_Hit], number: HouseNumber | None) -> AddressResult:
        """Turn street hits and a house number into a result."""
        top = hits[0].score
        close = [h for h in hits if h.score >= top - AMBIGUITY_MARGIN]
        if len(close) > 1:
            alternatives = [alt for h in hits for alt in self._street_alternatives(h, number)]
            return AddressResult(
                MatchQuality.AMBIGUOUS,
                alternatives=tuple(alternatives[:MAX_ALTERNATIVES]),
                house_number=number,
                score=top,
            )
        hit = hits[0]
        street = self._street_of(hit)
        found = hit.kind != _STEM and hit.score >= 100.0
        quality = MatchQuality.EXACT if found else MatchQuality.FUZZY
        table = self._rules
        rules: Sequence[int] = self._rules_of(street)
        if number is not None:
            rules = table.covering(rules, number.number)
        # Most streets have one rule: no set to build.
        districts = (
            {table.district_code(rules[0])} if len(rules) == 1 else table.district_codes(rules)
        )
        if len(districts) == 1:
            # Narrowest range wins when one district lists the same house twice.
            rule = rules[0] if len(rules) == 1 else min(rules, key=self._span)
            return self._result(quality, rule, street, number, hit.score)
        if number is not None and len(districts) > 1:
            # Overlapping ranges in the published data: let the resident choose.
            quality = MatchQuality.AMBIGUOUS
        else:
            quality = MatchQuality.STREET_ONLY
            rules = list(self._rules_of(street))
        choices = tuple(self._alternative(street, r, hit.score) for r in rules)
        return AddressResult(
            quality,
            alternatives=choices[:MAX_ALTERNATIVES],
            house_number=number,
            score=hit.score,
        )

    def _street_alternatives(self, hit: _Hit, number: HouseNumber | None) -> list[Alternative]:
        """List one alternative per district a hit's street could mean."""
        street = self._street_of(hit)
        table = self._rules
        rules: Sequence[int] = self._rules_of(street)
        if number is not None:
            rules = [r for r in rules if table.covers(r, number.number)] or rules
        if len({table.district_code(r) for r in rules}) == 1:
            return [self._alternative(street, rules[0], hit.score, whole=True)]
        return [self._alternative(street, r, hit.score) for r in rules]

    def _alternative(
        self, street: int, rule: int, score: float, whole: bool = False
    ) -> Alternative:
        """Describe one rule as a candidate."""
        table = self._rules
        district = self._districts[table.district_code(rule)]
        parity, low, high = table.parity(rule), table.number_from(rule), table.number_to(rule)
        numbers = "" if whole else describe_range(parity, low, high)
        span = None if whole else NumberRange(parity, low, high)
        return Alternative(
            self._locality_of(street),
            self._label(street),
            numbers,
            district.code,
            district.name,
            score,
            span,
            self._prefix_of(street),
        )

    def _result(
        self,
        quality: MatchQuality,
        rule: int,
        street: int,
        number: HouseNumber | None,
        score: float,
    ) -> AddressResult:
        """Fill a result for a single matched rule (its record is made here, for the answer)."""
        record = self._rules.record(rule)
        district = self._districts[record.district_code]
        lat, lon = record.lat, record.lon
        if lat is None or lon is None:
            lat, lon = self._point_for(street, district.code)
        return AddressResult(
            quality,
            district=district,
            station=self._stations.get(district.station_code),
            officers=self._officers.get(district.code, ()),
            rule=record,
            lat=lat,
            lon=lon,
            house_number=number,
            score=score,
        )

    def _point_for(self, street: int, code: str) -> tuple[float | None, float | None]:
        """Approximate a location from a sibling rule's point or the district's centre."""
        table = self._rules
        for other in self._rules_of(street):
            point = table.point(other)
            if point is not None and table.district_code(other) == code:
                return point
        centre = self._centres.get(code)
        return (None, None) if centre is None else centre

    # --- crossings ---------------------------------------------------------------------

    def lookup_crossing(
        self,
        text: str,
        default_locality: str | None = "Konin",
        *,
        max_m: float = CROSSING_MAX_M,
        bare: bool = False,
    ) -> Crossing | None:
        """Find where two typed streets meet ("róg Kolejowej i Dworcowej"); None: no crossing.

        The directory knows points of streets, not their lines: the crossing is placed between
        the two streets' nearest points, and streets whose points lie more than `max_m` apart
        do not meet. `bare` reads "Kolejowa i Dworcowa" too (see crossings.split_crossing).
        """
        readings = split_crossing(text, bare=bare)
        if not readings:
            return None
        default = self._default_key(default_locality)
        unknown: str | None = None
        for reading in readings:
            loc = default
            if reading.locality:
                loc = self._resolve_locality(reading.locality)
                if loc is None:
                    return Crossing(MatchQuality.OUTSIDE_AREA)
            # A bare "X i Y" may be any sentence: only known names (no typos) make it a crossing.
            first = self._streets_named(reading.first, loc, typos=reading.announced)
            second = self._streets_named(reading.second, loc, typos=reading.announced)
            if first and second:
                return self._crossing(first, second, max_m)
            if unknown is None:
                unknown = reading.second if first else reading.first
        if not readings[0].announced:
            return None
        return Crossing(MatchQuality.NOT_FOUND, unknown=unknown)

    def _streets_named(self, part: str, loc: str | None, *, typos: bool) -> list[_Hit]:
        """Find the streets a part of a crossing names: exact or case forms, then typos."""
        keys = street_readings(part)
        for key in keys:
            hits = self._exact(key, loc, None) if loc else self._exact(key, None, None)
            hits = [h for h in hits if h.street]
            if hits:
                return hits
        for key in keys[:2] if typos else ():
            hits = self._fuzzy(key, loc)
            if hits:
                top = hits[0].score
                return [h for h in hits if h.score >= top - AMBIGUITY_MARGIN]
        return []

    def _crossing(self, first: list[_Hit], second: list[_Hit], max_m: float) -> Crossing:
        """Place the crossing of the closest pair of streets the two names may mean."""
        for one in first:
            for two in second:
                listed = self._landmarks.meeting(one.street, two.street)
                if listed is not None:
                    # places.csv knows this crossing (or roundabout): its point, its district.
                    found = self._crossing_found(
                        one, two, listed.district_code, listed.lat, listed.lon, 0.0
                    )
                    if listed.kind is LandmarkKind.ROUNDABOUT:
                        found = replace(found, name=listed.name)
                    return found
        table = self._rules
        best: tuple[float, int, int, _Hit, _Hit] | None = None
        shared: tuple[str, _Hit, _Hit] | None = None
        for one in first:
            a = self._street_of(one)
            for two in second:
                b = self._street_of(two)
                if a == b:
                    continue
                for ra in self._rules_of(a):
                    pa = table.point(ra)
                    for rb in self._rules_of(b):
                        pb = table.point(rb)
                        if pa is None or pb is None:
                            code = table.district_code(ra)
                            if code == table.district_code(rb) and shared is None:
                                shared = (code, one, two)
                            continue
                        metres = float(geodesic(pa, pb).meters)
                        if best is None or metres < best[0]:
                            best = (metres, ra, rb, one, two)
        if best is None:
            if shared is None:
                names = self._labels(first[0], second[0]) if first[0] != second[0] else ()
                return Crossing(MatchQuality.NO_CROSSING, streets=names)
            # Streets without points: they meet if one district lists them both.
            code, one, two = shared
            return self._crossing_found(one, two, code, None, None, None)
        metres, ra, rb, one, two = best
        if metres > max_m:
            return Crossing(
                MatchQuality.NO_CROSSING, streets=self._labels(one, two), distance_m=metres
            )
        pa, pb = table.point(ra), table.point(rb)
        assert pa is not None and pb is not None
        lat, lon = (pa[0] + pb[0]) / 2, (pa[1] + pb[1]) / 2
        code = code_a = table.district_code(ra)
        code_b = table.district_code(rb)
        if code_b != code:
            # The streets change district here: the boundary decides, if the directory has one.
            at = self._polygons.locate(lat, lon)
            if at.inside and at.district_code in (code_a, code_b):
                code = at.district_code
        return self._crossing_found(one, two, code, lat, lon, metres)

    def _labels(self, one: _Hit, two: _Hit) -> tuple[str, str]:
        return (self._label(self._street_of(one)), self._label(self._street_of(two)))

    def _crossing_found(
        self,
        one: _Hit,
        two: _Hit,
        code: str,
        lat: float | None,
        lon: float | None,
        metres: float | None,
    ) -> Crossing:
        district = self._districts[code]
        typo = min(one.score, two.score) < STEM_SCORE
        return Crossing(
            MatchQuality.FUZZY if typo else MatchQuality.EXACT,
            streets=self._labels(one, two),
            locality=self._locality_of(self._street_of(one)),
            lat=lat,
            lon=lon,
            district=district,
            station=self._stations.get(district.station_code),
            officers=self._officers.get(code, ()),
            distance_m=metres,
            street_keys=(one.street, two.street),
        )

    # --- landmarks -----------------------------------------------------------------------

    @property
    def landmarks(self) -> LandmarkIndex:
        """Return the landmarks of the directory (places.csv) that lie in a district."""
        return self._landmarks

    def landmarks_named(self, text: str) -> list[LandmarkRecord]:
        """Return the landmarks a text names exactly ("dworzec PKP", "parku Chopina")."""
        return self._landmarks.exact(text)

    def landmarks_like(self, text: str) -> list[LandmarkRecord]:
        """Return the landmarks whose names are close to a text ("szpital", "galeria")."""
        return self._landmarks.similar(text)

    def stops_near(self, text: str, default_locality: str | None = "Konin") -> StopsNear | None:
        """Answer "przystanek przy Kolejowej": the street's stops; None if no such question.

        A street the directory does not know gives None too (the text may name a stop).
        """
        part = stop_street(text)
        if part is None or not len(self._landmarks):
            return None
        hits = self._streets_named(part, self._default_key(default_locality), typos=True)
        if not hits:
            return None
        hit = hits[0]
        street = self._street_of(hit)
        table = self._rules
        points = [p for r in self._rules_of(street) if (p := table.point(r)) is not None]
        stops = self._landmarks.on_street(hit.street, points, LandmarkKind.STOP)
        return StopsNear(self._label(street), tuple(stops))

    # --- points ------------------------------------------------------------------------

    def lookup_point(self, lat: float, lon: float) -> PointResult:
        """Find the district whose polygon covers a shared location."""
        match = self._polygons.locate(lat, lon)
        nearest = self._districts.get(match.district_code) if match.district_code else None
        if nearest is None or not match.inside:
            return PointResult(
                MatchQuality.OUTSIDE_AREA, distance_m=match.distance_m, nearest_district=nearest
            )
        quality = MatchQuality.EXACT if match.distance_m == 0.0 else MatchQuality.FUZZY
        return PointResult(
            quality,
            district=nearest,
            station=self._stations.get(nearest.station_code),
            officers=self._officers.get(nearest.code, ()),
            distance_m=match.distance_m,
            nearest_district=nearest,
        )

    def nearest_street(
        self, lat: float, lon: float, max_m: float = NEAREST_STREET_MAX_M
    ) -> NearestStreet | None:
        """Name a shared pin: the street rule whose point is nearest, within `max_m` metres.

        The one place label of the bot (bot.usecases.places.point_label renders it): the
        resident's summary, officers' alerts and lists, and the export all use it.
        """
        return self._street_points.nearest(lat, lon, max_m)

    # --- directory views ------------------------------------------------------------------

    def officers_for(self, district_code: str) -> tuple[OfficerRecord, ...]:
        """Return the active officers serving a district."""
        return self._officers.get(district_code, ())

    def district(self, district_code: str) -> DistrictRecord | None:
        """Return a district by code."""
        return self._districts.get(district_code)

    def district_lines(self, district_code: str) -> list[StreetLine]:
        """List a district's streets in the order police pages do, as records to describe."""
        table = self._rules
        rules = sorted(self._by_district.get(district_code, ()), key=self._listing_order)
        several_towns = len({words_key(table.locality(r)) for r in rules}) > 1
        lines = []
        for rule in rules:
            locality, prefix, street = table.locality(rule), table.prefix(rule), table.street(rule)
            lines.append(
                StreetLine(
                    locality if several_towns or not street else None,
                    f"{prefix} {street}".strip() if street else "",
                    prefix,
                    NumberRange(table.parity(rule), table.number_from(rule), table.number_to(rule)),
                )
            )
        return lines
