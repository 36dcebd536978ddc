"""Name a shared pin the way people name places: the nearest street of the directory, offline.

The directory gives each street rule (a street and a house-number range) a representative
point. The street rule whose point lies nearest to a pin names it: "ul. Kolejowa 1–41
(nieparzyste), about 120 m away". Residents read it back in their summary, officers in their
alerts and lists, and staff in the export, all from the same answer.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

import shapely
from geopy.distance import geodesic
from shapely.geometry import Point

from lookup.directory import Parity, StreetRuleRecord

# Beyond this a street point says little about where the pin is (a field, a forest, a river).
NEAREST_STREET_MAX_M = 1000.0


@dataclass(frozen=True, slots=True)
class NearestStreet:
    """The street rule nearest to a point, and how far its representative point is."""

    locality: str
    prefix: str
    street: str
    parity: Parity
    number_from: int | None
    number_to: int | None
    district_code: str
    distance_m: float

    @property
    def street_label(self) -> str:
        """Name the street as residents read it ("ul. Kolejowa")."""
        return f"{self.prefix} {self.street}".strip()


class StreetPoints:
    """The street rules that have a point, in an STRtree, for "which street is this pin near"."""

    def __init__(self, rules: Iterable[StreetRuleRecord]) -> None:
        """Index the rules that name a street and carry a point (others cannot name a pin)."""
        self._rules = [r for r in rules if r.street and r.lat is not None and r.lon is not None]
        self._points = [Point(r.lon, r.lat) for r in self._rules]
        self._tree = shapely.STRtree(self._points)

    def __len__(self) -> int:
        return len(self._rules)

    def nearest(
        self, lat: float, lon: float, max_m: float = NEAREST_STREET_MAX_M
    ) -> NearestStreet | None:
        """Return the street rule whose point is nearest to (lat, lon), if within `max_m`."""
        if not self._rules:
            return None
        point = Point(lon, lat)
        first = int(self._tree.nearest(point))
        # Nearest in degrees is not nearest on the ground (a degree of longitude is shorter):
        # every point closer on the ground lies within this many degrees, so measure them all.
        reach = shapely.distance(self._points[first], point) / max(math.cos(math.radians(lat)), 0.1)
        candidates = self._tree.query(point, predicate="dwithin", distance=reach * 1.001)
        best: tuple[float, int] | None = None
        for i in sorted(int(c) for c in candidates) or [first]:
            rule = self._rules[i]
            assert rule.lat is not None and rule.lon is not None
            metres = float(geodesic((lat, lon), (rule.lat, rule.lon)).meters)
            if best is None or metres < best[0]:
                best = (metres, i)
        assert best is not None
        metres, index = best
        if metres > max_m:
            return None
        rule = self._rules[index]
        return NearestStreet(
            rule.locality,
            rule.prefix,
            rule.street,
            rule.parity,
            rule.number_from,
            rule.number_to,
            rule.district_code,
            metres,
        )
