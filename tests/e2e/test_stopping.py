"""Stopping the bot: the handlers finish their own work before the database closes."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

import app.assembly
from bot.services import Services
from tests.conftest import StartBot


async def test_stopping_runs_the_shutdown_once_before_the_database_closes(
    local_api: Any, start_bot: StartBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[str] = []

    real = app.assembly.shutdown

    async def shutdown(services: Services) -> None:
        await real(services)
        events.append("shutdown")

    monkeypatch.setattr(app.assembly, "shutdown", shutdown)
    runtime = await start_bot()
    engine = runtime.engine
    dispose = AsyncEngine.dispose

    async def recorded_dispose(self: AsyncEngine, close: bool = True) -> None:
        if self is engine:
            events.append("dispose")
        await dispose(self, close)

    monkeypatch.setattr(AsyncEngine, "dispose", recorded_dispose)

    await runtime.stop()
    await runtime.stop()

    assert events == ["shutdown", "dispose"]
