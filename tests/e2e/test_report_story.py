"""Report a threat end to end, in Polish, Ukrainian and English: the real bot, the local Bot API.

The helpers here (Chat, stored reports) are shared by the other tests/e2e/test_report_*.py.
"""

from __future__ import annotations

import io
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

import pytest
from PIL import Image
from sqlalchemy import select

from db.models.people import Reporter
from db.models.reports import Report, ReportPhoto, ReportStatus
from devtools.localapi import FakeUser, LocalBotApi
from devtools.localapi.sent import SentMessage
from tests.support import Clock
from tests.usecases.report.story import CITY_CENTRE, jpeg_with_gps

pytestmark = pytest.mark.e2e

StartBot = Callable[..., Awaitable[Any]]
# Telegram's per-chat sending limits are not what these tests are about: don't wait for them.
FAST = {"private_chat_per_second": 100, "group_per_minute": 6000}
OPS_CHAT = -100_900
NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)


class Chat:
    """A resident's private chat: what they send, and what the bot answered so far."""

    def __init__(self, api: LocalBotApi, user: FakeUser) -> None:
        self.api = api
        self.user = user
        self.seen: list[SentMessage] = []

    async def expect(self, count: int = 1) -> list[SentMessage]:
        """Wait for the bot's next `count` messages in this chat."""
        fresh = await self.api.await_sent(self.user.id, count=count)
        self.seen.extend(fresh)
        return fresh

    async def one(self) -> SentMessage:
        """Wait for exactly one new message."""
        [message] = await self.expect()
        return message

    async def expect_until(self, label: str, limit: int = 8) -> list[SentMessage]:
        """Wait for messages until one shows a button labelled `label`."""
        got: list[SentMessage] = []
        for _ in range(limit):
            got += await self.expect()
            if any(label in row for message in got for row in message.buttons()):
                return got
        raise AssertionError(f"no button {label!r} in {[m.summary() for m in got]}")

    def tap(self, label: str) -> None:
        """Tap an inline button on the newest message that shows it."""
        for message in reversed(self.seen):
            if any(label in row for row in message.buttons()):
                self.user.press(message, label)
                return
        raise AssertionError(f"no button {label!r} on screen")

    async def tap_and_read(self, label: str, count: int = 1) -> list[SentMessage]:
        """Tap a button and wait for the answers."""
        self.tap(label)
        return await self.expect(count)


def text_of(message: SentMessage) -> str:
    """Return what the resident reads (HTML rendered to plain text)."""
    return message.plain_text or message.text or ""


def reply_buttons(message: SentMessage) -> list[list[str]]:
    """Return the reply keyboard's labels, with the kind of request a button makes."""
    rows = []
    for row in message.reply_keyboard():
        labels = []
        for button in row:
            kind = (
                " [location]"
                if button.get("request_location")
                else " [contact]"
                if button.get("request_contact")
                else ""
            )
            labels.append(f"{button['text']}{kind}")
        rows.append(labels)
    return rows


def removes_keyboard(message: SentMessage) -> bool:
    """Tell whether a message takes the reply keyboard away."""
    return bool((message.reply_markup or {}).get("remove_keyboard"))


async def stored_reports(runtime: Any) -> list[Report]:
    """Return the stored reports, oldest first."""
    async with runtime.services.uow() as uow:
        rows = list(await uow.session.scalars(select(Report).order_by(Report.id)))
        for row in rows:
            uow.session.expunge(row)
        return rows


async def stored_photos(runtime: Any) -> list[ReportPhoto]:
    """Return the stored photos."""
    async with runtime.services.uow() as uow:
        rows = list(await uow.session.scalars(select(ReportPhoto).order_by(ReportPhoto.id)))
        for row in rows:
            uow.session.expunge(row)
        return rows


async def start_reporting_bot(start_bot: StartBot, clock: Clock | None = None, **extra: Any) -> Any:
    """Start the bot with an ops chat as the alerts' fallback (no officer is linked)."""
    return await start_bot(
        clock=clock or Clock(NOW),
        delivery=FAST,
        telegram={"ops_chat_id": OPS_CHAT},
        **extra,
    )


