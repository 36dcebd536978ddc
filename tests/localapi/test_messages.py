"""Send, edit and delete messages through a real PTB Bot and check what the server recorded."""

import pytest
from telegram import (
    Bot,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    Message,
    ReplyKeyboardMarkup,
)
from telegram.error import BadRequest, InvalidToken

from devtools.localapi import FakeUser, LocalBotApi
from tests.localapi.conftest import ANNA_ID, BOT_ID, local_bot

KEYBOARD = InlineKeyboardMarkup(
    [
        [InlineKeyboardButton("Zgłoś zagrożenie", callback_data="report")],
        [InlineKeyboardButton("Mój dzielnicowy", callback_data="officer")],
    ]
)


async def test_get_me_describes_the_registered_bot(bot: Bot) -> None:
    me = await bot.get_me()
    assert (me.id, me.username, me.is_bot) == (BOT_ID, "razem_test_bot", True)


async def test_send_message_returns_telegram_message_and_records_it(
    bot: Bot, api: LocalBotApi, anna: FakeUser
) -> None:
    first = await bot.send_message(
        ANNA_ID, "<b>Dzień dobry</b>", parse_mode="HTML", reply_markup=KEYBOARD
    )
    second = await bot.send_message(ANNA_ID, "Druga", disable_notification=True)

    assert (first.message_id, second.message_id) == (1, 2)
    assert first.text == "Dzień dobry"
    assert first.from_user is not None and first.from_user.id == BOT_ID
    assert first.chat.id == ANNA_ID and first.chat.type == "private"
    assert first.reply_markup == KEYBOARD
    [recorded, plain] = api.sent(ANNA_ID)
    assert recorded.text == "<b>Dzień dobry</b>" and recorded.plain_text == "Dzień dobry"
    assert recorded.parse_mode == "HTML"
    assert recorded.buttons() == [["Zgłoś zagrożenie"], ["Mój dzielnicowy"]]
    assert recorded.button_data("Mój dzielnicowy") == "officer"
    assert plain.disable_notification is True and plain.reply_markup is None


async def test_reply_keyboard_is_recorded_but_not_echoed(
    bot: Bot, api: LocalBotApi, anna: FakeUser
) -> None:
    keyboard = ReplyKeyboardMarkup(
        [[KeyboardButton("Udostępnij lokalizację", request_location=True)], ["Anuluj"]]
    )
    message = await bot.send_message(ANNA_ID, "Gdzie?", reply_markup=keyboard)

    assert message.reply_markup is None
    assert api.sent(ANNA_ID)[0].reply_keyboard() == [
        [{"text": "Udostępnij lokalizację", "request_location": True}],
        [{"text": "Anuluj"}],
    ]


async def test_reply_to_a_users_message(bot: Bot, anna: FakeUser, api: LocalBotApi) -> None:
    asked = anna.send_text("Gdzie jest komisariat?")["message"]
    answer = await bot.send_message(ANNA_ID, "Tutaj", reply_to_message_id=asked["message_id"])

    assert answer.reply_to_message is not None
    assert answer.reply_to_message.text == "Gdzie jest komisariat?"
    assert api.sent(ANNA_ID)[0].reply_to_message_id == asked["message_id"]
    with pytest.raises(BadRequest, match="Message to be replied not found"):
        await bot.send_message(ANNA_ID, "x", reply_to_message_id=999)


async def test_edit_text_and_markup_track_the_current_state(
    bot: Bot, api: LocalBotApi, anna: FakeUser
) -> None:
    sent = await bot.send_message(ANNA_ID, "Wybierz", reply_markup=KEYBOARD)
    edited = await bot.edit_message_text("Wybrano: zgłoszenie", ANNA_ID, sent.message_id)
    assert isinstance(edited, Message)
    assert edited.text == "Wybrano: zgłoszenie"
    assert edited.edit_date is not None
    # Telegram drops the inline keyboard when editMessageText omits reply_markup.
    assert edited.reply_markup is None

    await bot.edit_message_reply_markup(ANNA_ID, sent.message_id, reply_markup=KEYBOARD)
    current = api.current(ANNA_ID, sent.message_id)
    assert current.text == "Wybrano: zgłoszenie"
    assert current.buttons() == [["Zgłoś zagrożenie"], ["Mój dzielnicowy"]]
    assert [s.method for s in api.sent(ANNA_ID)] == [
        "sendMessage",
        "editMessageText",
        "editMessageReplyMarkup",
    ]


