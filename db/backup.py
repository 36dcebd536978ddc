"""Backups: SQLite's online backup API, or pg_dump/pg_restore for PostgreSQL."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from pathlib import Path

from sqlalchemy.engine import make_url

from db.engine import sqlite_file


class BackupError(RuntimeError):
    """A backup or restore could not be made; the message says why."""


def _libpq_url(url: str) -> str:
    # pg_dump speaks libpq URLs, without SQLAlchemy's "+driver" part.
    parsed = make_url(url).set(drivername="postgresql")
    return parsed.render_as_string(hide_password=False)


def backup(url: str, target: Path) -> Path:
    """Write a consistent copy of the database to `target`, while the bot may be running."""
    target.parent.mkdir(parents=True, exist_ok=True)
    db_file = sqlite_file(url)
    if db_file is not None:
        if not db_file.exists():
            raise BackupError(f"{db_file} does not exist")
        with sqlite3.connect(db_file) as source, sqlite3.connect(target) as copy:
            # The online backup API copies a consistent snapshot even during writes (WAL).
            source.backup(copy)
        return target
    if make_url(url).get_backend_name() == "postgresql":
        _need("pg_dump")
        _run(["pg_dump", "--format=custom", f"--file={target}", f"--dbname={_libpq_url(url)}"])
        return target
    raise BackupError(f"backups are not supported for {make_url(url).get_backend_name()}")


def restore(url: str, source: Path) -> None:
    """Replace the database's contents with a backup (stop the bot first)."""
    if not source.exists():
        raise BackupError(f"{source} does not exist")
    db_file = sqlite_file(url)
    if db_file is not None:
        db_file.parent.mkdir(parents=True, exist_ok=True)
        with sqlite3.connect(source) as backup_db, sqlite3.connect(db_file) as live:
            backup_db.backup(live)
        return
    if make_url(url).get_backend_name() == "postgresql":
        _need("pg_restore")
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                f"--dbname={_libpq_url(url)}",
                str(source),
            ]
        )
        return
    raise BackupError(f"restore is not supported for {make_url(url).get_backend_name()}")


def _need(tool: str) -> None:
    if shutil.which(tool) is None:
        raise BackupError(f"{tool} is not installed (Debian: apt-get install postgresql-client)")


def _run(argv: list[str]) -> None:
    result = subprocess.run(argv, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        # stderr of pg tools names objects, not row data; the URL is not in it.
        raise BackupError(f"{argv[0]} failed: {result.stderr.strip()[:500]}")
