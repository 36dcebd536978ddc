"""Files holding residents' data are readable by their owner only (0600), whatever the umask.

Attack: another account on the server (or a backup agent running as someone else) reads the
SQLite database, a backup or an export, which a umask of 022 or 000 would leave world-readable.
"""

from __future__ import annotations

import os
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from db import migrate
from db.backup import backup, restore
from db.engine import create_engine
from tests.program import RunCommand


def mode(path: Path) -> int:
    """Return the permission bits of a file."""
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def careless_umask() -> Iterator[None]:
    """Run the test with umask 000: every file would be created 0666 without our care."""
    previous = os.umask(0)
    try:
        yield
    finally:
        os.umask(previous)


async def test_the_sqlite_database_and_its_companions_are_created_0600(
    tmp_path: Path, careless_umask: None
) -> None:
    db_file = tmp_path / "var" / "bot.sqlite3"
    engine = create_engine(f"sqlite+aiosqlite:///{db_file}")
    try:
        await migrate.upgrade(engine)
        async with engine.connect() as conn:
            # WAL mode: the -wal and -shm files exist while a connection is open.
            companions = [p for p in db_file.parent.iterdir() if p != db_file]
            assert {p.name for p in companions} >= {"bot.sqlite3-wal", "bot.sqlite3-shm"}
            assert {p.name: mode(p) for p in companions} == {p.name: 0o600 for p in companions}
            await conn.close()
    finally:
        await engine.dispose()
    assert mode(db_file) == 0o600


async def test_an_existing_world_readable_database_is_tightened_at_start(tmp_path: Path) -> None:
    db_file = tmp_path / "bot.sqlite3"
    db_file.touch()
    db_file.chmod(0o644)
    engine = create_engine(f"sqlite+aiosqlite:///{db_file}")
    await engine.dispose()
    assert mode(db_file) == 0o600


async def test_backups_and_restored_databases_are_0600(
    database_url: str, tmp_path: Path, careless_umask: None
) -> None:
    postgres = make_url(database_url).get_backend_name() == "postgresql"
    if postgres and not shutil.which("pg_dump"):
        pytest.skip("pg_dump is not installed")
    engine = create_engine(database_url)
    try:
        await migrate.upgrade(engine)
    finally:
        await engine.dispose()
    target = backup(database_url, tmp_path / "backups" / "snapshot.backup")
    assert mode(target) == 0o600
    assert mode(target.parent) == 0o700
    # An old backup file left world-readable is tightened when it is written over.
    target.chmod(0o644)
    assert mode(backup(database_url, target)) == 0o600
    if not postgres:
        restored = tmp_path / "restored.sqlite3"
        restore(f"sqlite+aiosqlite:///{restored}", target)
        assert mode(restored) == 0o600


def test_a_reports_export_file_is_0600(
    tmp_path: Path, careless_umask: None, bot_command: RunCommand
) -> None:
    env = {"RDB_DATABASE__SQLITE_PATH": str(tmp_path / "bot.sqlite3")}
    assert bot_command("db", "upgrade", env=env).returncode == 0
    for personal in ([], ["--with-personal-data"]):
        output = tmp_path / f"export{len(personal)}.csv"
        result = bot_command(
            "reports", "export", "--since", "2026-01-01", "-o", str(output), *personal, env=env
        )
        assert result.returncode == 0, result.stderr
        assert mode(output) == 0o600
        assert output.read_text(encoding="utf-8").startswith("reference,")
