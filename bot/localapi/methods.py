"""Implement the Bot API methods the bot uses, on top of the in-memory state."""

import io
import logging
import re
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PIL import Image, UnidentifiedImageError

from bot.localapi.errors import ApiError, bad_request, forbidden_blocked
from bot.localapi.params import Params, Upload
from bot.localapi.sent import SentMessage
from bot.localapi.state import BotAccount, BotApiState, StoredFile, scope_key
from bot.localapi.telegram_html import HtmlEntitiesError, parse_html

logger = logging.getLogger(__name__)

TEXT_LIMIT = 4096
CAPTION_LIMIT = 1024
CALLBACK_DATA_LIMIT = 64
THUMBNAIL_SIDE = 90
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
COMMAND_NAME = re.compile(r"^[a-z0-9_]{1,32}$")
SECRET_TOKEN = re.compile(r"^[A-Za-z0-9_-]{1,256}$")


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


def get_me(call: Call) -> Any:
    """Answer getMe."""
    return {
        **call.bot.as_user(),
        "can_join_groups": True,
        "can_read_all_group_messages": False,
        "supports_inline_queries": False,
        "can_connect_to_business": False,
        "has_main_web_app": False,
    }


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


def photo_size(stored: StoredFile) -> dict[str, Any]:
    """Return a Telegram PhotoSize for a stored image."""
    return {
        "file_id": stored.file_id,
        "file_unique_id": stored.file_unique_id,
        "width": stored.width,
        "height": stored.height,
        "file_size": len(stored.data),
    }


