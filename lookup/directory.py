"""Plain records of the police directory: stations, districts, officers, street rules, partners.

Each is named `...Record` (as is `lookup.landmarks.LandmarkRecord`): the database keeps the same
things as rows of its own (`db/models/directory.py`: `District`, `Officer`, ...), and the import
and the queries (`db/repositories/directory_import.py`, `directory_queries.py`) turn one into
the other, so the two must never be mistaken for each other.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # landmarks → normalize → house_numbers import this module: only a type here.
    from lookup.landmarks import LandmarkRecord

# A closed ring of (lon, lat) pairs, in GeoJSON order.
Ring = tuple[tuple[float, float], ...]


class Parity(StrEnum):
    """Which house numbers of a street a rule covers."""

    ALL = "all"
    ODD = "odd"
    EVEN = "even"


@dataclass(frozen=True, slots=True)
class StationRecord:
    """A police station (komenda, komisariat, posterunek) residents can visit."""

    code: str
    name: str
    address: str
    phone: str
    email: str
    opening_hours: str
    lat: float | None
    lon: float | None


@dataclass(frozen=True, slots=True)
class DistrictRecord:
    """A rejon służbowy: the area one or more dzielnicowi look after.

    `polygon` lists rings in order: a ring inside the preceding outer ring is a hole, any
    other ring starts a new part (so GeoJSON Polygons and MultiPolygons both fit).
    """

    code: str
    name: str
    station_code: str
    polygon: tuple[Ring, ...] | None
    sample: bool
    # The gmina it lies in (districts.csv `gmina`, optional): its reports may go to its partners.
    gmina: str = ""


class OfficerRole(StrEnum):
    """What an officer does in the bot: officers.csv `role` (Polish or English words).

    The one definition: the database's `officers.role` (`db/models/directory.py`) stores it too.
    """

    # Dzielnicowy: the reports of their districts.
    OFFICER = "officer"
    # Koordynator: every report of the station, escalations, the digest, blocks, duty groups.
    COORDINATOR = "coordinator"
    # Dyżurny: every report of the station, and what no district officer can receive.
    DUTY = "duty"


# The words officers.csv accepts for each role; the first is the one written.
ROLE_WORDS: dict[OfficerRole, tuple[str, ...]] = {
    OfficerRole.OFFICER: ("dzielnicowy", "officer", ""),
    OfficerRole.COORDINATOR: ("koordynator", "coordinator"),
    OfficerRole.DUTY: ("dyżurny", "dyzurny", "duty", "duty_officer"),
}


def parse_role(text: str) -> OfficerRole | None:
    """Read a role as staff write it ("koordynator", "dyżurny", "coordinator"); None if unknown."""
    word = text.strip().lower()
    for role, words in ROLE_WORDS.items():
        if word in words:
            return role
    return None


@dataclass(frozen=True, slots=True)
class OfficerRecord:
    """A dzielnicowy (or their deputy), coordinator or duty officer, and the districts they serve.

    `role` None: the file had no role column, so an import keeps the role the database has.
    """

    code: str
    rank: str
    first_name: str
    last_name: str
    phone: str
    email: str
    station_code: str
    district_codes: tuple[str, ...]
    active: bool
    role: OfficerRole | None = None
    # Office hours / duty times (office_hours.csv; lookup/office_hours.py), "" for none.
    office_hours: str = ""


@dataclass(frozen=True, slots=True)
class StreetRuleRecord:
    """One line of a published district: a street (or whole locality) and a number range.

    An empty `street` covers the whole locality. `number_from`/`number_to` are inclusive;
    None means "from the first" / "to the end". The point is a representative location.
    """

    locality: str
    prefix: str
    street: str
    parity: Parity
    number_from: int | None
    number_to: int | None
    district_code: str
    lat: float | None = None
    lon: float | None = None
    # Other names residents use: old names ("22 Lipca"), full names ("Aleje 1 Maja").
    aliases: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        # "up to 40" and "1-40" are the same range; one spelling keeps equality honest.
        if self.number_from is None and self.number_to is not None:
            object.__setattr__(self, "number_from", 1)

    def covers(self, number: int) -> bool:
        """Tell whether the rule covers house number `number`."""
        if self.parity is Parity.ODD and number % 2 == 0:
            return False
        if self.parity is Parity.EVEN and number % 2 == 1:
            return False
        if self.number_from is not None and number < self.number_from:
            return False
        return self.number_to is None or number <= self.number_to

    @property
    def whole_street(self) -> bool:
        """Tell whether the rule covers every number of its street."""
        return self.parity is Parity.ALL and self.number_from is None and self.number_to is None


# partners.csv `gmina` value of a partner serving every gmina (e.g. the powiat road authority).
EVERY_GMINA = "*"


@dataclass(frozen=True, slots=True)
class PartnerRecord:
    """An institution officers may forward reports to (partners.csv), in one gmina or all."""

    code: str
    name: str
    kind: str
    gmina: str
    contact: str = ""

    def serves(self, gmina: str | None) -> bool:
        """Tell whether the partner acts in a gmina (case and spacing do not matter)."""
        if self.gmina == EVERY_GMINA:
            return True
        return bool(gmina) and _fold(self.gmina) == _fold(gmina or "")


def _fold(name: str) -> str:
    return " ".join(name.lower().split())


@dataclass(frozen=True, slots=True)
class Directory:
    """Everything the police publish about districts, as read from the exchange files."""

    stations: tuple[StationRecord, ...] = ()
    districts: tuple[DistrictRecord, ...] = ()
    officers: tuple[OfficerRecord, ...] = ()
    # A tuple, or a `lookup.street_rules.StreetRules` (columns) as the database's are loaded.
    rules: Sequence[StreetRuleRecord] = field(default=())
    partners: tuple[PartnerRecord, ...] = ()
    # places.csv: stops, parks, bridges... residents name instead of an address.
    places: tuple[LandmarkRecord, ...] = ()
