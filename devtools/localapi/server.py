"""Serve the Bot API over HTTP with tornado, on its own event loop in a daemon thread."""

import asyncio
import contextlib
import json
import logging
import socket
import threading
import time
from typing import Any

import tornado.httpclient
import tornado.web
from tornado.httpserver import HTTPServer
from tornado.netutil import bind_sockets

from devtools.localapi.errors import ApiError
from devtools.localapi.faults import Fault
from devtools.localapi.messages import Call
from devtools.localapi.methods import METHODS, lookup
from devtools.localapi.params import Params
from devtools.localapi.state import BotAccount, BotApiState

logger = logging.getLogger(__name__)

LONG_POLL_LIMIT = 50.0
WEBHOOK_TIMEOUT = 10.0
WEBHOOK_BACKOFF_MIN = 0.05
WEBHOOK_BACKOFF_MAX = 1.0


class Wakeup:
    """Let coroutines on the server loop wait until the state changes."""

    def __init__(self) -> None:
        self._event = asyncio.Event()

    def fire(self) -> None:
        """Wake every coroutine waiting right now (call on the server loop only)."""
        self._event.set()
        self._event = asyncio.Event()

    async def wait(self, at_most: float) -> None:
        """Wait for the next change, at most `at_most` seconds."""
        event = self._event
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(event.wait(), at_most)


class ApiHandler(tornado.web.RequestHandler):
    """Answer /bot<token>/<method> like the Bot API."""

    def initialize(self, server: "BotApiServer") -> None:
        self.server = server
        self.state = server.state

    async def get(self, token: str, method: str) -> None:
        await self.handle(token, method)

    async def post(self, token: str, method: str) -> None:
        await self.handle(token, method)

    def check_xsrf_cookie(self) -> None:
        """Accept POSTs without XSRF cookies: this is an API, not a web page."""

    async def handle(self, token: str, method: str) -> None:
        """Run one Bot API call, with held chats and injected faults applied first."""
        call = None
        try:
            params = Params.from_request(self.request)
            bot = self.state.bot(token)
            if bot is None:
                raise ApiError(401, "Unauthorized")
            name = lookup(method)
            try:
                chat_id = params.chat_id()
            except ApiError:
                chat_id = None
            call = self.state.record_call(name, params.decoded(), chat_id)
            logger.debug("call %s chat=%s", name, chat_id)
            await self.server.wait_until_released(chat_id)
            fault = self.state.take_fault(name, chat_id)
            if fault is not None:
                call.fault = fault.kind
                if fault.kind == "drop":
                    self.state.finish_call(call, 0, "connection dropped")
                    self.request.connection.close()  # type: ignore[union-attr]
                    return
                await self.apply(fault)
            flood = self.state.flood
            if flood is not None:
                flood.check(token, name, chat_id)
            if name == "getUpdates":
                result: Any = await self.server.get_updates(bot, params)
                body = json.dumps({"ok": True, "result": result}, ensure_ascii=False)
            else:
                with self.state.lock:
                    result = METHODS[name](Call(self.state, bot, params))
                    # Serialised under the lock: the result shares dicts with the state.
                    body = json.dumps({"ok": True, "result": result}, ensure_ascii=False)
                self.server.after_call(bot)
            # Recorded before answering, so a test that got the answer sees the outcome.
            self.state.finish_call(call, 200)
            self.answer(200, body)
        except ApiError as error:
            if call is not None:
                self.state.finish_call(call, error.code, error.description)
            self.answer(error.code, json.dumps(error.payload()))
        except Exception as failure:
            # A bug in this server: answer in Telegram's shape so the bot sees a NetworkError
            # and the test's summary shows what broke, instead of an HTML error page.
            logger.exception("local Bot API server failed on %s", method)
            bug = ApiError(500, f"Internal Server Error: local Bot API bug: {failure!r}")
            if call is not None:
                self.state.finish_call(call, bug.code, bug.description)
            self.answer(bug.code, json.dumps(bug.payload()))

    async def apply(self, fault: Fault) -> None:
        """Turn an injected fault into the answer Telegram would give, or a delay."""
        if fault.kind == "slow":
            await asyncio.sleep(fault.delay)
        elif fault.kind == "retry_after":
            raise ApiError(
                429,
                f"Too Many Requests: retry after {fault.retry_after}",
                {"retry_after": fault.retry_after},
            )
        elif fault.kind == "server_error":
            raise ApiError(500, "Internal Server Error")
        elif fault.kind == "blocked":
            raise ApiError(403, "Forbidden: bot was blocked by the user")

    def answer(self, status: int, body: str) -> None:
        """Send a JSON answer, unless the client went away meanwhile."""
        if self.request.connection is None or self._finished:
            return
        self.set_status(status)
        self.set_header("Content-Type", "application/json")
        self.finish(body)

    def on_finish(self) -> None:
        """Skip tornado's default request logging: the URL holds the bot token."""


