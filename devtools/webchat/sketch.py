"""The drawing of the sample districts: polygons and street points of the directory, no tiles.

Only the city's districts are drawn (districts.csv `gmina` "Konin", or every district when the
column is missing): the powiat's rural gminas would shrink the city to a dot. The page projects
them itself (longitude scaled by the cosine of the latitude), so that a click
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


# The town the web chat's residents and officers live in (the sample's DZ-05 and KP-01).
TOWN = "Konin"


def town_districts(directory: Path) -> set[str] | None:
    """Return the codes of the town's districts; None when districts.csv names no gminas."""
    with (directory / "districts.csv").open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if "gmina" not in (reader.fieldnames or ()):
            return None
        return {row["code"] for row in reader if (row.get("gmina") or "").strip() == TOWN}


def sketch(directory: Path) -> dict[str, Any]:
    """Return what the page draws: the town's districts and their street points."""
    codes = town_districts(directory)
    return {
        "districts": [d for d in districts(directory) if codes is None or d["code"] in codes],
        "streets": [s for s in streets(directory) if codes is None or s["district"] in codes],
    }
