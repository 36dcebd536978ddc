"""The tests' own SQLite copies (tests/databases.py): a reused engine never shares a database,
and a copy is as private as the bot's own file."""

from __future__ import annotations

import os
import stat

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.databases import migrated_sqlite_engine


async def _tables_named(engine: AsyncEngine, name: str) -> int:
    async with engine.connect() as conn:
        found = await conn.scalar(
            text("SELECT count(*) FROM sqlite_master WHERE name = :name"), {"name": name}
        )
    return int(found)


async def test_two_databases_of_one_template_in_one_test_are_two() -> None:
    async with migrated_sqlite_engine() as one, migrated_sqlite_engine() as two:
        assert one.url.database != two.url.database
        async with one.begin() as conn:
            await conn.execute(text("CREATE TABLE only_here (x INTEGER)"))
        assert await _tables_named(two, "only_here") == 0


async def test_the_next_test_gets_a_new_copy_on_the_same_engine() -> None:
    async with migrated_sqlite_engine() as first, first.begin() as conn:
        await conn.execute(text("CREATE TABLE left_behind (x INTEGER)"))
    async with migrated_sqlite_engine() as second:
        assert second is first  # the engine (and its compiled statements) is kept
        assert await _tables_named(second, "left_behind") == 0


async def test_a_copy_is_the_owners_only_as_the_bots_own_file() -> None:
    async with migrated_sqlite_engine() as engine:
        assert engine.url.database is not None
        assert stat.S_IMODE(os.stat(engine.url.database).st_mode) == 0o600
