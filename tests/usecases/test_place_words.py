"""Places described the way people say them: rounded distances, house numbers from the catalog."""

from __future__ import annotations

import pytest

from bot.i18n import Catalog
from bot.usecases.places import about_distance, describe_numbers
from lookup.directory import Parity
from lookup.house_numbers import NumberRange


@pytest.mark.parametrize(
    ("metres", "said"),
    [
        (30, (50, "m")),
        (312, (300, "m")),
        (980, (1, "km")),
        (4_400, (4, "km")),
        (47_300, (47, "km")),
        (183_100, (180, "km")),
        (1_234_000, (1_200, "km")),
    ],
)
def test_distances_are_rounded_as_people_say_them(metres: float, said: tuple[int, str]) -> None:
    assert about_distance(metres) == said


@pytest.mark.parametrize(
    ("lang", "span", "prefix", "said"),
    [
        ("pl", NumberRange(Parity.ALL, None, None), "pl.", "(cały plac)"),
        ("pl", NumberRange(Parity.ALL, None, None), "ul.", "(cała ulica)"),
        ("pl", NumberRange(Parity.EVEN, 40, None), "ul.", "(numery parzyste od 40)"),
        ("uk", NumberRange(Parity.ODD, None, None), "ul.", "(непарні номери)"),
        ("uk", NumberRange(Parity.ODD, 1, 41), "ul.", "1–41 (непарні)"),
        ("en", NumberRange(Parity.ALL, 7, 7), "ul.", "7"),
        ("en", NumberRange(Parity.ALL, 1200, 1300), "ul.", "1200–1300"),
    ],
)
def test_house_numbers_are_described_in_the_residents_language(
    lang: str, span: NumberRange, prefix: str, said: str
) -> None:
    catalog = Catalog(("pl", "uk", "en"))

    def text(key: str, **args: object) -> str:
        return catalog.text(lang, key, **args)

    assert describe_numbers(text, span, prefix) == said
