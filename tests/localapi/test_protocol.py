"""Speak the Bot API's HTTP protocol: encodings, error shapes, commands and files."""

import json
from collections.abc import AsyncIterator

import httpx
import pytest
from telegram import Bot, BotCommand, BotCommandScopeAllPrivateChats, BotCommandScopeChat
from telegram.error import BadRequest

from devtools.localapi import FakeUser, LocalBotApi
from tests.localapi.conftest import ANNA_ID, TOKEN


@pytest.fixture
async def http(api: LocalBotApi) -> AsyncIterator[httpx.AsyncClient]:
    """Return a raw HTTP client for the bot's API root."""
    async with httpx.AsyncClient(base_url=f"{api.base_url}{TOKEN}/") as client:
        yield client


async def test_form_json_and_query_string_are_all_accepted(
    api: LocalBotApi, anna: FakeUser, http: httpx.AsyncClient
) -> None:
    markup = {"inline_keyboard": [[{"text": "A", "callback_data": "a"}]]}
    form = await http.post(
        "sendMessage",
        data={"chat_id": str(ANNA_ID), "text": "123", "reply_markup": json.dumps(markup)},
    )
    body = await http.post("sendMessage", json={"chat_id": ANNA_ID, "text": "json"})
    query = await http.get("sendMessage", params={"chat_id": ANNA_ID, "text": "query"})

    assert [r.status_code for r in (form, body, query)] == [200, 200, 200]
    # A numeric-looking text stays a string: only non-string parameters are JSON-encoded.
    assert form.json()["result"]["text"] == "123"
    assert form.json()["result"]["reply_markup"] == markup
    assert [s.text for s in api.sent(ANNA_ID)] == ["123", "json", "query"]
    assert api.sent(ANNA_ID)[0].params["chat_id"] == ANNA_ID


async def test_errors_have_telegrams_shape(api: LocalBotApi, anna: FakeUser) -> None:
    async with httpx.AsyncClient() as client:
        unauthorized = await client.post(f"{api.base_url}1:nope/getMe")
        unknown_method = await client.post(f"{api.base_url}{TOKEN}/sendHologram")
        bad = await client.post(f"{api.base_url}{TOKEN}/sendMessage", data={"chat_id": "5"})
        missing_file = await client.get(f"{api.file_base_url}{TOKEN}/photos/file_9.jpg")

    assert unauthorized.status_code == 401
    assert unauthorized.json() == {"ok": False, "error_code": 401, "description": "Unauthorized"}
    assert unknown_method.json() == {"ok": False, "error_code": 404, "description": "Not Found"}
    assert bad.json() == {
        "ok": False,
        "error_code": 400,
        "description": "Bad Request: chat not found",
    }
    assert missing_file.status_code == 404


async def test_method_names_ignore_case(http: httpx.AsyncClient, api: LocalBotApi) -> None:
    response = await http.get("GETME")
    assert response.json()["result"]["username"] == "razem_test_bot"
    assert api.calls()[0].method == "getMe"


async def test_inline_button_without_action_is_refused(
    http: httpx.AsyncClient, anna: FakeUser
) -> None:
    markup = json.dumps({"inline_keyboard": [[{"text": "Sam tekst"}]]})
    response = await http.post(
        "sendMessage", data={"chat_id": ANNA_ID, "text": "x", "reply_markup": markup}
    )
    assert response.status_code == 400
    assert "Text buttons are unallowed" in response.json()["description"]


async def test_commands_are_stored_per_scope_and_language(bot: Bot, api: LocalBotApi) -> None:
    polish = [BotCommand("start", "Rozpocznij"), BotCommand("zglos", "Zgłoś zagrożenie")]
    ukrainian = [BotCommand("start", "Почати")]
    officer = [BotCommand("dyzur", "Mój dyżur")]
    await bot.set_my_commands(polish)
    await bot.set_my_commands(ukrainian, BotCommandScopeAllPrivateChats(), language_code="uk")
    await bot.set_my_commands(officer, BotCommandScopeChat(ANNA_ID))

    assert [c["command"] for c in api.commands()] == ["start", "zglos"]
    assert api.commands("all_private_chats", "uk") == [
        {"command": "start", "description": "Почати"}
    ]
    assert api.commands({"type": "chat", "chat_id": ANNA_ID}) == [
        {"command": "dyzur", "description": "Mój dyżur"}
    ]
    assert api.commands("all_private_chats") == []
    assert await bot.get_my_commands(BotCommandScopeAllPrivateChats(), "uk") == tuple(ukrainian)

    await bot.delete_my_commands(BotCommandScopeChat(ANNA_ID))
    assert api.commands({"type": "chat", "chat_id": ANNA_ID}) == []
    with pytest.raises(BadRequest, match="Bot_command_invalid"):
        await bot.set_my_commands([BotCommand("Zgłoś", "wielkie litery")])


async def test_menu_button_and_descriptions_are_accepted(bot: Bot) -> None:
    assert await bot.set_chat_menu_button() is True
    assert await bot.set_my_description("Opis") is True
