"""Message catalogs (Project Fluent): Polish first, then Ukrainian and English."""

from __future__ import annotations

import functools
import html
import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal, cast

from fluent.runtime import FluentBundle
from fluent.syntax import FluentParser, Visitor, ast

log = logging.getLogger(__name__)

LOCALES_DIR = Path(__file__).parent / "locales"
DEFAULT_LANGUAGE = "pl"


# The ways a date or time is written for people: each is a message of dates.ftl, `format-<form>`.
DateForm = Literal["day", "day-month", "time", "moment", "day-time"]
_DAY_FORMS = frozenset({"day", "day-month"})


@dataclass(frozen=True, slots=True)
class Dated:
    """A date or time as a catalog argument: the catalog writes it in the reader's language.

    Dates and times are written only by the catalogs (`bot/locales/*/dates.ftl`), never by
    Python: pass `Dated.day(d)` where a message shows a day, and `Catalog.render` writes it when
    the message is rendered, in the language of the person who reads it (so an answer queued
    once for several people is right for each). `at` is a wall-clock date or moment, already in
    the unit's time zone.
    """

    form: DateForm
    at: date

    @classmethod
    def day(cls, at: date) -> Dated:
        """A day: 01.12.2026."""
        return cls("day", _only_day(at))

    @classmethod
    def day_month(cls, at: date) -> Dated:
        """A day without its year (short lists, examples): 01.12."""
        return cls("day-month", _only_day(at))

    @classmethod
    def time(cls, at: datetime) -> Dated:
        """A wall-clock time: 14:05."""
        return cls("time", at)

    @classmethod
    def moment(cls, at: datetime) -> Dated:
        """A day and its time: 01.12.2026 14:05."""
        return cls("moment", at)

    @classmethod
    def day_time(cls, at: datetime) -> Dated:
        """A day and its time as a meeting's is announced: 01.12.2026, 18:00."""
        return cls("day-time", at)

    def args(self) -> dict[str, str]:
        """Return the message's arguments: the parts, zero-padded strings (not numbers, which
        Fluent would write with a thousands separator: 2 026)."""
        at = self.at
        parts = {"day": f"{at.day:02d}", "month": f"{at.month:02d}", "year": f"{at.year:04d}"}
        if isinstance(at, datetime):
            parts |= {"hour": f"{at.hour:02d}", "minute": f"{at.minute:02d}"}
        return parts

    def to_json(self) -> list[str]:
        """Serialise for an outbox row: [form, ISO date or moment]."""
        return [self.form, self.at.isoformat()]

    @classmethod
    def from_json(cls, data: Sequence[str]) -> Dated:
        """Rebuild from an outbox row."""
        form, value = data
        if form in _DAY_FORMS:
            return cls(cast(DateForm, form), date.fromisoformat(value))
        return cls(cast(DateForm, form), datetime.fromisoformat(value))


def _only_day(at: date) -> date:
    return at.date() if isinstance(at, datetime) else at


# Renders a catalog fragment as plain text in the resident's language (Form.text, ctx.fragment).
Render = Callable[..., str]
# Arguments longer than this are inserted after formatting (Fluent caps a placeable at 2,500).
_LONG_ARG = 1000


class Raw(str):
    """A catalog argument that is already safe HTML (e.g. a fragment rendered from the catalog)."""

    __slots__ = ()


def escape_arg(value: Any) -> Any:
    """Escape a text argument for Telegram HTML; numbers stay numbers for plural rules."""
    if isinstance(value, Raw):
        return str(value)
    if isinstance(value, str):
        return html.escape(value, quote=False)
    return value


@functools.cache
def _bundle(lang: str, locales_dir: Path) -> FluentBundle:
    """One language's messages, parsed once per process.

    Parsing one language's .ftl files takes about 0.15 s of CPU; the files do not change while
    the bot runs, and a bundle is never changed after this (it compiles each message on first
    use and keeps it), so every Catalog of the process shares it.
    """
    # Fluent's default wraps placeables in Unicode isolation marks; Telegram shows them as stray
    # characters in some clients and they break copy-pasting references.
    bundle = FluentBundle([lang], use_isolating=False)
    # Without source positions (fluent.runtime's FluentResource keeps them): a fifth less work,
    # and nothing here reports a position (tests/test_catalog_language.py parses with them).
    parser = FluentParser(with_spans=False)
    for path in sorted((locales_dir / lang).glob("*.ftl")):
        bundle.add_resource(parser.parse(path.read_text(encoding="utf-8")))
    return bundle


