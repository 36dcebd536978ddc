"""The gatekeeper's rules: floods (an album counts once) and the hourly hint to groups."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.usecases.gatekeeper import Flood, FloodControl, GroupHints

NOON = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
ANNA, BOGDAN = 1, 2


def test_a_flood_is_warned_once_then_dropped_until_the_window_passes() -> None:
    flood = FloodControl(limit=3, window=timedelta(seconds=60))

    verdicts = [flood.check(ANNA, NOON + timedelta(seconds=i)) for i in range(6)]
    later = flood.check(ANNA, NOON + timedelta(seconds=70))

    # Past half the allowance a message still passes, its answer behind officers' alerts.
    assert verdicts == [Flood.ALLOW, Flood.SLOW, Flood.SLOW, Flood.WARN, Flood.DROP, Flood.DROP]
    assert later is Flood.ALLOW


def test_the_warning_comes_again_in_a_later_flood() -> None:
    flood = FloodControl(limit=1, window=timedelta(seconds=60))
    flood.check(ANNA, NOON)
    assert flood.check(ANNA, NOON) is Flood.WARN

    flood.check(ANNA, NOON + timedelta(seconds=61))

    assert flood.check(ANNA, NOON + timedelta(seconds=62)) is Flood.WARN


def test_an_album_counts_as_one_message() -> None:
    flood = FloodControl(limit=2, window=timedelta(seconds=60))

    album = [flood.check(ANNA, NOON, album="g1") for _ in range(10)]
    text = flood.check(ANNA, NOON)
    over = flood.check(ANNA, NOON)

    assert album == [Flood.ALLOW] * 10
    assert (text, over) == (Flood.SLOW, Flood.WARN)


def test_one_persons_flood_does_not_touch_another() -> None:
    flood = FloodControl(limit=1, window=timedelta(seconds=60))
    flood.check(ANNA, NOON)
    flood.check(ANNA, NOON)

    assert flood.check(BOGDAN, NOON).passes


def test_a_group_is_told_at_most_once_an_hour() -> None:
    hints = GroupHints()

    first = hints.due(-100, NOON)
    again = hints.due(-100, NOON + timedelta(minutes=59))
    other_group = hints.due(-200, NOON + timedelta(minutes=59))
    next_hour = hints.due(-100, NOON + timedelta(minutes=60))

    assert (first, again, other_group, next_hour) == (True, False, True, True)
