"""The transport-neutral conversation core: what a person sent, and what to answer.

A Telegram handler (or, later, a Signal adapter) turns an incoming message into a `Step` and
renders each `Answer` for its medium: options become inline/reply keyboards on Telegram and
would become numbered lists on Signal.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from bot.i18n import Dated, Raw

# ---- what a person sent -------------------------------------------------------------------

# Explicit bidi embeddings, overrides and isolates (LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI):
# an RLO in a description makes "KN-2026-000123" or a street read differently on the officer's
# screen than it is stored ("Trojan Source"). The implicit marks (LRM, RLM, ALM) only place
# neutral characters inside right-to-left text and stay.
_BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_LINE_BREAKS = re.compile(r"\r\n?|[\u0085\u2028\u2029]")


def clean_text(value: str) -> str:
    """Drop control and bidi-override characters from a person's text; keep its line breaks.

    Every text a person gives passes here before a flow sees it, so nothing stored (and shown
    to an officer, written to an export) can carry a terminal escape, a NUL or a reordering.
    Tabs become spaces; the other line-break forms become a plain newline.
    """
    value = _LINE_BREAKS.sub("\n", value).replace("\t", " ")
    return "".join(
        char
        for char in value
        if char == "\n"
        or (char not in _BIDI_CONTROLS and unicodedata.category(char) not in ("Cc", "Cs"))
    )


@dataclass(frozen=True)
class Text:
    """Typed text (already stripped)."""

    value: str


@dataclass(frozen=True)
class Command:
    """A command such as /start, with its argument text (deep-link payload for /start)."""

    name: str
    args: str = ""


@dataclass(frozen=True)
class Choice:
    """A pressed option: the scope that offered it, the version it was offered at, its value.

    A press whose data could not be decoded (forged, or from an old bot) arrives with
    scope "" and version -1, so it is recognised as expired.
    """

    value: str
    version: int = 0
    scope: str = ""


@dataclass(frozen=True)
class Location:
    """A shared point (location or venue)."""

    lat: float
    lon: float
    title: str | None = None
    address: str | None = None


@dataclass(frozen=True)
class Media:
    """Photos or image files; `refs` are the channel's file references (Telegram file ids)."""

    refs: tuple[str, ...]
    sizes: tuple[int, ...] = ()
    # Telegram's media_group_id: the photos of one album share it (one update each).
    group: str | None = None
    caption: str | None = None


@dataclass(frozen=True)
class Contact:
    """A shared phone number; `own` when the contact is the sender's own."""

    phone: str
    own: bool


@dataclass(frozen=True)
class Unsupported:
    """Anything else: a sticker, voice message, video, poll... (`kind` names it for hints)."""

    kind: str


Step = Text | Command | Choice | Location | Media | Contact | Unsupported

# ---- what to answer -----------------------------------------------------------------------

OptionKind = Literal["choice", "location", "contact", "url"]

# An argument that is already safe HTML (bot.i18n.Raw) is stored as {RAW_KEY: text}, so that it
# is not escaped a second time when the outbox row is rendered; a date (bot.i18n.Dated) as
# {DATE_KEY: [form, ISO date]}, so that it is written in the language of the row.
RAW_KEY = "$raw"
DATE_KEY = "$date"


def _arg_to_json(value: Any) -> Any:
    if isinstance(value, Raw):
        return {RAW_KEY: str(value)}
    if isinstance(value, Dated):
        return {DATE_KEY: value.to_json()}
    return value


def _arg_from_json(value: Any) -> Any:
    if isinstance(value, dict) and len(value) == 1:
        if RAW_KEY in value:
            return Raw(value[RAW_KEY])
        if DATE_KEY in value:
            return Dated.from_json(value[DATE_KEY])
    return value


def args_to_json(args: Mapping[str, Any]) -> dict[str, Any]:
    """Serialise catalog arguments, keeping which ones are safe HTML and which are dates."""
    return {name: _arg_to_json(v) for name, v in args.items()}


def args_from_json(data: Mapping[str, Any] | None) -> dict[str, Any]:
    """Rebuild catalog arguments from an outbox row."""
    return {name: _arg_from_json(v) for name, v in (data or {}).items()}


Keyboard = Literal["inline", "reply", "keep", "remove"]

# Answer.replaces: edit the message whose button was pressed, instead of sending a new one
# (the adapter turns it into "message:<its id>"; a turn that was no press sends anew).
REPLACE_PRESSED = "pressed"


def replacing_row(outbox_id: int) -> str:
    """Return Answer.replaces for the message an earlier outbox row sent (e.g. an album's reply)."""
    return f"row:{outbox_id}"


@dataclass(frozen=True)
class Option:
    """One offered choice: a catalog key for its label and the value that comes back."""

    label: str
    value: str = ""
    args: Mapping[str, Any] = field(default_factory=dict)
    # location/contact ask the app to share them (reply keyboards only); url opens a link.
    kind: OptionKind = "choice"
    url: str | None = None

    def to_json(self) -> dict[str, Any]:
        """Serialise for an outbox row."""
        return {
            "label": self.label,
            "value": self.value,
            "args": args_to_json(self.args),
            "kind": self.kind,
            "url": self.url,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Option:
        """Rebuild from an outbox row."""
        return cls(
            label=data["label"],
            value=data.get("value", ""),
            args=args_from_json(data.get("args")),
            kind=data.get("kind", "choice"),
            url=data.get("url"),
        )


@dataclass(frozen=True)
class Answer:
    """A message to send: a catalog key with arguments, and the options offered in rows.

    `scope` and `version` go into inline buttons' data so that a press can be checked against
    the conversation it belongs to; `keyboard` says how options are shown.
    """

    key: str
    args: Mapping[str, Any] = field(default_factory=dict)
    options: tuple[tuple[Option, ...], ...] = ()
    keyboard: Keyboard = "inline"
    scope: str = "m"
    version: int = 0
    # Extra catalog keys rendered and appended as paragraphs (e.g. a hint, then the question).
    also: tuple[tuple[str, Mapping[str, Any]], ...] = ()
    # An earlier message this one replaces in place (REPLACE_PRESSED, "message:<id>",
    # "row:<outbox id>"); when that message cannot be edited, a new one is sent.
    replaces: str | None = None

    def to_json(self) -> dict[str, Any]:
        """Serialise for an outbox row (ids and catalog keys, not rendered text)."""
        return {
            "key": self.key,
            "args": args_to_json(self.args),
            "options": [[o.to_json() for o in row] for row in self.options],
            "keyboard": self.keyboard,
            "scope": self.scope,
            "version": self.version,
            "also": [[k, args_to_json(a)] for k, a in self.also],
            "replaces": self.replaces,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Answer:
        """Rebuild from an outbox row."""
        return cls(
            key=data["key"],
            args=args_from_json(data.get("args")),
            options=tuple(
                tuple(Option.from_json(o) for o in row) for row in data.get("options", [])
            ),
            keyboard=data.get("keyboard", "inline"),
            scope=data.get("scope", "m"),
            version=data.get("version", 0),
            also=tuple((k, args_from_json(a)) for k, a in data.get("also", [])),
            replaces=data.get("replaces"),
        )
