"""Match typed addresses and shared locations to districts, offline and in memory."""

from __future__ import annotations

import gc
import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from enum import StrEnum

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


@dataclass(slots=True)
class _Street:
    """One street of one locality with its rules, sorted by first number."""

    locality: str
    prefix: str
    name: str
    rules: list[StreetRuleRecord] = field(default_factory=list)

    @property
    def label(self) -> str:
        """Name the street as residents read it ("ul. Kolejowa")."""
        return f"{self.prefix} {self.name}".strip()


_Names = dict[str, tuple[tuple[str, int], ...]]


@dataclass(slots=True)
class _Town:
    """A locality's streets and every name (official, alias, stem) that points to them."""

    key: str
    name: str
    streets: dict[str, _Street] = field(default_factory=dict)
    # name key → ((street key, kind), ...); tuples, because most names mean one street.
    names: _Names = field(default_factory=dict)
    # The names as a list for rapidfuzz, made on the first typo in this town.
    choices: list[str] | None = None


@dataclass(frozen=True, slots=True)
class _Hit:
    locality: str
    street: str
    score: float
    kind: int


class Gazetteer:
    """An in-memory index of districts, built once and queried many times."""

    def __init__(self) -> None:
        """Create an empty gazetteer; use Gazetteer.build."""
        self._stations: dict[str, StationRecord] = {}
        self._districts: dict[str, DistrictRecord] = {}
        self._officers: dict[str, tuple[OfficerRecord, ...]] = {}
        self._by_district: dict[str, list[StreetRuleRecord]] = defaultdict(list)
        self._towns: dict[str, _Town] = {}
        # name key → locality keys having a street so named (for addresses without a town).
        self._by_name: dict[str, tuple[str, ...]] = {}
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
        rescanning its millions of long-lived objects during lookups.
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
        skipped = 0
        last: _Street | None = None
        for rule in rules:
            if rule.district_code not in self._districts:
                skipped += 1
                continue
            # Published lists keep a street's ranges together: skip re-folding its name.
            if last is None or last.name != rule.street or last.locality != rule.locality:
                last = self._street_for(rule)
            last.rules.append(rule)
            for alias in rule.aliases:
                self._add_alias(rule, alias)
            self._by_district[rule.district_code].append(rule)
        if skipped:
            log.warning("skipped %d street rules of unknown districts", skipped)
        for town in self._towns.values():
            for street in town.streets.values():
                street.rules.sort(key=_rule_order)
        polygons = {d.code: d.polygon for d in self._districts.values() if d.polygon}
        self._polygons = PolygonIndex(polygons, tolerance_m)
        self._street_points = StreetPoints(
            rule for rules in self._by_district.values() for rule in rules
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
            sum(len(t.streets) for t in self._towns.values()),
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

    def _street_for(self, rule: StreetRuleRecord) -> _Street:
        """Return the street record of a rule, registering its names on first sight."""
        town = self._town(rule.locality)
        key = street_key(rule.street) if rule.street else ""
        street = town.streets.get(key)
        if street is None:
            street = town.streets[key] = _Street(rule.locality, rule.prefix, rule.street)
            self._name(town, key, key, _OFFICIAL)
            if key:
                self._name(town, stem_key(key), key, _STEM)
                surname = surname_key(key)
                if surname:
                    self._name(town, surname, key, _ALIAS)
        return street

    def _add_alias(self, rule: StreetRuleRecord, alias: str) -> None:
        """Let another name (old or full) find the rule's street."""
        town = self._town(rule.locality)
        key = street_key(rule.street) if rule.street else ""
        alias_key = street_key(alias)
        self._name(town, alias_key, key, _ALIAS)
        self._name(town, stem_key(alias_key), key, _STEM)

    def _name(self, town: _Town, name: str, key: str, kind: int) -> None:
        """Record that `name` may mean street `key` of `town`."""
        entries = town.names.get(name, ())
        if (key, kind) in entries:
            return
        town.names[name] = (*entries, (key, kind))
        if kind != _STEM:
            found = self._by_name.get(name, ())
            if town.key not in found:
                self._by_name[name] = (*found, town.key)

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
            if not hits and "" in self._towns[loc].streets:
                # A whole-locality rule covers streets the police did not list.
                hits = [_Hit(loc, "", 100.0, _OFFICIAL)]
            return hits
        if default is not None:
            hits = self._exact_in(name, default)
            if hits:
                return hits
        if name in self._towns and "" in self._towns[name].streets:
            return [_Hit(name, "", 100.0, _OFFICIAL)]
        hits = []
        for other in self._by_name.get(name, ()):
            hits.extend(self._exact_in(name, other))
        if not hits:
            for other in self._by_name.get(stem_key(name), ()):
                hits.extend(self._exact_in(name, other))
        best = min((h.kind for h in hits), default=_STEM)
        return [h for h in hits if h.kind == best]

    def _exact_in(self, name: str, loc: str) -> list[_Hit]:
        """Find streets of locality `loc` known by `name`, best kind of match only."""
        names = self._towns[loc].names
        entries = names.get(name)
        if entries is None:
            entries = tuple((k, _STEM) for k, _ in names.get(stem_key(name), ()))
        entries = tuple(e for e in entries if e[0])
        if not entries:
            return []
        best = min(kind for _, kind in entries)
        score = STEM_SCORE if best == _STEM else 100.0
        return [_Hit(loc, key, score, kind) for key, kind in entries if kind == best]

    def _fuzzy(self, name: str, loc: str | None) -> list[_Hit]:
        """Find streets whose names are a small typo away from `name`."""
        if loc is None:
            return []
        town = self._towns[loc]
        if town.choices is None:
            town.choices = list(town.names)
        best: dict[str, float] = {}
        for query in {name, stem_key(name)}:
            for choice, score, _ in process.extract(
                query, town.choices, scorer=fuzz.ratio, score_cutoff=STREET_CUTOFF, limit=10
            ):
                for key, _ in town.names[choice]:
                    if key:
                        best[key] = max(best.get(key, 0.0), float(score))
        ranked = sorted(best.items(), key=lambda item: (-item[1], item[0]))
        return [_Hit(loc, key, score, _STEM) for key, score in ranked]

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
        street = self._towns[hit.locality].streets[hit.street]
        found = hit.kind != _STEM and hit.score >= 100.0
        quality = MatchQuality.EXACT if found else MatchQuality.FUZZY
        if number is not None:
            rules = [r for r in street.rules if r.covers(number.number)]
        else:
            rules = list(street.rules)
        districts = {r.district_code for r in rules}
        if len(districts) == 1:
            # Narrowest range wins when one district lists the same house twice.
            rule = min(rules, key=_span)
            return self._result(quality, rule, street, number, hit.score)
        if number is not None and len(districts) > 1:
            # Overlapping ranges in the published data: let the resident choose.
            quality = MatchQuality.AMBIGUOUS
        else:
            quality = MatchQuality.STREET_ONLY
            rules = list(street.rules)
        choices = tuple(self._alternative(street, r, hit.score) for r in rules)
        return AddressResult(
            quality,
            alternatives=choices[:MAX_ALTERNATIVES],
            house_number=number,
            score=hit.score,
        )

    def _street_alternatives(self, hit: _Hit, number: HouseNumber | None) -> list[Alternative]:
        """List one alternative per district a hit's street could mean."""
        street = self._towns[hit.locality].streets[hit.street]
        rules = street.rules
        if number is not None:
            rules = [r for r in rules if r.covers(number.number)] or rules
        if len({r.district_code for r in rules}) == 1:
            return [self._alternative(street, rules[0], hit.score, whole=True)]
        return [self._alternative(street, r, hit.score) for r in rules]

    def _alternative(
        self, street: _Street, rule: StreetRuleRecord, score: float, whole: bool = False
    ) -> Alternative:
        """Describe one rule as a candidate."""
        district = self._districts[rule.district_code]
        numbers = "" if whole else describe_range(rule.parity, rule.number_from, rule.number_to)
        span = None if whole else NumberRange(rule.parity, rule.number_from, rule.number_to)
        return Alternative(
            street.locality,
            street.label,
            numbers,
            district.code,
            district.name,
            score,
            span,
            street.prefix,
        )

    def _result(
        self,
        quality: MatchQuality,
        rule: StreetRuleRecord,
        street: _Street,
        number: HouseNumber | None,
        score: float,
    ) -> AddressResult:
        """Fill a result for a single matched rule."""
        district = self._districts[rule.district_code]
        lat, lon = rule.lat, rule.lon
        if lat is None or lon is None:
            lat, lon = self._point_for(street, rule.district_code)
        return AddressResult(
            quality,
            district=district,
            station=self._stations.get(district.station_code),
            officers=self._officers.get(district.code, ()),
            rule=rule,
            lat=lat,
            lon=lon,
            house_number=number,
            score=score,
        )

    def _point_for(self, street: _Street, code: str) -> tuple[float | None, float | None]:
        """Approximate a location from a sibling rule's point or the district's centre."""
        for other in street.rules:
            if other.district_code == code and other.lat is not None and other.lon is not None:
                return other.lat, other.lon
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
        best: tuple[float, StreetRuleRecord, StreetRuleRecord, _Hit, _Hit] | None = None
        shared: tuple[str, _Hit, _Hit] | None = None
        for one in first:
            a = self._towns[one.locality].streets[one.street]
            for two in second:
                b = self._towns[two.locality].streets[two.street]
                if a is b:
                    continue
                for ra in a.rules:
                    for rb in b.rules:
                        if ra.lat is None or ra.lon is None or rb.lat is None or rb.lon is None:
                            if ra.district_code == rb.district_code and shared is None:
                                shared = (ra.district_code, one, two)
                            continue
                        metres = float(geodesic((ra.lat, ra.lon), (rb.lat, rb.lon)).meters)
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
        assert ra.lat is not None and ra.lon is not None and rb.lat is not None
        assert rb.lon is not None
        lat, lon = (ra.lat + rb.lat) / 2, (ra.lon + rb.lon) / 2
        code = ra.district_code
        if rb.district_code != code:
            # The streets change district here: the boundary decides, if the directory has one.
            at = self._polygons.locate(lat, lon)
            if at.inside and at.district_code in (ra.district_code, rb.district_code):
                code = at.district_code
        return self._crossing_found(one, two, code, lat, lon, metres)

    def _labels(self, one: _Hit, two: _Hit) -> tuple[str, str]:
        return (
            self._towns[one.locality].streets[one.street].label,
            self._towns[two.locality].streets[two.street].label,
        )

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
            locality=self._towns[one.locality].streets[one.street].locality,
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
        street = self._towns[hit.locality].streets[hit.street]
        points = [(r.lat, r.lon) for r in street.rules if r.lat is not None and r.lon is not None]
        stops = self._landmarks.on_street(hit.street, points, LandmarkKind.STOP)
        return StopsNear(street.label, tuple(stops))

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
        rules = sorted(self._by_district.get(district_code, ()), key=_listing_order)
        several_towns = len({words_key(r.locality) for r in rules}) > 1
        return [
            StreetLine(
                rule.locality if several_towns or not rule.street else None,
                f"{rule.prefix} {rule.street}".strip() if rule.street else "",
                rule.prefix,
                NumberRange(rule.parity, rule.number_from, rule.number_to),
            )
            for rule in rules
        ]

    def district_streets(self, district_code: str) -> list[str]:
        """Describe a district's streets the way police pages list them (in Polish, for staff)."""
        lines = []
        for line in self.district_lines(district_code):
            span = line.range
            numbers = describe_range(span.parity, span.number_from, span.number_to)
            if not line.street:
                whole = span.parity is Parity.ALL and span.number_from is None
                lines.append(f"{line.locality} {'(cała miejscowość)' if whole else numbers}")
            elif line.locality:
                lines.append(f"{line.locality}, {line.street} {numbers}")
            else:
                lines.append(f"{line.street} {numbers}")
        return lines


def _rule_order(rule: StreetRuleRecord) -> tuple[int, str]:
    return (rule.number_from or 0, rule.parity.value)


def _span(rule: StreetRuleRecord) -> int:
    low = rule.number_from or 0
    high = rule.number_to if rule.number_to is not None else 1_000_000
    return high - low + (0 if rule.parity is Parity.ALL else -1)


def _listing_order(rule: StreetRuleRecord) -> tuple[str, str, int]:
    return (words_key(rule.locality), street_key(rule.street), rule.number_from or 0)
