"""Deliver updates by long polling and by webhook, as Telegram does."""

import asyncio
import json
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import pytest
import tornado.web
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import BadRequest, Conflict, Forbidden
from tornado.httpserver import HTTPServer
from tornado.netutil import bind_sockets

from devtools.localapi import FakeUser, LocalBotApi
from devtools.localapi.users import sample_jpeg
from tests.localapi.conftest import ANNA_ID, BOGDAN_ID, local_bot


async def test_offset_confirms_earlier_updates(bot: Bot, api: LocalBotApi, anna: FakeUser) -> None:
    for text in ("jeden", "dwa", "trzy"):
        anna.send_text(text)

    first = await bot.get_updates(limit=2)
    assert [u.message.text for u in first if u.message] == ["jeden", "dwa"]
    assert api.pending_updates() == 3  # nothing confirmed without an offset

    rest = await bot.get_updates(offset=first[-1].update_id + 1)
    assert [u.message.text for u in rest if u.message] == ["trzy"]
    assert api.pending_updates() == 1

    assert await bot.get_updates(offset=rest[-1].update_id + 1) == ()
    assert api.pending_updates() == 0


async def test_long_poll_waits_for_the_timeout_when_idle(bot: Bot) -> None:
    started = time.monotonic()
    assert await bot.get_updates(timeout=1) == ()
    assert time.monotonic() - started >= 0.9


async def test_long_poll_returns_as_soon_as_an_update_arrives(bot: Bot, anna: FakeUser) -> None:
    async def write_later() -> None:
        await asyncio.sleep(0.2)
        anna.send_text("już jestem")

    started = time.monotonic()
    writer = asyncio.create_task(write_later())
    updates = await bot.get_updates(timeout=5, allowed_updates=["message"])
    await writer
    assert [u.message.text for u in updates if u.message] == ["już jestem"]
    assert time.monotonic() - started < 2


async def test_a_second_poller_ends_the_first_with_conflict(bot: Bot, api: LocalBotApi) -> None:
    # PTB serialises getUpdates within one Bot, so the second poller is another instance,
    # as a second bot process would be.
    async with local_bot(api) as other:
        first = asyncio.create_task(bot.get_updates(timeout=5))
        await asyncio.sleep(0.2)
        assert await other.get_updates(timeout=0) == ()
        with pytest.raises(Conflict, match="terminated by other getUpdates"):
            await first


async def test_user_updates_parse_as_ptb_updates(
    bot: Bot, api: LocalBotApi, anna: FakeUser, bogdan: FakeUser
) -> None:
    group = api.group(-100500, "Osiedle Zatorze")
    sent = [
        anna.send_command("start"),
        anna.send_command("/zglos", args="pilne", chat=group),
        anna.send_location(52.2, 18.25),
        anna.send_venue(52.2, 18.25, "Plac Wolności", "Konin"),
        anna.send_contact("+48 600 000 000"),
        anna.send_photo(sample_jpeg(), caption="Widok"),
        anna.send_document(b"%PDF-1.4", "skan.pdf", "application/pdf"),
        anna.send_sticker(),
        anna.send_voice(),
        bogdan.send_text("Привіт"),
    ]
    updates = [Update.de_json(u, bot) for u in sent]
    messages = [u.message for u in updates]
    assert all(m is not None for m in messages)
    start, command, location, venue, contact, photo, document, sticker, voice, hello = (
        m for m in messages if m is not None
    )

    assert start.text == "/start" and start.entities[0].type == "bot_command"
    assert command.text == "/zglos pilne" and command.chat.id == -100500
    assert command.chat.type == "group"
    assert location.location is not None and location.location.longitude == 18.25
    assert venue.venue is not None and venue.venue.title == "Plac Wolności"
    assert contact.contact is not None and contact.contact.user_id == ANNA_ID
    assert photo.photo[-1].width == 640 and photo.caption == "Widok"
    assert document.document is not None and document.document.mime_type == "application/pdf"
    assert sticker.sticker is not None and voice.voice is not None
    assert hello.from_user is not None and hello.from_user.language_code == "uk"
    assert hello.chat.id == BOGDAN_ID
    # Message ids count per chat; update ids grow across all of them.
    assert [start.message_id, location.message_id] == [1, 2]
    assert [u.update_id for u in updates] == sorted(u.update_id for u in updates)


async def test_media_group_updates_share_an_id(anna: FakeUser, bot: Bot) -> None:
    updates = anna.send_media_group([sample_jpeg(), sample_jpeg(320, 240)], caption="Album")
    groups = {u["message"]["media_group_id"] for u in updates}
    assert len(updates) == 2 and len(groups) == 1
    assert updates[0]["message"]["caption"] == "Album" and "caption" not in updates[1]["message"]


