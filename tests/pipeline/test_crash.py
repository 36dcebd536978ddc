"""A bot process is SIGKILLed at the worst moments; after a restart nothing is lost or doubled."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from db.engine import create_engine, session_factory
from db.models.pipeline import InboxStatus, InboxUpdate, OutboxMessage, OutboxStatus
from devtools.localapi import FakeUser, LocalBotApi
from tests.pipeline.conftest import ANNA, TOKEN
from tests.support import eventually

ROOT = Path(__file__).resolve().parents[2]


class BotProcess:
    """Bot subprocesses against one database and state folder, spawned ahead and started on cue."""

    def __init__(self, api: LocalBotApi, url: str, state: Path) -> None:
        self.api, self.url, self.state = api, url, state
        self.spawned: list[asyncio.subprocess.Process] = []
        self.process: asyncio.subprocess.Process | None = None

    async def spawn(self, pause: str) -> tuple[asyncio.subprocess.Process, Path]:
        """Start a bot process that imports everything, then waits for its go file."""
        go = self.state / f"go-{len(self.spawned)}"
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "tests.pipeline.killable_bot",
            *("--db", self.url, "--token", TOKEN, "--state", str(self.state)),
            *("--base-url", self.api.base_url, "--file-url", self.api.file_base_url),
            *("--pause", pause, "--go", str(go)),
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        self.spawned.append(process)
        return process, go

    async def start(self, spawned: tuple[asyncio.subprocess.Process, Path]) -> None:
        """Let a spawned bot run and wait until it receives."""
        for marker in ("ready", "paused"):
            (self.state / marker).unlink(missing_ok=True)
        self.process, go = spawned
        go.touch()
        await self.reach("ready")

    async def reach(self, marker: str, within: float = 30.0) -> None:
        """Wait until the running bot touched `marker`."""
        for _ in range(int(within / 0.02)):
            if (self.state / marker).exists():
                return
            assert self.process is not None and self.process.returncode is None, "the bot died"
            await asyncio.sleep(0.02)
        raise AssertionError(f"the bot never reached {marker!r}")

    async def kill(self) -> None:
        """SIGKILL: no clean-up of any kind."""
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        await self.process.wait()

    async def close(self) -> None:
        """Stop every process still alive (SIGTERM: a clean stop)."""
        for process in self.spawned:
            if process.returncode is None:
                process.terminate()
                try:
                    await asyncio.wait_for(process.wait(), 15)
                except TimeoutError:
                    process.kill()
                    await process.wait()


@pytest.fixture
async def bot_process(
    api: LocalBotApi, sqlite_url: str, tmp_path: Path
) -> AsyncIterator[BotProcess]:
    """Return a controllable bot process on a SQLite file."""
    state = tmp_path / "state"
    state.mkdir()
    process = BotProcess(api, sqlite_url, state)
    yield process
    await process.close()


async def _counts(url: str) -> tuple[list[InboxStatus], int, list[OutboxStatus]]:
    engine = create_engine(url)
    try:
        async with session_factory(engine)() as session:
            inbox = list((await session.scalars(select(InboxUpdate.status))).all())
            effects = await session.scalar(select(func.count()).select_from(OutboxMessage))
            outbox = list((await session.scalars(select(OutboxMessage.status))).all())
            return inbox, int(effects or 0), outbox
    finally:
        await engine.dispose()


async def test_killed_before_and_after_commit_the_update_has_one_effect_and_one_answer(
    bot_process: BotProcess, api: LocalBotApi, anna: FakeUser
) -> None:
    first, second, third = [
        await bot_process.spawn(pause) for pause in ("before-commit", "after-commit", "none")
    ]
    await bot_process.start(first)
    anna.send_text("pause")
    await bot_process.reach("paused")
    await bot_process.kill()
    # Stored (and acknowledged), but its effect was never committed.
    assert await _counts(bot_process.url) == ([InboxStatus.PENDING], 0, [])

    # The restarted bot handles it again, commits, and is killed while sending the answer.
    await bot_process.start(second)
    await bot_process.reach("paused")
    await bot_process.kill()
    assert await _counts(bot_process.url) == ([InboxStatus.DONE], 1, [OutboxStatus.SENDING])

    await bot_process.start(third)
    [reply] = await api.await_sent(ANNA)

    assert reply.text is not None and reply.text.startswith("odpowiedź na")
    assert (bot_process.state / "reset").read_text() == "1"
    await eventually(lambda: _counts(bot_process.url), ([InboxStatus.DONE], 1, [OutboxStatus.SENT]))
    print(f"\nkilled before and after commit: {len(api.sent(ANNA)) - 1} duplicate answer(s)")
    assert len(api.sent(ANNA)) == 1


async def test_killed_while_telegram_holds_the_send_it_is_sent_again(
    bot_process: BotProcess, api: LocalBotApi, anna: FakeUser
) -> None:
    first, second = [await bot_process.spawn("none") for _ in range(2)]
    api.hold(ANNA)
    await bot_process.start(first)
    anna.send_text("hej")
    for _ in range(1000):
        if api.calls("sendMessage"):
            break
        await asyncio.sleep(0.02)
    await bot_process.kill()
    # Telegram may still carry out the request of the dead process: that is the one duplicate.
    api.release(ANNA)

    await bot_process.start(second)
    await api.await_sent(ANNA)

    assert (bot_process.state / "reset").read_text() == "1"
    inbox, effects, _ = await _counts(bot_process.url)
    assert inbox == [InboxStatus.DONE] and effects == 1
    # Once its one row is marked sent, the bot sends nothing more: count what arrived by then.
    await eventually(lambda: _counts(bot_process.url), ([InboxStatus.DONE], 1, [OutboxStatus.SENT]))
    duplicates = len(api.sent(ANNA)) - 1
    print(f"\nkilled mid-send: {duplicates} duplicate answer(s) (at most one is possible)")
    assert duplicates <= 1
