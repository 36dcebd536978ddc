"""A turn: what a use case knows about the person and the step it is answering."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.conversation import Step
from db.models.people import User


@dataclass
class Turn:
    """One step of one person, in the language to answer in, at a given time."""

    user: User
    step: Step
    # The language to answer in: the user's choice, else the app's suggestion, else the default.
    lang: str
    # The app's language_code (2 letters), to preselect the language choice on first /start.
    language_hint: str | None
    now: datetime
    # The name the person shows in the messenger; stored only for a report sent "with my details".
    display_name: str | None = None
