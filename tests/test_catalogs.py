"""Every feature's message catalogs: the same keys and variables in Polish, Ukrainian and English,
and every key the code names exists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.config import Config
from bot.i18n import LOCALES_DIR, Catalog, catalog_keys

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = Config().bot.languages
DEFAULT = LANGUAGES[0]
# Catalog keys are lowercase words joined by hyphens ("home-welcome", "button-expired").
_KEY = r"[a-z][a-z0-9]*(?:-[a-z0-9]+)+"
# The ways code names a catalog key: ctx.answer("k"), Answer("k"), Option("k"), form.text("k"),
# key="k" / label="k", ("k", {...}) pairs of extra paragraphs (Answer.also), and helpers that
# take the flow context first, e.g. menu_answer(ctx, "k").
KEY_REFERENCES = (
    re.compile(rf'(?:\.answer|\bAnswer|\bOption|\.text)\(\s*"({_KEY})"'),
    re.compile(rf'\(\s*ctx\s*,\s*"({_KEY})"'),
    re.compile(rf'\b(?:key|label)\s*=\s*"({_KEY})"'),
    re.compile(rf'\(\s*"({_KEY})"\s*,\s*\{{'),
)


def _files(lang: str) -> set[str]:
    return {path.name for path in (LOCALES_DIR / lang).glob("*.ftl")}


def _referenced_keys() -> dict[str, set[str]]:
    """Map each catalog key named in bot/ and handlers/ to the files naming it."""
    found: dict[str, set[str]] = {}
    for folder in (ROOT / "bot", ROOT / "handlers"):
        for path in folder.rglob("*.py"):
            source = path.read_text(encoding="utf-8")
            for pattern in KEY_REFERENCES:
                for key in pattern.findall(source):
                    found.setdefault(key, set()).add(str(path.relative_to(ROOT)))
    return found


def test_every_configured_language_has_a_catalog_folder() -> None:
    assert sorted(p.name for p in LOCALES_DIR.iterdir() if p.is_dir()) == sorted(LANGUAGES)


@pytest.mark.parametrize("lang", LANGUAGES[1:])
def test_every_feature_has_its_file_in_every_language(lang: str) -> None:
    assert _files(lang) == _files(DEFAULT)


@pytest.mark.parametrize("lang", LANGUAGES[1:])
def test_every_key_exists_in_every_language(lang: str) -> None:
    default = catalog_keys(LOCALES_DIR, DEFAULT)
    other = catalog_keys(LOCALES_DIR, lang)

    assert sorted(set(default) - set(other)) == [], f"missing in {lang}"
    assert sorted(set(other) - set(default)) == [], f"missing in {DEFAULT}"


@pytest.mark.parametrize("lang", LANGUAGES[1:])
def test_every_message_uses_the_same_variables_in_every_language(lang: str) -> None:
    default = catalog_keys(LOCALES_DIR, DEFAULT)
    other = catalog_keys(LOCALES_DIR, lang)

    differing = {
        key: (sorted(default[key]), sorted(other[key]))
        for key in default.keys() & other.keys()
        if default[key] != other[key]
    }
    assert differing == {}, f"variables differ ({DEFAULT} vs {lang})"


def test_no_key_is_defined_twice_across_features() -> None:
    # Fluent keeps the first of two equal keys silently: another feature's text would win.
    seen: dict[str, str] = {}
    duplicates = []
    for name in sorted(_files(DEFAULT)):
        for line in (LOCALES_DIR / DEFAULT / name).read_text(encoding="utf-8").splitlines():
            match = re.match(rf"^({_KEY}|[a-z][a-z0-9]*)\s*=", line)
            if match is None:
                continue
            key = match.group(1)
            if key in seen:
                duplicates.append(f"{key}: {seen[key]} and {name}")
            seen.setdefault(key, name)
    assert duplicates == []


def test_every_key_named_in_the_code_exists_in_every_language() -> None:
    referenced = _referenced_keys()
    assert "home-welcome" in referenced  # the scan itself works

    for lang in LANGUAGES:
        keys = catalog_keys(LOCALES_DIR, lang)
        missing = {key: sorted(where) for key, where in referenced.items() if key not in keys}
        assert missing == {}, f"keys named in the code but missing in {lang}"


def test_a_missing_key_would_be_noticed() -> None:
    """The check above can fail: a made-up reference is reported."""
    pattern = KEY_REFERENCES[0]
    [key] = pattern.findall('return [ctx.answer("home-no-such-text")]')

    assert key not in catalog_keys(LOCALES_DIR, DEFAULT)


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (1, "Wysłać do 1 osoby, która subskrybuje te wiadomości?"),
        (2, "Wysłać do 2 osób, które subskrybują te wiadomości?"),
        (200, "Wysłać do 200 osób, które subskrybują te wiadomości?"),
    ],
)
def test_the_announcements_question_agrees_with_the_number_in_polish(
    count: int, expected: str
) -> None:
    catalog = Catalog(["pl"])
    text = catalog.plain("pl", "community-announce-confirm", {"count": count, "translations": "—"})
    assert text.startswith(expected)