async def test_press_answers_once_and_forged_data_is_delivered(
    bot: Bot, api: LocalBotApi, anna: FakeUser
) -> None:
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Tak", callback_data="consent:yes")]])
    await bot.send_message(ANNA_ID, "Zgoda?", reply_markup=keyboard)
    [question] = api.sent(ANNA_ID)

    pressed = Update.de_json(anna.press(question, "Tak"), bot)
    forged = Update.de_json(anna.press_data(question, "admin:drop"), bot)
    assert pressed.callback_query is not None and pressed.callback_query.data == "consent:yes"
    assert pressed.callback_query.message is not None
    assert pressed.callback_query.message.message_id == question.message_id
    assert forged.callback_query is not None and forged.callback_query.data == "admin:drop"
    with pytest.raises(AssertionError, match="no inline button"):
        anna.press(question, "Nie")

    assert await pressed.callback_query.answer("Dziękujemy") is True
    with pytest.raises(BadRequest, match="Query is too old"):
        await pressed.callback_query.answer()
    assert [a["text"] for a in api.answered_callbacks()] == ["Dziękujemy"]


async def test_edit_text_and_block_bot_updates(bot: Bot, api: LocalBotApi, anna: FakeUser) -> None:
    original = anna.send_text("Ul. Słoneczna 5")
    edited = Update.de_json(anna.edit_text(original, "Ul. Słoneczna 7"), bot)
    assert edited.edited_message is not None
    assert edited.edited_message.text == "Ul. Słoneczna 7"
    assert edited.edited_message.message_id == original["message"]["message_id"]

    kicked = Update.de_json(anna.block_bot(), bot)
    assert kicked.my_chat_member is not None
    assert kicked.my_chat_member.new_chat_member.status == "kicked"
    with pytest.raises(Forbidden, match="blocked by the user"):
        await bot.send_message(ANNA_ID, "Halo?")
    anna.unblock_bot()
    assert (await bot.send_message(ANNA_ID, "Witamy ponownie")).text == "Witamy ponownie"


class WebhookReceiver(tornado.web.RequestHandler):
    """Record webhook deliveries; fail the first one to exercise retries."""

    def initialize(self, hook: "Hook") -> None:
        self.hook = hook

    def post(self) -> None:
        if self.hook.failures_left:
            self.hook.failures_left -= 1
            self.set_status(500)
            return
        secret = self.request.headers.get("X-Telegram-Bot-Api-Secret-Token")
        self.hook.received.append((secret, json.loads(self.request.body)))
        if len(self.hook.received) >= self.hook.expected:
            self.hook.done.set()


@dataclass
class Hook:
    """Collect what a webhook endpoint received."""

    url: str = ""
    expected: int = 2
    failures_left: int = 1
    received: list[tuple[str | None, dict[str, Any]]] = field(default_factory=list)
    done: asyncio.Event = field(default_factory=asyncio.Event)


@pytest.fixture
async def hook() -> AsyncIterator[Hook]:
    """Serve a webhook endpoint on the test's event loop that fails its first request."""
    received = Hook()
    sockets = bind_sockets(0, "127.0.0.1")
    server = HTTPServer(tornado.web.Application([(r"/hook", WebhookReceiver, {"hook": received})]))
    server.add_sockets(sockets)
    received.url = f"http://127.0.0.1:{sockets[0].getsockname()[1]}/hook"
    yield received
    server.stop()
    await server.close_all_connections()


async def test_webhook_delivers_in_order_with_secret_and_retries(
    bot: Bot, api: LocalBotApi, anna: FakeUser, hook: Hook
) -> None:
    anna.send_text("przed webhookiem")
    assert await bot.set_webhook(hook.url, secret_token="s3cret-Token_1", max_connections=5)
    anna.send_text("po")

    await asyncio.wait_for(hook.done.wait(), 5)
    assert [secret for secret, _ in hook.received] == ["s3cret-Token_1"] * 2
    assert [u["message"]["text"] for _, u in hook.received] == ["przed webhookiem", "po"]
    info = await bot.get_webhook_info()
    assert info.url == hook.url and info.pending_update_count == 0
    assert info.last_error_message == "Wrong response from the webhook: 500 Internal Server Error"
    with pytest.raises(Conflict, match="webhook is active"):
        await bot.get_updates()

    assert await bot.delete_webhook()
    anna.send_text("znowu polling")
    assert [u.message.text for u in await bot.get_updates() if u.message] == ["znowu polling"]


async def test_set_webhook_can_drop_pending_updates(
    bot: Bot, api: LocalBotApi, anna: FakeUser
) -> None:
    anna.send_text("stare")
    await bot.set_webhook("http://127.0.0.1:9/unused", drop_pending_updates=True)
    assert api.pending_updates() == 0
    assert api.webhook_info()["url"] == "http://127.0.0.1:9/unused"
