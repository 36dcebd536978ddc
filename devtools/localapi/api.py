"""Give tests one object to run the local Bot API server, act as users and read what was sent."""

import asyncio
import copy
import time
from collections.abc import Callable
from types import TracebackType
from typing import Any

from devtools.localapi.faults import FAULT_KINDS, Fault, FaultKind
from devtools.localapi.flood import FloodControl, FloodLimits
from devtools.localapi.sent import SentMessage
from devtools.localapi.server import BotApiServer
from devtools.localapi.state import BotAccount, BotApiState, RecordedCall, scope_key
from devtools.localapi.users import FakeChat, FakeUser

SentPredicate = Callable[[SentMessage], bool]


class LocalBotApi:
    """Run a local Bot API server and drive it from tests (every method is thread-safe)."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self.state = BotApiState()
        self._server = BotApiServer(self.state, host, port)
        self._host = host

    # Lifecycle

    def start(self) -> "LocalBotApi":
        """Start serving in a daemon thread; return once requests are accepted."""
        self._server.start()
        return self

    def stop(self) -> None:
        """Stop serving."""
        self._server.stop()

    def __enter__(self) -> "LocalBotApi":
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def port(self) -> int:
        """Return the port the server listens on (known after start)."""
        return self._server.port

    @property
    def base_url(self) -> str:
        """Return the value for PTB's base_url (PTB appends the token and the method)."""
        return f"http://{self._host}:{self.port}/bot"

    @property
    def file_base_url(self) -> str:
        """Return the value for PTB's base_file_url."""
        return f"http://{self._host}:{self.port}/file/bot"

    def register_bot(
        self,
        token: str,
        user_id: int | None = None,
        username: str = "razem_test_bot",
        first_name: str = "Razem dla bezpieczeństwa (test)",
    ) -> None:
        """Accept requests with `token`; the bot's user id defaults to the token's prefix."""
        if user_id is None:
            prefix = token.split(":", 1)[0]
            user_id = int(prefix) if prefix.isdigit() else 1_000_000
        with self.state.lock:
            self.state.bots[token] = BotAccount(token, user_id, username, first_name)

    # Acting as Telegram

    def user(
        self,
        user_id: int,
        first_name: str = "Anna",
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = "pl",
        token: str | None = None,
    ) -> FakeUser:
        """Return a user who has a private chat with the bot (the first bot unless `token`)."""
        bot = self._bot(token)
        user = FakeUser(self.state, bot, user_id, first_name, last_name, username, language_code)
        self.state.add_chat(user.private_chat())
        return user

    def group(self, chat_id: int, title: str) -> FakeChat:
        """Return a group chat the bot is a member of (use a negative id, as Telegram does)."""
        chat = FakeChat(chat_id, title)
        self.state.add_chat(chat.as_dict())
        return chat

    def enqueue_update(self, update: dict[str, Any], token: str | None = None) -> dict[str, Any]:
        """Queue a raw update (update_id is assigned when missing) and return it."""
        return self.state.enqueue_update(update, self._bot(token).token)

    def pending_updates(self, token: str | None = None) -> int:
        """Return how many updates the bot has not confirmed yet."""
        with self.state.lock:
            return len(self._bot(token).updates)

    def webhook_info(self, token: str | None = None) -> dict[str, Any]:
        """Return the webhook url, secret and last error as the server knows them."""
        with self.state.lock:
            bot = self._bot(token)
            return {
                "url": bot.webhook_url,
                "secret_token": bot.webhook_secret,
                "pending_update_count": len(bot.updates),
                "last_error_message": bot.last_error_message,
            }

    def _bot(self, token: str | None) -> BotAccount:
        if token is None:
            return self.state.default_bot()
        bot = self.state.bot(token)
        if bot is None:
            raise KeyError(f"no bot registered with token {token[:6]}…")
        return bot

    # Faults

    def inject(
        self,
        method: str | None = None,
        chat_id: int | None = None,
        kind: FaultKind = "server_error",
        times: int = 1,
        retry_after: int = 1,
        delay: float = 0.0,
    ) -> Fault:
        """Make the next `times` calls of `method` (any if None) to `chat_id` (any) fail."""
        if kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault kind {kind!r}; use one of {FAULT_KINDS}")
        fault = Fault(kind, method, chat_id, times, retry_after, delay)
        with self.state.lock:
            self.state.faults.append(fault)
        return fault

    def end(self, fault: Fault) -> None:
        """Let the calls an injected fault still waited for succeed (e.g. an outage is over)."""
        with self.state.lock:
            fault.times = fault.fired

    def enforce_limits(
        self, limits: FloodLimits | None = None, clock: Callable[[], float] = time.monotonic
    ) -> FloodControl:
        """Answer 429 to messages over Telegram's flood limits from now on; return the counter."""
        flood = FloodControl(limits or FloodLimits(), clock)
        with self.state.lock:
            self.state.flood = flood
        return flood

    def fault_counts(self) -> dict[str, int]:
        """Return how many times faults of each kind fired."""
        with self.state.lock:
            counts: dict[str, int] = dict.fromkeys(FAULT_KINDS, 0)
            for fault in self.state.faults:
                counts[fault.kind] += fault.fired
            return counts

    def block_chat(self, chat_id: int) -> None:
        """Make every call addressed to `chat_id` fail with 403 until unblocked."""
        with self.state.lock:
            self.state.blocked_chats.add(chat_id)

    def unblock_chat(self, chat_id: int) -> None:
        """Let calls to `chat_id` succeed again."""
        with self.state.lock:
            self.state.blocked_chats.discard(chat_id)

    def hold(self, chat_id: int) -> None:
        """Keep requests addressed to `chat_id` waiting (unanswered) until released."""
        with self.state.lock:
            self.state.held_chats.add(chat_id)

    def release(self, chat_id: int) -> None:
        """Let held requests to `chat_id` proceed."""
        with self.state.lock:
            self.state.held_chats.discard(chat_id)
        self.state.notify()

    def delete_in_chat(self, chat_id: int, message_ids: list[int]) -> list[str]:
        """Delete bot messages as the person in the chat does, and forget their files.

        Real Telegram does not promise that a file id outlives every message that carried it;
        forgetting them here makes a bot that resends by file id fail as it could there.
        Return the forgotten file ids.
        """
        forgotten: list[str] = []
        with self.state.lock:
            for message_id in message_ids:
                message = self.state.messages.pop((chat_id, message_id), None)
                self.state.current.pop((chat_id, message_id), None)
                for size in (message or {}).get("photo") or []:
                    file_id = str(size["file_id"])
                    self.state.photo_sizes.pop(file_id, None)
                    self.state.files.pop(file_id, None)
                    forgotten.append(file_id)
        return forgotten

    # Reading what the bot did

    def sent(self, chat_id: int | None = None, method: str | None = None) -> list[SentMessage]:
        """Return the bot's successful sends, edits and deletes, in order."""
        with self.state.lock:
            return [
                sent
                for sent in self.state.sent
                if (chat_id is None or sent.chat_id == chat_id)
                and (method is None or sent.method == method)
            ]

    def current(self, chat_id: int, message_id: int) -> SentMessage:
        """Return the latest state of a bot message (after edits); fail if deleted or unknown."""
        with self.state.lock:
            sent = self.state.current.get((chat_id, message_id))
        if sent is None:
            raise KeyError(f"no live bot message {message_id} in chat {chat_id}")
        return sent

    def calls(self, method: str | None = None) -> list[RecordedCall]:
        """Return every recorded request, failed ones included, in arrival order."""
        with self.state.lock:
            return [c for c in self.state.calls if method is None or c.method == method]

    def answered_callbacks(self) -> list[dict[str, Any]]:
        """Return the parameters of every successful answerCallbackQuery."""
        with self.state.lock:
            return copy.deepcopy(self.state.answered_callbacks)

    def commands(
        self, scope: dict[str, Any] | str | None = None, language_code: str | None = None
    ) -> list[dict[str, str]]:
        """Return the command list set for exactly this scope and language ("" or None: all)."""
        with self.state.lock:
            key = (scope_key(scope), language_code or "")
            return copy.deepcopy(self.state.default_bot().commands.get(key, []))

    def clear(self) -> None:
        """Forget recorded calls, sends and answered callbacks; reset the wait cursors."""
        self.state.clear_records()

    # Waiting for the bot

    def _take_new(
        self, chat_id: int, count: int, predicate: SentPredicate | None
    ) -> list[SentMessage] | None:
        """Return new records for the chat once `count` match, moving the read cursor."""
        with self.state.lock:
            records = [sent for sent in self.state.sent if sent.chat_id == chat_id]
            cursor = self.state.read_cursors.get(chat_id, 0)
            fresh = [s for s in records[cursor:] if predicate is None or predicate(s)]
            if len(fresh) < count:
                return None
            self.state.read_cursors[chat_id] = len(records)
            return fresh

    def _timeout_error(self, chat_id: int, count: int, timeout: float) -> AssertionError:
        with self.state.lock:
            cursor = self.state.read_cursors.get(chat_id, 0)
            records = [s for s in self.state.sent if s.chat_id == chat_id]
            failed = [c for c in self.state.calls if c.chat_id == chat_id and c.status != 200]
        lines = [f"expected {count} new message(s) in chat {chat_id} within {timeout} s"]
        lines.append(f"already read ({cursor}):")
        lines += [f"  {s.summary()}" for s in records[:cursor]]
        lines.append(f"new, unread ({len(records) - cursor}):")
        lines += [f"  {s.summary()}" for s in records[cursor:]]
        if failed:
            lines.append("failed calls to this chat:")
            lines += [f"  {c.method}: {c.status} {c.description}" for c in failed]
        return AssertionError("\n".join(lines))

    def wait_sent(
        self,
        chat_id: int,
        count: int = 1,
        timeout: float = 10.0,
        predicate: SentPredicate | None = None,
    ) -> list[SentMessage]:
        """Block until `count` new records (matching `predicate`) for the chat; return them."""
        deadline = time.monotonic() + timeout
        with self.state.changed:
            while (fresh := self._take_new(chat_id, count, predicate)) is None:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise self._timeout_error(chat_id, count, timeout)
                self.state.changed.wait(remaining)
            return fresh

    async def await_sent(
        self,
        chat_id: int,
        count: int = 1,
        timeout: float = 10.0,  # noqa: ASYNC109 - the same signature as wait_sent, by design
        predicate: SentPredicate | None = None,
    ) -> list[SentMessage]:
        """Like wait_sent, but poll without blocking the event loop the bot may run on."""
        deadline = time.monotonic() + timeout
        while (fresh := self._take_new(chat_id, count, predicate)) is None:
            if time.monotonic() >= deadline:
                raise self._timeout_error(chat_id, count, timeout)
            await asyncio.sleep(0.01)
        return fresh
