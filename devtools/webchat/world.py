"""The people of the web chat and the bot they talk to, started and linked like a real unit.

The sample district officer and the coordinator are linked through the real invite mechanism
(the codes `python -m bot officers invite` issues, opened as /start links), and the coordinator
registers the duty group with a ?startgroup= invite, so the page shows what a unit sees after
its first day of setting up.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.runtime import BotRuntime
from bot.config import Config, Secrets
from bot.usecases.officers.invites import create_invite
from db.engine import SQLiteProcessLock
from devtools.localapi import FakeChat, FakeUser, LocalBotApi

log = logging.getLogger(__name__)

# A token of the local server only; Telegram never sees it.
TOKEN = "100000:local-webchat-token"
BOT_USERNAME = "razem_konin_bot"
BOT_NAME = "Razem dla bezpieczeństwa"
INVITE_TTL_HOURS = 24.0
LINK_TIMEOUT = 30.0


@dataclass(frozen=True)
class Persona:
    """One person of the page: who types in a pane and the chats that pane shows."""

    key: str
    user_id: int
    first_name: str
    last_name: str | None
    phone: str
    officer_code: str | None = None


@dataclass(frozen=True)
class ChatInfo:
    """A chat shown in a pane, and the persona who acts in it."""

    chat_id: int
    persona: str
    kind: str  # "private" or "group"
    title: str


RESIDENT = Persona("resident", 7001, "Zofia", "Mieszkańska", "+48 600 100 200")
# DZ-05 and KP-01 of the Konin sample directory (data/konin/officers.csv).
OFFICER = Persona("officer", 7005, "Tomasz", "Fikcyjny", "+48 47 77 000 05", "DZ-05")
COORDINATOR = Persona("coordinator", 7090, "Barbara", "Modelowa", "+48 47 77 000 90", "KP-01")
PERSONAS = (RESIDENT, OFFICER, COORDINATOR)
DUTY_GROUP = FakeChat(-1_007_090, "Dyżurni KMP Konin")


def chats() -> list[ChatInfo]:
    """Return every chat the page shows, in pane order (the duty group before her own chat)."""
    return [
        ChatInfo(RESIDENT.user_id, RESIDENT.key, "private", BOT_NAME),
        ChatInfo(OFFICER.user_id, OFFICER.key, "private", BOT_NAME),
        ChatInfo(DUTY_GROUP.id, COORDINATOR.key, "group", DUTY_GROUP.title),
        ChatInfo(COORDINATOR.user_id, COORDINATOR.key, "private", BOT_NAME),
    ]


def trial_config(config: Config, api: LocalBotApi) -> Config:
    """Point the configuration at the local server and the web chat's own database.

    Telegram's per-chat pace (1 message a second) is lifted: nothing here reaches Telegram and a
    demonstration should not wait for a limit that protects it.
    """
    return config.model_copy(
        update={
            "telegram": config.telegram.model_copy(
                update={
                    "api_base_url": api.base_url,
                    "file_base_url": api.file_base_url,
                    "poll_timeout": 1,
                    "ops_chat_id": 0,
                }
            ),
            "database": config.database.model_copy(
                update={"sqlite_path": config.webchat.sqlite_path}
            ),
            "delivery": config.delivery.model_copy(
                update={
                    "private_chat_per_second": 20,
                    "group_per_minute": 600,
                    "poll_interval": 0.1,
                }
            ),
            "officers": config.officers.model_copy(update={"bot_username": BOT_USERNAME}),
        }
    )


def fresh_database(path: Path) -> None:
    """Remove the previous run's trial database: the chats of that run are gone with it."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


class World:
    """The local Bot API server, the real bot on it, and the people of the page."""

    def __init__(self, config: Config) -> None:
        self.api = LocalBotApi()
        self.base_config = config
        self.runtime: BotRuntime | None = None
        self.users: dict[str, FakeUser] = {}

    async def start(self) -> None:
        """Start the server and the bot on a fresh database; link the officers."""
        self.api.start()
        self.api.register_bot(TOKEN, username=BOT_USERNAME, first_name=BOT_NAME)
        config = trial_config(self.base_config, self.api)
        # Another web chat on the same file keeps it: its lock is taken before anything is
        # removed (ProcessLockError names its pid), and handed to the bot right after.
        lock = SQLiteProcessLock(config.database.sqlite_path)
        lock.acquire()
        try:
            fresh_database(config.database.sqlite_path)
        finally:
            lock.release()
        secrets = Secrets(bot_token=TOKEN, database_url=None, webhook_secret=None)
        self.runtime = BotRuntime(config, secrets)
        await self.runtime.start()
        for persona in PERSONAS:
            self.users[persona.key] = self.api.user(
                persona.user_id, persona.first_name, persona.last_name, language_code="pl"
            )
        self.api.state.add_chat(DUTY_GROUP.as_dict())

    async def stop(self) -> None:
        """Stop the bot, then the server."""
        if self.runtime is not None:
            await self.runtime.stop()
            self.runtime = None
        self.api.stop()

    async def invite(self, officer_code: str, *, group: bool = False) -> str:
        """Issue a one-time invite code, as `python -m bot officers invite` does."""
        assert self.runtime is not None and self.runtime.services is not None
        services = self.runtime.services
        async with services.uow() as uow:
            issued = await create_invite(
                uow.session,
                officer_code,
                group=group,
                now=services.clock(),
                ttl_hours=INVITE_TTL_HOURS,
            )
            await uow.commit()
            return issued.code

    def persona_of(self, chat_id: int) -> ChatInfo | None:
        """Return the chat of the page with this id."""
        return next((chat for chat in chats() if chat.chat_id == chat_id), None)

    def user_for(self, chat_id: int) -> tuple[FakeUser, FakeChat | None] | None:
        """Return who acts in a chat of the page, and the group when it is one."""
        chat = self.persona_of(chat_id)
        if chat is None:
            return None
        group = DUTY_GROUP if chat.kind == "group" else None
        return self.users[chat.persona], group

    def describe(self) -> dict[str, Any]:
        """Return the panes and chats for the page."""
        return {
            "personas": [
                {
                    "key": p.key,
                    "id": p.user_id,
                    "name": " ".join(part for part in (p.first_name, p.last_name) if part),
                    "phone": p.phone,
                    # The app's language, as the pane's switch last set it (kept over reloads).
                    "lang": self.users[p.key].language_code if p.key in self.users else "pl",
                }
                for p in PERSONAS
            ],
            "chats": [
                {"id": c.chat_id, "persona": c.persona, "kind": c.kind, "title": c.title}
                for c in chats()
            ],
        }
