"""Implement the Bot API methods about the bot itself: identity, commands, webhook, chats."""

import re
from typing import Any

from devtools.localapi.errors import bad_request
from devtools.localapi.messages import Call
from devtools.localapi.state import scope_key

COMMAND_NAME = re.compile(r"^[a-z0-9_]{1,32}$")
SECRET_TOKEN = re.compile(r"^[A-Za-z0-9_-]{1,256}$")


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
