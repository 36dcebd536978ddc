"""An operator asks `python -m bot health` and `python -m bot outbox status`."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.cli import main
from db import migrate
from db.base import utcnow
from db.engine import create_engine, session_factory
from db.models.pipeline import InboxStatus, InboxUpdate, OutboxMessage, OutboxStatus


async def _prepare(url: str, *, stuck: bool) -> None:
    engine = create_engine(url)
    await migrate.upgrade(engine)
    async with session_factory(engine)() as session:
        session.add(InboxUpdate(update_id=7, chat_id=5, payload={}, status=InboxStatus.DONE))
        session.add(
            OutboxMessage(
                chat_id=5,
                kind="answer",
                payload={"answer": {"key": "tajna treść"}},
                status=OutboxStatus.UNDELIVERABLE,
                attempts=1,
                last_error="Forbidden: bot was blocked by the user",
            )
        )
        if stuck:
            session.add(
                InboxUpdate(
                    update_id=8,
                    chat_id=5,
                    payload={},
                    received_at=utcnow() - timedelta(minutes=30),
                )
            )
        await session.commit()
    await engine.dispose()


@pytest.mark.parametrize("stuck", [False, True])
def test_health_exits_1_only_when_something_is_stuck(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], stuck: bool
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'bot.sqlite3'}"
    asyncio.run(_prepare(url, stuck=stuck))
    monkeypatch.setenv("DATABASE_URL", url)

    code = main(["health"])

    out = capsys.readouterr().out
    assert "database: ok" in out and "undeliverable 1" in out
    assert (code, "PROBLEM" in out) == ((1, True) if stuck else (0, False))
    if stuck:
        assert "the oldest of 1 unhandled update(s) waits 30 min" in out


async def _add_failed(url: str, *, created_minutes_ago: float = 1) -> int:
    engine = create_engine(url)
    await migrate.upgrade(engine)
    async with session_factory(engine)() as session:
        row = OutboxMessage(
            chat_id=5,
            kind="answer",
            payload={},
            status=OutboxStatus.FAILED,
            attempts=40,
            last_error="NetworkError: ... (older than 24 h)",
            created_at=utcnow() - timedelta(minutes=created_minutes_ago),
        )
        session.add(row)
        await session.commit()
        row_id = row.id
    await engine.dispose()
    return row_id


async def _statuses(url: str) -> list[tuple[OutboxStatus, int]]:
    engine = create_engine(url)
    async with session_factory(engine)() as session:
        rows = (await session.execute(select(OutboxMessage.status, OutboxMessage.attempts))).all()
    await engine.dispose()
    return [(status, attempts) for status, attempts in rows]


@pytest.mark.parametrize("action", ["retry", "dismiss"])
def test_a_failed_message_keeps_health_red_until_retried_or_dismissed(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    action: str,
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'bot.sqlite3'}"
    row_id = asyncio.run(_add_failed(url))
    monkeypatch.setenv("DATABASE_URL", url)

    assert main(["health"]) == 1
    assert "1 message(s) failed for good" in capsys.readouterr().out
    assert main(["outbox", action, str(row_id + 1)]) == 0  # another id: nothing changes
    assert main(["health"]) == 1
    capsys.readouterr()

    assert main(["outbox", action]) == 0
    assert "1 failed message(s)" in capsys.readouterr().out
    assert main(["health"]) == 0
    expected = (OutboxStatus.PENDING, 0) if action == "retry" else (OutboxStatus.DISMISSED, 40)
    assert asyncio.run(_statuses(url)) == [expected]


def test_a_message_waiting_longer_than_the_limit_makes_health_red(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'bot.sqlite3'}"
    asyncio.run(_add_failed(url, created_minutes_ago=12))
    monkeypatch.setenv("DATABASE_URL", url)
    assert main(["outbox", "retry"]) == 0  # now pending, and 12 minutes old

    assert main(["health", "--max-wait", "20"]) == 0
    assert main(["health"]) == 1  # [delivery] late_after_minutes = 5
    assert "the oldest of 1 unsent message(s) waits 12 min" in capsys.readouterr().out


def test_outbox_status_lists_problems_without_message_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'bot.sqlite3'}"
    asyncio.run(_prepare(url, stuck=False))
    monkeypatch.setenv("DATABASE_URL", url)

    assert main(["outbox", "status"]) == 0

    out = capsys.readouterr().out
    assert "undeliverable: 1" in out
    assert "Forbidden: bot was blocked by the user" in out
    assert "tajna" not in out


def test_health_exits_1_when_the_database_does_not_answer(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql+asyncpg://nobody@127.0.0.1:1/none")

    assert main(["health"]) == 1
    assert "NOT answering" in capsys.readouterr().out
