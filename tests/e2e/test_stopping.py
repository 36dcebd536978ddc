"""Stopping the bot: every feature finishes its own work before the database closes."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

import bot.app
import bot.runtime
from bot.feature import Feature
from bot.services import Services
from tests.conftest import StartBot


async def test_stopping_runs_each_features_shutdown_once_before_the_database_closes(
    local_api: Any, start_bot: StartBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[str] = []

    async def shutdown(services: Services) -> None:
        events.append("shutdown")

    recorder = Feature(name="recorder", shutdown=shutdown)
    real = bot.app.features
    monkeypatch.setattr(bot.runtime, "features", lambda: [*real(), recorder])
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
