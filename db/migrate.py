"""Apply Alembic migrations programmatically, under a lock so processes never race."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine

if TYPE_CHECKING:
    from alembic.config import Config as AlembicConfig

# Alembic is imported only where a migration runs or is inspected: commands that only read
# (lookup, officers list) check the revision with one query and start half a second sooner.

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
# Any constant works; all processes of this bot must use the same one.
ADVISORY_LOCK_KEY = 7_306_505_201


def alembic_config() -> AlembicConfig:
    """Build the Alembic configuration without an alembic.ini."""
    from alembic.config import Config as AlembicConfig

    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str | None:
    """Return the newest migration's revision id."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def _run(connection: Connection, action: str, revision: str) -> None:
    from alembic import command

    cfg = alembic_config()
    cfg.attributes["connection"] = connection
    if action == "upgrade":
        command.upgrade(cfg, revision)
    else:
        command.downgrade(cfg, revision)


async def _locked(engine: AsyncEngine, action: str, revision: str) -> None:
    async with engine.connect() as conn:
        postgres = conn.dialect.name == "postgresql"
        if postgres:
            # Session-level lock: a second process waits here until the first has migrated.
            await conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": ADVISORY_LOCK_KEY})
            await conn.commit()
        try:
            await conn.run_sync(_run, action, revision)
            await conn.commit()
        finally:
            if postgres:
                await conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": ADVISORY_LOCK_KEY})
                await conn.commit()


async def upgrade(engine: AsyncEngine, revision: str = "head") -> None:
    """Upgrade the schema to a revision (default: the newest)."""
    await _locked(engine, "upgrade", revision)


async def downgrade(engine: AsyncEngine, revision: str) -> None:
    """Downgrade the schema to a revision ("base" removes every table)."""
    await _locked(engine, "downgrade", revision)


async def current_revision(engine: AsyncEngine) -> str | None:
    """Return the schema's current revision, None for an empty database."""
    from alembic.runtime.migration import MigrationContext

    async with engine.connect() as conn:
        return await conn.run_sync(
            lambda sync: MigrationContext.configure(sync).get_current_revision()
        )


# Migration files are named after their revision id: 0011_what_it_does.py is revision "0011".
_REVISION_FILE = re.compile(r"^(\d{4})_.*\.py$")


def newest_file_revision() -> str | None:
    """Return the newest revision id by the migration files' names (no Alembic import)."""
    found = [
        match.group(1)
        for path in (MIGRATIONS_DIR / "versions").iterdir()
        if (match := _REVISION_FILE.match(path.name))
    ]
    return max(found, default=None)


async def is_current(engine: AsyncEngine) -> bool:
    """Tell whether the schema is at the newest revision, with one query and no migration."""
    try:
        async with engine.connect() as conn:
            found = (await conn.execute(text("SELECT version_num FROM alembic_version"))).all()
    except DBAPIError:
        return False  # no alembic_version table: an empty database
    return [row[0] for row in found] == [newest_file_revision()]