async def test_polish_resident_reports_from_the_menu_with_a_location_and_a_photo(
    local_api: LocalBotApi, start_bot: StartBot
) -> None:
    runtime = await start_reporting_bot(start_bot)
    ops = local_api.group(OPS_CHAT, "Dyżurni KMP Konin (test)")
    anna = Chat(local_api, local_api.user(301, language_code="pl"))

    anna.user.send_command("start")
    [language] = await anna.expect()
    anna.user.press(language, "✓ Polski")
    await anna.expect()
    [danger] = await anna.tap_and_read("⚠️ Zgłoś zagrożenie")
    assert "czy ktoś jest teraz w niebezpieczeństwie" in text_of(danger)
    assert danger.buttons() == [["🚨 Tak, teraz"], ["Nie, to nie jest nagły wypadek"]]

    [groups] = await anna.tap_and_read("Nie, to nie jest nagły wypadek")
    assert groups.buttons() == [
        ["🚗 Drogi i ruch"],
        ["🚨 Porządek publiczny"],
        ["🌳 Przyroda i zwierzęta"],
        ["🌊 Woda i kolej"],
        ["🤝 Ludzie w potrzebie"],
        ["✏️ Inne"],
    ]
    [road] = await anna.tap_and_read("🚗 Drogi i ruch")
    assert ["Nieprawidłowe parkowanie"] in road.buttons()
    [where] = await anna.tap_and_read("Nieprawidłowe parkowanie")
    assert reply_buttons(where) == [
        ["📍 Wyślij moją lokalizację [location]"],
        ["✍️ Wpiszę adres"],
    ]

    anna.user.send_location(*CITY_CENTRE)
    found, when = await anna.expect(2)
    assert "Rejon 5" in text_of(found) and removes_keyboard(found)
    assert "Kiedy to się dzieje?" in text_of(when)
    [description] = await anna.tap_and_read("Teraz")
    assert "Opisz, co się dzieje" in text_of(description)
    anna.user.send_text("Auta parkują na przejściu dla pieszych, <b>codziennie</b> rano.")
    [photos] = await anna.expect()
    assert "do 3 zdjęć" in text_of(photos)

    anna.user.send_photo(jpeg_with_gps(3200, 2400))
    [added] = await anna.expect()
    assert "(1 z 3)" in text_of(added)
    [anonymity] = await anna.tap_and_read("✅ Gotowe")
    assert "Nie widzą, kto je wysłał" in text_of(anonymity)
    [summary] = await anna.tap_and_read("🕶 Anonimowo")
    assert "Nieprawidłowe parkowanie" in text_of(summary)
    assert "<b>codziennie</b>" in text_of(summary)
    assert summary.buttons() == [["✅ Wyślij"], ["✏️ Zmień pole"], ["✖️ Anuluj"]]

    [sent] = await anna.tap_and_read("✅ Wyślij")
    assert "KN-2026-000001" in text_of(sent)
    assert "2 dni" in text_of(sent) and "5 dni" in text_of(sent) and "112" in text_of(sent)

    [report] = await stored_reports(runtime)
    assert report.reference == "KN-2026-000001" and report.status is ReportStatus.NEW
    assert (report.lat, report.lon, report.location_source) == (*CITY_CENTRE, "point")
    assert report.description == "Auta parkują na przejściu dla pieszych, <b>codziennie</b> rano."
    [photo] = await stored_photos(runtime)
    with Image.open(io.BytesIO(photo.content)) as image:
        assert dict(image.getexif()) == {}
        assert image.size == (2560, 1920)
    # The officers' alert reached the fallback chat (no officer is linked in the sample).
    alerts = await local_api.await_sent(
        ops.id, predicate=lambda m: report.reference in (m.text or "")
    )
    assert alerts


