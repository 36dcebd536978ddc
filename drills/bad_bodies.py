"""Drill 5: 10,000 malformed or random bodies POSTed to a webhook process, with the right
secret (the worst case: what Telegram itself or someone holding the secret could send).

Each must get 2xx (stored: a well-formed update, however odd its content) or 4xx, never 5xx,
and the process must go on receiving and answering residents.
"""

from __future__ import annotations

import asyncio
import json
import random
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

from devtools.localapi import LocalBotApi
from drills.databases import sqlite_database
from drills.figures import Conversation, Figures
from drills.processes import TOKEN, BotProcess

SECRET = "drill-webhook-secret-0123456789abcdef"
HEADER = "X-Telegram-Bot-Api-Secret-Token"
FIRST_CHAT = 6_500_000
# Requests under way at once (Telegram opens up to 40 connections to a webhook).
CONCURRENCY = 16

Body = Callable[[random.Random], bytes]


def _update(rng: random.Random) -> dict[str, Any]:
    user = {"id": rng.randint(1, 10**10), "is_bot": False, "first_name": "X"}
    return {
        "update_id": rng.randint(1, 2**31),
        "message": {
            "message_id": rng.randint(1, 10**6),
            "from": user,
            "chat": {"id": user["id"], "type": "private"},
            "date": 1_764_000_000,
            "text": "hej",
        },
    }


