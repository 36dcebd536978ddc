"""A simulated load balancer in front of several webhook processes.

Each POST goes to the next backend in turn; a share of them also goes, at the same moment, to
another backend, as a balancer that retries on a slow answer does. A backend that refuses the
connection (dead, restarting) is skipped, as nginx's proxy_next_upstream does. The answer is the
first 2xx, else the last error: Telegram then delivers the update again.
"""

from __future__ import annotations

import asyncio
import random
import socket
from dataclasses import dataclass, field

import httpx
import tornado.web
from tornado.httpserver import HTTPServer
from tornado.netutil import bind_sockets

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


@dataclass
class BalancerStats:
    """What the balancer did."""

    requests: int = 0
    duplicated: int = 0
    failed_over: int = 0
    answered_5xx: int = 0
    by_backend: dict[str, int] = field(default_factory=dict)


class Balancer:
    """Listen on loopback and spread POSTs over `backends` (URLs), duplicating a share."""

    def __init__(self, duplicate_share: float, seed: int = 19) -> None:
        self.backends: list[str] = []
        self.duplicate_share = duplicate_share
        self.stats = BalancerStats()
        self._random = random.Random(seed)
        self._turn = 0
        self._client = httpx.AsyncClient(timeout=10.0)
        self._server: HTTPServer | None = None
        self.port = 0

    @property
    def url(self) -> str:
        """Where Telegram (the local Bot API server) should post."""
        return f"http://127.0.0.1:{self.port}"

    async def start(self) -> None:
        """Serve on a free port."""
        app = tornado.web.Application([(r"/telegram", _Forward, {"balancer": self})])
        sockets = bind_sockets(0, "127.0.0.1", family=socket.AF_INET)
        self.port = sockets[0].getsockname()[1]
        self._server = HTTPServer(app)
        self._server.add_sockets(sockets)

    async def stop(self) -> None:
        """Stop serving."""
        if self._server is not None:
            self._server.stop()
            await self._server.close_all_connections()
        await self._client.aclose()

    async def forward(self, body: bytes, secret: str) -> int:
        """Deliver one POST as described above; return the status to answer."""
        self.stats.requests += 1
        order = self.backends[self._turn :] + self.backends[: self._turn]
        self._turn = (self._turn + 1) % len(self.backends)
        headers = {SECRET_HEADER: secret, "Content-Type": "application/json"}
        copies = [order[0]]
        if len(order) > 1 and self._random.random() < self.duplicate_share:
            copies.append(order[1])
            self.stats.duplicated += 1
        results = await asyncio.gather(*(self._post(url, body, headers) for url in copies))
        if any(200 <= status < 300 for status in results):
            return 200
        # The first choice(s) failed: the next backend that answers, as proxy_next_upstream.
        for url in order[len(copies) :]:
            self.stats.failed_over += 1
            status = await self._post(url, body, headers)
            if 200 <= status < 300:
                return 200
        self.stats.answered_5xx += 1
        return 502

    async def _post(self, url: str, body: bytes, headers: dict[str, str]) -> int:
        try:
            response = await self._client.post(url + "/telegram", content=body, headers=headers)
        except httpx.HTTPError:
            return 502
        self.stats.by_backend[url] = self.stats.by_backend.get(url, 0) + 1
        return response.status_code


class _Forward(tornado.web.RequestHandler):
    def initialize(self, balancer: Balancer) -> None:
        self.balancer = balancer

    def check_xsrf_cookie(self) -> None:
        """An API: no cookies."""

    async def post(self) -> None:
        status = await self.balancer.forward(
            self.request.body, self.request.headers.get(SECRET_HEADER, "")
        )
        self.set_status(status)
        self.finish()

    def log_exception(self, *args: object) -> None:
        """Quiet: the drill counts what matters."""
