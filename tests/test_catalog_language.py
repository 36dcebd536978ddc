"""Every language's catalog speaks only its own language, with its own terms and commands.

A text in one language must not carry words of another (a Polish fragment in a Ukrainian
message, Cyrillic in a Polish one), must name only the commands the menu of its language lists,
and must keep the terminology agreed for that language (docs/conversation.md, "Texts").
"""

from __future__ import annotations

import re
from functools import cache

import pytest
from fluent.syntax import FluentParser, Visitor, ast

from bot.config import Config
from bot.i18n import LOCALES_DIR
from bot.usecases.command_menus import (
    COORDINATOR_COMMANDS,
    OFFICER_COMMANDS,
    RESIDENT_COMMANDS,
)

LANGUAGES = Config().bot.languages

# Messages that are meant to speak several languages at once (the first language choice).
MULTILINGUAL = frozenset({"language-choose-first"})
# Words only Polish uses (never part of a Polish proper name the other languages keep, such as
# "Straż Miejska", "Moja Komenda", "PRZYKŁAD" or a street): one in a Ukrainian or English text
# means an untranslated fragment.
POLISH_MARKERS = frozenset(
    {
        "albo", "cała", "cały", "całość", "dzień", "dzwoń", "jest", "lub", "naciśnij", "nie",
        "nieparzyste", "numery", "oraz", "parzyste", "plac", "proszę", "rejon", "rejonu", "się",
        "tylko", "ulica", "ulicy", "wyślij", "zgłoszenie", "zgłoszenia", "zgłoś",
    }
)  # fmt: skip
_CYRILLIC = re.compile(r"[\u0400-\u04ff]+")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# "/zglos", "/my" at a word start; not a path inside a link or "python -m bot officers ...".
_COMMAND = re.compile(r"(?<![\w/.:<-])/([a-z_]+)\b")
# Russisms and calques a Ukrainian editor would strike out.
RUSSISMS = ("мило", "являється", "слідуючий", "на протязі", "приймати участь", "співпадає")
# One term per concept in Ukrainian: the wrong stem, and what to write instead.
UKRAINIAN_TERMS = {
    r"\bрайон\w*": "дільниця (a police district)",
    r"\bвідновлен\w*": "знову відкрите (reopened)",
    r"\bне\s+підтвердж\w*": "непідтверджене (one word)",
}
# "повідомлення" means a message (or notifying); a report is "звернення". These texts really
# speak of messages.
UKRAINIAN_MESSAGE_KEYS = frozenset(
    {
        "gate-edited", "gate-flood", "home-privacy", "home-unknown-text", "home-unknown-media",
        "lookup-too-long", "lookup-wrong-kind", "operations-leave-use-buttons",
        "report-too-long", "update-failed", "officers-resident-note",
        "desk-alert-resident-said", "desk-followup-too-long", "desk-note-reply-open",
        "operations-blocked", "operations-unblocked", "operations-leave-saved",
        "report-edited", "report-hint-text", "officers-phone-sent", "ops-polling-failing",
        "privacy-notice-more", "privacy-data-first-contact", "privacy-data-last-contact",
        "privacy-data-messages", "privacy-data-messages-count", "privacy-erase-question",
        "offer-kept-text",
        "ops-outbox-failed", "ops-outbox-late", "ops-updates-late",
    }
)  # fmt: skip
# Gendered guesses such as "zarejestrował(a)", "przerwałeś(-aś)", "on(a)": say it neutrally.
_POLISH_GENDER_GUESS = re.compile(r"\w\((?:-?a|-?aś|-?łaś)\)")


@cache
def _texts(lang: str) -> tuple[tuple[str, str, str], ...]:
    """Return (file, key, text) for every message: its literal text, variants included."""
    parser = FluentParser()
    found = []
    for path in sorted((LOCALES_DIR / lang).glob("*.ftl")):
        resource = parser.parse(path.read_text(encoding="utf-8"))
        for entry in resource.body:
            if isinstance(entry, ast.Message):
                found.append((path.name, entry.id.name, _literal(entry)))
    return tuple(found)


def _literal(node: ast.BaseNode) -> str:
    parts: list[str] = []

    class Literal(Visitor):
        def visit_TextElement(self, element: ast.TextElement) -> None:
            parts.append(element.value)

        def visit_StringLiteral(self, literal: ast.StringLiteral) -> None:
            parts.append(literal.value)

    Literal().visit(node)
    return " ".join(parts)


