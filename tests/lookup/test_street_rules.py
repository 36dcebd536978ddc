"""The street rules in columns give back the records they were given, and answer as they do."""

from __future__ import annotations

import pytest

from lookup.directory import Parity, StreetRuleRecord
from lookup.files import read_directory
from lookup.street_rules import StreetRules

RULES = (
    StreetRuleRecord("Konin", "ul.", "Kolejowa", Parity.ODD, 1, 41, "KON-05", 52.23, 18.26),
    StreetRuleRecord("Konin", "ul.", "Kolejowa", Parity.EVEN, 2, None, "KON-04"),
    # "up to 40" is "1-40" in the columns as in the record.
    StreetRuleRecord("Konin", "al.", "1 Maja", Parity.ALL, None, 40, "KON-01", aliases=("a",)),
    StreetRuleRecord("Kramsk", "", "", Parity.ALL, None, None, "KRA-01", 52.26, 18.43),
    StreetRuleRecord("Konin", "pl.", "Wolności", Parity.ALL, 0, 0, "KON-01", 52.2, None),
)


def test_the_records_come_back_equal() -> None:
    rules = StreetRules(RULES)
    assert len(rules) == len(RULES)
    assert rules == RULES and list(rules) == list(RULES)
    assert rules[-1] == RULES[-1] and rules[1:3] == RULES[1:3]
    assert [rules.point(i) for i in range(len(rules))] == [
        (52.23, 18.26), None, None, (52.26, 18.43), None,
    ]  # fmt: skip
    with pytest.raises(IndexError):
        rules[len(RULES)]
    assert rules != RULES[:-1]


def test_a_rule_covers_the_numbers_its_record_covers() -> None:
    rules = StreetRules(RULES)
    for i, record in enumerate(RULES):
        assert [rules.covers(i, n) for n in range(60)] == [record.covers(n) for n in range(60)]


def test_the_konin_sample_round_trips() -> None:
    directory = read_directory("data/konin")
    assert StreetRules(directory.rules) == directory.rules
