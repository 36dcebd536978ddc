"""Residents find their dzielnicowy end to end: the real bot against the local Bot API server."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from db.models.conversation import Conversation
from db.repositories.users import get_user
from devtools.localapi import FakeUser, LocalBotApi
from devtools.localapi.sent import SentMessage

pytestmark = pytest.mark.e2e

StartBot = Callable[..., Awaitable[Any]]
# Telegram's per-chat sending limits are not what these tests are about: don't wait for them.
FAST = {"private_chat_per_second": 100, "group_per_minute": 6000}
# Inside KON-05 (Centrum) in the sample; and Kraków, far outside every district.
CENTRUM = (52.22981, 18.26794)
KRAKOW = (50.0614, 19.9372)


def text_of(message: SentMessage) -> str:
    """Return what the resident reads (HTML rendered to plain text)."""
    return message.plain_text or message.text or ""


def asks_for_location(message: SentMessage) -> bool:
    """Tell whether the message offers the app's "share location" button."""
    return any(b.get("request_location") for row in message.reply_keyboard() for b in row)


def removes_keyboard(message: SentMessage) -> bool:
    return bool((message.reply_markup or {}).get("remove_keyboard"))


async def card_for(local_api: LocalBotApi, resident: FakeUser) -> tuple[SentMessage, ...]:
    """Wait for the three messages of a found officer: where, the card, "report here"."""
    found, card, report = await local_api.await_sent(resident.id, count=3)
    assert removes_keyboard(found)
    return found, card, report


async def stored_conversation(runtime: Any, tg_id: int) -> tuple[str | None, dict[str, Any]]:
    async with runtime.services.uow() as uow:
        user = await get_user(uow.session, "telegram", str(tg_id))
        assert user is not None
        conversation = await uow.session.get(Conversation, user.id)
        assert conversation is not None
        return conversation.flow, dict(conversation.draft)


async def test_polish_resident_types_an_address_and_saves_the_officers_contact(
    local_api: LocalBotApi, start_bot: StartBot
) -> None:
    await start_bot(delivery=FAST)
    anna = local_api.user(301, language_code="pl")
    anna.send_command("dzielnicowy")
    [ask] = await local_api.await_sent(301)
    assert "Napisz adres" in text_of(ask) and "112" in text_of(ask)
    assert asks_for_location(ask)

    # Typed without Polish letters and in capitals: "Łężyńska".
    anna.send_text("LEZYNSKA 3")
    found, card, report = await card_for(local_api, anna)

    assert text_of(found) == "📍 ul. Łężyńska 3, Konin"
    text = text_of(card)
    assert "Rejon 4 – Chorzeń (PRZYKŁAD)" in text
    assert "sierż. sztab. Maria Wzorcowa\n📞 +48 47 77 000 04" in text
    assert "maria.wzorcowa@konin.przyklad.invalid" in text
    assert "Komenda Miejska Policji w Koninie" in text and "całodobowo" in text
    assert "PRZYKŁAD: to fikcyjne dane testowe" in text and "112" in text
    assert "ul. Harcerska" in text
    assert card.buttons() == [
        ["📇 Zapisz kontakt: Maria Wzorcowa"],
        ["🔔 Wiadomości z tego rejonu"],
    ]
    assert report.buttons() == [["⚠️ Zgłoś zagrożenie tutaj"]]

    anna.press(card, "📇 Zapisz kontakt: Maria Wzorcowa")
    [contact] = await local_api.await_sent(301)
    assert contact.method == "sendContact"
    assert (contact.phone_number, contact.first_name) == ("+48477700004", "Maria")
    assert contact.params["last_name"] == "Wzorcowa (PRZYKŁAD)"
    assert "EMAIL;TYPE=WORK:maria.wzorcowa@konin.przyklad.invalid" in contact.params["vcard"]


