"""The durable update pipeline: receive → inbox → dispatch → outbox → deliver (see docs/)."""

from bot.pipeline.dispatcher import AnyApplication, DispatchClaim, record_failure
from bot.pipeline.health import Health
from bot.pipeline.runner import Pipeline
from bot.pipeline.senders import Sender, Senders

__all__ = [
    "AnyApplication",
    "DispatchClaim",
    "Health",
    "Pipeline",
    "Sender",
    "Senders",
    "record_failure",
]