def _random_value(rng: random.Random, depth: int = 0) -> Any:
    kind = rng.randrange(9 if depth < 3 else 6)
    if kind == 0:
        return None
    if kind == 1:
        return rng.choice([True, False])
    if kind == 2:
        return rng.randint(-(2**70), 2**70)
    if kind == 3:
        return rng.random() * 10 ** rng.randint(-5, 300)
    if kind == 4:
        return "".join(chr(rng.randint(0, 0x2FFF)) for _ in range(rng.randint(0, 30)))
    if kind == 5:
        return rng.choice(["", "\x00", "\ud800", "\U0001f6a8", "<b>", "%s%n", "' OR 1=1 --"])
    if kind == 6:
        return [_random_value(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    return {
        rng.choice(["message", "chat", "from", "id", "text", "x"]): _random_value(rng, depth + 1)
        for _ in range(rng.randint(0, 4))
    }


def _mutated(rng: random.Random) -> bytes:
    # A real update with one field replaced by anything: well-formed JSON, odd content.
    update = _update(rng)
    holder: dict[str, Any] = rng.choice([update, update["message"], update["message"]["chat"]])
    holder[rng.choice(list(holder))] = _random_value(rng)
    return json.dumps(update, ensure_ascii=rng.random() < 0.5).encode("utf-8", "surrogatepass")


def _deep(rng: random.Random) -> bytes:
    depth = rng.choice([70, 500, 1000, 5000, 20000])
    opener, closer = rng.choice([(b"[", b"]"), (b'{"a":', b"}")])
    return b'{"update_id": 1, "x": ' + opener * depth + b"1" + closer * depth + b"}"


BODIES: dict[str, Body] = {
    "random bytes": lambda rng: rng.randbytes(rng.randint(0, 3000)),
    "cut-off update": lambda rng: json.dumps(_update(rng)).encode()[: rng.randint(0, 80)],
    "not an object": lambda rng: json.dumps(
        rng.choice([[1, 2], "x", 5, None, True, 1.5, [], {}])
    ).encode(),
    "odd update_id": lambda rng: json.dumps(
        {"update_id": rng.choice(["1", 1.5, True, None, 2**64, -(2**64), [1], {"a": 1}])}
    ).encode(),
    "deep nesting": _deep,
    "NaN, Infinity": lambda rng: (
        b'{"update_id": 5, "x": ' + rng.choice([b"NaN", b"Infinity", b"-Infinity"]) + b"}"
    ),
    "huge number": lambda rng: b'{"update_id": 6, "x": ' + b"9" * rng.randint(400, 9000) + b"}",
    "bad UTF-8": lambda rng: b'{"update_id": 7, "message": {"text": "' + rng.randbytes(8) + b'"}}',
    "mutated update": _mutated,
    "oversized": lambda rng: b'{"update_id": 8, "x": "' + b"a" * 1_100_000 + b'"}',
}


async def run(bodies: int = 10_000, seed: int = 19) -> Figures:
    """Run the drill and return its figures."""
    with tempfile.TemporaryDirectory(prefix="drill-bodies-") as folder:
        async with sqlite_database(Path(folder)) as url:
            with LocalBotApi() as api:
                api.register_bot(TOKEN)
                return await _drill(api, url, Path(folder), bodies, seed)


async def _drill(api: LocalBotApi, url: str, folder: Path, bodies: int, seed: int) -> Figures:
    bot = BotProcess("bot", api, url, folder, mode="webhook", secret=SECRET)
    rng = random.Random(seed)
    kinds = list(BODIES)
    # Oversized bodies cost a megabyte each: a few are enough.
    plan = [rng.choice(kinds[:-1]) if n % 500 else kinds[-1] for n in range(1, bodies + 1)]
    statuses: Counter[str] = Counter()
    by_kind: dict[str, Counter[int]] = {kind: Counter() for kind in kinds}
    conversation = Conversation(api)
    try:
        await bot.start()
        hook = f"http://127.0.0.1:{bot.port}/telegram"
        queue: asyncio.Queue[str] = asyncio.Queue()
        for kind in plan:
            queue.put_nowait(kind)
        began = time.monotonic()
        async with httpx.AsyncClient(timeout=30) as client:

            async def post() -> None:
                while not queue.empty():
                    kind = queue.get_nowait()
                    body = BODIES[kind](rng)
                    try:
                        response = await client.post(hook, content=body, headers={HEADER: SECRET})
                        status = response.status_code
                    except httpx.HTTPError:
                        status = 0
                    by_kind[kind][status] += 1
                    statuses[_class(status)] += 1

            await asyncio.gather(*(post() for _ in range(CONCURRENCY)))
            took = time.monotonic() - began
            ready = (await client.get(f"http://127.0.0.1:{bot.port}/readyz")).status_code
        # And residents are still answered: the process is well.
        users = [api.user(FIRST_CHAT + i) for i in range(3)]
        await _register_webhook(api, hook)
        for user in users:
            conversation.write(user, f"{user.id}-po")
        complete = await conversation.wait(within=60)
        alive = bot.alive
    finally:
        await bot.close()
    inbox = await _inbox_states(url)
    stored = sum(counts[200] for counts in by_kind.values())
    detail = ", ".join(
        f"{kind}: " + "/".join(f"{n}×{status}" for status, n in sorted(counts.items()))
        for kind, counts in by_kind.items()
    )
    return Figures(
        drill="malformed webhook bodies",
        what=(
            f"{bodies} bodies with the right secret, {CONCURRENCY} at a time, to one `webhook` "
            f"process: random bytes, cut-off JSON, non-objects, odd update_ids, nesting up to "
            f"20,000 deep, NaN, 9,000-digit numbers, bad UTF-8, mutated updates, 1.1 MB bodies"
        ),
        updates=bodies,
        lost=0 if complete else len(users),
        duplicated=conversation.duplicated(),
        out_of_order=conversation.out_of_order(),
        recover_seconds=0.0,
        command="make drill DRILL=bad-bodies",
        notes=(
            f"answers: {dict(statuses)}; {stored} stored as updates (inbox afterwards: "
            f"{inbox}); took {took:.1f} s; "
            f"/readyz {ready}; process {'alive' if alive else 'DEAD'}; residents answered "
            f"afterwards: {'yes' if complete else 'NO'}. By kind: {detail}"
        ),
        checks={
            "5xx": statuses["5xx"],
            "no answer": statuses["no answer"],
            "2xx": statuses["2xx"],
            "4xx": statuses["4xx"],
            "not ready": int(ready != 200),
            "dead": int(not alive),
        },
    )


def _class(status: int) -> str:
    return f"{status // 100}xx" if status else "no answer"


async def _register_webhook(api: LocalBotApi, url: str) -> None:
    async with httpx.AsyncClient() as client:
        response = await client.post(
            f"{api.base_url}{TOKEN}/setWebhook", json={"url": url, "secret_token": SECRET}
        )
        response.raise_for_status()


async def _inbox_states(url: str) -> dict[str, int]:
    """How the stored updates ended: handled, or failed (PTB could not read them)."""
    from sqlalchemy import func, select

    from db.engine import create_engine
    from db.models.pipeline import InboxUpdate

    engine = create_engine(url)
    try:
        async with engine.connect() as conn:
            rows = await conn.execute(
                select(InboxUpdate.status, func.count()).group_by(InboxUpdate.status)
            )
            return {str(status): int(count) for status, count in rows}
    finally:
        await engine.dispose()
