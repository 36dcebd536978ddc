"""The webhook server (tornado): store the update and commit before answering 200; /healthz."""

from __future__ import annotations

import hmac
import json
import logging
import re
import socket
import time
from collections.abc import Awaitable, Callable
from dataclasses import asdict
from typing import Any

import tornado.web
from tornado.httpserver import HTTPServer
from tornado.netutil import bind_sockets

from bot.config import WEBHOOK_SECRET_MIN
from bot.pipeline.health import Health
from bot.pipeline.inbox import MalformedUpdate, StoreUpdates, parse_update

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
# Telegram's updates are small; anything much larger is not from Telegram (413).
MAX_BODY_BYTES = 1_000_000
# Bodies up to this size are read whole, so that the client gets its 413 rather than a connection
# closed under it; beyond it tornado closes the connection (a proxy in front answers 413 first).
READ_LIMIT_BYTES = 8_000_000

# A refused request is logged once per reason, then counted: a flood of them must not flood
# the log (or the disk) too.
REFUSAL_SUMMARY_SECONDS = 60.0

CheckHealth = Callable[[], Awaitable[Health]]
CheckReady = Callable[[], Awaitable[bool]]


class Refusals:
    """Log the first refusal of each kind, then one line a minute with how many followed."""

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}
        self._last_summary = time.monotonic()

    def note(self, reason: str) -> None:
        """Count a refused request; log it if it is the first of its kind."""
        count = self._seen.get(reason, 0)
        self._seen[reason] = count + 1
        if count == 0:
            log.warning("webhook: refused a request: %s (more are counted)", reason)
        now = time.monotonic()
        if now - self._last_summary >= REFUSAL_SUMMARY_SECONDS:
            more = {key: n - 1 for key, n in self._seen.items() if n > 1}
            if more:
                log.warning("webhook: refused since the last summary: %s", more)
            self._seen = dict.fromkeys(self._seen, 1)
            self._last_summary = now


class UpdateHandler(tornado.web.RequestHandler):
    """Accept Telegram's POSTs carrying the right secret header."""

    def initialize(self, secret: str, store: StoreUpdates, refusals: Refusals) -> None:
        self._secret = secret.encode()
        self._store = store
        self._refusals = refusals

    def check_xsrf_cookie(self) -> None:
        """Telegram sends no cookies: the secret header authenticates the request."""

    async def post(self) -> None:
        given = self.request.headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(given, self._secret):
            self._refusals.note("no right secret")
            self.send_error(403)
            return
        if len(self.request.body) > MAX_BODY_BYTES:
            self._refusals.note("body too large")
            self.send_error(413)
            return
        try:
            payload = parse_update(self.request.body)
        except MalformedUpdate as exc:
            self._refusals.note(f"malformed body: {exc}")
            self.send_error(400)
            return
        try:
            await self._store([payload])
        except Exception:
            # Not acknowledged: Telegram delivers the update again later.
            log.exception("webhook: storing update %s failed", payload["update_id"])
            self.send_error(500)
            return
        self.set_status(200)
        self.finish()

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        """Answer errors with a bare status (no traceback, no echo of the request)."""
        self.finish()

    def log_exception(self, *args: Any) -> None:
        """Errors are logged where they happen, without request details."""


class ReadyHandler(tornado.web.RequestHandler):
    """GET /readyz, for a load balancer: 200 while this process can take updates, else 503.

    Not /healthz: a failed message or a Telegram outage is a reason to call a person, not to
    stop receiving updates (a balancer that took every process out would lose them).
    """

    def initialize(self, ready: CheckReady) -> None:
        self._ready = ready

    async def get(self) -> None:
        self.set_status(200 if await self._ready() else 503)
        self.set_header("Content-Type", "text/plain")
        self.finish("ready\n" if self.get_status() == 200 else "not ready\n")


class HealthHandler(tornado.web.RequestHandler):
    """GET /healthz, for monitoring: JSON health, 200 when healthy, else 503."""

    def initialize(self, check: CheckHealth) -> None:
        self._check = check

    async def get(self) -> None:
        health = await self._check()
        body = asdict(health)
        if health.last_update_received_at is not None:
            body["last_update_received_at"] = health.last_update_received_at.isoformat()
        self.set_status(200 if health.ok else 503)
        self.set_header("Content-Type", "application/json")
        self.finish(json.dumps(body))


def _quiet(handler: tornado.web.RequestHandler) -> None:
    log.debug(
        "webhook: %s %s %s", handler.request.method, handler.request.path, handler.get_status()
    )


class WebhookServer:
    """Serve the webhook path and /healthz on [webhook] listen:port."""

    def __init__(
        self,
        *,
        listen: str,
        port: int,
        path: str,
        secret: str,
        store: StoreUpdates,
        check: CheckHealth,
        ready: CheckReady,
    ) -> None:
        if not secret or len(secret) < WEBHOOK_SECRET_MIN:
            # The CLI refuses it first with an explanation; this guards every other caller.
            raise ValueError(f"the webhook needs a WEBHOOK_SECRET of {WEBHOOK_SECRET_MIN}+ chars")
        self._listen = listen
        self._port = port
        self._app = tornado.web.Application(
            [
                (
                    _route(path),
                    UpdateHandler,
                    {"secret": secret, "store": store, "refusals": Refusals()},
                ),
                (r"/healthz", HealthHandler, {"check": check}),
                (r"/readyz", ReadyHandler, {"ready": ready}),
            ],
            log_function=_quiet,
        )
        self._server: HTTPServer | None = None
        self.port = port

    async def start(self) -> None:
        """Bind and serve on the running event loop."""
        sockets = bind_sockets(self._port, self._listen, family=socket.AF_UNSPEC)
        self.port = sockets[0].getsockname()[1]
        self._server = HTTPServer(self._app, max_body_size=READ_LIMIT_BYTES)
        self._server.add_sockets(sockets)
        log.info("webhook: listening on %s:%s", self._listen, self.port)

    async def stop(self) -> None:
        """Stop accepting requests and close open connections."""
        if self._server is not None:
            self._server.stop()
            await self._server.close_all_connections()
            self._server = None


def _route(path: str) -> str:
    return re.escape("/" + path.lstrip("/"))
