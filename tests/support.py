"""Use-case-level conversations without Telegram: the router on a real database."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime
from typing import Any

from bot.conversation import Answer, Step
from bot.services import Services
from bot.turn import Turn
from bot.usecases.router import router_of
from db.repositories.users import ensure_user

# Telegram's per-chat sending limits are not what most end-to-end tests are about.
FAST = {"private_chat_per_second": 100, "group_per_minute": 6000}


async def eventually(
    probe: Callable[[], Awaitable[Any]], expected: Any, within: float = 10
) -> None:
    """Wait until `await probe()` equals `expected` (a state to reach, not a timing to meet)."""
    deadline = time.monotonic() + within
    while (value := await probe()) != expected:
        if time.monotonic() > deadline:
            raise AssertionError(f"still {value!r}, expected {expected!r}")
        await asyncio.sleep(0.02)


class Resident:
    """A person talking to the router directly (what a Telegram or Signal adapter would do)."""

    def __init__(
        self,
        services: Services,
        user_id: int = 1001,
        language_hint: str | None = "pl",
        display_name: str | None = None,
    ):
        self.services = services
        self.user_id = user_id
        self.language_hint = language_hint
        self.display_name = display_name
        self.last: list[Answer] = []

    async def send(self, step: Step) -> list[Answer]:
        """Take one turn and return the answers, committed like a real turn."""
        services = self.services
        async with services.uow() as uow:
            user = await ensure_user(uow.session, "telegram", str(self.user_id), self.user_id)
            turn = Turn(
                user=user,
                step=step,
                lang=services.catalog.language(user.language or self.language_hint),
                language_hint=self.language_hint,
                now=services.clock(),
                display_name=self.display_name,
            )
            answers = list(await router_of(services).handle(uow, turn, services))
            await uow.commit()
        self.last = answers
        return answers

    def texts(self, answers: Sequence[Answer] | None = None, lang: str = "pl") -> list[str]:
        """Render answers as the person would read them (catalog text only)."""
        from handlers.render import render_text

        return [
            render_text(self.services.catalog, lang, a)
            for a in (self.last if answers is None else answers)
        ]


class Clock:
    """A controllable clock for deadlines and expiry."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        """Move the clock forward (timedelta keyword arguments)."""
        from datetime import timedelta

        self.now += timedelta(**delta)


ClockFactory = Callable[[], datetime]


async def view_payload(session: Any, kind: str, payload: dict[str, Any]) -> dict[str, Any]:
    """Say what an alert row (or its edit) shows, from the live view it names.

    Alert rows hold only a view id (bot/usecases/officers/views.py); tests assert on the report,
    the reason and the language the view records: {"report_id", "reason", "lang"} for an alert
    or card, {"report_id"} for an edit, plus "view" when it is not an alert.
    """
    from db.models.reports import AlertMessage

    if kind not in ("alert", "alert_edit") or "view_id" not in payload:
        return payload
    view = await session.get(AlertMessage, int(payload["view_id"]))
    assert view is not None, f"no view {payload}"
    if kind == "alert_edit":
        seen: dict[str, Any] = {"report_id": view.report_id}
    else:
        seen = {"report_id": view.report_id, "reason": view.reason, "lang": view.lang}
    if view.kind != "alert":
        seen["view"] = view.kind
    return seen
