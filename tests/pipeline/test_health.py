"""/healthz says when a person is needed; the ops chat hears once per incident, not per message."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest
from sqlalchemy import update

from bot.pipeline import Pipeline, runner
from db.base import utcnow
from db.models.pipeline import OutboxMessage, OutboxStatus
from devtools.localapi import FakeUser, LocalBotApi
from tests.pipeline.conftest import ANNA, OPS_CHAT, Harness, fast_config
from tests.support import eventually

SECRET = "tajny-sekret_123-tajny-sekret_123"


async def _fail(h: Harness, *chat_ids: int) -> None:
    """Store messages that failed for good, in one transaction: the watcher sees them together."""
    async with h.sessions() as session:
        for chat_id in chat_ids:
            session.add(
                OutboxMessage(
                    chat_id=chat_id,
                    kind="answer",
                    payload={},
                    status=OutboxStatus.FAILED,
                    last_error="BadRequest: message is too long",
                )
            )
        await session.commit()


async def _ten_more_checks(pipeline: Pipeline, harness: Harness) -> None:
    """Let the health watcher look ten more times, then let what it queued reach the server."""
    target = pipeline.health_checks + 10

    async def checked() -> bool:
        return pipeline.health_checks >= target

    await eventually(checked, True)
    await harness.settled(ignoring=ANNA)


async def test_failed_and_late_messages_turn_healthz_503_and_each_incident_is_told_once(
    harness: Harness, api: LocalBotApi, anna: FakeUser, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(runner, "WATCH_INTERVAL_SECONDS", 0.05)
    harness.config = fast_config(listen="127.0.0.1", port=0, path="/telegram")
    pipeline = await harness.start("webhook", webhook_secret=SECRET)
    base = f"http://127.0.0.1:{pipeline.webhook_port}"
    catalog = harness.catalog

    async def healthz() -> tuple[int, list[str]]:
        async with httpx.AsyncClient() as client:
            response = await client.get(f"{base}/healthz")
            return response.status_code, response.json()["problems"]

    assert await healthz() == (200, [])
    await _fail(harness, 5001, 5002)

    status, problems = await healthz()
    assert status == 503 and problems[0].startswith("2 message(s) failed for good")
    [told] = await api.await_sent(OPS_CHAT)
    assert told.text == catalog.render("pl", "ops-outbox-failed", {"count": "2"})
    await _ten_more_checks(pipeline, harness)  # still the same incident
    assert len(api.sent(OPS_CHAT)) == 1

    async with harness.sessions() as session:  # what `outbox dismiss` does
        await session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.status == OutboxStatus.FAILED)
            .values(status=OutboxStatus.DISMISSED)
        )
        await session.commit()
    await eventually(healthz, (200, []))

    # Telegram refuses Anna's chat; her answer, written 10 minutes ago, is late: a new incident.
    api.inject("sendMessage", ANNA, kind="drop", times=1_000_000)
    await harness.send(anna.send_text("halo"))
    await eventually(harness.outbox_count, 4)  # two failed, the first notice, her answer

    async def telegram_unreachable() -> bool:
        return pipeline.delivery.unreachable_since is not None

    # Her answer is late only once its first try has failed: then the notice names the outage.
    await eventually(telegram_unreachable, True)
    async with harness.sessions() as session:
        await session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.chat_id == ANNA)
            .values(created_at=utcnow() - timedelta(minutes=10))
        )
        await session.commit()

    [late] = await api.await_sent(OPS_CHAT)
    expected = {"count": "1", "minutes": "10", "telegram": "unreachable"}
    assert late.text == catalog.render("pl", "ops-outbox-late", expected)
    await eventually(healthz, (503, ["the oldest of 1 unsent message(s) waits 10 min"]))
    await _ten_more_checks(pipeline, harness)
    assert len(api.sent(OPS_CHAT)) == 2
