"""A resident reporting a threat through the real bot, step by step, timing each answer."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from devtools.localapi import FakeUser, LocalBotApi
from devtools.localapi.sent import SentMessage

# Where the resident stands: Konin's centre (inside the sample's districts).
CITY_CENTRE = (52.2275, 18.2614)
# Longest wait for one answer before the drill gives up on the resident.
STEP_TIMEOUT = 60.0


def _values(message: SentMessage) -> dict[str, str]:
    # The bot's buttons carry "scope:version:value" (bot/callback_data.py).
    found = {}
    for row in (message.reply_markup or {}).get("inline_keyboard") or []:
        for button in row:
            data = str(button.get("callback_data", ""))
            found[data.split(":", 2)[-1]] = data
    return found


def offering(value: str) -> Callable[[SentMessage], bool]:
    """Match a message that offers a button with this value."""
    return lambda message: value in _values(message)


@dataclass
class Resident:
    """One person in a private chat with the bot."""

    api: LocalBotApi
    user: FakeUser
    waits: list[float] = field(default_factory=list)

    async def _answer(self, matches: Callable[[SentMessage], bool]) -> SentMessage:
        began = time.monotonic()
        [message] = await self.api.await_sent(self.user.id, predicate=matches, timeout=STEP_TIMEOUT)
        self.waits.append(time.monotonic() - began)
        return message

    def _press(self, message: SentMessage, value: str) -> None:
        self.user.press_data(message, _values(message)[value])

    async def choose_polish(self) -> None:
        """/start and pick Polish, as everyone does first."""
        self.user.send_command("start")
        question = await self._answer(offering("pl"))
        self._press(question, "pl")
        await self._answer(lambda m: bool(m.buttons()) and m is not question)

    async def report_dumping(self, description: str) -> str:
        """Report a wild dump at the city centre, anonymously; return the reference number."""
        self.user.send_command("zglos")
        self._press(await self._answer(offering("danger.no")), "danger.no")
        self._press(await self._answer(offering("grp.environment")), "grp.environment")
        self._press(await self._answer(offering("cat.illegal_dumping")), "cat.illegal_dumping")
        await self._answer(lambda m: bool(m.reply_keyboard()))
        self.user.send_location(*CITY_CENTRE)
        asked = await self._answer(lambda m: bool({"when.now", "new"} & set(_values(m))))
        if "new" in _values(asked):
            # Another resident reported a dump here already: this one is a new report.
            self._press(asked, "new")
            asked = await self._answer(offering("when.now"))
        self._press(asked, "when.now")
        await self._answer(offering("skip"))
        self.user.send_text(description)
        self._press(await self._answer(offering("done")), "done")
        self._press(await self._answer(offering("anon.yes")), "anon.yes")
        self._press(await self._answer(offering("send")), "send")
        sent = await self._answer(lambda m: "KN-" in (m.text or ""))
        return "KN-" + (sent.text or "").split("KN-", 1)[1].split()[0].strip(".,<>/b")
