"""Keep the local Bot API server's world in memory: chats, messages, updates, files, records."""

import copy
import json
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from devtools.localapi.errors import bad_request
from devtools.localapi.faults import Fault
from devtools.localapi.flood import FloodControl
from devtools.localapi.sent import SentMessage


@dataclass
class BotAccount:
    """Hold one registered bot: its identity, pending updates, webhook and commands."""

    token: str
    user_id: int
    username: str
    first_name: str
    updates: list[dict[str, Any]] = field(default_factory=list)
    poll_generation: int = 0
    webhook_url: str | None = None
    webhook_secret: str | None = None
    webhook_max_connections: int = 40
    webhook_allowed_updates: list[str] | None = None
    last_error_date: int | None = None
    last_error_message: str | None = None
    commands: dict[tuple[str, str], list[dict[str, str]]] = field(default_factory=dict)

    def as_user(self) -> dict[str, Any]:
        """Return the bot as a Telegram User object."""
        return {
            "id": self.user_id,
            "is_bot": True,
            "first_name": self.first_name,
            "username": self.username,
        }


@dataclass(frozen=True)
class StoredFile:
    """Hold the bytes of one file the server issued a file_id for."""

    file_id: str
    file_unique_id: str
    file_path: str
    data: bytes
    kind: str
    mime_type: str | None = None
    file_name: str | None = None
    width: int | None = None
    height: int | None = None


@dataclass
class RecordedCall:
    """Record one request to the Bot API, whatever its outcome."""

    method: str
    params: dict[str, Any]
    chat_id: int | None
    at: float
    status: int | None = None
    description: str | None = None
    fault: str | None = None


def scope_key(scope: Any) -> str:
    """Return a canonical key for a BotCommandScope given as a dict, a type name or None."""
    if scope is None:
        scope = {"type": "default"}
    elif isinstance(scope, str):
        scope = {"type": scope}
    return json.dumps(scope, sort_keys=True)


