"""House numbers as residents type them and ranges as police publish them."""

import pytest

from lookup.directory import Parity, StreetRuleRecord
from lookup.house_numbers import (
    NumberRange,
    RangeSyntaxError,
    describe_range,
    format_range,
    parse_house_number,
    parse_range,
)


@pytest.mark.parametrize(
    ("typed", "number", "suffix"),
    [
        ("12", 12, ""),
        ("12a", 12, "a"),
        ("12 A", 12, "a"),
        ("12/3", 12, ""),
        ("12a/3", 12, "a"),
        ("5-7", 5, ""),
        ("5–7", 5, ""),
        (" 7 ", 7, ""),
    ],
)
def test_the_number_part_of_a_typed_house_number_decides(
    typed: str, number: int, suffix: str
) -> None:
    parsed = parse_house_number(typed)
    assert parsed is not None
    assert (parsed.number, parsed.suffix, parsed.raw) == (number, suffix, typed.strip())


@pytest.mark.parametrize("typed", ["", "abc", "0", "12ab", "Maja"])
def test_text_that_is_not_a_house_number_is_rejected(typed: str) -> None:
    assert parse_house_number(typed) is None


@pytest.mark.parametrize(
    ("notation", "expected"),
    [
        ("1-41(n)", NumberRange(Parity.ODD, 1, 41)),
        ("2-38(p)", NumberRange(Parity.EVEN, 2, 38)),
        ("2-38 (P)", NumberRange(Parity.EVEN, 2, 38)),
        ("337-DK", NumberRange(Parity.ALL, 337, None)),
        ("1-DK", NumberRange(Parity.ALL, 1, None)),
        ("43-DK(n)", NumberRange(Parity.ODD, 43, None)),
        ("1–336", NumberRange(Parity.ALL, 1, 336)),
        ("7", NumberRange(Parity.ALL, 7, 7)),
        ("(n)", NumberRange(Parity.ODD, None, None)),
        ("", NumberRange(Parity.ALL, None, None)),
        ("całość", NumberRange(Parity.ALL, None, None)),
        ("nieparzyste od 25", NumberRange(Parity.ODD, 25, None)),
        ("numery parzyste od 48", NumberRange(Parity.EVEN, 48, None)),
        ("parzyste 34–152", NumberRange(Parity.EVEN, 34, 152)),
        ("parzyste do 40", NumberRange(Parity.EVEN, 1, 40)),
    ],
)
def test_official_notation_and_police_wording_are_read(
    notation: str, expected: NumberRange
) -> None:
    assert parse_range(notation) == expected


@pytest.mark.parametrize("notation", ["41-1(n)", "1-41(x)", "od do", "abc", "1-41(n) i 2-38(p)"])
def test_unreadable_ranges_raise_with_a_hint(notation: str) -> None:
    with pytest.raises(RangeSyntaxError):
        parse_range(notation)


@pytest.mark.parametrize(
    "numbers",
    [
        NumberRange(Parity.ALL, None, None),
        NumberRange(Parity.ODD, None, None),
        NumberRange(Parity.EVEN, 48, None),
        NumberRange(Parity.ALL, 337, None),
        NumberRange(Parity.ODD, 1, 41),
        NumberRange(Parity.ALL, 5, 5),
    ],
)
def test_format_range_is_read_back_unchanged(numbers: NumberRange) -> None:
    written = format_range(numbers.parity, numbers.number_from, numbers.number_to)
    assert parse_range(written) == numbers


def test_ranges_are_described_like_police_pages() -> None:
    assert describe_range(Parity.EVEN, 48, None) == "(numery parzyste od 48)"
    assert describe_range(Parity.ODD, 1, 41) == "1–41 (nieparzyste)"
    assert describe_range(Parity.ALL, None, None) == "(cała ulica)"


def _rule(numbers: str) -> StreetRuleRecord:
    parsed = parse_range(numbers)
    return StreetRuleRecord(
        "Konin", "ul.", "Rybnicka", parsed.parity, parsed.number_from, parsed.number_to, "D1"
    )


def test_rules_cover_only_their_parity_and_bounds() -> None:
    odd, even, tail = _rule("1-41(n)"), _rule("2-38(p)"), _rule("337-DK")
    assert [n for n in (1, 2, 41, 42, 43) if odd.covers(n)] == [1, 41]
    assert [n for n in (1, 2, 38, 40) if even.covers(n)] == [2, 38]
    assert [n for n in (336, 337, 10_000) if tail.covers(n)] == [337, 10_000]
    assert _rule("").whole_street and not odd.whole_street


def test_an_open_start_means_from_the_first_number() -> None:
    rule = StreetRuleRecord("Konin", "ul.", "X", Parity.ALL, None, 40, "D1")
    assert rule.number_from == 1
    assert rule == StreetRuleRecord("Konin", "ul.", "X", Parity.ALL, 1, 40, "D1")
