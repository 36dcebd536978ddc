"""What of a report's place may leave the police side: a coarsened point, the street alone.

"I see it too" compares a resident's pin with other residents' reports. With exact points and
distances, three pins were enough to locate an anonymous reporter's point to under a metre;
so the public side (duplicates, default exports, anonymised reports) only ever sees the centre
of the grid cell the point falls in, and a typed address without its house number.
"""

from __future__ import annotations

import math
import re

METRES_PER_DEGREE = 111_320.0
# " 12", " 12a", " 12/3", " 12 m. 4" at the end of the street part of "ul. Kolejowa 12, Konin".
_HOUSE_NUMBER = re.compile(r"\s+\d+\S*(\s+(m\.|lok\.)\s*\S+)?$", re.IGNORECASE)


def coarse_point(lat: float, lon: float, grid_m: float) -> tuple[float, float]:
    """Return the centre of the `grid_m`-metre cell that holds the point.

    Deterministic (the same point always gives the same centre), so comparing two coarse points
    says at most "in the same or a nearby cell", whatever the number of tries.
    """
    dlat = grid_m / METRES_PER_DEGREE
    cell_lat = (math.floor(lat / dlat) + 0.5) * dlat
    # Cells are as wide as they are tall at the cell's own latitude.
    dlon = grid_m / (METRES_PER_DEGREE * max(math.cos(math.radians(cell_lat)), 0.01))
    cell_lon = (math.floor(lon / dlon) + 0.5) * dlon
    return round(cell_lat, 6), round(cell_lon, 6)


def street_only(address: str | None) -> str | None:
    """Return a typed address without its house number: "ul. Kolejowa, Konin"."""
    if not address:
        return None
    street, sep, rest = address.partition(",")
    bare = _HOUSE_NUMBER.sub("", street.strip())
    return f"{bare}{sep}{rest}" if bare else (rest.strip() or None)


def metres_between(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Return the distance between two points, flat-earth (enough within a city)."""
    mean_lat = math.radians((a[0] + b[0]) / 2)
    dy = (a[0] - b[0]) * METRES_PER_DEGREE
    dx = (a[1] - b[1]) * METRES_PER_DEGREE * math.cos(mean_lat)
    return math.hypot(dx, dy)
