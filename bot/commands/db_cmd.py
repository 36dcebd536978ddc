"""`python -m bot db upgrade|downgrade|current|backup|restore`."""

from __future__ import annotations

import argparse
import asyncio
from datetime import UTC, datetime
from pathlib import Path

from bot.commands import Subparsers, add_parser
from bot.config import Config, Secrets
from db import migrate
from db.backup import BackupError, backup, restore
from db.engine import ProcessLockError, SQLiteProcessLock, create_engine, database_url, sqlite_file


def register(subparsers: Subparsers) -> None:
    """Add `db` and its actions."""
    parser = add_parser(subparsers, "db", "database schema and backups")
    actions = parser.add_subparsers(dest="db_action", metavar="ACTION", required=True)
    up = add_parser(actions, "upgrade", "apply migrations (default: to the newest)")
    up.add_argument("revision", nargs="?", default="head")
    up.set_defaults(handler=_upgrade)
    down = add_parser(actions, "downgrade", "revert migrations to a revision ('base': all)")
    down.add_argument("revision")
    down.set_defaults(handler=_downgrade)
    add_parser(actions, "current", "print the schema revision").set_defaults(handler=_current)
    bk = add_parser(actions, "backup", "write a consistent backup (safe while the bot runs)")
    bk.add_argument("file", nargs="?", type=Path, help="default: var/backups/bot-<time>.backup")
    bk.set_defaults(handler=_backup)
    rs = add_parser(actions, "restore", "replace the database with a backup (bot stopped)")
    rs.add_argument("file", type=Path)
    rs.set_defaults(handler=_restore)


def _url(config: Config, secrets: Secrets) -> str:
    return database_url(secrets.database_url, config.database.sqlite_path)


async def _migrate(url: str, action: str, revision: str) -> str | None:
    engine = create_engine(url)
    try:
        if action == "upgrade":
            await migrate.upgrade(engine, revision)
        elif action == "downgrade":
            await migrate.downgrade(engine, revision)
        return await migrate.current_revision(engine)
    finally:
        await engine.dispose()


def _upgrade(args: argparse.Namespace, config: Config, secrets: Secrets) -> int:
    print("schema at", asyncio.run(_migrate(_url(config, secrets), "upgrade", args.revision)))
    return 0


def _downgrade(args: argparse.Namespace, config: Config, secrets: Secrets) -> int:
    rev = asyncio.run(_migrate(_url(config, secrets), "downgrade", args.revision))
    print("schema at", rev or "base (empty)")
    return 0


def _current(args: argparse.Namespace, config: Config, secrets: Secrets) -> int:
    rev = asyncio.run(_migrate(_url(config, secrets), "current", ""))
    print(rev or "base (empty)", "(newest:", f"{migrate.head_revision()})")
    return 0


def _backup(args: argparse.Namespace, config: Config, secrets: Secrets) -> int:
    target = args.file or Path("var/backups") / (f"bot-{datetime.now(UTC):%Y%m%dT%H%M%SZ}.backup")
    try:
        print("backup written to", backup(_url(config, secrets), target))
    except BackupError as exc:
        print("backup failed:", exc)
        return 1
    return 0


def _restore(args: argparse.Namespace, config: Config, secrets: Secrets) -> int:
    url = _url(config, secrets)
    db_file = sqlite_file(url)
    lock = SQLiteProcessLock(db_file) if db_file is not None else None
    try:
        if lock is not None:
            lock.acquire()
        restore(url, args.file)
    except (BackupError, ProcessLockError) as exc:
        print("restore failed:", exc)
        return 1
    finally:
        if lock is not None:
            lock.release()
    print("restored from", args.file)
    return 0
