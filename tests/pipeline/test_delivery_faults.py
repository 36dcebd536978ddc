"""Telegram answers 429, 500, drops the connection, times out or says 403: nothing is lost."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, update

from bot.pipeline import delivery
from db.base import utcnow
from db.models.people import User
from db.models.pipeline import OutboxMessage, OutboxStatus
from devtools.localapi import LocalBotApi
from tests.pipeline.conftest import ANNA, BOGDAN, CAROL, DAVE, EVE, Harness, fast_config
from tests.support import eventually


async def test_faults_reschedule_or_retry_without_losing_messages(
    harness: Harness, api: LocalBotApi
) -> None:
    users = {uid: api.user(uid) for uid in (ANNA, BOGDAN, CAROL, DAVE, EVE)}
    async with harness.sessions() as session:
        session.add(User(external_id=str(DAVE), chat_id=DAVE))
        await session.commit()
    api.inject("sendMessage", ANNA, kind="retry_after", retry_after=1)
    api.inject("sendMessage", BOGDAN, kind="drop")
    api.inject("sendMessage", BOGDAN, kind="server_error")
    # Slower than the bot's read timeout: the bot gives up, but Telegram still sends it.
    api.inject("sendMessage", CAROL, kind="slow", delay=1.0)
    api.block_chat(DAVE)
    await harness.start("none", read_timeout=0.5)

    await harness.send(*(users[uid].send_text(f"hej {uid}") for uid in users))

    for uid in (ANNA, BOGDAN, CAROL, EVE):
        await api.await_sent(uid)
    order = [sent.chat_id for sent in api.sent()]
    # Anna's flood wait held back her reply only: Eve's went out first.
    assert order.index(EVE) < order.index(ANNA)

    async def statuses() -> dict[int, OutboxStatus]:
        return {row.chat_id: row.status for row in await harness.outbox()}

    await eventually(
        statuses,
        {uid: OutboxStatus.SENT for uid in (ANNA, BOGDAN, CAROL, EVE)}
        | {DAVE: OutboxStatus.UNDELIVERABLE},
    )
    rows = {row.chat_id: row for row in await harness.outbox()}
    assert rows[BOGDAN].attempts == 3
    error = rows[ANNA].last_error
    assert error is not None and "RetryAfter" in error
    assert [row.chat_id for row in harness.undeliverable] == [DAVE]
    async with harness.sessions() as session:
        assert await session.scalar(select(User.undeliverable).where(User.chat_id == DAVE))
    duplicates = {uid: len(api.sent(uid)) - 1 for uid in (ANNA, BOGDAN, CAROL, EVE)}
    print(f"\nduplicates per chat after faults: {duplicates}")
    assert duplicates[ANNA] == duplicates[BOGDAN] == duplicates[EVE] == 0
    # A timed-out send is the one ambiguous case: at most one extra copy.
    assert duplicates[CAROL] <= 1
    fired = api.fault_counts()
    assert fired["retry_after"] == fired["drop"] == fired["server_error"] == fired["slow"] == 1


async def test_a_message_telegram_refuses_for_longer_than_its_max_age_is_marked_failed(
    harness: Harness, api: LocalBotApi
) -> None:
    anna, bogdan = api.user(ANNA), api.user(BOGDAN)
    api.inject("sendMessage", ANNA, kind="server_error", times=10)
    await harness.start("none")
    await harness.send(anna.send_text("nie dojdzie"))
    await eventually(harness.outbox_count, 1)
    [row] = await harness.outbox()
    async with harness.sessions() as session:
        # Written a day ago (as after a day-long outage): one more refusal is the last.
        await session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == row.id)
            .values(created_at=utcnow() - timedelta(hours=25))
        )
        await session.commit()
    await harness.send(bogdan.send_text("dojdzie"))

    async def status() -> OutboxStatus | None:
        return (await harness.outbox())[0].status

    await eventually(status, OutboxStatus.FAILED)
    failed = (await harness.outbox())[0]
    assert failed.last_error is not None and failed.last_error.startswith("NetworkError")
    assert "(older than 24 h)" in failed.last_error
    assert api.sent(ANNA) == []
    assert [m.text for m in await api.await_sent(BOGDAN)] == ["echo: text=dojdzie"]


async def test_an_outage_outlasting_every_old_limit_loses_nothing_and_drains_in_order(
    harness: Harness,
    api: LocalBotApi,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    users = [api.user(uid) for uid in (ANNA, BOGDAN, CAROL)]
    # Back-off grows up to 30 s; probing every 0.2 s finds Telegram back long before that.
    harness.config = fast_config(backoff_max_seconds=30)
    monkeypatch.setattr(delivery, "PROBE_SECONDS", 0.2)
    await harness.start("none")
    outage = api.inject(kind="drop", times=1_000_000)
    for n in range(3):
        await harness.send(*(user.send_text(f"{user.id}-{n}") for user in users))

    async def tries() -> bool:
        rows = await harness.outbox()
        # Each chat's first answer tried more often than the old limit of 3, none sent.
        return len(rows) == 9 and len([row for row in rows if row.attempts >= 4]) == 3

    await eventually(tries, True, within=20)
    assert api.sent() == []
    api.end(outage)

    for user in users:
        replies = await api.await_sent(user.id, 3, timeout=15)
        assert [r.text for r in replies] == [f"echo: text={user.id}-{n}" for n in range(3)]
    assert "Telegram answers again" in caplog.text
    assert harness.pipeline is not None and harness.pipeline.delivery.unreachable_since is None


async def test_a_row_kept_waiting_for_a_request_slot_goes_back_in_line_without_a_try(
    harness: Harness, api: LocalBotApi, monkeypatch: pytest.MonkeyPatch
) -> None:
    users = {uid: api.user(uid) for uid in (ANNA, BOGDAN)}
    # One request at a time, each slow: the row that waits longer than it may, while leased,
    # goes back in line instead.
    monkeypatch.setattr(delivery, "MAX_REQUESTS", 1)
    monkeypatch.setattr(delivery, "REQUEST_WAIT_SECONDS", 0.1)
    for uid in users:
        api.inject("sendMessage", uid, kind="slow", delay=0.6)
    await harness.start("none")

    await harness.send(*(users[uid].send_text(f"hej {uid}") for uid in users))

    for uid in users:
        await api.await_sent(uid)

    async def statuses() -> dict[int, OutboxStatus]:
        return {row.chat_id: row.status for row in await harness.outbox()}

    await eventually(statuses, {ANNA: OutboxStatus.SENT, BOGDAN: OutboxStatus.SENT})
    rows = await harness.outbox()
    # Each was sent once, and waiting used none of its tries (1 = the send itself).
    assert [row.attempts for row in rows] == [1, 1]
    assert "waited for a request slot" in [row.last_error for row in rows]
    assert {uid: len(api.sent(uid)) for uid in users} == {ANNA: 1, BOGDAN: 1}
