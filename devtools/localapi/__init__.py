"""Run a local Telegram Bot API server that records what the bot sends, for end-to-end tests."""

from devtools.localapi.api import LocalBotApi
from devtools.localapi.faults import Fault
from devtools.localapi.sent import SentMessage
from devtools.localapi.state import RecordedCall
from devtools.localapi.users import FakeChat, FakeUser

__all__ = ["FakeChat", "FakeUser", "Fault", "LocalBotApi", "RecordedCall", "SentMessage"]