def store_photo(state: BotApiState, data: bytes) -> list[dict[str, Any]]:
    """Store an uploaded photo and return its PhotoSize list, smallest first like Telegram."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            size = image.size
            thumbnail = image.convert("RGB")
    except (UnidentifiedImageError, OSError):
        raise bad_request("IMAGE_PROCESS_FAILED") from None
    sizes: list[dict[str, Any]] = []
    if max(size) > THUMBNAIL_SIDE:
        # A real downscaled copy, so a bot that takes photo[0] instead of photo[-1] gets a
        # visibly small image in tests, as it would on Telegram.
        thumbnail.thumbnail((THUMBNAIL_SIDE, THUMBNAIL_SIDE))
        buffer = io.BytesIO()
        thumbnail.save(buffer, format="JPEG")
        small = state.new_file(
            buffer.getvalue(), "photo", ".jpg", "image/jpeg", size=thumbnail.size
        )
        sizes.append(photo_size(small))
    # The original bytes are kept (Telegram would re-encode them) so tests can compare them.
    full = state.new_file(data, "photo", ".jpg", "image/jpeg", size=size)
    sizes.append(photo_size(full))
    for photo in sizes:
        state.photo_sizes[photo["file_id"]] = sizes
    return sizes


def photo_from(call: Call, value: str | None, upload: Upload | None) -> list[dict[str, Any]]:
    """Return the PhotoSize list for an uploaded photo or a file_id this server issued."""
    if upload is not None:
        return store_photo(call.state, upload.data)
    if value and value in call.state.photo_sizes:
        return call.state.photo_sizes[value]
    raise bad_request("wrong file identifier/HTTP URL specified")


def document_from(call: Call, value: str | None, upload: Upload | None) -> dict[str, Any]:
    """Return a Telegram Document for an uploaded file or a file_id this server issued."""
    if upload is not None:
        name = upload.filename or "file"
        stored = call.state.new_file(
            upload.data,
            "document",
            "." + name.rsplit(".", 1)[-1] if "." in name else "",
            upload.content_type or "application/octet-stream",
            file_name=name,
        )
    elif value and value in call.state.files:
        stored = call.state.files[value]
    else:
        raise bad_request("wrong file identifier/HTTP URL specified")
    document: dict[str, Any] = {
        "file_id": stored.file_id,
        "file_unique_id": stored.file_unique_id,
        "file_size": len(stored.data),
    }
    if stored.file_name:
        document["file_name"] = stored.file_name
    if stored.mime_type:
        document["mime_type"] = stored.mime_type
    return document


def caption_content(call: Call) -> tuple[dict[str, Any], str | None]:
    """Return the caption fields of a media message and the caption as sent."""
    caption = call.params.text("caption")
    if caption is None:
        return {}, None
    plain = rendered(caption, call.params.text("parse_mode"), caption=True)
    return ({"caption": plain} if plain else {}), caption


def send_photo(call: Call) -> Any:
    """Answer sendPhoto."""
    chat_id = call.target_chat()
    upload = call.params.uploads.get("photo")
    sizes = photo_from(call, call.params.text("photo"), upload)
    content, caption = caption_content(call)
    markup = checked_markup(call.params)
    message = new_message(
        call, chat_id, markup, photo=sizes, **content, **common_content(call, chat_id)
    )
    largest = sizes[-1]["file_id"]
    record(
        call,
        "sendPhoto",
        message,
        caption=caption,
        reply_markup=markup,
        photo=call.state.files[largest].data,
        file_id=largest,
    )
    return message


def send_document(call: Call) -> Any:
    """Answer sendDocument."""
    chat_id = call.target_chat()
    upload = call.params.uploads.get("document")
    document = document_from(call, call.params.text("document"), upload)
    content, caption = caption_content(call)
    markup = checked_markup(call.params)
    message = new_message(
        call, chat_id, markup, document=document, **content, **common_content(call, chat_id)
    )
    record(
        call,
        "sendDocument",
        message,
        caption=caption,
        reply_markup=markup,
        document=call.state.files[document["file_id"]].data,
        file_name=document.get("file_name"),
        file_id=document["file_id"],
    )
    return message


def send_media_group(call: Call) -> Any:
    """Answer sendMediaGroup: one message per item, sharing a media_group_id."""
    chat_id = call.target_chat()
    items = call.params.obj("media")
    if not isinstance(items, list) or not 2 <= len(items) <= 10:
        raise bad_request("media must contain 2-10 items")
    group_id = str(secrets.randbelow(10**18))
    replied = common_content(call, chat_id)
    prepared: list[tuple[dict[str, Any], dict[str, Any]]] = []
    for item in items:
        if not isinstance(item, dict) or item.get("type") not in {"photo", "document"}:
            raise bad_request("the local Bot API server supports photo and document media only")
        reference = str(item.get("media", ""))
        upload = None
        if reference.startswith("attach://"):
            upload = call.params.uploads.get(reference.removeprefix("attach://"))
            if upload is None:
                raise bad_request("wrong file identifier/HTTP URL specified")
        caption = item.get("caption")
        content: dict[str, Any] = {}
        if caption:
            content["caption"] = rendered(caption, item.get("parse_mode"), caption=True)
        if item["type"] == "photo":
            content["photo"] = photo_from(call, reference, upload)
        else:
            content["document"] = document_from(call, reference, upload)
        prepared.append((item, content))
    messages = []
    media = []
    for item, content in prepared:
        message = new_message(call, chat_id, None, media_group_id=group_id, **content, **replied)
        messages.append(message)
        file_id = (content["photo"][-1] if "photo" in content else content["document"])["file_id"]
        media.append(
            {
                "type": item["type"],
                "message_id": message["message_id"],
                "caption": item.get("caption"),
                "file_id": file_id,
                "data": call.state.files[file_id].data,
            }
        )
    record(call, "sendMediaGroup", messages[0], media=media)
    return messages


def send_chat_action(call: Call) -> Any:
    """Answer sendChatAction."""
    call.target_chat()
    if call.params.text("action") not in CHAT_ACTIONS:
        raise bad_request("wrong parameter action in request")
    return True


def commands_key(call: Call) -> tuple[str, str]:
    """Return the storage key of the command list addressed by scope and language_code."""
    return scope_key(call.params.obj("scope")), call.params.text("language_code") or ""


def set_my_commands(call: Call) -> Any:
    """Answer setMyCommands, checking command names and descriptions like Telegram."""
    commands = call.params.obj("commands")
    if not isinstance(commands, list) or len(commands) > 100:
        raise bad_request("commands must be a list of at most 100 commands")
    cleaned = []
    for command in commands:
        name = command.get("command", "") if isinstance(command, dict) else ""
        description = command.get("description", "") if isinstance(command, dict) else ""
        if not COMMAND_NAME.match(str(name)):
            raise bad_request("BOT_COMMAND_INVALID")
        if not 1 <= len(str(description)) <= 256:
            raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
        cleaned.append({"command": str(name), "description": str(description)})
    key = commands_key(call)
    if cleaned:
        call.bot.commands[key] = cleaned
    else:
        call.bot.commands.pop(key, None)
    return True


def get_my_commands(call: Call) -> Any:
    """Answer getMyCommands for exactly the given scope and language."""
    return list(call.bot.commands.get(commands_key(call), []))


def delete_my_commands(call: Call) -> Any:
    """Answer deleteMyCommands."""
    call.bot.commands.pop(commands_key(call), None)
    return True


def get_file(call: Call) -> Any:
    """Answer getFile."""
    stored = call.state.files.get(call.params.text("file_id") or "")
    if stored is None:
        raise bad_request("invalid file_id")
    return {
        "file_id": stored.file_id,
        "file_unique_id": stored.file_unique_id,
        "file_size": len(stored.data),
        "file_path": stored.file_path,
    }


def get_chat(call: Call) -> Any:
    """Answer getChat with the fields PTB requires of a ChatFullInfo."""
    chat_id = call.params.chat_id()
    if chat_id is None:
        raise bad_request("chat_id is empty")
    return {
        **call.state.chat(chat_id),
        "accent_color_id": 0,
        "max_reaction_count": 11,
        "accepted_gift_types": {
            "unlimited_gifts": False,
            "limited_gifts": False,
            "unique_gifts": False,
            "premium_subscription": False,
            "gifts_from_channels": False,
        },
    }


def accept(call: Call) -> Any:
    """Answer a settings call the bot makes but tests never inspect."""
    return True


def set_webhook(call: Call) -> Any:
    """Answer setWebhook; an empty url removes the webhook, as on Telegram."""
    url = call.params.text("url") or ""
    secret = call.params.text("secret_token")
    if secret is not None and not SECRET_TOKEN.match(secret):
        raise bad_request("secret token contains unallowed characters")
    if url and not url.startswith(("http://", "https://")):
        raise bad_request("bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443")
    bot = call.bot
    if call.params.flag("drop_pending_updates"):
        bot.updates.clear()
    bot.webhook_url = url or None
    bot.webhook_secret = secret
    bot.webhook_max_connections = call.params.integer("max_connections") or 40
    allowed = call.params.obj("allowed_updates")
    bot.webhook_allowed_updates = allowed if isinstance(allowed, list) else None
    bot.last_error_date = None
    bot.last_error_message = None
    # A webhook ends any long poll in progress, which then gets 409 Conflict.
    bot.poll_generation += 1
    return True


def delete_webhook(call: Call) -> Any:
    """Answer deleteWebhook."""
    if call.params.flag("drop_pending_updates"):
        call.bot.updates.clear()
    call.bot.webhook_url = None
    call.bot.webhook_secret = None
    return True


def get_webhook_info(call: Call) -> Any:
    """Answer getWebhookInfo."""
    bot = call.bot
    info: dict[str, Any] = {
        "url": bot.webhook_url or "",
        "has_custom_certificate": False,
        "pending_update_count": len(bot.updates),
    }
    if bot.webhook_url:
        info["max_connections"] = bot.webhook_max_connections
        if bot.webhook_allowed_updates is not None:
            info["allowed_updates"] = bot.webhook_allowed_updates
    if bot.last_error_message:
        info["last_error_date"] = bot.last_error_date
        info["last_error_message"] = bot.last_error_message
    return info


# getUpdates is not here: it long-polls, so the server implements it asynchronously.
METHODS: dict[str, Callable[[Call], Any]] = {
    "getMe": get_me,
    "sendMessage": send_message,
    "editMessageText": edit_message_text,
    "editMessageReplyMarkup": edit_message_reply_markup,
    "deleteMessage": delete_message,
    "answerCallbackQuery": answer_callback_query,
    "sendLocation": send_location,
    "sendVenue": send_venue,
    "sendContact": send_contact,
    "sendPhoto": send_photo,
    "sendDocument": send_document,
    "sendMediaGroup": send_media_group,
    "sendChatAction": send_chat_action,
    "setMyCommands": set_my_commands,
    "getMyCommands": get_my_commands,
    "deleteMyCommands": delete_my_commands,
    "getFile": get_file,
    "getChat": get_chat,
    "setChatMenuButton": accept,
    "setMyDescription": accept,
    "setMyShortDescription": accept,
    "setWebhook": set_webhook,
    "deleteWebhook": delete_webhook,
    "getWebhookInfo": get_webhook_info,
}
METHOD_NAMES = {name.lower(): name for name in [*METHODS, "getUpdates"]}


def lookup(name: str) -> str:
    """Return the canonical name of a method (Telegram ignores case), or fail with 404."""
    canonical = METHOD_NAMES.get(name.lower())
    if canonical is None:
        raise ApiError(404, "Not Found")
    return canonical
