"""A backup restores into the data it was taken from."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import delete, select
from sqlalchemy.engine import make_url

from db import migrate
from db.backup import backup, restore
from db.engine import create_engine, session_factory
from db.models import User


async def _users(url: str) -> list[str]:
    engine = create_engine(url)
    try:
        async with session_factory(engine)() as session:
            return list((await session.execute(select(User.external_id))).scalars())
    finally:
        await engine.dispose()


async def test_backup_then_restore_brings_back_the_data(database_url: str, tmp_path: Path) -> None:
    if make_url(database_url).get_backend_name() == "postgresql" and not shutil.which("pg_dump"):
        pytest.skip("pg_dump is not installed")
    engine = create_engine(database_url)
    await migrate.upgrade(engine)
    async with session_factory(engine)() as session:
        session.add(User(channel="telegram", external_id="1001", chat_id=1001, language="uk"))
        await session.commit()

    target = backup(database_url, tmp_path / "snapshot.backup")
    assert target.stat().st_size > 0

    # Lose the data after the backup, then restore.
    async with session_factory(engine)() as session:
        await session.execute(delete(User))
        await session.commit()
    await engine.dispose()
    assert await _users(database_url) == []

    restore(database_url, target)
    assert await _users(database_url) == ["1001"]
