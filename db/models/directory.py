"""The district directory as the police publish it: stations, districts, officers, streets."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    ColumnElement,
    Float,
    ForeignKey,
    Index,
    String,
    Table,
    UniqueConstraint,
)
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Base, BigIntId, JsonDoc, str_enum, utcnow
from lookup.directory import OfficerRole

officer_districts = Table(
    "officer_districts",
    Base.metadata,
    Column("officer_id", ForeignKey("officers.id", ondelete="CASCADE"), primary_key=True),
    Column("district_id", ForeignKey("districts.id", ondelete="CASCADE"), primary_key=True),
)


class Station(Base):
    """A police station (komenda, komisariat, posterunek)."""

    __tablename__ = "stations"

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    address: Mapped[str] = mapped_column(String(300))
    phone: Mapped[str] = mapped_column(String(32))
    email: Mapped[str | None] = mapped_column(String(200))
    opening_hours: Mapped[str | None] = mapped_column(String(200))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    # A re-import that no longer lists the station deactivates it (history keeps pointing to it).
    active: Mapped[bool] = mapped_column(default=True)


class District(Base):
    """A rejon służbowy: the area of one or more dzielnicowi."""

    __tablename__ = "districts"

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    station_id: Mapped[int] = mapped_column(ForeignKey("stations.id"))
    # GeoJSON geometry (Polygon or MultiPolygon), optional: streets alone can define a district.
    boundary: Mapped[dict[str, Any] | None]
    # Synthetic sample data is labelled wherever it shows.
    sample: Mapped[bool] = mapped_column(default=False)
    active: Mapped[bool] = mapped_column(default=True)
    # The gmina the district lies in (districts.csv `gmina`): which partners its reports may go to.
    gmina: Mapped[str | None] = mapped_column(String(100))

    station: Mapped[Station] = relationship(lazy="raise")


# Roles that see and act on every report of their station.
STATION_WIDE_ROLES = frozenset({OfficerRole.COORDINATOR, OfficerRole.DUTY})


class Officer(Base):
    """A dzielnicowy, coordinator or duty officer, with the Telegram account linked by invite."""

    __tablename__ = "officers"

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    rank: Mapped[str] = mapped_column(String(64))
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    phone: Mapped[str] = mapped_column(String(32))
    email: Mapped[str | None] = mapped_column(String(200))
    station_id: Mapped[int] = mapped_column(ForeignKey("stations.id"))
    role: Mapped[OfficerRole] = mapped_column(str_enum(OfficerRole), default=OfficerRole.OFFICER)
    active: Mapped[bool] = mapped_column(default=True)
    # Set only by redeeming an invite; never self-declared.
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), unique=True
    )
    linked_at: Mapped[datetime | None]
    # Quiet hours in the [bot] timezone, as minutes after midnight (from may be after to: the
    # span crosses midnight); alerts then arrive without sound. None = no quiet hours.
    quiet_from: Mapped[int | None]
    quiet_to: Mapped[int | None]
    # Office hours / duty times from the directory (officers.csv `office_hours`), e.g.
    # "wt 16:00-17:00 Posterunek Gosławice; czw 9:00-10:00": the card shows the next ones.
    office_hours: Mapped[str | None] = mapped_column(String(200))

    districts: Mapped[list[District]] = relationship(secondary=officer_districts, lazy="raise")

    @hybrid_property
    def coordinator(self) -> bool:
        """Tell whether the officer coordinates the station (also usable in queries)."""
        return self.role == OfficerRole.COORDINATOR

    @coordinator.inplace.setter
    def _coordinator_setter(self, value: bool) -> None:
        self.role = OfficerRole.COORDINATOR if value else OfficerRole.OFFICER

    @coordinator.inplace.expression
    @classmethod
    def _coordinator_expression(cls) -> ColumnElement[bool]:
        return cls.role == OfficerRole.COORDINATOR

    @hybrid_property
    def station_wide(self) -> bool:
        """Tell whether the officer sees and acts on every report of the station."""
        return self.role in STATION_WIDE_ROLES

    @station_wide.inplace.expression
    @classmethod
    def _station_wide_expression(cls) -> ColumnElement[bool]:
        return cls.role.in_(list(STATION_WIDE_ROLES))


class StreetRule(Base):
    """One line of a district's published street list: a street (part) or a whole locality."""

    __tablename__ = "street_rules"
    __table_args__ = (Index("ix_street_rules_street", "locality", "street"),)

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    district_id: Mapped[int] = mapped_column(ForeignKey("districts.id", ondelete="CASCADE"))
    locality: Mapped[str] = mapped_column(String(100))
    # ul., al., pl., os., rondo; empty for a whole-locality rule.
    prefix: Mapped[str] = mapped_column(String(16), default="")
    # Empty = the whole locality.
    street: Mapped[str] = mapped_column(String(200), default="")
    # all / odd / even
    parity: Mapped[str] = mapped_column(String(8), default="all")
    number_from: Mapped[int | None]
    number_to: Mapped[int | None]
    # Representative point, so a typed address gets approximate coordinates.
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    # Other names residents use for the street: old names ("22 Lipca"), full names.
    aliases: Mapped[list[str]] = mapped_column(JsonDoc, default=list)


class Landmark(Base):
    """A place residents name instead of an address (places.csv): a stop, park, bridge..."""

    __tablename__ = "landmarks"
    __table_args__ = (UniqueConstraint("name", "kind"),)

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    # lookup.landmarks.LandmarkKind: stop, station, park, bridge, hospital, ...
    kind: Mapped[str] = mapped_column(String(16))
    aliases: Mapped[list[str]] = mapped_column(JsonDoc, default=list)
    # The streets it stands on; for a crossing or roundabout, the streets that meet there.
    streets: Mapped[list[str]] = mapped_column(JsonDoc, default=list)
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)
    # None: the district polygons decide where it lies.
    district_id: Mapped[int | None] = mapped_column(ForeignKey("districts.id", ondelete="SET NULL"))
    # The point is an estimate (the sample's are).
    approximate: Mapped[bool] = mapped_column(default=False)


class StationChat(Base):
    """A station's duty group, registered by a coordinator with a startgroup invite."""

    __tablename__ = "station_chats"
    __table_args__ = (UniqueConstraint("station_id", "chat_id"),)

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    station_id: Mapped[int] = mapped_column(ForeignKey("stations.id", ondelete="CASCADE"))
    chat_id: Mapped[int] = mapped_column(BigInteger)
    title: Mapped[str | None] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
