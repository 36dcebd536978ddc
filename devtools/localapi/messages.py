"""Implement the Bot API methods that send, edit and delete text-like messages."""

import logging
import time
from dataclasses import dataclass
from typing import Any

from devtools.localapi.errors import bad_request, forbidden_blocked
from devtools.localapi.params import Params
from devtools.localapi.sent import SentMessage
from devtools.localapi.state import BotAccount, BotApiState
from devtools.localapi.telegram_html import HtmlEntitiesError, parse_html

logger = logging.getLogger(__name__)

TEXT_LIMIT = 4096
CAPTION_LIMIT = 1024
CALLBACK_DATA_LIMIT = 64
NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly "
    "the same as a current content and reply markup of the message"
)
CHAT_ACTIONS = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)
INLINE_ACTIONS = frozenset(
    {
        "callback_data",
        "url",
        "login_url",
        "web_app",
        "switch_inline_query",
        "switch_inline_query_current_chat",
        "switch_inline_query_chosen_chat",
        "copy_text",
        "callback_game",
        "pay",
    }
)


@dataclass
class Call:
    """Bundle what a method implementation needs: the state, the calling bot, its params."""

    state: BotApiState
    bot: BotAccount
    params: Params

    def target_chat(self) -> int:
        """Return the addressed chat, failing like Telegram when it is blocked or unknown."""
        chat_id = self.params.chat_id()
        if chat_id is None:
            raise bad_request("chat_id is empty")
        if chat_id in self.state.blocked_chats:
            raise forbidden_blocked()
        self.state.chat(chat_id)
        return chat_id


def now() -> int:
    """Return the current time as Telegram dates it: integer seconds."""
    return int(time.time())


def rendered(text: str | None, parse_mode: str | None, *, caption: bool = False) -> str:
    """Return the visible text, enforcing Telegram's parse and length rules."""
    text = text or ""
    if parse_mode and parse_mode.lower() == "html":
        try:
            plain = parse_html(text)
        except HtmlEntitiesError as error:
            raise bad_request(f"can't parse entities: {error}") from None
    else:
        plain = text
    if caption:
        if len(plain) > CAPTION_LIMIT:
            raise bad_request("message caption is too long")
    elif not plain.strip():
        raise bad_request("message text is empty")
    elif len(plain) > TEXT_LIMIT:
        raise bad_request("message is too long")
    return plain


def checked_markup(params: Params) -> dict[str, Any] | None:
    """Return reply_markup after the checks Telegram makes on inline keyboards."""
    markup = params.obj("reply_markup")
    if markup is None:
        return None
    if not isinstance(markup, dict):
        raise bad_request("can't parse reply keyboard markup JSON object")
    rows = markup.get("inline_keyboard")
    if rows is None:
        return markup
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise bad_request(
            "can't parse inline keyboard button: InlineKeyboardButton must be an Array"
        )
    for row in rows:
        for button in row:
            if not isinstance(button, dict) or not isinstance(button.get("text"), str):
                raise bad_request(
                    'can\'t parse inline keyboard button: Field "text" must be of type String'
                )
            if not INLINE_ACTIONS & button.keys():
                raise bad_request(
                    "can't parse inline keyboard button: Text buttons are unallowed in the "
                    "inline keyboard"
                )
            data = button.get("callback_data")
            if data is not None and not 1 <= len(str(data).encode()) <= CALLBACK_DATA_LIMIT:
                raise bad_request("BUTTON_DATA_INVALID")
    return markup


def reply_target(call: Call, chat_id: int) -> dict[str, Any] | None:
    """Return the message being replied to (reply_parameters or reply_to_message_id)."""
    reply = call.params.obj("reply_parameters")
    message_id = call.params.integer("reply_to_message_id")
    allow_missing = call.params.flag("allow_sending_without_reply")
    if isinstance(reply, dict):
        message_id = reply.get("message_id")
        allow_missing = bool(reply.get("allow_sending_without_reply", allow_missing))
    if message_id is None:
        return None
    message = call.state.messages.get((chat_id, int(message_id)))
    if message is None and not allow_missing:
        raise bad_request("message to be replied not found")
    return message


