"""A real Application, a real database and the local Bot API server, wired through the pipeline."""

from __future__ import annotations

import html
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from telegram import Bot, Update
from telegram.ext import ApplicationBuilder, ContextTypes, MessageHandler, filters

from bot.config import Config, DeliverySection, PipelineSection, TelegramSection, WebhookSection
from bot.conversation import Answer
from bot.i18n import Catalog
from bot.pipeline import AnyApplication, Pipeline, record_failure
from db.engine import create_engine, session_factory
from db.models.pipeline import InboxStatus, InboxUpdate, OutboxMessage, OutboxStatus
from db.uow import UnitOfWorkFactory
from devtools.localapi import FakeUser, LocalBotApi
from tests.databases import migrated_sqlite_url, temporary_postgres_database
from tests.support import eventually

TOKEN = "424242:pipeline-test-token"
OPS_CHAT = -100_777
ANNA = 2001
BOGDAN = 2002
CAROL = 2003
DAVE = 2004
EVE = 2005

Callback = Callable[[Update, ContextTypes.DEFAULT_TYPE], Awaitable[None]]


def fast_config(*, backoff_max_seconds: float = 60, **webhook: Any) -> Config:
    """Return settings that keep the suite fast (generous limits, short polls)."""
    return Config(
        telegram=TelegramSection(poll_timeout=1, ops_chat_id=OPS_CHAT),
        webhook=WebhookSection(**webhook),
        pipeline=PipelineSection(max_attempts=3, max_chats_in_flight=4),
        delivery=DeliverySection(
            global_per_second=1000,
            private_chat_per_second=1000,
            group_per_minute=60_000,
            max_attempts=3,
            backoff_max_seconds=backoff_max_seconds,
        ),
    )