class BotApiState:
    """Store everything the server knows, safely shared by the server thread and tests."""

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.changed = threading.Condition(self.lock)
        self.bots: dict[str, BotAccount] = {}
        self.chats: dict[int, dict[str, Any]] = {}
        self.messages: dict[tuple[int, int], dict[str, Any]] = {}
        self.current: dict[tuple[int, int], SentMessage] = {}
        self.files: dict[str, StoredFile] = {}
        self.files_by_path: dict[str, StoredFile] = {}
        self.photo_sizes: dict[str, list[dict[str, Any]]] = {}
        self.calls: list[RecordedCall] = []
        self.sent: list[SentMessage] = []
        self.read_cursors: dict[int, int] = {}
        self.answered_callbacks: list[dict[str, Any]] = []
        self.open_callbacks: set[str] = set()
        self.blocked_chats: set[int] = set()
        self.held_chats: set[int] = set()
        self.faults: list[Fault] = []
        # Telegram's flood limits, when a test or benchmark turns them on.
        self.flood: FloodControl | None = None
        self._last_message_ids: dict[int, int] = {}
        self._last_update_id = 100_000
        self._file_counter = 0
        self._listeners: list[Callable[[], None]] = []

    def add_listener(self, listener: Callable[[], None]) -> None:
        """Call `listener` (from any thread) after every change that waiters care about."""
        with self.lock:
            self._listeners.append(listener)

    def remove_listener(self, listener: Callable[[], None]) -> None:
        """Stop calling `listener`."""
        with self.lock:
            self._listeners.remove(listener)

    def notify(self) -> None:
        """Wake every waiter: threads blocked on `changed` and the server's event loop."""
        with self.lock:
            self.changed.notify_all()
            listeners = list(self._listeners)
        for listener in listeners:
            listener()

    def bot(self, token: str) -> BotAccount | None:
        """Return the bot registered with `token`, if any."""
        with self.lock:
            return self.bots.get(token)

    def default_bot(self) -> BotAccount:
        """Return the only (or first) registered bot, for tests that act as users."""
        with self.lock:
            if not self.bots:
                raise RuntimeError("register a bot first: api.register_bot(token)")
            return next(iter(self.bots.values()))

    def chat(self, chat_id: int) -> dict[str, Any]:
        """Return a known chat as a Telegram Chat object, or fail with "chat not found"."""
        with self.lock:
            chat = self.chats.get(chat_id)
            if chat is None:
                raise bad_request("chat not found")
            return dict(chat)

    def add_chat(self, chat: dict[str, Any]) -> None:
        """Make a chat known so that the bot can send to it."""
        with self.lock:
            self.chats[int(chat["id"])] = dict(chat)

    def next_message_id(self, chat_id: int) -> int:
        """Allocate the next message id of a chat (ids are per chat, starting at 1)."""
        with self.lock:
            message_id = self._last_message_ids.get(chat_id, 0) + 1
            self._last_message_ids[chat_id] = message_id
            return message_id

    def new_file(
        self,
        data: bytes,
        kind: str,
        suffix: str,
        mime_type: str | None = None,
        file_name: str | None = None,
        size: tuple[int, int] | None = None,
    ) -> StoredFile:
        """Store bytes under a fresh file_id and file_path, as Telegram does for uploads."""
        with self.lock:
            self._file_counter += 1
            stored = StoredFile(
                file_id=f"{kind[:2].upper()}AC{self._file_counter:04d}{secrets.token_hex(12)}",
                file_unique_id=f"AQAD{self._file_counter:04d}{secrets.token_hex(4)}",
                file_path=f"{kind}s/file_{self._file_counter}{suffix}",
                data=data,
                kind=kind,
                mime_type=mime_type,
                file_name=file_name,
                width=size[0] if size else None,
                height=size[1] if size else None,
            )
            self.files[stored.file_id] = stored
            self.files_by_path[stored.file_path] = stored
            return stored

    def enqueue_update(self, update: dict[str, Any], token: str | None = None) -> dict[str, Any]:
        """Queue an update for a bot, assigning the next update_id unless one is given."""
        with self.lock:
            bot = self.bots[token] if token else self.default_bot()
            update = copy.deepcopy(update)
            if "update_id" not in update:
                self._last_update_id += 1
                update["update_id"] = self._last_update_id
            else:
                self._last_update_id = max(self._last_update_id, int(update["update_id"]))
            bot.updates.append(update)
        self.notify()
        return copy.deepcopy(update)

    def take_updates(self, bot: BotAccount, offset: int | None, limit: int) -> list[dict[str, Any]]:
        """Confirm updates before `offset` (Telegram's rule) and return the next `limit`."""
        with self.lock:
            if offset is not None and offset < 0:
                # A negative offset keeps only the last -offset updates, forgetting the rest.
                bot.updates = bot.updates[offset:]
            elif offset is not None:
                bot.updates = [u for u in bot.updates if u["update_id"] >= offset]
            return copy.deepcopy(bot.updates[:limit])

    def confirm_update(self, bot: BotAccount, update_id: int) -> None:
        """Forget one update after the webhook acknowledged it."""
        with self.lock:
            bot.updates = [u for u in bot.updates if u["update_id"] != update_id]

    def record_call(self, method: str, params: dict[str, Any], chat_id: int | None) -> RecordedCall:
        """Record an incoming request before it is answered."""
        call = RecordedCall(method=method, params=params, chat_id=chat_id, at=time.time())
        with self.lock:
            self.calls.append(call)
        return call

    def finish_call(self, call: RecordedCall, status: int, description: str | None = None) -> None:
        """Note how a recorded request was answered."""
        with self.lock:
            call.status = status
            call.description = description

    def record_sent(self, sent: SentMessage) -> None:
        """Record a successful send, edit or delete and keep the message's latest state."""
        with self.lock:
            # Later edits mutate the stored message; the record keeps it as it was.
            sent.message = copy.deepcopy(sent.message)
            self.sent.append(sent)
            key = (sent.chat_id, sent.message_id or 0)
            if sent.method == "deleteMessage":
                self.current.pop(key, None)
            elif sent.message_id is not None:
                self.current[key] = sent
        self.notify()

    def take_fault(self, method: str, chat_id: int | None) -> Fault | None:
        """Return the first injected fault that applies to this call, counting it as fired."""
        with self.lock:
            for fault in self.faults:
                if fault.matches(method, chat_id):
                    fault.fired += 1
                    return fault
            return None

    def clear_records(self) -> None:
        """Forget recorded calls, sends, answers and read cursors (chats and ids stay)."""
        with self.lock:
            self.calls.clear()
            self.sent.clear()
            self.read_cursors.clear()
            self.answered_callbacks.clear()
