"""Find the district officer (dzielnicowy) for a typed address or a shared location, offline."""

from lookup.directory import (
    Directory,
    District,
    Officer,
    OfficerRole,
    Parity,
    Partner,
    Ring,
    Station,
    StreetRule,
)
from lookup.gazetteer import (
    AddressResult,
    Alternative,
    Gazetteer,
    MatchQuality,
    PointResult,
    StreetLine,
)
from lookup.nearby import NearestStreet

__all__ = [
    "AddressResult",
    "Alternative",
    "Directory",
    "District",
    "Gazetteer",
    "MatchQuality",
    "NearestStreet",
    "Officer",
    "OfficerRole",
    "Parity",
    "Partner",
    "PointResult",
    "Ring",
    "Station",
    "StreetLine",
    "StreetRule",
]