def new_message(
    call: Call, chat_id: int, markup: dict[str, Any] | None, **content: Any
) -> dict[str, Any]:
    """Create and store a message from the bot, shaped like Telegram's Message."""
    message: dict[str, Any] = {
        "message_id": call.state.next_message_id(chat_id),
        "from": call.bot.as_user(),
        "chat": call.state.chat(chat_id),
        "date": now(),
        **content,
    }
    # Telegram echoes only inline keyboards back in the Message object.
    if markup is not None and "inline_keyboard" in markup:
        message["reply_markup"] = markup
    call.state.messages[(chat_id, message["message_id"])] = message
    return message


def record(call: Call, method: str, message: dict[str, Any], **fields: Any) -> SentMessage:
    """Record a send that produced `message`."""
    reply_to = message.get("reply_to_message")
    sent = SentMessage(
        method=method,
        chat_id=message["chat"]["id"],
        message_id=message["message_id"],
        parse_mode=call.params.text("parse_mode"),
        disable_notification=call.params.flag("disable_notification"),
        reply_to_message_id=reply_to["message_id"] if reply_to else None,
        params=call.params.decoded(),
        message=message,
        **fields,
    )
    call.state.record_sent(sent)
    logger.debug("bot %s in chat %s: %s", method, sent.chat_id, sent.text or sent.caption)
    return sent


def common_content(call: Call, chat_id: int) -> dict[str, Any]:
    """Return the content fields every sent message may carry (the reply)."""
    replied = reply_target(call, chat_id)
    return {"reply_to_message": replied} if replied else {}


def send_message(call: Call) -> Any:
    """Answer sendMessage."""
    chat_id = call.target_chat()
    text = call.params.text("text")
    plain = rendered(text, call.params.text("parse_mode"))
    markup = checked_markup(call.params)
    message = new_message(call, chat_id, markup, text=plain, **common_content(call, chat_id))
    record(call, "sendMessage", message, text=text, plain_text=plain, reply_markup=markup)
    return message


def stored_message(call: Call, chat_id: int, not_found: str) -> dict[str, Any]:
    """Return a stored message by chat_id and message_id, or fail with `not_found`."""
    if call.params.has("inline_message_id"):
        raise bad_request("inline messages are not supported by the local Bot API server")
    message_id = call.params.integer("message_id")
    if message_id is None:
        raise bad_request("message identifier is not specified")
    message = call.state.messages.get((chat_id, message_id))
    if message is None:
        raise bad_request(not_found)
    return message


def edited_record(call: Call, method: str, message: dict[str, Any], **changes: Any) -> SentMessage:
    """Record an edit, carrying over what the edit did not change."""
    key = (message["chat"]["id"], message["message_id"])
    before = call.state.current.get(key)
    carried = {
        "text": before.text if before else message.get("text"),
        "plain_text": before.plain_text if before else message.get("text"),
        "caption": before.caption if before else message.get("caption"),
        "parse_mode": before.parse_mode if before else None,
    }
    sent = SentMessage(
        method=method,
        chat_id=key[0],
        message_id=key[1],
        params=call.params.decoded(),
        message=message,
        **{**carried, **changes},
    )
    call.state.record_sent(sent)
    return sent


def edit_message_text(call: Call) -> Any:
    """Answer editMessageText."""
    chat_id = call.target_chat()
    message = stored_message(call, chat_id, "message to edit not found")
    if message["from"]["id"] != call.bot.user_id:
        raise bad_request("message can't be edited")
    if "text" not in message:
        raise bad_request("there is no text in the message to edit")
    text = call.params.text("text")
    plain = rendered(text, call.params.text("parse_mode"))
    markup = checked_markup(call.params)
    before = call.state.current.get((chat_id, message["message_id"]))
    old_text = before.text if before else message["text"]
    if plain == message["text"] and text == old_text and markup == message.get("reply_markup"):
        raise bad_request(NOT_MODIFIED)
    message["text"] = plain
    message["edit_date"] = now()
    # Without reply_markup, Telegram removes the inline keyboard of the edited message.
    if markup is not None and "inline_keyboard" in markup:
        message["reply_markup"] = markup
    else:
        message.pop("reply_markup", None)
    edited_record(
        call,
        "editMessageText",
        message,
        text=text,
        plain_text=plain,
        parse_mode=call.params.text("parse_mode"),
        reply_markup=markup,
    )
    return message


