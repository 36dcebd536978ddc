"""Receiving keeps going when one update cannot be understood."""

from __future__ import annotations

import asyncio
from typing import Any

from sqlalchemy import select

from db.engine import session_factory
from db.models import InboxStatus, InboxUpdate
from tests.conftest import StartBot


async def test_an_update_the_library_cannot_parse_fails_alone(
    local_api: Any, start_bot: StartBot
) -> None:
    runtime = await start_bot()
    # A message whose chat lacks its required fields: PTB cannot build an Update from it.
    broken = local_api.enqueue_update({"message": {"message_id": 1, "date": 0, "chat": {}}})
    resident = local_api.user(5101, language_code="pl")
    resident.send_command("start")

    answers = await local_api.await_sent(5101, count=1, timeout=30)
    assert answers, "the resident after the broken update was answered"

    sessions = session_factory(runtime.engine)
    for _ in range(300):
        async with sessions() as session:
            row = (
                await session.execute(
                    select(InboxUpdate).where(InboxUpdate.update_id == broken["update_id"])
                )
            ).scalar_one()
        if row.status == InboxStatus.FAILED:
            break
        await asyncio.sleep(0.1)
    assert row.status == InboxStatus.FAILED
    # The raw JSON was stored as Telegram sent it, and the error names no message text.
    assert row.payload["message"]["chat"] == {}
    assert row.last_error is not None
