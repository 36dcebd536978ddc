"""Name a shared pin the way people name places: the nearest street of the directory, offline.

The directory gives each street rule (a street and a house-number range) a representative
point. The street rule whose point lies nearest to a pin names it: "ul. Kolejowa 1–41
(nieparzyste), about 120 m away". Residents read it back in their summary, officers in their
alerts and lists, and staff in the export, all from the same answer.
"""

from __future__ import annotations

import math
from array import array
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass

from geopy.distance import geodesic

from lookup.directory import Parity, StreetRuleRecord
from lookup.street_rules import StreetRules

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


# The grid's cells are this many degrees on a side: about 2 km by 1.4 km in Poland, a few
# cells around a pin cover the street points within NEAREST_STREET_MAX_M of it.
CELL_DEGREES = 0.02
# Metres per degree of latitude, rounded down (110.57 km at the equator): an overestimate of
# the degrees a distance in metres can span.
_METRES_PER_DEGREE = 110_000.0
# Cells are numbered row * _ROW + column (rows of latitude, columns of longitude).
_ROW = 1 << 20


class StreetPoints:
    """The street rules that have a point, on a grid, for "which street is this pin near".

    The points are numbers in arrays, ordered by grid cell, instead of a shapely point each in
    an STRtree: 300,000 shapely points took 16 MB of Python objects (tracemalloc), and the GEOS
    geometries under them besides, for what is two floats per rule. The answer is the STRtree's: the
    point nearest in degrees sets the reach, and of the points within it the one nearest on the
    ground wins (ties: the rule that comes first).
    """

    def __init__(
        self, rules: Iterable[StreetRuleRecord], order: Iterable[int] | None = None
    ) -> None:
        """Index the rules that name a street and carry a point (others cannot name a pin).

        `rules` may be a StreetRules table and `order` the positions in it to index, in order.
        """
        table = rules if isinstance(rules, StreetRules) else StreetRules(rules)
        positions = range(len(table)) if order is None else order
        self._table = table
        self._rules = array("I", (i for i in positions if table.street(i) and table.point(i)))
        cells = array("q")
        # The rows and columns of cells that hold points: no search goes beyond them.
        low_row = low_column = math.inf
        high_row = high_column = -math.inf
        for i in self._rules:
            lat, lon = self._point(i)
            row, column = math.floor(lat / CELL_DEGREES), math.floor(lon / CELL_DEGREES)
            cells.append(row * _ROW + column)
            low_row, high_row = min(low_row, row), max(high_row, row)
            low_column, high_column = min(low_column, column), max(high_column, column)
        self._extent = (
            (int(low_row), int(high_row), int(low_column), int(high_column))
            if cells
            else (0, 0, 0, 0)
        )
        ranked = sorted(range(len(self._rules)), key=cells.__getitem__)
        # Entries of `_rules` by cell: `_cells` holds each entry's cell, in order, for bisect.
        self._by_cell = array("I", ranked)
        self._cells = array("q", (cells[k] for k in ranked))

    def __len__(self) -> int:
        return len(self._rules)

    def _point(self, i: int) -> tuple[float, float]:
        point = self._table.point(i)
        assert point is not None
        return point

    def _entries_in(self, row: int, column: int) -> array[int]:
        """Return the entries of `_rules` (ascending) whose points lie in one cell."""
        cell = row * _ROW + column
        start = bisect_left(self._cells, cell)
        end = start
        cells = self._cells
        while end < len(cells) and cells[end] == cell:
            end += 1
        return self._by_cell[start:end]

    def _within(self, lat: float, lon: float, reach: float) -> list[int]:
        """Return the entries whose points lie within `reach` degrees of (lat, lon), ascending."""
        row, column = math.floor(lat / CELL_DEGREES), math.floor(lon / CELL_DEGREES)
        rings = math.ceil(reach / CELL_DEGREES)
        low_row, high_row, low_column, high_column = self._extent
        found = []
        for r in range(max(row - rings, low_row), min(row + rings, high_row) + 1):
            for c in range(max(column - rings, low_column), min(column + rings, high_column) + 1):
                for k in self._entries_in(r, c):
                    plat, plon = self._point(self._rules[k])
                    if math.hypot(plon - lon, plat - lat) <= reach:
                        found.append(k)
        found.sort()
        return found

    def _nearest_in_degrees(self, lat: float, lon: float, limit: float) -> float | None:
        """Return the distance in degrees to the nearest point, None if none is within `limit`."""
        row, column = math.floor(lat / CELL_DEGREES), math.floor(lon / CELL_DEGREES)
        low_row, high_row, low_column, high_column = self._extent
        best: float | None = None
        ring = 0
        # Points outside the rings searched so far (0 to ring - 1) are at least
        # `(ring - 1) * CELL_DEGREES` away: the pin may lie on its cell's edge.
        while (
            (best is None or best > (ring - 1) * CELL_DEGREES)
            and (ring - 1) * CELL_DEGREES <= limit
            # Once the rings cover every cell that holds a point, there is nothing more.
            and not (
                row - ring < low_row
                and row + ring > high_row
                and column - ring < low_column
                and column + ring > high_column
            )
        ):
            for r in range(max(row - ring, low_row), min(row + ring, high_row) + 1):
                edge = r in (row - ring, row + ring)
                if edge:
                    columns = range(
                        max(column - ring, low_column), min(column + ring, high_column) + 1
                    )
                else:
                    columns = range(column - ring, column + ring + 1, max(2 * ring, 1))
                for c in columns:
                    for k in self._entries_in(r, c):
                        plat, plon = self._point(self._rules[k])
                        degrees = math.hypot(plon - lon, plat - lat)
                        if best is None or degrees < best:
                            best = degrees
            ring += 1
        return best if best is not None and best <= limit else None

    def nearest(
        self, lat: float, lon: float, max_m: float = NEAREST_STREET_MAX_M
    ) -> NearestStreet | None:
        """Return the street rule whose point is nearest to (lat, lon), if within `max_m`."""
        if not self._rules:
            return None
        cos_lat = max(math.cos(math.radians(lat)), 0.1)
        # A point within `max_m` on the ground is within this many degrees (twice over, for the
        # ellipsoid and the latitudes between): beyond it, none can be near enough.
        limit = 2 * max_m / _METRES_PER_DEGREE / cos_lat
        first = self._nearest_in_degrees(lat, lon, limit)
        if first is None:
            return None
        # Nearest in degrees is not nearest on the ground (a degree of longitude is shorter):
        # every point closer on the ground lies within this many degrees, so measure them all.
        reach = first / cos_lat * 1.001
        best: tuple[float, int] | None = None
        for k in self._within(lat, lon, reach):
            metres = float(geodesic((lat, lon), self._point(self._rules[k])).meters)
            if best is None or metres < best[0]:
                best = (metres, k)
        assert best is not None
        metres, entry = best
        if metres > max_m:
            return None
        i, table = self._rules[entry], self._table
        return NearestStreet(
            table.locality(i),
            table.prefix(i),
            table.street(i),
            table.parity(i),
            table.number_from(i),
            table.number_to(i),
            table.district_code(i),
            metres,
        )