def _menu_commands(lang: str) -> set[str]:
    listed = RESIDENT_COMMANDS + OFFICER_COMMANDS + COORDINATOR_COMMANDS
    return {command.name(lang) for command in listed}


@cache
def _native_names() -> tuple[str, ...]:
    names: list[str] = []
    for lang in LANGUAGES:
        for _, key, text in _texts(lang):
            if key == "language-native":
                names.append(text.strip())
    return tuple(names)


def polish_markers(text: str) -> list[str]:
    """Return the Polish marker words in a text."""
    return sorted({w for w in _WORD.findall(text) if w.lower() in POLISH_MARKERS})


def cyrillic_words(text: str) -> list[str]:
    """Return Cyrillic words in a text, other than the languages' own names."""
    for name in _native_names():
        text = re.sub(re.escape(name), "", text, flags=re.IGNORECASE)
    return _CYRILLIC.findall(text)


def unlisted_commands(lang: str, text: str) -> list[str]:
    """Return commands a text names that the menu of its language does not list."""
    return sorted(set(_COMMAND.findall(text)) - _menu_commands(lang))


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "pl"])
def test_no_polish_words_outside_polish(lang: str) -> None:
    found = {
        f"{file}:{key}": polish_markers(text)
        for file, key, text in _texts(lang)
        if key not in MULTILINGUAL and polish_markers(text)
    }
    assert found == {}


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "uk"])
def test_no_cyrillic_outside_ukrainian(lang: str) -> None:
    found = {
        f"{file}:{key}": cyrillic_words(text)
        for file, key, text in _texts(lang)
        if key not in MULTILINGUAL and cyrillic_words(text)
    }
    assert found == {}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_texts_name_only_commands_of_their_languages_menu(lang: str) -> None:
    found = {
        f"{file}:{key}": unlisted_commands(lang, text)
        for file, key, text in _texts(lang)
        if unlisted_commands(lang, text)
    }
    assert found == {}


def test_ukrainian_uses_one_apostrophe_and_no_russisms() -> None:
    found = {}
    for file, key, text in _texts("uk"):
        problems = [f"'{m}'" for m in re.findall(r"\w'\w", text)]
        problems += [r for r in RUSSISMS if re.search(rf"\b{r}\b", text, re.IGNORECASE)]
        if problems:
            found[f"{file}:{key}"] = problems
    assert found == {}


def test_ukrainian_keeps_one_term_per_concept() -> None:
    found = {}
    for file, key, text in _texts("uk"):
        problems = [
            f"{m} → {instead}"
            for pattern, instead in UKRAINIAN_TERMS.items()
            for m in re.findall(pattern, text, re.IGNORECASE)
        ]
        if key not in UKRAINIAN_MESSAGE_KEYS:
            problems += [
                f"{m} → звернення" for m in re.findall(r"повідомлен\w*", text, re.IGNORECASE)
            ]
        if problems:
            found[f"{file}:{key}"] = problems
    assert found == {}


def test_polish_addresses_people_without_guessing_their_gender() -> None:
    found = {
        f"{file}:{key}": _POLISH_GENDER_GUESS.findall(text)
        for file, key, text in _texts("pl")
        if _POLISH_GENDER_GUESS.search(text)
    }
    assert found == {}


# ---- the checks can fail ------------------------------------------------------------------


def test_the_checks_notice_what_they_are_for() -> None:
    assert polish_markers("Дільничний: cała ulica") == ["cała", "ulica"]
    assert polish_markers("Straż Miejska, Moja Komenda, PRZYKŁAD, Kolejowa 12") == []
    assert cyrillic_words("Zgłoszenie звернення") == ["звернення"]
    assert cyrillic_words("/jezyk — polski, українська, English") == []
    assert unlisted_commands("uk", "Нове звернення: /zglos") == ["zglos"]
    assert unlisted_commands("uk", "Нове звернення: /report, /zgloszenia") == []
    assert unlisted_commands("pl", "https://mapy.geoportal.gov.pl/iMapLite/x") == []
    assert _POLISH_GENDER_GUESS.findall("zarejestrował(a) i przerwałeś(-aś)") == ["ł(a)", "ś(-aś)"]


def test_the_multilingual_exceptions_exist() -> None:
    for lang in LANGUAGES:
        keys = {key for _, key, _ in _texts(lang)}
        assert keys >= MULTILINGUAL