async def test_locations_stickers_and_forged_buttons(
    local_api: LocalBotApi, start_bot: StartBot
) -> None:
    await start_bot(delivery=FAST)
    jan = local_api.user(302, language_code="pl")
    jan.send_command("dzielnicowy")
    await local_api.await_sent(302)

    jan.send_sticker()
    [hint] = await local_api.await_sent(302)
    assert text_of(hint).startswith("Naklejka nie pomoże mi znaleźć adresu")
    assert asks_for_location(hint)

    jan.send_location(*KRAKOW)
    [outside] = await local_api.await_sent(302)
    assert "poza obszarem, który obsługuje ten bot" in text_of(outside)
    assert "Moja Komenda" in text_of(outside) and "112" in text_of(outside)
    assert "KMZBPublic" in (outside.text or "")

    jan.send_location(*CENTRUM)
    found, card, _ = await card_for(local_api, jan)
    assert text_of(found) == "📍 Wskazana lokalizacja"
    assert "Tomasz Fikcyjny" in text_of(card) and "Ewa Zmyślona" in text_of(card)

    jan.press_data(card, "lk:1:ct:DZ-99")
    expired, again = await local_api.await_sent(302, count=2)
    assert "nieaktualny" in text_of(expired)
    assert "inny adres" in text_of(again)
    jan.press_data(card, "not-our-data")
    expired, _ = await local_api.await_sent(302, count=2)
    assert "nieaktualny" in text_of(expired)
    assert local_api.sent(302, "sendContact") == []


async def test_ukrainian_resident_types_in_cyrillic_and_with_a_typo(
    local_api: LocalBotApi, start_bot: StartBot
) -> None:
    await start_bot(delivery=FAST)
    olena = local_api.user(303, language_code="uk")
    olena.send_command("officer")
    [ask] = await local_api.await_sent(303)
    assert "Напишіть адресу" in text_of(ask)

    olena.send_text("вул. Лешинська 9")
    _, card, report = await card_for(local_api, olena)
    assert "Дільничний: Rejon 4 – Chorzeń (PRZYKŁAD)" in text_of(card)
    assert "Maria Wzorcowa" in text_of(card) and "ПРИКЛАД" in text_of(card)
    assert report.buttons() == [["⚠️ Повідомити про загрозу тут"]]

    olena.send_text("Chopna 16a")
    found, card, _ = await card_for(local_api, olena)
    assert text_of(found) == "📍 ul. Chopina 16a, Konin"
    assert "Marek Szablonowy" in text_of(card)


async def test_ambiguous_street_offers_buttons_then_report_here(
    local_api: LocalBotApi, start_bot: StartBot
) -> None:
    runtime = await start_bot(delivery=FAST)
    ewa = local_api.user(304, language_code="pl")
    ewa.send_command("start")
    [question] = await local_api.await_sent(304)
    ewa.press(question, "✓ Polski")
    [welcome] = await local_api.await_sent(304)
    ewa.press(welcome, "👮 Mój dzielnicowy")
    await local_api.await_sent(304)

    ewa.send_text("Przemysłowa")
    [offer] = await local_api.await_sent(304)
    assert "należy do kilku rejonów" in text_of(offer)
    assert offer.buttons() == [
        ["ul. Przemysłowa (numery parzyste) · Rejon 8 – Zatorze i Glinka (PRZYKŁAD)"],
        ["ul. Przemysłowa (numery nieparzyste) · Rejon 6 – Niesłusz (PRZYKŁAD)"],
    ]
    ewa.press(offer, "ul. Przemysłowa (numery nieparzyste) · Rejon 6 – Niesłusz (PRZYKŁAD)")
    _, card, report = await card_for(local_api, ewa)
    assert "Adam Umowny" in text_of(card)

    ewa.press(report, "⚠️ Zgłoś zagrożenie tutaj")
    await local_api.await_sent(304)
    flow, draft = await stored_conversation(runtime, 304)
    assert flow == "report"
    assert draft["place"]["district_code"] == "KON-06"


async def test_a_long_street_list_is_paged(local_api: LocalBotApi, start_bot: StartBot) -> None:
    await start_bot(delivery=FAST, lookup={"streets_per_page": 5})
    piotr = local_api.user(305, language_code="pl")
    piotr.send_command("dzielnicowy", "Dworcowa 2")
    _, card, _ = await card_for(local_api, piotr)
    # KON-05 lists 12 street lines: pages of 5, 5 and 2.
    assert "Ulice rejonu (1/3)" in text_of(card) and "ul. Wyzwolenia" not in text_of(card)
    assert card.buttons()[-1] == ["Dalsze ulice (2/3) ▸"]

    piotr.press(card, "Dalsze ulice (2/3) ▸")
    [page2] = await local_api.await_sent(305)
    assert "(2/3)" in text_of(page2) and page2.buttons() == [["Dalsze ulice (3/3) ▸"]]
    piotr.press(page2, "Dalsze ulice (3/3) ▸")
    [page3] = await local_api.await_sent(305)
    assert "ul. Wyzwolenia" in text_of(page3) and page3.buttons() == []
