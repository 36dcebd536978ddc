"""A failing update is retried, then given up on, and both the resident and the ops chat hear."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from telegram import Update

from bot.pipeline.inbox import purge_done
from db.base import utcnow
from db.models.people import User
from db.models.pipeline import InboxStatus, InboxUpdate
from devtools.localapi import FakeUser, LocalBotApi
from tests.pipeline.conftest import ANNA, OPS_CHAT, Harness


async def test_failing_update_is_retried_then_failed_and_resident_and_ops_are_told(
    harness: Harness, api: LocalBotApi, anna: FakeUser
) -> None:
    async with harness.sessions() as session:
        session.add(User(external_id=str(ANNA), chat_id=ANNA, language="en"))
        await session.commit()
    tries: list[str] = []

    async def on_text(update: Update) -> None:
        message = update.effective_message
        assert message is not None
        if message.text == "zepsute 5f3a":
            tries.append(message.text)
            raise RuntimeError(f"cannot read {message.text!r}")

    await harness.start("none", on_text=on_text)
    broken = anna.send_text("zepsute 5f3a")
    await harness.send(broken, anna.send_text("a potem to"))

    told, after = await api.await_sent(ANNA, 2)
    [ops] = await api.await_sent(OPS_CHAT)

    assert len(tries) == 3
    assert told.text == harness.catalog.text("en", "update-failed")
    # Later messages of the chat waited for the failing one, then went on normally.
    assert after.text == "echo: text=a potem to"
    assert str(broken["update_id"]) in (ops.text or "")
    assert "RuntimeError" in (ops.text or "") and "5f3a" not in (ops.text or "")
    # Only the class: an error's message may quote what someone wrote.
    assert "cannot read" not in (ops.text or "")
    failed = [row for row in await harness.inbox() if row.status is InboxStatus.FAILED]
    assert [(r.update_id, r.attempts) for r in failed] == [(broken["update_id"], 3)]
    assert failed[0].last_error is not None and failed[0].last_error.startswith("RuntimeError")
    assert "5f3a" not in failed[0].last_error  # never the resident's text


async def test_handled_updates_are_purged_after_the_retention_period(
    sqlite_harness: Harness, api: LocalBotApi, anna: FakeUser
) -> None:
    h = sqlite_harness
    await h.start("none")
    await h.send(anna.send_text("stare"), anna.send_text("nowe"))
    await api.await_sent(ANNA, 2)
    await h.stop()  # nothing may handle the rows planted below
    async with h.sessions() as session:
        old = await session.scalar(select(InboxUpdate).order_by(InboxUpdate.id).limit(1))
        assert old is not None
        old.received_at = utcnow() - timedelta(hours=49)
        session.add(
            InboxUpdate(
                update_id=1, chat_id=ANNA, payload={}, received_at=utcnow() - timedelta(days=9)
            )
        )
        await session.commit()

    assert await purge_done(h.sessions, retention_hours=48) == 1

    # The recent handled row and the old pending one (never handled) stay.
    assert sorted((r.status.value, r.update_id == 1) for r in await h.inbox()) == [
        ("done", False),
        ("pending", True),
    ]


def test_a_locked_database_is_not_the_updates_fault() -> None:
    import sqlite3

    from sqlalchemy.exc import OperationalError

    from bot.pipeline.dispatcher import describe_error
    from db.errors import is_transient

    locked = OperationalError("UPDATE inbox", {}, sqlite3.OperationalError("database is locked"))
    assert is_transient(locked)
    assert not is_transient(RuntimeError("database is locked"))
    payload = {"update_id": 1, "message": {"text": "mój adres: Kolejowa 5"}}
    reason = describe_error(ValueError("cannot parse 'mój adres: Kolejowa 5'"), payload)
    assert reason == "ValueError: cannot parse '…'"
