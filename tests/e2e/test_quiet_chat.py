"""A chat that does not drown the resident: presses redraw their own message where the screen stays
the same kind (category groups, weekday ticks, pages of My reports); the real bot end to end."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from db.models.reports import Report
from db.repositories.users import get_user
from devtools.localapi import LocalBotApi
from devtools.localapi.sent import SentMessage
from tests.e2e.test_report_story import NOW, Chat, StartBot, start_reporting_bot, text_of

pytestmark = pytest.mark.e2e


def edits(message: SentMessage, original: SentMessage) -> bool:
    """Tell whether `message` is an edit of `original` (not a new message)."""
    return message.method == "editMessageText" and message.message_id == original.message_id


async def test_category_groups_and_weekday_ticks_redraw_the_same_message(
    local_api: LocalBotApi, start_bot: StartBot
) -> None:
    await start_reporting_bot(start_bot)
    anna = Chat(local_api, local_api.user(1301, language_code="pl"))
    anna.user.send_command("zglos")
    await anna.expect()
    [groups] = await anna.tap_and_read("Nie, to nie jest nagły wypadek")

    [road] = await anna.tap_and_read("🚗 Drogi i ruch")
    assert edits(road, groups) and ["Nieprawidłowe parkowanie"] in road.buttons()
    [back] = await anna.tap_and_read("⬅️ Wstecz")
    assert edits(back, groups) and ["🚗 Drogi i ruch"] in back.buttons()
    [people] = await anna.tap_and_read("🤝 Ludzie w potrzebie")
    assert edits(people, groups)
    [where] = await anna.tap_and_read("Żebractwo")
    assert where.method == "sendMessage"  # the next question is a new message

    anna.user.send_text("Kolejowa 12")
    await anna.expect(2)
    [days] = await anna.tap_and_read("Powtarza się")
    [monday] = await anna.tap_and_read("Pn")
    assert edits(monday, days) and monday.buttons()[0][0] == "✅ Pn"
    [tuesday] = await anna.tap_and_read("Wt")
    assert edits(tuesday, days) and tuesday.buttons()[0][:2] == ["✅ Pn", "✅ Wt"]
    [time] = await anna.tap_and_read("Gotowe")
    assert time.method == "sendMessage" and "O jakiej porze dnia?" in text_of(time)
    # Exactly one message holds the days: the chat shows no trail of keyboards.
    day_screens = {m.message_id for m in anna.seen if "W które dni tygodnia?" in text_of(m)}
    assert day_screens == {days.message_id}


async def test_pages_of_my_reports_turn_in_place(
    local_api: LocalBotApi, start_bot: StartBot
) -> None:
    runtime = await start_reporting_bot(start_bot)
    olena = Chat(local_api, local_api.user(1302, language_code="uk"))
    olena.user.send_command("my")
    [empty] = await olena.expect()
    assert "У вас ще немає звернень" in text_of(empty)
    async with runtime.services.uow() as uow:
        user = await get_user(uow.session, "telegram", "1302")
        assert user is not None
        for n in range(1, 11):
            uow.session.add(
                Report(
                    reference=f"KN-2026-{n:06d}",
                    category="parking",
                    location_source="address",
                    address="ul. Kolejowa 12, Konin",
                    user_id=user.id,
                    language="uk",
                    created_at=NOW - timedelta(days=n),
                )
            )
        await uow.commit()

    olena.user.send_command("my")
    [first] = await olena.expect()
    assert "Ваші звернення</b> (10)" in (first.text or "")
    [older] = await olena.tap_and_read("Старіші ➡️")
    assert edits(older, first) and ["KN-2026-000009 · 18.11 · нове"] in older.buttons()
    [newer] = await olena.tap_and_read("⬅️ Новіші")
    assert edits(newer, first) and ["KN-2026-000001 · 26.11 · нове"] in newer.buttons()
    # A report's history is another kind of screen: a message of its own.
    [history] = await olena.tap_and_read("KN-2026-000001 · 26.11 · нове")
    assert history.method == "sendMessage" and "Звернення KN-2026-000001" in text_of(history)


async def test_a_press_on_a_deleted_message_is_answered_with_a_new_one(
    local_api: LocalBotApi, start_bot: StartBot
) -> None:
    await start_reporting_bot(start_bot)
    anna = Chat(local_api, local_api.user(1303, language_code="pl"))
    anna.user.send_command("zglos")
    await anna.expect()
    [groups] = await anna.tap_and_read("Nie, to nie jest nagły wypadek")

    # The resident deletes the message while the press is on its way: the edit is refused.
    local_api.hold(1303)
    anna.tap("🌳 Przyroda i zwierzęta")
    assert groups.message_id is not None
    with local_api.state.lock:
        local_api.state.messages.pop((1303, groups.message_id))
    local_api.release(1303)
    [nature] = await anna.expect()
    assert nature.method == "sendMessage" and nature.message_id != groups.message_id
    assert ["Dzikie wysypiska śmieci"] in nature.buttons()


async def test_the_officer_is_looked_up_during_a_report_and_the_report_waits(
    local_api: LocalBotApi, start_bot: StartBot
) -> None:
    await start_reporting_bot(start_bot)
    anna = Chat(local_api, local_api.user(1304, language_code="pl"))
    anna.user.send_command("zglos")
    await anna.expect()
    await anna.tap_and_read("Nie, to nie jest nagły wypadek")
    await anna.tap_and_read("🌳 Przyroda i zwierzęta")
    [where] = await anna.tap_and_read("Dzikie wysypiska śmieci")
    assert "Gdzie?" in text_of(where)

    # Who is the officer here? The look-up answers; the report is kept, and she is told how.
    anna.user.send_command("dzielnicowy")
    ask, parked = await anna.expect(2)
    assert "Mój dzielnicowy" in text_of(ask)
    assert "niedokończone zgłoszenie (Dzikie wysypiska śmieci) czeka" in text_of(parked)
    assert "/zglos" in text_of(parked)
    anna.user.send_text("Kolejowa 12")
    _found, card, _here = await anna.expect(3)
    assert "Rejon 5" in text_of(card)

    # "Report here": the same report goes on, at this place.
    resumed, when = await anna.tap_and_read("⚠️ Zgłoś zagrożenie tutaj", 2)
    assert "Wracamy do Twojego niedokończonego zgłoszenia — z tym miejscem" in text_of(resumed)
    assert "Kiedy to się dzieje?" in text_of(when)


async def test_cancel_on_the_summary_asks_first(
    local_api: LocalBotApi, start_bot: StartBot
) -> None:
    runtime = await start_reporting_bot(start_bot)
    olena = Chat(local_api, local_api.user(1305, language_code="uk"))
    olena.user.send_command("report")
    await olena.expect()
    await olena.tap_and_read("Ні, це не надзвичайна ситуація")
    await olena.tap_and_read("🚨 Громадський порядок")
    await olena.tap_and_read("Акти вандалізму")
    olena.user.send_text("Kolejowa 12")
    await olena.expect(2)
    await olena.tap_and_read("Не знаю / пропустити")
    await olena.tap_and_read("Пропустити")
    await olena.tap_and_read("Без фото — далі")
    [summary] = await olena.tap_and_read("🕶 Анонімно")

    [question] = await olena.tap_and_read("✖️ Скасувати")
    assert "Точно скасувати звернення?" in text_of(question)
    assert "Акти вандалізму, ul. Kolejowa 12, Konin" in text_of(question)
    # "No": the question turns back into the summary, nothing lost.
    [again] = await olena.tap_and_read("⬅️ Ні, повернутися до підсумку")
    assert edits(again, question) and "Перевірте звернення" in text_of(again)
    await olena.tap_and_read("✖️ Скасувати")
    [cancelled] = await olena.tap_and_read("🗑 Так, видалити звернення")
    assert "Звернення скасовано" in text_of(cancelled)
    async with runtime.services.uow() as uow:
        assert await uow.session.scalar(select(func.count()).select_from(Report)) == 0
    assert summary.buttons()[-1] == ["✖️ Скасувати"]
