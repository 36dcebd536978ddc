"""Map Bot API method names to their implementations."""

from collections.abc import Callable
from typing import Any

from devtools.localapi.bot_settings import (
    accept,
    delete_my_commands,
    delete_webhook,
    get_chat,
    get_me,
    get_my_commands,
    get_webhook_info,
    set_my_commands,
    set_webhook,
)
from devtools.localapi.errors import ApiError
from devtools.localapi.media import get_file, send_document, send_media_group, send_photo
from devtools.localapi.messages import (
    Call,
    answer_callback_query,
    delete_message,
    edit_message_reply_markup,
    edit_message_text,
    send_chat_action,
    send_contact,
    send_location,
    send_message,
    send_venue,
)

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