class FileHandler(tornado.web.RequestHandler):
    """Serve /file/bot<token>/<file_path> downloads."""

    def initialize(self, server: "BotApiServer") -> None:
        self.state = server.state

    def get(self, token: str, file_path: str) -> None:
        stored = self.state.files_by_path.get(file_path)
        if self.state.bot(token) is None or stored is None:
            self.set_status(404)
            self.finish(json.dumps(ApiError(404, "Not Found").payload()))
            return
        self.set_header("Content-Type", stored.mime_type or "application/octet-stream")
        self.finish(stored.data)


class NotFoundHandler(tornado.web.RequestHandler):
    """Answer any other path with Telegram's 404."""

    def prepare(self) -> None:
        self.set_status(404)
        self.finish(json.dumps(ApiError(404, "Not Found").payload()))


def quiet_log(handler: tornado.web.RequestHandler) -> None:
    """Log requests at DEBUG without their URL, which holds the bot token."""
    logger.debug("%s %s", handler.request.method, handler.get_status())


class BotApiServer:
    """Run the tornado application in a daemon thread with its own event loop."""

    def __init__(self, state: BotApiState, host: str, port: int) -> None:
        self.state = state
        self.host = host
        self.requested_port = port
        self.port = 0
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stopping: asyncio.Event | None = None
        self._ready = threading.Event()
        self._wakeup: Wakeup | None = None
        self._webhooks: dict[str, asyncio.Task[None]] = {}
        self._failure: BaseException | None = None

    def start(self) -> None:
        """Bind the port and serve in a daemon thread; return once requests are accepted."""
        sockets = bind_sockets(self.requested_port, self.host, family=socket.AF_INET)
        self.port = sockets[0].getsockname()[1]
        self._thread = threading.Thread(
            target=self._run, args=(sockets,), name=f"localapi:{self.port}", daemon=True
        )
        self._thread.start()
        self._ready.wait()
        if self._failure is not None:
            raise RuntimeError("local Bot API server failed to start") from self._failure

    def stop(self) -> None:
        """Stop serving and wait for the thread to end."""
        if self._loop is not None and self._stopping is not None and not self._loop.is_closed():
            # The loop may close between the check and the call.
            with contextlib.suppress(RuntimeError):
                self._loop.call_soon_threadsafe(self._stopping.set)
        if self._thread is not None:
            self._thread.join(timeout=10)
        self._thread = None

    def _run(self, sockets: list[socket.socket]) -> None:
        try:
            asyncio.run(self._serve(sockets))
        except BaseException as error:  # surfaced to start() if it happens before ready
            self._failure = error
            logger.exception("local Bot API server stopped with an error")
        finally:
            self._ready.set()

    async def _serve(self, sockets: list[socket.socket]) -> None:
        self._loop = asyncio.get_running_loop()
        self._stopping = asyncio.Event()
        wakeup = self._wakeup = Wakeup()
        loop = self._loop

        def on_change() -> None:
            # Once the loop is closing nobody is waiting any more.
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(wakeup.fire)

        app = tornado.web.Application(
            [
                (r"/bot([^/]+)/([A-Za-z]+)", ApiHandler, {"server": self}),
                (r"/file/bot([^/]+)/(.+)", FileHandler, {"server": self}),
            ],
            default_handler_class=NotFoundHandler,
            log_function=quiet_log,
        )
        http_server = HTTPServer(app)
        http_server.add_sockets(sockets)
        self.state.add_listener(on_change)
        self._ready.set()
        try:
            await self._stopping.wait()
        finally:
            self.state.remove_listener(on_change)
            http_server.stop()
            for task in self._webhooks.values():
                task.cancel()
            await asyncio.gather(*self._webhooks.values(), return_exceptions=True)
            await http_server.close_all_connections()

    async def wait_until_released(self, chat_id: int | None) -> None:
        """Keep a request waiting while its chat is held by a test."""
        assert self._wakeup is not None
        while chat_id is not None:
            with self.state.lock:
                if chat_id not in self.state.held_chats:
                    return
            await self._wakeup.wait(1.0)

    async def get_updates(self, bot: BotAccount, params: Params) -> list[dict[str, Any]]:
        """Answer getUpdates, long-polling up to `timeout` seconds for the first update."""
        assert self._wakeup is not None
        offset = params.integer("offset")
        limit = min(max(params.integer("limit") or 100, 1), 100)
        timeout = min(max(params.number("timeout") or 0.0, 0.0), LONG_POLL_LIMIT)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        with self.state.lock:
            if bot.webhook_url:
                raise ApiError(
                    409,
                    "Conflict: can't use getUpdates method while webhook is active; "
                    "use deleteWebhook to delete the webhook first",
                )
            bot.poll_generation += 1
            generation = bot.poll_generation
        # Wake a poller this one replaces, so that it answers 409 now.
        self._wakeup.fire()
        while True:
            with self.state.lock:
                if bot.poll_generation != generation:
                    raise ApiError(
                        409,
                        "Conflict: terminated by other getUpdates request; "
                        "make sure that only one bot instance is running",
                    )
                updates = self.state.take_updates(bot, offset, limit)
            remaining = deadline - loop.time()
            if updates or remaining <= 0:
                return updates
            await self._wakeup.wait(remaining)

    def after_call(self, bot: BotAccount) -> None:
        """Start webhook delivery for a bot that has just got a webhook."""
        assert self._wakeup is not None
        # Setting a webhook ends long polls; wake them so that they answer 409 now.
        self._wakeup.fire()
        if bot.webhook_url and bot.token not in self._webhooks:
            task = asyncio.get_running_loop().create_task(self._deliver(bot))
            self._webhooks[bot.token] = task
            task.add_done_callback(lambda _: self._webhooks.pop(bot.token, None))

    async def _deliver(self, bot: BotAccount) -> None:
        """POST pending updates to the webhook one by one, in order, retrying until 2xx."""
        assert self._wakeup is not None
        client = tornado.httpclient.AsyncHTTPClient()
        backoff = WEBHOOK_BACKOFF_MIN
        while True:
            with self.state.lock:
                url, secret = bot.webhook_url, bot.webhook_secret
                update = dict(bot.updates[0]) if bot.updates else None
            if url is None:
                return
            if update is None:
                await self._wakeup.wait(1.0)
                continue
            headers = {"Content-Type": "application/json"}
            if secret:
                headers["X-Telegram-Bot-Api-Secret-Token"] = secret
            try:
                response = await client.fetch(
                    url,
                    method="POST",
                    body=json.dumps(update, ensure_ascii=False),
                    headers=headers,
                    request_timeout=WEBHOOK_TIMEOUT,
                    raise_error=False,
                )
                error = (
                    None
                    if 200 <= response.code < 300
                    else f"Wrong response from the webhook: {response.code} {response.reason}"
                )
            except (OSError, tornado.httpclient.HTTPClientError) as failure:
                error = f"Connection failed: {failure}"
            with self.state.lock:
                if error is None:
                    if bot.webhook_url == url:
                        self.state.confirm_update(bot, update["update_id"])
                else:
                    bot.last_error_date = int(time.time())
                    bot.last_error_message = error
            if error is None:
                backoff = WEBHOOK_BACKOFF_MIN
                continue
            logger.debug("webhook delivery failed, retrying in %.2f s: %s", backoff, error)
            await asyncio.sleep(backoff)
            backoff = min(backoff * 2, WEBHOOK_BACKOFF_MAX)
