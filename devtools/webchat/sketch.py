"""The drawing of the sample districts: polygons and street points of the directory, no tiles.

The page projects them itself (longitude scaled by the cosine of the latitude), so that a click
turns back into coordinates; this module only reads the directory's files.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any


def districts(directory: Path) -> list[dict[str, Any]]:
    """Return each district's code, name and outer rings as [lon, lat] points."""
    collection = json.loads((directory / "districts.geojson").read_text(encoding="utf-8"))
    shapes = []
    for feature in collection.get("features", []):
        geometry = feature.get("geometry") or {}
        polygons = (
            [geometry["coordinates"]]
            if geometry.get("type") == "Polygon"
            else geometry.get("coordinates", [])
            if geometry.get("type") == "MultiPolygon"
            else []
        )
        properties = feature.get("properties") or {}
        shapes.append(
            {
                "code": str(properties.get("code", "")),
                "name": str(properties.get("name", "")),
                "rings": [polygon[0] for polygon in polygons if polygon],
            }
        )
    return shapes


def streets(directory: Path) -> list[dict[str, Any]]:
    """Return each street point: its name as the directory writes it, and where it is."""
    points = []
    with (directory / "streets.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            try:
                lat, lon = float(row["lat"]), float(row["lon"])
            except (KeyError, TypeError, ValueError):
                continue
            name = " ".join(part for part in (row.get("prefix"), row.get("street")) if part)
            points.append({"name": name, "lat": lat, "lon": lon, "district": row["district_code"]})
    return points


def sketch(directory: Path) -> dict[str, Any]:
    """Return what the page draws."""
    return {"districts": districts(directory), "streets": streets(directory)}
