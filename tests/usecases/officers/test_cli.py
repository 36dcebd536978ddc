"""`python -m bot officers invite|list|revoke` as an administrator uses them."""

from __future__ import annotations

import asyncio
import re
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


def _run(url: str, *argv: str) -> int:
    args = build_parser(registered_commands()).parse_args(["officers", *argv])
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