async def test_edit_with_identical_content_is_not_modified(bot: Bot, anna: FakeUser) -> None:
    sent = await bot.send_message(ANNA_ID, "Bez zmian", reply_markup=KEYBOARD)
    with pytest.raises(BadRequest, match="Message is not modified"):
        await bot.edit_message_text("Bez zmian", ANNA_ID, sent.message_id, reply_markup=KEYBOARD)
    with pytest.raises(BadRequest, match="Message is not modified"):
        await bot.edit_message_reply_markup(ANNA_ID, sent.message_id, reply_markup=KEYBOARD)


async def test_editing_or_deleting_a_missing_message_fails(bot: Bot, anna: FakeUser) -> None:
    with pytest.raises(BadRequest, match="Message to edit not found"):
        await bot.edit_message_text("x", ANNA_ID, 77)
    with pytest.raises(BadRequest, match="Message to delete not found"):
        await bot.delete_message(ANNA_ID, 77)


async def test_delete_removes_the_message(bot: Bot, api: LocalBotApi, anna: FakeUser) -> None:
    sent = await bot.send_message(ANNA_ID, "Na chwilę")
    assert await bot.delete_message(ANNA_ID, sent.message_id) is True

    assert api.sent(ANNA_ID, method="deleteMessage")[0].message_id == sent.message_id
    with pytest.raises(KeyError):
        api.current(ANNA_ID, sent.message_id)
    with pytest.raises(BadRequest, match="Message to edit not found"):
        await bot.edit_message_text("Za późno", ANNA_ID, sent.message_id)


async def test_location_venue_and_contact(bot: Bot, api: LocalBotApi, anna: FakeUser) -> None:
    location = await bot.send_location(ANNA_ID, 52.2236, 18.2511)
    venue = await bot.send_venue(ANNA_ID, 52.2236, 18.2511, "KMP Konin", "ul. Kolejowa 5")
    contact = await bot.send_contact(ANNA_ID, "+48 63 240 00 00", "Dyżurny")

    assert location.location is not None and location.location.latitude == pytest.approx(52.2236)
    assert venue.venue is not None and venue.venue.title == "KMP Konin"
    assert contact.contact is not None and contact.contact.phone_number == "+48 63 240 00 00"
    recorded = api.sent(ANNA_ID)
    assert (recorded[0].latitude, recorded[0].longitude) == (52.2236, 18.2511)
    assert recorded[1].address == "ul. Kolejowa 5"
    assert (recorded[2].phone_number, recorded[2].first_name) == ("+48 63 240 00 00", "Dyżurny")


async def test_chat_action_is_accepted_but_not_a_message(
    bot: Bot, api: LocalBotApi, anna: FakeUser
) -> None:
    assert await bot.send_chat_action(ANNA_ID, "typing") is True
    assert api.sent(ANNA_ID) == []
    assert [c.method for c in api.calls()] == ["getMe", "sendChatAction"]
    with pytest.raises(BadRequest, match="Wrong parameter action"):
        await bot.send_chat_action(ANNA_ID, "dancing")


async def test_get_chat_returns_minimal_full_info(bot: Bot, anna: FakeUser) -> None:
    chat = await bot.get_chat(ANNA_ID)
    assert (chat.id, chat.type, chat.first_name) == (ANNA_ID, "private", "Anna")


async def test_unknown_chat_is_not_found(bot: Bot) -> None:
    with pytest.raises(BadRequest, match="Chat not found"):
        await bot.send_message(424242, "Halo?")


async def test_invalid_token_surfaces_as_invalid_token(api: LocalBotApi) -> None:
    stranger = local_bot(api, "999:WRONG")
    try:
        with pytest.raises(InvalidToken, match="was rejected"):
            await stranger.initialize()
    finally:
        await stranger.shutdown()  # initialize() opened the HTTP clients before failing
