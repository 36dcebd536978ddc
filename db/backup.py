"""Backups: SQLite's online backup API, or pg_dump/pg_restore for PostgreSQL."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from sqlalchemy.engine import make_url

from db.engine import SQLITE_COMPANIONS, sqlite_file
from db.private_files import private_dir, private_file, tighten

# pg_dump and pg_restore run with this umask, so whatever they create is the owner's only.
PRIVATE_UMASK = 0o077


class BackupError(RuntimeError):
    """A backup or restore could not be made; the message says why."""


def _libpq_url(url: str) -> str:
    # pg_dump speaks libpq URLs, without SQLAlchemy's "+driver" part. The password is left out:
    # a command line is readable by every account on the machine (ps), the environment is not.
    # (URL.set ignores None, so the password is dropped with the named tuple's _replace.)
    parsed = make_url(url).set(drivername="postgresql")._replace(password=None)
    return parsed.render_as_string(hide_password=False)


def _libpq_env(url: str) -> dict[str, str]:
    """Return the environment of a pg tool: ours, with the password in PGPASSWORD."""
    env = dict(os.environ)
    password = make_url(url).password
    if password is not None:
        env["PGPASSWORD"] = str(password)
    return env


def backup(url: str, target: Path) -> Path:
    """Write a consistent copy of the database to `target`, while the bot may be running.

    The copy holds everything the database does (reports, phones): it is created 0600.
    """
    private_dir(target.parent)
    db_file = sqlite_file(url)
    if db_file is not None:
        if not db_file.exists():
            raise BackupError(f"{db_file} does not exist")
        private_file(target)
        with sqlite3.connect(db_file) as source, sqlite3.connect(target) as copy:
            # The online backup API copies a consistent snapshot even during writes (WAL).
            source.backup(copy)
        for suffix in SQLITE_COMPANIONS:
            tighten(target.with_name(target.name + suffix))
        return target
    if make_url(url).get_backend_name() == "postgresql":
        _need("pg_dump")
        private_file(target)
        _run(
            ["pg_dump", "--format=custom", f"--file={target}", f"--dbname={_libpq_url(url)}"],
            url,
        )
        return target
    raise BackupError(f"backups are not supported for {make_url(url).get_backend_name()}")


def restore(url: str, source: Path) -> None:
    """Replace the database's contents with a backup (stop the bot first)."""
    if not source.exists():
        raise BackupError(f"{source} does not exist")
    db_file = sqlite_file(url)
    if db_file is not None:
        private_file(db_file)
        with sqlite3.connect(source) as backup_db, sqlite3.connect(db_file) as live:
            backup_db.backup(live)
        for suffix in SQLITE_COMPANIONS:
            tighten(db_file.with_name(db_file.name + suffix))
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
            ],
            url,
        )
        return
    raise BackupError(f"restore is not supported for {make_url(url).get_backend_name()}")


def _need(tool: str) -> None:
    if shutil.which(tool) is None:
        raise BackupError(f"{tool} is not installed (Debian: apt-get install postgresql-client)")


def _run(argv: list[str], url: str) -> None:
    result = subprocess.run(
        argv,
        capture_output=True,
        text=True,
        check=False,
        umask=PRIVATE_UMASK,
        env=_libpq_env(url),
    )
    if result.returncode != 0:
        # stderr of pg tools names objects, not row data; the URL is not in it.
        raise BackupError(f"{argv[0]} failed: {result.stderr.strip()[:500]}")
