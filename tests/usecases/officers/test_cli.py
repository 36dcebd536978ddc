"""`python -m bot officers invite|list|revoke` as an administrator uses them."""

from __future__ import annotations

import asyncio
import re
import sqlite3
from pathlib import Path

import pytest

from bot.cli import build_parser
from bot.commands import registered_commands
from bot.config import Config, Secrets
from db import migrate
from db.engine import create_engine, session_factory
from db.uow import UnitOfWorkFactory
from tests.usecases.officers.world import build_world


def _database(tmp_path: Path) -> str:
    url = f"sqlite+aiosqlite:///{tmp_path / 'cli.sqlite3'}"

    async def prepare() -> None:
        engine = create_engine(url)
        await migrate.upgrade(engine)
        async with UnitOfWorkFactory(session_factory(engine))() as uow:
            await build_world(uow.session)
            await uow.commit()
        await engine.dispose()

    asyncio.run(prepare())
    return url


def _run(url: str, *argv: str, command: str = "officers") -> int:
    args = build_parser(registered_commands()).parse_args([command, *argv])
    secrets = Secrets(bot_token=None, database_url=url, webhook_secret=None)
    result: int = args.handler(args, Config(), secrets)
    return result


def test_invite_prints_a_one_time_link_then_list_and_revoke(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = _database(tmp_path)

    assert _run(url, "invite", "DZ-01", "--bot", "@razem_bot") == 0
    out = capsys.readouterr().out
    link = re.search(r"https://t\.me/razem_bot\?start=(inv_[A-Za-z0-9_-]+)", out)
    assert link is not None and len(link[1]) <= 64
    assert "st. asp. Jan Przykładowy (DZ-01)" in out

    assert _run(url, "invite", "KO-01", "--group", "--bot", "razem_bot") == 0
    assert "?startgroup=grp_" in capsys.readouterr().out

    assert _run(url, "list") == 0
    listing = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in listing] == ["DZ-01", "DZ-02", "KO-01"]
    assert "KON-01" in listing[0] and "not linked" in listing[0]

    assert _run(url, "revoke", "DZ-01") == 0
    assert "DZ-01: was not linked; 1 unused invite(s) dropped" in capsys.readouterr().out


def test_the_lists_only_read_a_database_not_yet_upgraded_is_named_not_migrated(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Listing never changes the schema (that is `db upgrade`'s job, with its lock and backup).
    path = tmp_path / "old.sqlite3"
    url = f"sqlite+aiosqlite:///{path}"
    assert _run(url, "list") == 1
    assert "db upgrade" in capsys.readouterr().err
    assert _run(url, "list", command="partners") == 1
    assert "db upgrade" in capsys.readouterr().err
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT name FROM sqlite_master").fetchall() == []

    url = _database(tmp_path)
    assert _run(url, "list", command="partners") == 0
    assert "no partners in the directory" in capsys.readouterr().out


def test_mistakes_are_explained(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = _database(tmp_path)

    assert _run(url, "invite", "XX-99", "--bot", "razem_bot") == 1
    assert "no officer with code 'XX-99'" in capsys.readouterr().err
    assert _run(url, "invite", "DZ-01", "--group", "--bot", "razem_bot") == 1
    assert "not a coordinator" in capsys.readouterr().err
    assert _run(url, "invite", "DZ-01") == 0
    captured = capsys.readouterr()
    assert "https://t.me/<bot_username>?start=inv_" in captured.out
    assert "bot_username" in captured.err


def test_set_role_makes_a_coordinator_audited_and_list_shows_roles_and_links(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = _database(tmp_path)

    assert _run(url, "set-role", "dz-02", "koordynator") == 0
    assert "DZ-02: dzielnicowy -> coordinator (not linked yet" in capsys.readouterr().out
    assert _run(url, "set-role", "DZ-02", "coordinator") == 0
    assert "DZ-02: already coordinator" in capsys.readouterr().out
    assert _run(url, "set-role", "DZ-01", "dyżurny") == 0
    capsys.readouterr()
    assert _run(url, "set-role", "DZ-01", "szef") == 2
    assert "unknown role 'szef'" in capsys.readouterr().err
    assert _run(url, "set-role", "XX-99", "koordynator") == 1
    assert "no officer with code 'XX-99'" in capsys.readouterr().err

    assert _run(url, "list") == 0
    roles = {line.split()[0]: line for line in capsys.readouterr().out.splitlines()}
    assert "duty officer" in roles["DZ-01"] and "coordinator" in roles["DZ-02"]
    assert "not linked" in roles["DZ-02"]
    # A coordinator made this way may register the duty group.
    assert _run(url, "invite", "DZ-02", "--group", "--bot", "razem_bot") == 0

    async def trail() -> list[tuple[str, dict[str, str]]]:
        from sqlalchemy import select

        from db.models.reports import AuditEvent

        engine = create_engine(url)
        async with session_factory(engine)() as session:
            rows = await session.scalars(
                select(AuditEvent)
                .where(AuditEvent.action == "role_changed")
                .order_by(AuditEvent.id)
            )
            found = [(e.note or "", dict(e.data)) for e in rows]
        await engine.dispose()
        return found

    changes = asyncio.run(trail())
    assert [data for _, data in changes] == [
        {"officer": "DZ-02", "from": "officer", "to": "coordinator"},
        {"officer": "DZ-01", "from": "officer", "to": "duty"},
    ]
    assert all(actor.startswith("cli:") for actor, _ in changes)


def test_duty_groups_are_listed_disabled_and_enabled(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = _database(tmp_path)
    assert _run(url, "groups") == 0
    assert "no duty groups" in capsys.readouterr().out

    async def add_group() -> None:
        from sqlalchemy import select

        from db.models.directory import Station, StationChat

        engine = create_engine(url)
        async with UnitOfWorkFactory(session_factory(engine))() as uow:
            station = await uow.session.scalar(select(Station))
            assert station is not None
            uow.session.add(StationChat(station_id=station.id, chat_id=-100_777, title="Dyżurni"))
            await uow.commit()
        await engine.dispose()

    asyncio.run(add_group())
    assert _run(url, "groups") == 0
    [line] = capsys.readouterr().out.splitlines()
    assert line.split()[:3] == ["1", "KMP-T", "-100777"] and "active" in line
    assert _run(url, "groups", "--disable", "1") == 0
    assert "group 1 (Dyżurni): disabled" in capsys.readouterr().out
    assert _run(url, "groups") == 0
    assert "DISABLED" in capsys.readouterr().out
    assert _run(url, "groups", "--disable", "1") == 0
    assert "disabled already" in capsys.readouterr().out
    assert _run(url, "groups", "--enable", "1") == 0
    assert "group 1 (Dyżurni): enabled" in capsys.readouterr().out
    assert _run(url, "groups", "--disable", "9") == 1
    assert "no duty group with id 9" in capsys.readouterr().err
