"""Dzielnicowi in community life end to end: residents subscribe to their district's news.

Zofia (Polish) and Oleh (Ukrainian) find their dzielnicowy at the city centre (KON-05 of the
Konin sample), subscribe from the card, see it in /powiadomienia and in their copy of data,
unsubscribe, and erase their data. Everything goes through the real bot and the local Bot API
server.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import func, select

from db.models.community import DistrictSubscription
from devtools.localapi import FakeUser, LocalBotApi
from devtools.localapi.sent import SentMessage
from tests.e2e.test_officers import (
    CITY_CENTRE,
    StartBot,
    choose_language,
    press_value,
    text_of,
)
from tests.support import FAST

pytestmark = pytest.mark.e2e

ZOFIA, OLEH, NEWCOMER = 9801, 9802, 9803
KON_05 = "Rejon 5 – Centrum i V osiedle (PRZYKŁAD)"


def saying(words: str) -> Callable[[SentMessage], bool]:
    """Match a message that reads these words."""
    return lambda message: words in text_of(message)


async def subscriptions(runtime: Any) -> int:
    """Return how many subscriptions the bot's database holds."""
    async with runtime.services.uow() as uow:
        count = await uow.session.scalar(select(func.count()).select_from(DistrictSubscription))
        return int(count or 0)


async def officer_card(api: LocalBotApi, resident: FakeUser, command: str) -> SentMessage:
    """Find the dzielnicowy of the city centre by location; return the card."""
    resident.send_command(command)
    await api.await_sent(resident.id)
    resident.send_location(*CITY_CENTRE)
    _found, card, _report = await api.await_sent(resident.id, count=3)
    return card


async def subscribe(api: LocalBotApi, resident: FakeUser, command: str) -> SentMessage:
    """Subscribe from the officer's card; return the confirmation."""
    card = await officer_card(api, resident, command)
    press_value(resident, card, "sb:KON-05")
    [confirmed] = await api.await_sent(resident.id)
    return confirmed


async def test_residents_subscribe_from_the_card_see_it_and_unsubscribe_or_erase_it(
    local_api: LocalBotApi, start_bot: StartBot
) -> None:
    runtime = await start_bot(delivery=FAST)
    zofia = local_api.user(ZOFIA, "Zofia")
    oleh = local_api.user(OLEH, "Oleh", language_code="uk")
    await choose_language(local_api, zofia, "pl")
    await choose_language(local_api, oleh, "uk")

    # Nothing yet: /powiadomienia says how to subscribe.
    zofia.send_command("powiadomienia")
    [empty] = await local_api.await_sent(ZOFIA)
    assert "Nie dostajesz wiadomości z żadnego rejonu" in text_of(empty)

    # The card shows the district officers' next office hours (office_hours.csv of the sample).
    card = await officer_card(local_api, zofia, "dzielnicowy")
    assert "🕒 Najbliższe dyżury:" in text_of(card) and "Szkoła Podstawowa nr 1" in text_of(card)
    confirmed = await subscribe(local_api, zofia, "dzielnicowy")
    assert f"dostaniesz tu wiadomości od dzielnicowych z rejonu {KON_05}" in text_of(confirmed)
    assert "/usun_dane" in text_of(confirmed)
    assert confirmed.buttons() == [["🔕 Wypisz się z wiadomości rejonu"]]
    # The card now offers to unsubscribe; pressing "subscribe" on the old card again is harmless.
    card = await officer_card(local_api, zofia, "dzielnicowy")
    assert ["🔕 Wypisz się z wiadomości rejonu"] in card.buttons()
    press_value(zofia, card, "un:KON-05")
    [left] = await local_api.await_sent(ZOFIA)
    assert f"Nie dostaniesz więcej wiadomości z rejonu {KON_05}" in text_of(left)
    assert await subscriptions(runtime) == 0
    press_value(zofia, left, "sb:KON-05")
    [again] = await local_api.await_sent(ZOFIA)
    assert "Zapisano" in text_of(again)
    press_value(zofia, left, "sb:KON-05")
    [twice] = await local_api.await_sent(ZOFIA)
    assert "Już dostajesz wiadomości" in text_of(twice)
    assert await subscriptions(runtime) == 1

    # Oleh, in Ukrainian.
    confirmed = await subscribe(local_api, oleh, "officer")
    assert "ви отримуватимете тут новини від дільничних дільниці" in text_of(confirmed)
    oleh.send_command("notifications")
    [listed] = await local_api.await_sent(OLEH)
    assert KON_05 in text_of(listed)
    assert listed.buttons() == [[f"🔕 Відписатися: {KON_05}"]]

    # The privacy notice says what a subscription keeps.
    zofia.send_command("prywatnosc")
    [notice] = await local_api.await_sent(ZOFIA)
    assert "Wiadomości z rejonu:" in text_of(notice)

    # The copy of data lists the subscription; erasure removes it.
    zofia.send_command("moje_dane")
    _notice, first, second = await local_api.await_sent(ZOFIA, count=3)
    data = json.loads(first.document or b"")
    assert [s["district"] for s in data["district_subscriptions"]] == ["KON-05"]
    assert "Wiadomości z rejonów (subskrypcje): 1" in (second.document or b"").decode("utf-8")
    newcomer = local_api.user(NEWCOMER, "Jan")
    await choose_language(local_api, newcomer, "pl")
    [welcome] = [m for m in local_api.sent(NEWCOMER) if m.buttons()][-1:]
    zofia.send_command("usun_dane")
    [question] = await local_api.await_sent(ZOFIA)
    press_value(zofia, question, "erase.yes")
    await local_api.await_sent(ZOFIA)
    assert await subscriptions(runtime) == 1

    # Forged presses change nothing but the presser's own subscriptions, and are answered.
    for forged, answer in (
        ("cm:0:go:999", "nic nie zmieniłem"),
        ("cm:0:go:x", "nic nie zmieniłem"),
        ("cm:0:sb:NOPE", "Tego rejonu nie ma już w spisie"),
        # Not even our data format: the router's answer.
        ("cm:0:sb:KON 05; DROP", "Ten przycisk jest już nieaktualny"),
        ("cm:0:un:KON-01", "Nie dostaniesz więcej wiadomości z rejonu"),
        ("lk:0:sb:NOPE", "Tego rejonu nie ma już w spisie"),
    ):
        before = await subscriptions(runtime)
        newcomer.press_data(welcome, forged)
        await local_api.await_sent(NEWCOMER, predicate=saying(answer))
        assert await subscriptions(runtime) == before

    # Oleh unsubscribes from the list.
    press_value(oleh, listed, "un:KON-05")
    [left] = await local_api.await_sent(OLEH)
    assert "Ви більше не отримуватимете новин дільниці" in text_of(left)
    assert await subscriptions(runtime) == 0
