"""Reading the district directory from the database: for the lookup, the export and the cards.

`load_directory` gives the lookup (and `data export`) the active directory as plain records;
the rest answer single questions (an officer's contact, a district's card, the street rules left
with deactivated districts). Writing the directory is `directory_import.py`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from db.models.directory import (
    District,
    Landmark,
    Officer,
    Station,
    StreetRule,
    officer_districts,
)
from db.models.partners import Partner
from lookup import directory as lookup
from lookup.landmarks import LandmarkKind, LandmarkRecord
from lookup.street_rules import StreetRules


@dataclass(frozen=True)
class OfficerContact:
    """What a contact card shows of an active officer."""

    code: str
    rank: str
    first_name: str
    last_name: str
    phone: str
    email: str | None
    station_name: str
    # Serves a district of the synthetic sample: shown as SAMPLE wherever it appears.
    sample: bool
    # Office hours / duty times as the directory writes them (lookup/office_hours.py).
    office_hours: str | None = None


@dataclass(frozen=True)
class InactiveStreet:
    """A street rule of a deactivated district, and whether an active district covers it."""

    locality: str
    prefix: str
    street: str
    district_code: str


async def has_districts(session: AsyncSession) -> bool:
    """Tell whether any district (active or not) was ever imported."""
    count = await session.scalar(select(func.count()).select_from(District))
    return bool(count)


# ---- GeoJSON boundaries ---------------------------------------------------------------------


def rings_of(geometry: dict[str, Any] | None) -> tuple[lookup.Ring, ...] | None:
    """Turn a stored GeoJSON geometry back into rings (the form lookup.DistrictRecord holds)."""
    if not geometry:
        return None
    polygons = geometry["coordinates"]
    if geometry["type"] == "Polygon":
        polygons = [polygons]
    return tuple(
        tuple((float(p[0]), float(p[1])) for p in ring) for polygon in polygons for ring in polygon
    )


# ---- loading --------------------------------------------------------------------------------


async def load_directory(session: AsyncSession) -> lookup.Directory:
    """Load the active directory: what the lookup serves and what `data export` writes.

    Officers of active stations are all included, with their `active` flag (the gazetteer only
    serves active ones), so an export lists deactivated officers as `active = nie`.
    """
    stations = list(
        await session.scalars(select(Station).where(Station.active).order_by(Station.id))
    )
    station_codes = {s.id: s.code for s in stations}
    districts = list(
        await session.scalars(
            select(District)
            .where(District.active, District.station_id.in_(station_codes))
            .order_by(District.id)
        )
    )
    district_codes = {d.id: d.code for d in districts}
    officers = list(
        await session.scalars(
            select(Officer)
            .where(Officer.station_id.in_(station_codes))
            .options(selectinload(Officer.districts))
            .order_by(Officer.id)
        )
    )
    rules = await _load_rules(session, district_codes)
    landmarks = list(await session.scalars(select(Landmark).order_by(Landmark.id)))
    return lookup.Directory(
        places=tuple(
            LandmarkRecord(
                m.name, LandmarkKind(m.kind), m.lat, m.lon,
                # A deactivated district leaves the landmark to the polygons.
                district_codes.get(m.district_id, "") if m.district_id is not None else "",
                tuple(m.aliases or ()), tuple(m.streets or ()), m.approximate,
            )
            for m in landmarks
        ),
        stations=tuple(
            lookup.StationRecord(
                s.code, s.name, s.address, s.phone, s.email or "", s.opening_hours or "",
                s.lat, s.lon,
            )
            for s in stations
        ),
        districts=tuple(
            lookup.DistrictRecord(
                d.code, d.name, station_codes[d.station_id], rings_of(d.boundary), d.sample,
                d.gmina or "",
            )
            for d in districts
        ),
        officers=tuple(
            lookup.OfficerRecord(
                o.code, o.rank, o.first_name, o.last_name, o.phone, o.email or "",
                station_codes[o.station_id],
                tuple(sorted(d.code for d in o.districts if d.id in district_codes)),
                o.active, o.role, o.office_hours or "",
            )
            for o in officers
        ),
        rules=rules,
        partners=tuple(
            lookup.PartnerRecord(p.code, p.name, p.kind, p.gmina, p.contact or "")
            for p in await session.scalars(
                select(Partner).where(Partner.active).order_by(Partner.id)
            )
        ),
    )  # fmt: skip


# Rules read per statement: not a national directory's 300,000 rows alive at once, each with
# a fresh string for its town, prefix and street, at the peak of the bot's start (memory the
# allocator keeps once it has it); the columns share those strings.
RULES_PAGE = 20_000


async def _load_rules(session: AsyncSession, district_codes: dict[int, str]) -> StreetRules:
    """Read the street rules of the given districts into columns, page by page, in id order.

    Plain rows, not ORM objects: as objects in the session they took about 150 MB more at the
    peak of the bot's start (docs/benchmarks.md, "Memory with a national directory").
    """
    rules = StreetRules()
    after: int | None = None
    while True:
        wanted: list[ColumnElement[bool]] = [StreetRule.district_id.in_(district_codes)]
        if after is not None:
            wanted.append(StreetRule.id > after)
        rows = (
            await session.execute(
                select(
                    StreetRule.id, StreetRule.locality, StreetRule.prefix, StreetRule.street,
                    StreetRule.parity, StreetRule.number_from, StreetRule.number_to,
                    StreetRule.district_id, StreetRule.lat, StreetRule.lon, StreetRule.aliases,
                )
                .where(*wanted)
                .order_by(StreetRule.id)
                .limit(RULES_PAGE)
            )
        ).all()  # fmt: skip
        for (
            _, locality, prefix, street, parity, number_from, number_to, district_id, lat, lon,
            aliases,
        ) in rows:  # fmt: skip
            rules.append(
                locality, prefix, street, lookup.Parity(parity), number_from, number_to,
                district_codes[district_id], lat, lon, tuple(aliases or ()),
            )  # fmt: skip
        if len(rows) < RULES_PAGE:
            return rules
        after = rows[-1][0]


async def inactive_district_streets(session: AsyncSession) -> list[InactiveStreet]:
    """List the street rules kept with deactivated districts (for "streets without a district")."""
    rows = await session.execute(
        select(StreetRule.locality, StreetRule.prefix, StreetRule.street, District.code)
        .join(District, StreetRule.district_id == District.id)
        .where(~District.active)
        .order_by(StreetRule.id)
    )
    return [InactiveStreet(*row) for row in rows]


async def officer_contact(session: AsyncSession, code: str) -> OfficerContact | None:
    """Return what a contact card shows of an active officer, or None."""
    row = (
        await session.execute(
            select(Officer, Station.name)
            .join(Station, Officer.station_id == Station.id)
            .where(Officer.code == code, Officer.active)
        )
    ).first()
    if row is None:
        return None
    officer, station_name = row
    sample = await session.scalar(
        select(func.count())
        .select_from(officer_districts)
        .join(District, officer_districts.c.district_id == District.id)
        .where(officer_districts.c.officer_id == officer.id, District.sample)
    )
    return OfficerContact(
        officer.code,
        officer.rank,
        officer.first_name,
        officer.last_name,
        officer.phone,
        officer.email,
        station_name,
        bool(sample),
    )


async def is_active_officer(session: AsyncSession, code: str) -> bool:
    """Tell whether an officer with this code is active."""
    found = await session.scalar(select(Officer.id).where(Officer.code == code, Officer.active))
    return found is not None


@dataclass(frozen=True)
class StationCard:
    """What a card shows of a police station."""

    code: str
    name: str
    address: str
    phone: str
    email: str | None
    opening_hours: str | None


@dataclass(frozen=True)
class DistrictCard:
    """An active district with its station and active officers, as the officer's card shows it."""

    code: str
    name: str
    sample: bool
    station: StationCard
    officers: tuple[OfficerContact, ...]


async def district_card(session: AsyncSession, code: str) -> DistrictCard | None:
    """Return an active district's card data (officers by name), or None."""
    row = (
        await session.execute(
            select(District, Station)
            .join(Station, District.station_id == Station.id)
            .where(District.code == code, District.active)
        )
    ).first()
    if row is None:
        return None
    district, station = row
    officers = await session.scalars(
        select(Officer)
        .join(officer_districts, officer_districts.c.officer_id == Officer.id)
        .where(officer_districts.c.district_id == district.id, Officer.active)
        .order_by(Officer.last_name, Officer.first_name, Officer.code)
    )
    return DistrictCard(
        district.code,
        district.name,
        district.sample,
        StationCard(
            station.code,
            station.name,
            station.address,
            station.phone,
            station.email,
            station.opening_hours,
        ),
        tuple(
            OfficerContact(
                o.code, o.rank, o.first_name, o.last_name, o.phone, o.email, station.name,
                district.sample, o.office_hours,
            )
            for o in officers
        ),
    )  # fmt: skip
