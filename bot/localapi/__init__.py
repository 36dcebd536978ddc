"""Run a local Telegram Bot API server that records what the bot sends, for end-to-end tests."""

from bot.localapi.api import LocalBotApi
from bot.localapi.faults import Fault
from bot.localapi.sent import SentMessage
from bot.localapi.state import RecordedCall
from bot.localapi.users import FakeChat, FakeUser

__all__ = ["FakeChat", "FakeUser", "Fault", "LocalBotApi", "RecordedCall", "SentMessage"]
