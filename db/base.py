"""Declarative base with a constraint naming convention (stable names for migrations)."""

from __future__ import annotations

import enum
import functools
from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    DateTime,
    Enum,
    Integer,
    MetaData,
    String,
    TypeDecorator,
    event,
)
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import Connection, Dialect
from sqlalchemy.orm import DeclarativeBase, Mapper

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# SQLite only auto-increments INTEGER PRIMARY KEY; PostgreSQL gets 64-bit ids.
BigIntId = BigInteger().with_variant(Integer(), "sqlite")

# JSON documents: JSONB on PostgreSQL, JSON text elsewhere.
JsonDoc = JSON().with_variant(JSONB(), "postgresql")


def utcnow() -> datetime:
    """Return the current time as an aware UTC datetime."""
    return datetime.now(UTC)


class UtcDateTime(TypeDecorator[datetime]):
    """Store aware datetimes; SQLite returns naive values, which are UTC by construction."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UtcDateTime column")
        return value.astimezone(UTC)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if not isinstance(value, datetime):
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class Base(DeclarativeBase):
    """Base of every table."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UtcDateTime(),
        dict[str, Any]: JsonDoc,
    }


@event.listens_for(Base, "before_insert", propagate=True)
@event.listens_for(Base, "before_update", propagate=True)
def _fit_strings(mapper: Mapper[Any], connection: Connection, target: Any) -> None:
    """Cut every text to its column's length before it is written.

    SQLite stores any length, PostgreSQL refuses a too long VARCHAR and the whole transaction
    with it: a venue title of 10,000 characters (Telegram forwards what clients send) would make
    "Send" fail on every retry. Texts that reach a VARCHAR column are cut here, once, for all
    models; free text that must stay whole lives in TEXT columns.
    """
    for key, length in _string_lengths(mapper):
        value = getattr(target, key, None)
        if isinstance(value, str) and len(value) > length:
            setattr(target, key, value[:length])


def fitted(model: type[Base], values: dict[str, Any]) -> dict[str, Any]:
    """Cut a row's texts to its columns' lengths, as `_fit_strings` does for ORM objects.

    For rows inserted in bulk (`insert(Model)` with a list of dicts), which skip the mapper's
    events; returns `values`, changed in place.
    """
    for key, length in _string_lengths(sa_inspect(model)):
        value = values.get(key)
        if isinstance(value, str) and len(value) > length:
            values[key] = value[:length]
    return values


@functools.cache
def _string_lengths(mapper: Mapper[Any]) -> tuple[tuple[str, int], ...]:
    """The attributes of a model stored in VARCHAR columns of a set length, with the length."""
    found = []
    for prop in mapper.column_attrs:
        column = prop.columns[0]
        length = getattr(column.type, "length", None)
        if isinstance(column.type, String) and not isinstance(column.type, Enum) and length:
            found.append((prop.key, int(length)))
    return tuple(found)


def str_enum(cls: type[enum.StrEnum]) -> Enum:
    """Store a StrEnum by value in a VARCHAR: portable, and new values need no type migration."""
    return Enum(cls, native_enum=False, length=24, values_callable=lambda e: [m.value for m in e])
