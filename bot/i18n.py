"""Message catalogs (Project Fluent): Polish first, then Ukrainian and English."""

from __future__ import annotations

import functools
import html
import logging
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

from fluent.runtime import FluentBundle
from fluent.syntax import FluentParser, Visitor, ast

log = logging.getLogger(__name__)

LOCALES_DIR = Path(__file__).parent / "locales"
DEFAULT_LANGUAGE = "pl"


def format_day(day: date) -> str:
    """Write a day as offices in Poland do, in every language of the bot: 01.12.2026."""
    return day.strftime("%d.%m.%Y")


def format_day_month(day: date) -> str:
    """Write a day without its year (short lists, examples): 01.12."""
    return day.strftime("%d.%m")


def format_time(moment: datetime) -> str:
    """Write a wall-clock time: 14:05."""
    return moment.strftime("%H:%M")


def format_moment(moment: datetime) -> str:
    """Write a wall-clock moment (already in the unit's time zone): 01.12.2026 14:05."""
    return moment.strftime("%d.%m.%Y %H:%M")


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

    def render(self, lang: str | None, key: str, args: Mapping[str, Any] | None = None) -> str:
        """Render a message with an argument mapping (as stored in outbox rows)."""
        safe: dict[str, Any] = {}
        long_values: dict[str, str] = {}
        for name, value in (args or {}).items():
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
