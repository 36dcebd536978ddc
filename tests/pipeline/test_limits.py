"""The per-chat sending budget: a short burst to a quiet chat, then Telegram's 1/s.

The budget's clock is a counter the test moves, so each case is an order of events, not a
measurement of time.
"""

from __future__ import annotations

from bot.config import DeliverySection
from bot.pipeline.limits import ChatBudget, SendLimits


class Clock:
    """A monotonic clock that moves only when told."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_quiet_chat_takes_a_burst_at_once_then_one_a_second() -> None:
    clock = Clock()
    budget = ChatBudget(per_second=1, burst=3, clock=clock)

    assert [budget.try_take() for _ in range(4)] == [True, True, True, False]
    assert budget.wait_needed() == 1.0
    clock.now += 1.0
    assert [budget.try_take(), budget.try_take()] == [True, False]


def test_the_burst_comes_back_only_after_the_chat_was_quiet() -> None:
    clock = Clock()
    budget = ChatBudget(per_second=1, burst=3, clock=clock)
    for _ in range(3):
        assert budget.try_take()
    clock.now += 10.0
    # Refilled to the burst, never beyond it.
    assert [budget.try_take() for _ in range(4)] == [True, True, True, False]


async def test_acquire_gives_a_three_message_answer_to_an_idle_chat_without_waiting() -> None:
    clock = Clock()
    limits = SendLimits(DeliverySection(private_chat_burst=3), clock=clock)
    budget = limits.chat(7)
    for _ in range(3):
        await budget.acquire()
    # The fourth would have to wait a second for its token.
    assert budget.wait_needed() == 1.0


def test_groups_get_no_burst() -> None:
    clock = Clock()
    limits = SendLimits(DeliverySection(group_per_minute=20, private_chat_burst=3), clock=clock)
    group = limits.chat(-100)
    assert [group.try_take(), group.try_take()] == [True, False]
    assert group.wait_needed() == 3.0
    assert limits.chat(-100) is group


def test_burst_of_one_paces_every_message() -> None:
    clock = Clock()
    budget = ChatBudget(per_second=1, burst=1, clock=clock)
    assert [budget.try_take(), budget.try_take()] == [True, False]
    clock.now += 0.5
    assert not budget.try_take()
    clock.now += 0.5
    assert budget.try_take()
