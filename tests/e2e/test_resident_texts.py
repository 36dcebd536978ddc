"""What a resident reads is in their language: street ranges, page counters, distances.

The real bot against the local Bot API server, in Ukrainian and Polish.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from devtools.localapi import LocalBotApi
from devtools.localapi.sent import SentMessage

pytestmark = pytest.mark.e2e

StartBot = Callable[..., Awaitable[Any]]
FAST = {"private_chat_per_second": 100, "group_per_minute": 6000}
KRAKOW = (50.0614, 19.9372)
# Words of the police's Polish range descriptions that must not reach other languages.
POLISH_RANGE_WORDS = re.compile(r"\b(cała|cały|całe|ulica|nieparzyste|parzyste|numery|od)\b")


def text_of(message: SentMessage) -> str:
    return message.plain_text or message.text or ""


def labels(message: SentMessage) -> list[str]:
    return [label for row in message.buttons() for label in row]


async def test_ukrainian_resident_reads_street_ranges_in_ukrainian(
    local_api: LocalBotApi, start_bot: StartBot
) -> None:
    await start_bot(delivery=FAST)
    olena = local_api.user(1201, language_code="uk")
    olena.send_command("officer", "Kolejowa")
    [choose] = await local_api.await_sent(1201)

    assert labels(choose) == [
        "ul. Kolejowa 1–41 (непарні) · Rejon 5 – Centrum i V osiedle (PRZYKŁAD)",
        "ul. Kolejowa 2–38 (парні) · Rejon 5 – Centrum i V osiedle (PRZYKŁAD)",
        "ul. Kolejowa (парні номери від 40) · Rejon 6 – Niesłusz (PRZYKŁAD)",
        "ul. Kolejowa (непарні номери від 43) · Rejon 6 – Niesłusz (PRZYKŁAD)",
    ]

    # A square is a square, the whole street a whole street; one page has no "(1/1)".
    olena.send_text("Wolności 3")
    _found, card, _report = await local_api.await_sent(1201, count=3)
    text = text_of(card)
    assert "pl. Wolności (уся площа)" in text
    assert "ul. Grunwaldzka (уся вулиця)" in text
    assert "ul. Poznańska 1–95" in text
    assert "Вулиці дільниці:" in text and "(1/1)" not in text
    streets = text.split("Вулиці дільниці:", 1)[1]
    assert POLISH_RANGE_WORDS.findall(streets) == []


async def test_polish_card_says_whole_square_and_distances_are_rounded(
    local_api: LocalBotApi, start_bot: StartBot
) -> None:
    await start_bot(delivery=FAST)
    anna = local_api.user(1202, language_code="pl")
    anna.send_command("dzielnicowy", "Wolności 3")
    _found, card, _report = await local_api.await_sent(1202, count=3)
    assert "pl. Wolności (cały plac)" in text_of(card)
    assert "Ulice rejonu:" in text_of(card)

    anna.send_location(*KRAKOW)
    [outside] = await local_api.await_sent(1202)
    # The powiat's southern edge (gmina Grodziec) is nearer than the city.
    assert "najbliższy rejon jest ok. 250 km dalej" in text_of(outside)
    assert not re.search(r"\d,\d", text_of(outside))


async def test_a_day_without_a_year_is_the_last_one_and_the_bot_says_which(
    local_api: LocalBotApi, start_bot: StartBot
) -> None:
    from datetime import UTC, datetime

    from tests.e2e.test_report_story import Chat, start_reporting_bot
    from tests.support import Clock

    await start_reporting_bot(start_bot, Clock(datetime(2026, 12, 2, 10, 0, tzinfo=UTC)))
    anna = Chat(local_api, local_api.user(1203, language_code="pl"))
    anna.user.send_command("zglos")
    await anna.expect()
    await anna.tap_and_read("Nie, to nie jest nagły wypadek")
    await anna.tap_and_read("🚗 Drogi i ruch")
    await anna.tap_and_read("Nieprawidłowe parkowanie")
    anna.user.send_text("Kolejowa 12")
    await anna.expect(2)
    await anna.tap_and_read("Innego dnia")

    # Typed with its year, Christmas to come is refused with an example of a day that fits.
    anna.user.send_text("25.12.2026")
    refused, _again = await anna.expect(2)
    assert "Ta data (25.12.2026) jest w przyszłości" in text_of(refused)
    assert "wczoraj to 01.12" in text_of(refused)
    # Without a year it is last Christmas, and the bot says so.
    anna.user.send_text("25.12")
    taken, time = await anna.expect(2)
    assert "Przyjmuję datę: 25.12.2025" in text_of(taken)
    assert "O jakiej porze dnia?" in text_of(time)