class CatalogSender:
    """A minimal "answer" renderer: the catalog's text, or `key: args` for test-only keys."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog

    async def __call__(self, bot: Bot, row: OutboxMessage) -> int | None:
        answer = Answer.from_json(row.payload["answer"])
        lang = row.payload.get("lang")
        if self.catalog.has(answer.key, lang):
            body = self.catalog.render(lang, answer.key, answer.args)
        else:
            args = " ".join(f"{k}={v}" for k, v in answer.args.items())
            body = html.escape(f"{answer.key}: {args}")
        message = await bot.send_message(row.chat_id, body, parse_mode="HTML")
        return message.message_id


def build_app(api: LocalBotApi, read_timeout: float = 5.0) -> AnyApplication:
    """Build the Application the way the bot does: our own receiving, no Updater."""
    app: AnyApplication = (
        ApplicationBuilder()
        .token(TOKEN)
        .base_url(api.base_url)
        .base_file_url(api.file_base_url)
        .updater(None)
        .read_timeout(read_timeout)
        .build()
    )
    app.add_error_handler(record_failure)
    return app


@dataclass
class Harness:
    """Everything one test drives; `on_text` decides what the handler does for each message."""

    api: LocalBotApi
    url: str
    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]
    config: Config
    catalog: Catalog = field(default_factory=lambda: Catalog(("pl", "uk", "en")))
    app: AnyApplication | None = None
    pipeline: Pipeline | None = None
    uow: UnitOfWorkFactory | None = None
    handled: list[tuple[int, str]] = field(default_factory=list)
    undeliverable: list[OutboxMessage] = field(default_factory=list)

    async def start(
        self,
        mode: str = "none",
        *,
        on_text: Callable[[Update], Awaitable[None]] | None = None,
        read_timeout: float = 5.0,
        webhook_secret: str | None = None,
    ) -> Pipeline:
        """Build the Application with an echo handler and start the pipeline."""
        app = build_app(self.api, read_timeout)
        uow = UnitOfWorkFactory(self.sessions)

        async def echo(update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
            message = update.effective_message
            assert message is not None
            if on_text is not None:
                await on_text(update)
            self.handled.append((message.chat_id, message.text or ""))
            async with uow() as unit:
                unit.add_outbox(
                    OutboxMessage(
                        chat_id=message.chat_id,
                        kind="answer",
                        payload={
                            "answer": Answer("echo", {"text": message.text or ""}).to_json(),
                            "lang": "pl",
                        },
                        priority=0,
                    )
                )
                await unit.commit()

        app.add_handler(MessageHandler(filters.ALL, echo))

        async def on_undeliverable(row: OutboxMessage) -> None:
            self.undeliverable.append(row)

        pipeline = Pipeline(
            config=self.config,
            application=app,
            sessions=self.sessions,
            senders={"answer": CatalogSender(self.catalog)},
            webhook_secret=webhook_secret,
            on_undeliverable=on_undeliverable,
        )
        uow.on_outbox = pipeline.wake
        uow.direct = pipeline.delivery
        await app.initialize()
        await pipeline.start(mode)  # type: ignore[arg-type]
        self.app, self.pipeline, self.uow = app, pipeline, uow
        return pipeline

    async def stop(self) -> None:
        """Stop the pipeline and shut the Application down."""
        if self.pipeline is not None:
            await self.pipeline.stop()
            self.pipeline = None
        if self.app is not None:
            await self.app.shutdown()
            self.app = None

    async def send(self, *updates: dict[str, Any]) -> int:
        """Store updates the local server queued, as a receiver would (mode "none")."""
        assert self.pipeline is not None
        return await self.pipeline.store_updates(list(updates))

    async def scalar(self, statement: Any) -> Any:
        """Run one query."""
        async with self.sessions() as session:
            return await session.scalar(statement)

    async def inbox(self) -> list[InboxUpdate]:
        """Return every inbox row, oldest first."""
        async with self.sessions() as session:
            return list((await session.scalars(select(InboxUpdate).order_by(InboxUpdate.id))).all())

    async def outbox(self) -> list[OutboxMessage]:
        """Return every outbox row, oldest first."""
        async with self.sessions() as session:
            return list(
                (await session.scalars(select(OutboxMessage).order_by(OutboxMessage.id))).all()
            )

    async def outbox_count(self) -> int:
        """Count outbox rows."""
        return int(await self.scalar(select(func.count()).select_from(OutboxMessage)) or 0)

    async def unfinished(self, ignoring: int | None = None) -> int:
        """Count the work left: updates not yet handled and messages not yet in a final state.

        `ignoring` leaves out the messages to one chat (one whose sends the test keeps failing).
        """
        waiting = await self.scalar(
            select(func.count())
            .select_from(InboxUpdate)
            .where(InboxUpdate.status == InboxStatus.PENDING)
        )
        unsent = await self.scalar(
            select(func.count())
            .select_from(OutboxMessage)
            .where(
                OutboxMessage.status.in_([OutboxStatus.PENDING, OutboxStatus.SENDING]),
                OutboxMessage.chat_id != (ignoring if ignoring is not None else 0),
            )
        )
        return int(waiting or 0) + int(unsent or 0)

    async def settled(self, ignoring: int | None = None) -> None:
        """Wait until every update is handled and every message sent or given up.

        Every answer is an outbox row, so after this nothing more can reach the server: counting
        what it received is conclusive, with no pause "for a wrong answer to arrive".
        """
        await eventually(lambda: self.unfinished(ignoring), 0)


@pytest.fixture
def api() -> Iterator[LocalBotApi]:
    """Run a fresh local Bot API server with the test bot and the ops group."""
    with LocalBotApi() as server:
        server.register_bot(TOKEN)
        server.group(OPS_CHAT, "Ops KMP Konin")
        yield server


@pytest.fixture
def anna(api: LocalBotApi) -> FakeUser:
    """Return a resident writing in Polish."""
    return api.user(ANNA, first_name="Anna")


@pytest.fixture
def bogdan(api: LocalBotApi) -> FakeUser:
    """Return a second resident."""
    return api.user(BOGDAN, first_name="Bogdan", language_code="uk")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
async def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """Return a migrated, empty database: a SQLite file, or a PostgreSQL database of our own."""
    if request.param == "sqlite":
        yield await migrated_sqlite_url(tmp_path / "bot.sqlite3")
        return
    async with temporary_postgres_database(migrated=True) as url:
        yield url


@pytest.fixture
async def sqlite_url(tmp_path: Path) -> str:
    """Return a migrated SQLite file (for tests whose point is not the backend)."""
    return await migrated_sqlite_url(tmp_path / "bot.sqlite3")


async def _harness(api: LocalBotApi, url: str) -> AsyncIterator[Harness]:
    engine = create_engine(url)
    harness = Harness(api, url, engine, session_factory(engine), fast_config())
    try:
        yield harness
    finally:
        await harness.stop()
        await engine.dispose()


@pytest.fixture
async def harness(api: LocalBotApi, database_url: str) -> AsyncIterator[Harness]:
    """Return a harness on each backend."""
    async for h in _harness(api, database_url):
        yield h


@pytest.fixture
async def sqlite_harness(api: LocalBotApi, sqlite_url: str) -> AsyncIterator[Harness]:
    """Return a harness on SQLite only."""
    async for h in _harness(api, sqlite_url):
        yield h


@pytest.fixture
async def pg_url() -> AsyncIterator[str]:
    """Return a migrated PostgreSQL database (for what only several processes do)."""
    async with temporary_postgres_database(migrated=True) as url:
        yield url


@pytest.fixture
async def pg_harness(api: LocalBotApi, pg_url: str) -> AsyncIterator[Harness]:
    """Return a harness on PostgreSQL only."""
    async for h in _harness(api, pg_url):
        yield h


@pytest.fixture
async def second_harness(api: LocalBotApi, pg_url: str) -> AsyncIterator[Harness]:
    """Return another process's harness on the same PostgreSQL database as pg_harness."""
    async for h in _harness(api, pg_url):
        yield h
