"""An operator asks `python -m bot health` and `python -m bot outbox status`."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path

import pytest

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
    assert (code, "STUCK" in out) == ((1, True) if stuck else (0, False))


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
