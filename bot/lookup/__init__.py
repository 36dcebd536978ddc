"""Find the district officer (dzielnicowy) for a typed address or a shared location, offline."""

from bot.lookup.directory import (
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
from bot.lookup.gazetteer import (
    AddressResult,
    Alternative,
    Gazetteer,
    MatchQuality,
    PointResult,
    StreetLine,
)
from bot.lookup.nearby import NearestStreet

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
