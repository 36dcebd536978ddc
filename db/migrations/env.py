"""Alembic environment: runs on the connection db.migrate hands over (already locked)."""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

import db.models  # noqa: F401 - registers every table on Base.metadata
from db.base import Base

target_metadata = Base.metadata


def _include_object(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    # Autogenerate may be limited to some tables, so that each issue's migration adds its own.
    tables = context.config.attributes.get("include_tables")
    if tables is None or type_ != "table":
        return True
    return name in tables or reflected


def run_migrations(connection: Connection) -> None:
    """Run the migrations on a synchronous connection given through config attributes."""
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        # SQLite cannot ALTER most things: batch mode recreates tables where needed.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        include_object=_include_object,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through `python -m bot db ...` (db.migrate), not alembic")
run_migrations(connection)