async def test_ukrainian_resident_types_an_address_and_sees_the_summary_in_ukrainian(
    local_api: LocalBotApi, start_bot: StartBot
) -> None:
    runtime = await start_reporting_bot(start_bot)
    olena = Chat(local_api, local_api.user(302, language_code="uk"))

    olena.user.send_command("zglos")
    [danger] = await olena.expect()
    assert "чи хтось зараз у небезпеці" in text_of(danger)
    await olena.tap_and_read("Ні, це не надзвичайна ситуація")
    await olena.tap_and_read("🌳 Природа й тварини")
    [where] = await olena.tap_and_read("Стихійні сміттєзвалища")
    assert reply_buttons(where)[1] == ["✍️ Введу адресу"]

    olena.user.send_text("✍️ Введу адресу")
    [hint] = await olena.expect()
    assert "Введіть вулицю й номер будинку" in text_of(hint)
    olena.user.send_text("вул. Колейова 12")
    found, _when = await olena.expect(2)
    assert "ul. Kolejowa 12, Konin" in text_of(found)
    [date_question] = await olena.tap_and_read("Іншого дня")
    assert "Якого дня?" in text_of(date_question)
    olena.user.send_text("25.11")
    taken, _time = await olena.expect(2)
    assert "Приймаю дату: 25.11.2026" in text_of(taken)
    await olena.tap_and_read("удень (12–18)")
    await olena.tap_and_read("Пропустити")
    await olena.tap_and_read("Без фото — далі")
    [summary] = await olena.tap_and_read("🕶 Анонімно")
    text = text_of(summary)
    assert "Перевірте звернення" in text
    assert "Стихійні сміттєзвалища" in text
    assert "25.11.2026, удень (12–18)" in text
    [sent] = await olena.tap_and_read("✅ Надіслати")
    assert "Звернення надіслано" in text_of(sent) and "KN-2026-000001" in text_of(sent)
    # No dzielnicowy is linked here: the duty fallback was alerted, and she is told so.
    assert "Що далі: поліція зазвичай прочитає" in text_of(sent)
    [report] = await stored_reports(runtime)
    assert report.language == "uk" and report.category == "illegal_dumping"
    assert report.occurred == {"kind": "other_day", "date": "2026-11-25", "time": "afternoon"}


async def test_english_resident_shares_a_venue_and_a_phone_number_for_a_call_back(
    local_api: LocalBotApi, start_bot: StartBot
) -> None:
    runtime = await start_reporting_bot(start_bot)
    john = Chat(local_api, local_api.user(303, first_name="John", language_code="en"))

    john.user.send_command("report")
    await john.expect()
    await john.tap_and_read("No, it's not an emergency")
    await john.tap_and_read("🚨 Public order")
    await john.tap_and_read("Vandalism")
    john.user.send_venue(*CITY_CENTRE, "Bus stop Dworcowa", "ul. Dworcowa, Konin")
    found, _when = await john.expect(2)
    assert "Bus stop Dworcowa, ul. Dworcowa, Konin · 52.22750, 18.26140 — district:" in text_of(
        found
    )
    await john.tap_and_read("It keeps happening")
    await john.tap_and_read("Weekend")
    await john.tap_and_read("at night (22–6)")
    await john.tap_and_read("Skip")
    await john.tap_and_read("No photos — go on")
    [phone] = await john.tap_and_read("🙋 With my details")
    assert reply_buttons(phone) == [["📞 Share my number [contact]"], ["No phone"]]

    # Someone else's number is refused; the resident's own is taken.
    john.user.send_contact("+48 500 000 111", first_name="Neighbour", user_id=999)
    [refused] = await john.expect()
    assert "That is not your number" in text_of(refused)
    john.user.send_contact("+48 601 222 333")
    saved, summary = await john.expect(2)
    assert removes_keyboard(saved)
    assert "keeps happening: at weekends; at night (22–6)" in text_of(summary)
    assert "phone ••• ••• 333" in text_of(summary)
    [sent] = await john.tap_and_read("✅ Send")
    assert "Report sent." in text_of(sent)

    [report] = await stored_reports(runtime)
    assert report.anonymous is False and report.language == "en"
    async with runtime.services.uow() as uow:
        reporter = await uow.session.get(Reporter, report.reporter_id)
        assert reporter is not None
        assert reporter.phone == "+48 601 222 333"
        assert reporter.phone_consent_at is not None
