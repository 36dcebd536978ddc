"""Read-only commands tell whether the schema is current with one query, without Alembic."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncEngine

from db import migrate
from db.engine import create_engine


def test_migration_files_are_named_after_their_revision() -> None:
    # is_current() finds the newest revision by file name: it must be Alembic's head.
    assert migrate.newest_file_revision() == migrate.head_revision()


async def test_a_migrated_database_is_current_and_an_empty_one_is_not(
    sqlite_engine: AsyncEngine, tmp_path: Path
) -> None:
    assert await migrate.is_current(sqlite_engine)
    empty = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'empty.sqlite3'}")
    try:
        assert not await migrate.is_current(empty)
        await migrate.upgrade(empty, "0001")
        assert not await migrate.is_current(empty)
    finally:
        await empty.dispose()
