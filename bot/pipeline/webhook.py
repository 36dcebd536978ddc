"""The webhook server (tornado): store the update and commit before answering 200; /healthz."""

from __future__ import annotations

import hmac
import json
import logging
import re
import socket
from collections.abc import Awaitable, Callable
from dataclasses import asdict
from typing import Any

import tornado.web
from tornado.httpserver import HTTPServer
from tornado.netutil import bind_sockets

from bot.config import WEBHOOK_SECRET_MIN
from bot.pipeline.health import Health

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
# Telegram's updates are small; anything much larger is not from Telegram.
MAX_BODY_BYTES = 1_000_000

StoreUpdates = Callable[[list[dict[str, Any]]], Awaitable[int]]
CheckHealth = Callable[[], Awaitable[Health]]


class UpdateHandler(tornado.web.RequestHandler):
    """Accept Telegram's POSTs carrying the right secret header."""

    def initialize(self, secret: str, store: StoreUpdates) -> None:
        self._secret = secret.encode()
        self._store = store

    def check_xsrf_cookie(self) -> None:
        """Telegram sends no cookies: the secret header authenticates the request."""

    async def post(self) -> None:
        given = self.request.headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(given, self._secret):
            log.warning("webhook: refused a request without the right secret")
            self.send_error(403)
            return
        try:
            payload = json.loads(self.request.body)
        except (ValueError, UnicodeDecodeError):
            self.send_error(400)
            return
        if not isinstance(payload, dict) or not isinstance(payload.get("update_id"), int):
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


class HealthHandler(tornado.web.RequestHandler):
    """GET /healthz: JSON health, 200 when healthy, else 503."""

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
    ) -> None:
        if not secret or len(secret) < WEBHOOK_SECRET_MIN:
            # The CLI refuses it first with an explanation; this guards every other caller.
            raise ValueError(f"the webhook needs a WEBHOOK_SECRET of {WEBHOOK_SECRET_MIN}+ chars")
        self._listen = listen
        self._port = port
        self._app = tornado.web.Application(
            [
                (_route(path), UpdateHandler, {"secret": secret, "store": store}),
                (r"/healthz", HealthHandler, {"check": check}),
            ],
            log_function=_quiet,
            max_body_size=MAX_BODY_BYTES,
        )
        self._server: HTTPServer | None = None
        self.port = port

    async def start(self) -> None:
        """Bind and serve on the running event loop."""
        sockets = bind_sockets(self._port, self._listen, family=socket.AF_UNSPEC)
        self.port = sockets[0].getsockname()[1]
        self._server = HTTPServer(self._app, max_body_size=MAX_BODY_BYTES)
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
