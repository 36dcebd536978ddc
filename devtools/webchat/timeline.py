"""What happened in the page's chats, in order: what the bot sent, edited, deleted or popped up,
and what the people did. The page replays it on connecting and then follows it live.
"""

from __future__ import annotations

import asyncio
import contextlib
import secrets
import threading
from typing import Any

from devtools.localapi import LocalBotApi
from devtools.webchat.render import album_view, message_view, reply_keyboard

SENDS = frozenset(
    {"sendMessage", "sendPhoto", "sendDocument", "sendLocation", "sendVenue", "sendContact"}
)
EDITS = frozenset({"editMessageText", "editMessageReplyMarkup", "editMessageCaption"})


class Timeline:
    """Collect entries from the local server's records and from the people's actions."""

    def __init__(self, api: LocalBotApi, chat_ids: set[int]) -> None:
        self.api = api
        # Tells a reconnecting browser whether it followed this run of the web chat.
        self.run = secrets.token_hex(4)
        self.chat_ids = chat_ids
        self.entries: list[dict[str, Any]] = []
        self._sent_cursor = 0
        self._answers_cursor = 0
        # Callback queries the page sent, and the chat each came from, for their pop-ups.
        self._queries: dict[str, int] = {}
        self._lock = threading.Lock()
        self._changed = asyncio.Event()
        self._loop: asyncio.AbstractEventLoop | None = None

    def attach(self, loop: asyncio.AbstractEventLoop) -> None:
        """Follow the server's changes on this event loop."""
        self._loop = loop
        self.api.state.add_listener(self._on_change)
        self.pump()

    def detach(self) -> None:
        """Stop following the server."""
        self.api.state.remove_listener(self._on_change)

    def _on_change(self) -> None:
        # Called on the server's thread; the work happens on the page's loop.
        if self._loop is not None:
            with contextlib.suppress(RuntimeError):
                self._loop.call_soon_threadsafe(self.pump)

    def add(self, chat_id: int, kind: str, **fields: Any) -> None:
        """Append an entry and wake the page's streams."""
        with self._lock:
            self.entries.append(
                {"seq": len(self.entries) + 1, "chat": chat_id, "kind": kind, **fields}
            )
        self._changed.set()
        self._changed = asyncio.Event()

    def expect_answer(self, query_id: str, chat_id: int) -> None:
        """Remember which chat pressed a button, to show the pop-up the bot answers with."""
        self._queries[query_id] = chat_id

    def pump(self) -> None:
        """Turn the server's new records into entries."""
        state = self.api.state
        with state.lock:
            fresh = state.sent[self._sent_cursor :]
            self._sent_cursor = len(state.sent)
            answers = state.answered_callbacks[self._answers_cursor :]
            self._answers_cursor = len(state.answered_callbacks)
        for sent in fresh:
            if sent.chat_id not in self.chat_ids:
                continue
            if sent.method in SENDS:
                self.add(
                    sent.chat_id,
                    "bot",
                    message=message_view(state, sent),
                    keyboard=reply_keyboard(sent.reply_markup),
                )
            elif sent.method == "sendMediaGroup":
                self.add(sent.chat_id, "bot", message=album_view(state, sent), keyboard=None)
            elif sent.method in EDITS:
                self.add(sent.chat_id, "edit", message=message_view(state, sent))
            elif sent.method == "deleteMessage":
                self.add(sent.chat_id, "delete", id=sent.message_id)
        for answer in answers:
            chat_id = self._queries.pop(str(answer.get("callback_query_id")), None)
            if chat_id is not None and answer.get("text"):
                self.add(
                    chat_id,
                    "popup",
                    text=str(answer["text"]),
                    alert=bool(answer.get("show_alert")),
                )

    def started(self, chat_id: int) -> bool:
        """Tell whether anything happened in a chat yet."""
        with self._lock:
            return any(entry["chat"] == chat_id for entry in self.entries)

    def since(self, seq: int) -> list[dict[str, Any]]:
        """Return the entries after `seq`."""
        with self._lock:
            return self.entries[max(seq, 0) :]

    async def wait(self, seq: int, at_most: float) -> None:
        """Wait until there is an entry after `seq`, at most `at_most` seconds."""
        if len(self.entries) > seq:
            return
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._changed.wait(), at_most)
