"""SQLite runs in WAL mode with foreign keys, and serves one bot process only."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine

from db.engine import ProcessLockError, SQLiteProcessLock
from db.models import Conversation


async def test_sqlite_uses_wal_and_enforces_foreign_keys(sqlite_engine: AsyncEngine) -> None:
    async with sqlite_engine.connect() as conn:
        assert (await conn.execute(text("PRAGMA journal_mode"))).scalar() == "wal"
        assert (await conn.execute(text("PRAGMA foreign_keys"))).scalar() == 1
    from db.engine import session_factory

    async with session_factory(sqlite_engine)() as session:
        session.add(Conversation(user_id=999_999, draft={}))
        with pytest.raises(IntegrityError):
            await session.commit()


def test_second_process_on_the_same_sqlite_file_is_refused(tmp_path: Path) -> None:
    db_file = tmp_path / "bot.sqlite3"
    lock = SQLiteProcessLock(db_file)
    lock.acquire()
    try:
        code = (
            "import sys; from pathlib import Path; from db.engine import SQLiteProcessLock, "
            "ProcessLockError\ntry:\n    SQLiteProcessLock(Path(sys.argv[1])).acquire()\n"
            "except ProcessLockError as e:\n    print(e); sys.exit(3)\n"
        )
        result = subprocess.run(
            [sys.executable, "-c", code, str(db_file)], capture_output=True, text=True, check=False
        )
        assert result.returncode == 3, result.stderr
        assert "another bot process" in result.stdout
        with pytest.raises(ProcessLockError):
            SQLiteProcessLock(db_file).acquire()
    finally:
        lock.release()
    # Released: the next process may start.
    again = SQLiteProcessLock(db_file)
    again.acquire()
    again.release()
