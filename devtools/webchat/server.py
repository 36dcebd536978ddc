"""Serve the page on loopback with tornado (the HTTP server the local Bot API server uses):
the page and its files, the setup, the live stream (server-sent events) and the actions.
"""

from __future__ import annotations

import json
import logging
import socket
from pathlib import Path
from typing import Any

import tornado.web
from tornado.httpserver import HTTPServer
from tornado.iostream import StreamClosedError
from tornado.netutil import bind_sockets

from devtools.webchat.actions import Act, ActionError, People
from devtools.webchat.timeline import Timeline
from devtools.webchat.world import World

log = logging.getLogger(__name__)

STATIC = Path(__file__).parent / "static"
LOOPBACK = "127.0.0.1"
LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost"})
HEARTBEAT_SECONDS = 15.0
MAX_BODY = 64 * 1024


class _Handler(tornado.web.RequestHandler):
    def initialize(self, page: Page) -> None:
        self.page = page

    def prepare(self) -> None:
        # Loopback only, by name too: a page elsewhere that rebinds its own host name to
        # 127.0.0.1 must not read the chats (cross-site posts are already stopped by the JSON
        # content type, which browsers do not send across sites without asking).
        if self.request.host_name not in LOOPBACK_NAMES:
            raise tornado.web.HTTPError(403)

    def set_default_headers(self) -> None:
        # Everything comes from this server; nothing else may run in the page.
        self.set_header(
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'",
        )
        self.set_header("Cache-Control", "no-store")

    def on_finish(self) -> None:
        """Skip tornado's request log: a message's text never goes to the log."""


class IndexHandler(_Handler):
    def get(self) -> None:
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.finish((STATIC / "index.html").read_bytes())


class SetupHandler(_Handler):
    def get(self) -> None:
        self.set_header("Content-Type", "application/json")
        setup = {**self.page.setup, **self.page.world.describe()}
        self.finish(json.dumps(setup, ensure_ascii=False))


class EventsHandler(_Handler):
    """Stream the timeline; a reconnecting browser resumes after its Last-Event-ID."""

    async def get(self) -> None:
        self.set_header("Content-Type", "text/event-stream")
        run, _, last = self.request.headers.get("Last-Event-ID", "").partition("-")
        timeline = self.page.timeline
        seq = int(last) if last.isdigit() and run == timeline.run else 0
        try:
            if run and run != timeline.run:
                # The browser followed an earlier run of the web chat: its chats are gone.
                self.write(f"data: {json.dumps({'kind': 'reset'})}\n\n")
            while True:
                for entry in timeline.since(seq):
                    seq = entry["seq"]
                    data = json.dumps(entry, ensure_ascii=False)
                    self.write(f"id: {timeline.run}-{seq}\ndata: {data}\n\n")
                self.write(": keep-alive\n\n")
                await self.flush()
                await timeline.wait(seq, HEARTBEAT_SECONDS)
        except StreamClosedError:
            return


class ActHandler(_Handler):
    def check_xsrf_cookie(self) -> None:
        """The page posts JSON; a loopback demonstration has no session to protect."""

    def post(self) -> None:
        if self.request.headers.get("Content-Type", "").split(";")[0] != "application/json":
            raise tornado.web.HTTPError(415)
        try:
            body: Any = json.loads(self.request.body or b"{}")
            if not isinstance(body, dict):
                raise ActionError("a JSON object is expected")
            self.page.people.act(Act.parse(body))
        except (ActionError, json.JSONDecodeError) as exc:
            self.set_status(400)
            self.finish({"ok": False, "error": str(exc)})
            return
        self.finish({"ok": True})


class MediaHandler(_Handler):
    """Serve the files the local server stores: the bot's photos and documents."""

    def get(self, file_path: str) -> None:
        state = self.page.world.api.state
        with state.lock:
            stored = state.files_by_path.get(file_path)
        if stored is None:
            raise tornado.web.HTTPError(404)
        self.set_header("Content-Type", stored.mime_type or "application/octet-stream")
        if not (stored.mime_type or "").startswith("image/"):
            self.set_header("Content-Disposition", "attachment")
        self.finish(stored.data)


class StaticHandler(tornado.web.StaticFileHandler):
    def on_finish(self) -> None:
        """No request log."""


def quiet_log(handler: tornado.web.RequestHandler) -> None:
    """Log requests at DEBUG only: the page polls and streams, and a person's words stay out."""
    log.debug("%s %s %s", handler.request.method, handler.request.path, handler.get_status())


class Page:
    """The web chat's HTTP side: bound to loopback, serving one world."""

    def __init__(self, world: World, timeline: Timeline, setup: dict[str, Any]) -> None:
        self.world = world
        self.timeline = timeline
        self.people = People(world, timeline)
        self.setup = setup
        self.port = 0
        self._server: HTTPServer | None = None

    def bind(self, port: int) -> list[socket.socket]:
        """Take the port on loopback now, so a busy port fails before anything starts."""
        sockets = bind_sockets(port, LOOPBACK, family=socket.AF_INET)
        self.port = sockets[0].getsockname()[1]
        return sockets

    def serve(self, sockets: list[socket.socket]) -> None:
        """Start answering on the bound sockets (on the running event loop)."""
        args = {"page": self}
        app = tornado.web.Application(
            [
                (r"/", IndexHandler, args),
                (r"/api/setup", SetupHandler, args),
                (r"/api/events", EventsHandler, args),
                (r"/api/act", ActHandler, args),
                (r"/media/(.+)", MediaHandler, args),
                (r"/static/(.+)", StaticHandler, {"path": str(STATIC)}),
            ],
            log_function=quiet_log,
        )
        self._server = HTTPServer(app, max_body_size=MAX_BODY)
        self._server.add_sockets(sockets)

    @property
    def url(self) -> str:
        """Return the page's address."""
        return f"http://{LOOPBACK}:{self.port}/"

    async def stop(self) -> None:
        """Stop answering and close the live streams."""
        if self._server is not None:
            self._server.stop()
            await self._server.close_all_connections()
            self._server = None