def edit_message_reply_markup(call: Call) -> Any:
    """Answer editMessageReplyMarkup."""
    chat_id = call.target_chat()
    message = stored_message(call, chat_id, "message to edit not found")
    if message["from"]["id"] != call.bot.user_id:
        raise bad_request("message can't be edited")
    markup = checked_markup(call.params)
    if markup == message.get("reply_markup"):
        raise bad_request(NOT_MODIFIED)
    if markup is not None and "inline_keyboard" in markup:
        message["reply_markup"] = markup
    else:
        message.pop("reply_markup", None)
    message["edit_date"] = now()
    edited_record(call, "editMessageReplyMarkup", message, reply_markup=markup)
    return message


def delete_message(call: Call) -> Any:
    """Answer deleteMessage."""
    chat_id = call.target_chat()
    message = stored_message(call, chat_id, "message to delete not found")
    del call.state.messages[(chat_id, message["message_id"])]
    sent = SentMessage(
        method="deleteMessage",
        chat_id=chat_id,
        message_id=message["message_id"],
        params=call.params.decoded(),
        message=message,
    )
    call.state.record_sent(sent)
    return True


def answer_callback_query(call: Call) -> Any:
    """Answer answerCallbackQuery; each query can be answered once, as on Telegram."""
    query_id = call.params.text("callback_query_id")
    if query_id not in call.state.open_callbacks:
        raise bad_request("query is too old and response timeout expired or query ID is invalid")
    call.state.open_callbacks.discard(query_id)
    call.state.answered_callbacks.append(call.params.decoded())
    return True


def send_location(call: Call) -> Any:
    """Answer sendLocation."""
    chat_id = call.target_chat()
    latitude, longitude = coordinates(call.params)
    markup = checked_markup(call.params)
    message = new_message(
        call,
        chat_id,
        markup,
        location={"latitude": latitude, "longitude": longitude},
        **common_content(call, chat_id),
    )
    record(
        call, "sendLocation", message, latitude=latitude, longitude=longitude, reply_markup=markup
    )
    return message


def coordinates(params: Params) -> tuple[float, float]:
    """Return valid latitude and longitude parameters."""
    latitude = params.number("latitude")
    longitude = params.number("longitude")
    if latitude is None or not -90 <= latitude <= 90:
        raise bad_request("wrong latitude")
    if longitude is None or not -180 <= longitude <= 180:
        raise bad_request("wrong longitude")
    return latitude, longitude


def send_venue(call: Call) -> Any:
    """Answer sendVenue."""
    chat_id = call.target_chat()
    latitude, longitude = coordinates(call.params)
    title = call.params.text("title")
    address = call.params.text("address")
    if not title:
        raise bad_request("title is empty")
    if not address:
        raise bad_request("address is empty")
    markup = checked_markup(call.params)
    location = {"latitude": latitude, "longitude": longitude}
    message = new_message(
        call,
        chat_id,
        markup,
        location=location,
        venue={"location": location, "title": title, "address": address},
        **common_content(call, chat_id),
    )
    record(
        call,
        "sendVenue",
        message,
        latitude=latitude,
        longitude=longitude,
        title=title,
        address=address,
        reply_markup=markup,
    )
    return message


def send_contact(call: Call) -> Any:
    """Answer sendContact."""
    chat_id = call.target_chat()
    phone_number = call.params.text("phone_number")
    first_name = call.params.text("first_name")
    if not phone_number:
        raise bad_request("phone number is empty")
    if not first_name:
        raise bad_request("first name is empty")
    contact: dict[str, Any] = {"phone_number": phone_number, "first_name": first_name}
    if last_name := call.params.text("last_name"):
        contact["last_name"] = last_name
    markup = checked_markup(call.params)
    message = new_message(call, chat_id, markup, contact=contact, **common_content(call, chat_id))
    record(
        call,
        "sendContact",
        message,
        phone_number=phone_number,
        first_name=first_name,
        reply_markup=markup,
    )
    return message


def send_chat_action(call: Call) -> Any:
    """Answer sendChatAction."""
    call.target_chat()
    if call.params.text("action") not in CHAT_ACTIONS:
        raise bad_request("wrong parameter action in request")
    return True
