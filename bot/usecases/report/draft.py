"""The report being written, as stored in the conversation draft after every step."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

from bot.usecases.places import Place

# When it happened (like KMZB): kinds, times of day, days of the week (0 = Monday).
WHEN_KINDS = ("now", "today", "other_day", "recurring", "unknown")
TIMES_OF_DAY = ("morning", "afternoon", "evening", "night", "unknown")
DAYS = tuple(range(7))
WEEKDAYS = (0, 1, 2, 3, 4)
WEEKEND = (5, 6)


@dataclass
class Photo:
    """A photo the resident sent: the channel's reference, kept until the report is sent."""

    ref: str
    size: int = 0


@dataclass
class ReportDraft:
    """Every answer so far; None means "not asked yet", so resuming knows the next question."""

    danger_checked: bool = False
    category: str | None = None
    category_other: str | None = None
    # The category group the resident opened (to show its categories again on resume).
    group: str | None = None
    place: dict[str, Any] | None = None
    # Addresses offered after an ambiguous one ("did you mean"), as dicts.
    alternatives: list[dict[str, Any]] = field(default_factory=list)
    # The number the resident typed with an ambiguous street, kept for the chosen alternative.
    typed_number: str | None = None
    # Similar open reports were looked for (and, if any, shown) for this category and place.
    duplicates_checked: bool = False
    duplicates: list[int] = field(default_factory=list)
    when: dict[str, Any] | None = None
    # A "when" answer being put together over several questions (date or days, then time).
    when_partial: dict[str, Any] = field(default_factory=dict)
    description: str | None = None
    description_done: bool = False
    photos: list[Photo] = field(default_factory=list)
    photos_done: bool = False
    anonymous: bool | None = None
    phone: str | None = None
    # ISO time the resident shared the phone after reading who sees it (the consent).
    phone_consent_at: str | None = None
    phone_done: bool = False
    # Changing one field from the summary: answer it, then back to the summary.
    editing: bool = False
    # The 112 advice for an urgent category happening now was given (once per report).
    urgent_told: bool = False
    # The album being received: its group id, the outbox row of its one answer, the notices.
    album: dict[str, Any] = field(default_factory=dict)

    @property
    def place_obj(self) -> Place | None:
        """Return the resolved place."""
        return Place.from_json(self.place) if self.place else None

    def to_json(self) -> dict[str, Any]:
        """Serialise for Conversation.draft."""
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ReportDraft:
        """Rebuild from Conversation.draft, ignoring keys this version does not know."""
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        values["photos"] = [Photo(**p) for p in values.get("photos") or []]
        return cls(**values)
