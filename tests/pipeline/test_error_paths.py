"""Every error path ends in a definite state, and a resident never reads about a passing fault.

The real bot (every feature) runs against the local Bot API server; the database fails where a
test makes it fail: a gatekeeper check, a turn, the delivery worker's own bookkeeping.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

import handlers.gatekeeper
import handlers.turn_runner
from app.runtime import BotRuntime
from bot.i18n import Catalog
from bot.usecases.gatekeeper_queries import read_person
from db.models.people import User
from db.models.pipeline import InboxStatus, InboxUpdate, OutboxStatus
from db.repositories.users import ensure_user
from db.uow import AlreadyHandled, InboxClaim, UnitOfWork, current_inbox, mark_inbox_done
from devtools.localapi import LocalBotApi
from tests.conftest import StartBot
from tests.pipeline.conftest import ANNA, Harness
from tests.support import FAST, eventually

pytestmark = pytest.mark.e2e

ZOFIA = 7301
CATALOG = Catalog(("pl", "uk", "en"))


def locked() -> OperationalError:
    """What SQLite raises when another writer holds the database too long."""
    return OperationalError("SELECT users", {}, sqlite3.OperationalError("database is locked"))


def failing_once(real: Callable[..., Awaitable[Any]], error: Exception) -> Callable[..., Any]:
    """Wrap a coroutine function so that its first call raises `error`."""
    calls: list[int] = []

    async def wrapper(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        if len(calls) == 1:
            raise error
        return await real(*args, **kwargs)

    wrapper.calls = calls  # type: ignore[attr-defined]
    return wrapper


def texts(api: LocalBotApi, chat_id: int) -> list[str]:
    """Every text the bot sent to a chat, in order."""
    return [sent.text or sent.caption or "" for sent in api.sent(chat_id)]


def error_texts(lang: str) -> set[str]:
    """What a resident reads when something failed."""
    return {CATALOG.text(lang, "error-try-again"), CATALOG.text(lang, "update-failed")}


async def block(runtime: BotRuntime, telegram_id: int) -> None:
    """Mark a resident blocked, as /blokuj does."""
    assert runtime.services is not None
    async with runtime.services.uow() as uow:
        user = await uow.session.scalar(select(User).where(User.external_id == str(telegram_id)))
        assert user is not None
        user.blocked = True
        await uow.commit()


async def inbox_statuses(runtime: BotRuntime) -> list[InboxStatus]:
    """The state of every received update."""
    assert runtime.services is not None
    async with runtime.services.uow() as uow:
        return list((await uow.session.scalars(select(InboxUpdate.status))).all())


@pytest.mark.parametrize("error", [locked(), RuntimeError("bug")], ids=["transient", "bug"])
async def test_a_failed_gatekeeper_check_stops_the_update_which_is_retried_with_its_checks(
    local_api: LocalBotApi,
    start_bot: StartBot,
    monkeypatch: pytest.MonkeyPatch,
    error: Exception,
) -> None:
    runtime = await start_bot(delivery=FAST, pipeline={"max_attempts": 3})
    zofia = local_api.user(ZOFIA, "Zofia")
    zofia.send_command("start")
    await local_api.await_sent(ZOFIA)
    await block(runtime, ZOFIA)
    local_api.clear()
    # The blocked flag cannot be read once: without its checks the update must go no further.
    check = failing_once(read_person, error)
    monkeypatch.setattr(handlers.gatekeeper, "read_person", check)

    zofia.send_text("halo, odpowiedz")

    [notice] = await local_api.await_sent(ZOFIA, predicate=lambda s: "112" in (s.text or ""))
    await eventually(lambda: inbox_statuses(runtime), [InboxStatus.DONE] * 2)
    assert len(check.calls) == 2  # type: ignore[attr-defined]
    sent = texts(local_api, ZOFIA)
    # Only the blocked notice: no menu, no answer from a flow that ran unchecked (and no
    # "something went wrong": a blocked person is not told that either).
    assert sent == [notice.text] == [CATALOG.text("pl", "gate-blocked")]


async def test_a_transient_database_error_in_a_turn_is_retried_without_telling_the_resident(
    local_api: LocalBotApi, start_bot: StartBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    runtime = await start_bot(delivery=FAST)
    zofia = local_api.user(ZOFIA, "Zofia")
    zofia.send_command("start")
    [welcome] = await local_api.await_sent(ZOFIA)
    monkeypatch.setattr(handlers.turn_runner, "ensure_user", failing_once(ensure_user, locked()))

    zofia.send_command("start")

    [again] = await local_api.await_sent(ZOFIA)
    assert again.text == welcome.text
    assert not error_texts("pl") & set(texts(local_api, ZOFIA))
    await eventually(lambda: inbox_statuses(runtime), [InboxStatus.DONE] * 2)


async def test_a_second_run_of_a_handled_update_commits_nothing(database_url: str) -> None:
    from db.engine import create_engine, session_factory
    from db.models.pipeline import OutboxMessage

    engine = create_engine(database_url)
    sessions = session_factory(engine)
    try:
        async with sessions() as session:
            row = InboxUpdate(update_id=1, chat_id=7, payload={"update_id": 1})
            session.add(row)
            await session.commit()
        for attempt in (1, 2):
            token = current_inbox.set(InboxClaim(row.id))
            try:
                async with UnitOfWork(sessions) as uow:
                    uow.add_outbox(OutboxMessage(chat_id=7, kind="text", payload={"n": attempt}))
                    if attempt == 1:
                        await uow.commit()
                    else:
                        with pytest.raises(AlreadyHandled):
                            await uow.commit()
            finally:
                current_inbox.reset(token)
        async with sessions() as session:
            with pytest.raises(AlreadyHandled):
                await mark_inbox_done(session, row.id)
            payloads = (await session.scalars(select(OutboxMessage.payload))).all()
        assert payloads == [{"n": 1}]
    finally:
        await engine.dispose()


class FailingBookkeeping:
    """A session factory whose sessions fail `times` times on outbox outcome writes."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession], times: int) -> None:
        self.sessions, self.left, self.failed = sessions, times, 0

    def __call__(self) -> AsyncSession:
        session = self.sessions()
        real = session.execute

        async def execute(statement: Any, *args: Any, **kwargs: Any) -> Any:
            # The rescheduling and final writes carry last_error; claims and reads do not.
            if self.left and "last_error" in str(statement):
                self.left -= 1
                self.failed += 1
                raise locked()
            return await real(statement, *args, **kwargs)

        session.execute = execute  # type: ignore[method-assign]
        return session


async def test_a_database_error_while_rescheduling_leaves_no_row_sending(
    harness: Harness, api: LocalBotApi
) -> None:
    anna = api.user(ANNA)
    pipeline = await harness.start("none")
    flaky = FailingBookkeeping(harness.sessions, times=2)
    pipeline.delivery._sessions = flaky  # type: ignore[assignment]
    api.inject("sendMessage", ANNA, kind="server_error")

    await harness.send(anna.send_text("pierwsza"))
    await harness.send(anna.send_text("druga"))

    replies = await api.await_sent(ANNA, 2)
    assert [r.text for r in replies] == ["echo: text=pierwsza", "echo: text=druga"]

    async def statuses() -> list[OutboxStatus]:
        return [row.status for row in await harness.outbox()]

    await eventually(statuses, [OutboxStatus.SENT, OutboxStatus.SENT])
    assert flaky.failed == 2
    assert len(api.sent(ANNA)) == 2
