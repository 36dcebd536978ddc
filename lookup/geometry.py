"""Find the district polygon under a point, with a spatial index."""

from __future__ import annotations

import logging
import math
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import shapely
from geopy.distance import geodesic
from shapely.geometry import MultiPolygon, Point, Polygon
from shapely.ops import nearest_points

from lookup.directory import Ring

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class PointMatch:
    """Which district a point falls in, or the nearest one and how far it is."""

    district_code: str | None
    inside: bool
    distance_m: float | None


def group_rings(rings: Sequence[Ring]) -> list[list[Ring]]:
    """Group rings into polygons: a ring inside the current outer ring is its hole."""
    groups: list[list[Ring]] = []
    outer: Polygon | None = None
    for ring in rings:
        shape = Polygon(ring) if len(ring) >= 4 else None
        if groups and outer is not None and shape is not None and outer.contains(shape):
            groups[-1].append(ring)
        else:
            groups.append([ring])
            outer = shape
    return groups


def to_shape(rings: Sequence[Ring]) -> Polygon | MultiPolygon:
    """Build a shapely (Multi)Polygon from a district's rings."""
    parts = [Polygon(group[0], group[1:]) for group in group_rings(rings)]
    return parts[0] if len(parts) == 1 else MultiPolygon(parts)


def polygon_problem(rings: Sequence[Ring]) -> str | None:
    """Explain why rings do not make a valid area, or return None."""
    for ring in rings:
        if len(ring) < 4 or ring[0] != ring[-1]:
            return "a ring needs at least 4 positions and must end where it starts"
        for lon, lat in ring:
            if not (-180 <= lon <= 180 and -90 <= lat <= 90):
                return f"position ({lon}, {lat}) is not [longitude, latitude]"
    shape = to_shape(rings)
    if not shape.is_valid:
        return f"invalid polygon: {shapely.is_valid_reason(shape)}"
    if shape.is_empty or shape.area == 0:
        return "the polygon has no area"
    return None


class PolygonIndex:
    """District polygons in an STRtree; answers which district covers a point."""

    def __init__(self, polygons: Mapping[str, Sequence[Ring]], tolerance_m: float = 25.0) -> None:
        """Index `polygons` (district code → rings); points within `tolerance_m` still match."""
        # Sorted codes make "smallest code wins" on shared borders a cheap min() over indices.
        self._codes = sorted(polygons)
        self._shapes: list[Any] = [to_shape(polygons[code]) for code in self._codes]
        self._tree = shapely.STRtree(self._shapes)
        self._tolerance_m = tolerance_m

    def __len__(self) -> int:
        return len(self._codes)

    def shape(self, code: str) -> Any:
        """Return the shapely geometry of district `code`, or None."""
        i = self._index_of(code)
        return None if i is None else self._shapes[i]

    def _index_of(self, code: str) -> int | None:
        i = bisect_left(self._codes, code)
        return i if i < len(self._codes) and self._codes[i] == code else None

    def locate(self, lat: float, lon: float) -> PointMatch:
        """Find the district covering (lat, lon); on a shared border the smallest code wins."""
        if not self._codes:
            return PointMatch(None, False, None)
        point = Point(lon, lat)
        hits = self._tree.query(point, predicate="intersects")
        if hits.size:
            # Codes are sorted, so the smallest index is the smallest code.
            first = int(hits[0]) if hits.size == 1 else int(hits.min())
            return PointMatch(self._codes[first], True, 0.0)
        # Nearest in degrees is not nearest on the ground (a degree of longitude is shorter),
        # so measure every polygon that could still be closer.
        first = int(self._tree.nearest(point))
        reach = shapely.distance(self._shapes[first], point) / max(math.cos(math.radians(lat)), 0.1)
        candidates = self._tree.query(point, predicate="dwithin", distance=reach * 1.001)
        best: tuple[float, int] | None = None
        for i in sorted(int(c) for c in candidates) or [first]:
            on_edge, _ = nearest_points(self._shapes[i], point)
            metres = float(geodesic((lat, lon), (on_edge.y, on_edge.x)).meters)
            if best is None or metres < best[0]:
                best = (metres, i)
        assert best is not None
        distance, nearest = best
        return PointMatch(self._codes[nearest], distance <= self._tolerance_m, distance)

    def districts_at(self, lat: float, lon: float) -> list[str]:
        """List every district whose polygon covers (lat, lon), in code order."""
        hits = self._tree.query(Point(lon, lat), predicate="intersects")
        return [self._codes[int(i)] for i in sorted(hits)]