class Catalog:
    """All languages' messages; `text(lang, key, **args)` renders one with escaped arguments."""

    def __init__(self, languages: Iterable[str], locales_dir: Path = LOCALES_DIR) -> None:
        self.languages = tuple(languages)
        self.default = self.languages[0] if self.languages else DEFAULT_LANGUAGE
        self._bundles = {lang: _bundle(lang, locales_dir) for lang in self.languages}

    def language(self, lang: str | None) -> str:
        """Return `lang` when offered, else the default language."""
        return lang if lang in self._bundles else self.default

    def has(self, key: str, lang: str | None = None) -> bool:
        """Tell whether a message exists."""
        return self._bundles[self.language(lang)].has_message(key)

    def text(self, lang: str | None, key: str, **args: Any) -> str:
        """Render a message; a missing key falls back to the default language, then the key."""
        return self.render(lang, key, args)

    def plain(self, lang: str | None, key: str, args: Mapping[str, Any] | None = None) -> str:
        """Render a message as plain text: button labels, popups, files, and fragments that go
        into another answer's arguments (escaped once more when that answer is rendered).

        The one way back from the escaping of `render`; catalogs keep such texts free of tags.
        """
        return html.unescape(self.render(lang, key, args))

    def dated(self, lang: str | None, value: Dated) -> str:
        """Write a date or time as plain text (a file, a line put together of fragments)."""
        return self.plain(lang, f"format-{value.form}", value.args())

    def render(self, lang: str | None, key: str, args: Mapping[str, Any] | None = None) -> str:
        """Render a message with an argument mapping (as stored in outbox rows)."""
        safe: dict[str, Any] = {}
        long_values: dict[str, str] = {}
        for name, value in (args or {}).items():
            if isinstance(value, Dated):
                value = Raw(self.render(lang, f"format-{value.form}", value.args()))
            escaped = escape_arg(value)
            if isinstance(escaped, str) and len(escaped) > _LONG_ARG:
                # Fluent refuses a placeable longer than 2,500 characters ("{???}"); long user
                # text (a description) goes in through a marker replaced after formatting.
                marker = f"\ue000{len(long_values)}\ue001"
                long_values[marker] = escaped
                escaped = marker
            safe[name] = escaped
        for candidate in (self.language(lang), self.default):
            bundle = self._bundles[candidate]
            if bundle.has_message(key):
                message = bundle.get_message(key)
                if message.value is None:
                    break
                text, errors = bundle.format_pattern(message.value, safe)
                if errors:
                    log.warning("catalog %s/%s: %s", candidate, key, errors)
                text = str(text)
                for marker, value in long_values.items():
                    text = text.replace(marker, value)
                return text
        log.error("catalog: no message %r", key)
        return key


def catalog_keys(locales_dir: Path, lang: str) -> dict[str, set[str]]:
    """Map every message key of a language to the names of the variables it uses."""
    parser = FluentParser()
    keys: dict[str, set[str]] = {}
    for path in sorted((locales_dir / lang).glob("*.ftl")):
        resource = parser.parse(path.read_text(encoding="utf-8"))
        for entry in resource.body:
            if isinstance(entry, ast.Junk):
                raise ValueError(f"{path}: cannot parse: {(entry.content or '')[:80]!r}")
            if isinstance(entry, ast.Message):
                keys[entry.id.name] = _variables(entry)
    return keys


def _variables(node: Any) -> set[str]:
    found: set[str] = set()

    class Variables(Visitor):
        def visit_VariableReference(self, ref: ast.VariableReference) -> None:
            found.add(ref.id.name)

    Variables().visit(node)
    return found
