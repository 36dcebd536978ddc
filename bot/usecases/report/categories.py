"""Threat categories (the KMZB list), read from data so a new year's list needs no code change."""

from __future__ import annotations

import csv
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from bot.services import Services

# The category whose name the resident types ("Inne").
OTHER = "inne"

_COLUMNS = ("code", "group", "pl", "uk", "en", "active")
# Optional: "tak" marks a category that usually means danger to life or health now (a person
# in frost, drowning, a fire, cruelty): with "Now" the resident is told to call 112 first.
_URGENT = "urgent"
_TRUE = frozenset({"tak", "t", "true", "1", "yes", "y"})
_FALSE = frozenset({"nie", "n", "false", "0", "no", ""})


class CategoriesInvalid(ValueError):
    """The categories file cannot be used; the message lists every problem."""


@dataclass(frozen=True)
class Category:
    """One kind of threat with its names in every language."""

    code: str
    group: str
    names: Mapping[str, str]
    active: bool
    urgent: bool = False

    def name(self, lang: str) -> str:
        """Return the name in a language, falling back to Polish."""
        return self.names.get(lang) or self.names["pl"]


class Categories:
    """The active categories in file order, grouped so each group fits a phone screen."""

    def __init__(self, categories: list[Category]) -> None:
        # Inactive ones stay known, so old reports still show their names.
        self.by_code = {c.code: c for c in categories}
        self.groups: dict[str, list[Category]] = {}
        for category in categories:
            if category.active and category.code != OTHER:
                self.groups.setdefault(category.group, []).append(category)

    def get(self, code: str) -> Category | None:
        """Return a category by code (inactive ones included)."""
        return self.by_code.get(code)

    def selectable(self, code: str) -> Category | None:
        """Return a category a resident may choose now."""
        category = self.by_code.get(code)
        return category if category is not None and category.active else None

    def urgent(self, code: str | None) -> bool:
        """Tell whether a category usually means danger to life or health (the file says)."""
        category = self.by_code.get(code or "")
        return category is not None and category.urgent

    def name(self, code: str, lang: str) -> str:
        """Return a category's name, or its code when the file no longer lists it."""
        category = self.by_code.get(code)
        return category.name(lang) if category is not None else code


def load_categories(path: Path) -> Categories:
    """Read the categories file (code, group, pl, uk, en, active[, urgent]); raise with every
    problem."""
    problems: list[str] = []
    categories: list[Category] = []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in _COLUMNS if c not in (reader.fieldnames or ())]
        if missing:
            raise CategoriesInvalid(f"{path}: missing columns {', '.join(missing)}")
        seen: set[str] = set()
        for line, row in enumerate(reader, start=2):
            code = (row["code"] or "").strip()
            group = (row["group"] or "").strip()
            active = (row["active"] or "").strip().lower()
            names = {lang: (row[lang] or "").strip() for lang in ("pl", "uk", "en")}
            # Codes travel in button data ("cat.<code>"), so they stay short and plain.
            if not code or not code.replace("_", "").isalnum() or not code.isascii():
                problems.append(f"{path}:{line}: code must be letters, digits and _: {code!r}")
            elif len(code) > 40:
                problems.append(f"{path}:{line}: code longer than 40 characters")
            elif code in seen:
                problems.append(f"{path}:{line}: code {code!r} repeats")
            if not group or not group.replace("_", "").isalnum() or not group.isascii():
                problems.append(f"{path}:{line}: group must be letters, digits and _: {group!r}")
            empty = [lang for lang, name in names.items() if not name]
            if empty:
                problems.append(f"{path}:{line}: no name in {', '.join(empty)}")
            if active not in _TRUE | _FALSE:
                problems.append(f"{path}:{line}: active must be tak or nie, not {active!r}")
            urgent = (row.get(_URGENT) or "").strip().lower()
            if urgent not in _TRUE | _FALSE:
                problems.append(f"{path}:{line}: urgent must be tak or nie, not {urgent!r}")
            seen.add(code)
            categories.append(Category(code, group, names, active in _TRUE, urgent in _TRUE))
    if OTHER not in seen:
        problems.append(f"{path}: the category {OTHER!r} (other, free text) is missing")
    if problems:
        raise CategoriesInvalid("\n".join(problems))
    return Categories(categories)


def categories(services: Services) -> Categories:
    """Return the process's categories (loaded by app.assembly.prepare)."""
    found = services.categories
    if found is None:
        raise RuntimeError("the categories are not loaded (app.assembly.prepare did not run)")
    return found
