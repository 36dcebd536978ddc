"""The pipeline's health, as /healthz and `python -m bot health` report it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Health:
    """A snapshot: is the database answering, is receiving working, what is waiting."""

    ok: bool
    database: bool
    last_update_received_at: datetime | None
    polling_ok: bool
    pending_inbox: int
    pending_outbox: int
