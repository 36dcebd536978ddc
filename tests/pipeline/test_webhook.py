"""Telegram posts updates to the webhook; only requests with the secret header are accepted."""

from __future__ import annotations

import json
import socket

import httpx

from db.models.pipeline import InboxStatus
from devtools.localapi import FakeUser, LocalBotApi
from tests.pipeline.conftest import ANNA, Harness, fast_config

SECRET = "tajny-sekret_123-dlugi-na-32-znaki-co-najmniej"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def test_webhook_refuses_wrong_secrets_and_stores_the_right_ones(
    sqlite_harness: Harness, api: LocalBotApi, anna: FakeUser
) -> None:
    h = sqlite_harness
    h.config = fast_config(listen="127.0.0.1", port=0, path="/telegram")
    pipeline = await h.start("webhook", webhook_secret=SECRET)
    url = f"http://127.0.0.1:{pipeline.webhook_port}/telegram"
    update = anna.send_text("przez webhook")
    header = "X-Telegram-Bot-Api-Secret-Token"

    async with httpx.AsyncClient() as client:
        missing = await client.post(url, json=update)
        wrong = await client.post(url, json=update, headers={header: SECRET + "x"})
        assert await h.inbox() == []  # nothing stored from refused requests
        right = await client.post(url, json=update, headers={header: SECRET})
        again = await client.post(url, json=update, headers={header: SECRET})
        health = await client.get(f"http://127.0.0.1:{pipeline.webhook_port}/healthz")
        ready = await client.get(f"http://127.0.0.1:{pipeline.webhook_port}/readyz")

    assert (missing.status_code, wrong.status_code) == (403, 403)
    assert (right.status_code, again.status_code) == (200, 200)
    [reply] = await api.await_sent(ANNA)
    assert reply.text == "echo: text=przez webhook"
    assert [row.update_id for row in await h.inbox()] == [update["update_id"]]
    assert health.status_code == 200
    body = json.loads(health.content)
    assert set(body) == {
        "ok",
        "database",
        "last_update_received_at",
        "polling_ok",
        "telegram_ok",
        "pending_inbox",
        "pending_outbox",
        "failed_outbox",
        "oldest_unsent_minutes",
        "processes",
        "problems",
    }
    assert body["ok"] is True and body["database"] is True and body["problems"] == []
    assert body["last_update_received_at"] is not None
    assert (ready.status_code, ready.text) == (200, "ready\n")


async def test_telegram_delivers_through_the_registered_webhook(
    sqlite_harness: Harness, api: LocalBotApi, anna: FakeUser
) -> None:
    h = sqlite_harness
    port = _free_port()
    h.config = fast_config(
        listen="127.0.0.1", port=port, path="/hook", public_url=f"http://127.0.0.1:{port}"
    )
    await h.start("webhook", webhook_secret=SECRET)

    info = api.webhook_info()
    assert info["url"] == f"http://127.0.0.1:{port}/hook" and info["secret_token"] == SECRET
    anna.send_text("pierwsza")
    anna.send_text("druga")

    replies = await api.await_sent(ANNA, 2)
    assert [r.text for r in replies] == ["echo: text=pierwsza", "echo: text=druga"]
    assert api.pending_updates() == 0
    assert {row.status for row in await h.inbox()} == {InboxStatus.DONE}


async def test_malformed_bodies_get_400_and_odd_text_is_stored_cleaned(
    harness: Harness, api: LocalBotApi, anna: FakeUser
) -> None:
    harness.config = fast_config(listen="127.0.0.1", port=0, path="/telegram")
    pipeline = await harness.start("webhook", webhook_secret=SECRET)
    base = f"http://127.0.0.1:{pipeline.webhook_port}"
    headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET, "Content-Type": "application/json"}
    bad = {
        "deep": b'{"update_id": 1, "x": ' + b"[" * 5000 + b"]" * 5000 + b"}",
        "deep but parseable": b'{"update_id": 1, "x": ' + b"[" * 500 + b"]" * 500 + b"}",
        "id beyond 64 bits": b'{"update_id": 18446744073709551616}',
        "id a boolean": b'{"update_id": true}',
        "id a float": b'{"update_id": 1.5}',
        "NaN": b'{"update_id": 2, "x": NaN}',
        "not an object": b"[1, 2, 3]",
        "not UTF-8": b'{"update_id": 3, "x": "\xff\xfe"}',
        "empty": b"",
        "huge number": b'{"update_id": 4, "x": ' + b"9" * 5000 + b"}",
    }
    nul = anna.send_text("bez\x00nul")
    surrogate = json.dumps(anna.send_text("x")).replace('"x"', '"p\\ud800q"').encode()

    async with httpx.AsyncClient() as client:
        answers = {
            name: (await client.post(f"{base}/telegram", content=body, headers=headers)).status_code
            for name, body in bad.items()
        }
        stored = [
            (await client.post(f"{base}/telegram", content=body, headers=headers)).status_code
            for body in (json.dumps(nul).encode(), surrogate)
        ]
        health = await client.get(f"{base}/healthz")

    assert answers == dict.fromkeys(bad, 400)
    assert stored == [200, 200]
    assert health.status_code == 200
    replies = await api.await_sent(ANNA, 2)
    assert [r.text for r in replies] == ["echo: text=beznul", "echo: text=p\ufffdq"]


def test_a_chat_id_beyond_64_bits_is_no_chat() -> None:
    from bot.pipeline.inbox import chat_of

    update = {"update_id": 1, "message": {"chat": {"id": 2**64}, "from": {"id": 5}}}
    assert chat_of(update) == 5
