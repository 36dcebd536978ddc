"""Find the district officer (dzielnicowy) for a typed address or a shared location, offline."""

from lookup.directory import (
    Directory,
    DistrictRecord,
    OfficerRecord,
    OfficerRole,
    Parity,
    PartnerRecord,
    Ring,
    StationRecord,
    StreetRuleRecord,
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
    "DistrictRecord",
    "Gazetteer",
    "MatchQuality",
    "NearestStreet",
    "OfficerRecord",
    "OfficerRole",
    "Parity",
    "PartnerRecord",
    "PointResult",
    "Ring",
    "StationRecord",
    "StreetLine",
    "StreetRuleRecord",
]
