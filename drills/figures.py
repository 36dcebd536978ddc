"""Count what the residents got: lost, duplicated and out-of-order answers, and how late."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field

from devtools.localapi import FakeUser, LocalBotApi
from drills.echo_bot import ANSWER_PREFIX


@dataclass
class Figures:
    """One line of docs/reliability.md's table."""

    drill: str
    what: str
    updates: int
    lost: int
    duplicated: int
    out_of_order: int
    recover_seconds: float
    command: str
    notes: str = ""
    # Drill-specific counts a test asserts on (e.g. errors shown to residents, 5xx answers).
    checks: dict[str, int] = field(default_factory=dict)

    def line(self) -> str:
        """The figures in one line, as the drills print them."""
        return (
            f"{self.drill}: updates {self.updates}, lost {self.lost}, "
            f"duplicated {self.duplicated}, out of order {self.out_of_order}, "
            f"recovered in {self.recover_seconds:.1f} s"
            + (f" ({self.notes})" if self.notes else "")
        )


@dataclass
class _Sent:
    text: str
    at: float


@dataclass
class Conversation:
    """What the residents wrote (in order per chat) and when each answer was first seen."""

    api: LocalBotApi
    written: dict[int, list[_Sent]] = field(default_factory=dict)
    answers: dict[int, list[_Sent]] = field(default_factory=dict)
    _seen: int = 0

    def write(self, user: FakeUser, text: str) -> None:
        """Send a text as a resident and remember when."""
        user.send_text(text)
        self.written.setdefault(user.id, []).append(_Sent(text, time.monotonic()))

    def look(self) -> None:
        """Note the bot's new answers with the time they are first seen."""
        sent = self.api.sent(method="sendMessage")
        now = time.monotonic()
        for message in sent[self._seen :]:
            text = message.text or ""
            if text.startswith(ANSWER_PREFIX):
                chat = self.answers.setdefault(message.chat_id, [])
                chat.append(_Sent(text.removeprefix(ANSWER_PREFIX), now))
        self._seen = len(sent)

    def complete(self) -> bool:
        """Tell whether every text written has an answer."""
        self.look()
        return all(
            {answer.text for answer in self.answers.get(chat, [])} >= {w.text for w in written}
            for chat, written in self.written.items()
        )

    async def wait(self, within: float) -> bool:
        """Watch answers until all are in or `within` seconds pass; return whether all are."""
        deadline = time.monotonic() + within
        while not self.complete():
            if time.monotonic() > deadline:
                return False
            await asyncio.sleep(0.05)
        return True

    async def settle(self, seconds: float) -> None:
        """Keep watching a little longer, so a late duplicate is counted too."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self.look()
            await asyncio.sleep(0.05)

    @property
    def updates(self) -> int:
        """How many texts were written."""
        return sum(len(written) for written in self.written.values())

    def lost(self) -> int:
        """Texts without any answer."""
        return sum(
            len({w.text for w in written} - {a.text for a in self.answers.get(chat, [])})
            for chat, written in self.written.items()
        )

    def duplicated(self) -> int:
        """Answers beyond the first for the same text."""
        extra = 0
        for answers in self.answers.values():
            texts = [a.text for a in answers]
            extra += len(texts) - len(set(texts))
        return extra

    def out_of_order(self) -> int:
        """First answers that came after an answer to a later text of the same chat."""
        wrong = 0
        for chat, written in self.written.items():
            position = {w.text: i for i, w in enumerate(written)}
            latest = -1
            seen: set[str] = set()
            for answer in self.answers.get(chat, []):
                if answer.text in seen or answer.text not in position:
                    continue
                seen.add(answer.text)
                if position[answer.text] < latest:
                    wrong += 1
                latest = max(latest, position[answer.text])
        return wrong

    def longest_silence(self) -> float:
        """The longest time a resident waiting for an answer heard nothing.

        Waiting starts when the oldest unanswered text was written, or at the previous answer
        if that came later: per-chat pacing (one message a second) shows as about a second.
        """
        worst = 0.0
        for chat, written in self.written.items():
            firsts: dict[str, float] = {}
            for answer in self.answers.get(chat, []):
                firsts.setdefault(answer.text, answer.at)
            answered: set[str] = set()
            last = float("-inf")
            for text, at in sorted(firsts.items(), key=lambda item: item[1]):
                waiting = [w.at for w in written if w.text not in answered and w.at <= at]
                if waiting:
                    worst = max(worst, at - max(min(waiting), last))
                answered.add(text)
                last = at
        return worst

    def slowest(self, written_after: float = 0.0) -> float:
        """The longest wait for a first answer, among texts written after `written_after`."""
        longest = 0.0
        for chat, written in self.written.items():
            first: dict[str, float] = {}
            for answer in self.answers.get(chat, []):
                first.setdefault(answer.text, answer.at)
            for w in written:
                if w.at >= written_after and w.text in first:
                    longest = max(longest, first[w.text] - w.at)
        return longest

    def last_answer_at(self) -> float:
        """When the last first answer was seen."""
        return max(
            (a.at for answers in self.answers.values() for a in answers), default=time.monotonic()
        )
