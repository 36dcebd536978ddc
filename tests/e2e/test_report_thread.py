"""Notes both ways, end to end: the officer asks, the reporter answers with a photo, the officer
closes the report with a comment; both sides see the thread, and the anonymous reporter is
never named. Then a resident adds to an open report of theirs from /moje, and withdraws another.

Tomasz is the dzielnicowy of KON-05 in the Konin sample; Zofia (Polish) reports anonymously,
Oleh (Ukrainian) with his name.
"""

from __future__ import annotations

from typing import Any

import pytest

from db.models.reports import ReportStatus
from devtools.localapi import LocalBotApi, SentMessage
from devtools.localapi.users import sample_jpeg
from tests.e2e.test_officers import (
    StartBot,
    choose_language,
    containing,
    link,
    offering,
    press_value,
    report_row,
    report_threat,
    text_of,
    until_offers,
    until_reads,
)
from tests.support import FAST

pytestmark = pytest.mark.e2e

TOMASZ = 9705
ZOFIA, OLEH = 9711, 9712
BY_THE_STATION = (52.2340, 18.2598)


def new_with(words: str) -> Any:
    """Match a new message (not an edit of an earlier one) containing these words."""
    return lambda m: m.method == "sendMessage" and words in text_of(m)


def visible(api: LocalBotApi, message: Any) -> SentMessage:
    """Return a bot message as it reads now, after its edits."""
    return api.current(message.chat_id, message.message_id or 0)


async def test_question_answer_with_a_photo_and_closing_comment_on_both_sides(
    local_api: LocalBotApi, start_bot: StartBot
) -> None:
    runtime = await start_bot(delivery=FAST)
    tomasz = local_api.user(TOMASZ, "Tomasz")
    zofia = local_api.user(ZOFIA, "Zofia Anonimowa")
    await link(local_api, runtime, tomasz, "DZ-05")
    await choose_language(local_api, zofia, "pl")
    await report_threat(local_api, zofia, description="Gruz za garażami")
    alert, _pin = await local_api.await_sent(TOMASZ, count=2)
    tomasz.press(alert, "✋ Przyjmuję")
    await local_api.await_sent(ZOFIA, predicate=containing("przyjęte"))

    # The question: Zofia is not busy, so her next message is the answer.
    tomasz.press(alert, "✉️ Notatka dla zgłaszającego")
    await local_api.await_sent(TOMASZ, predicate=containing("Napisz notatkę"))
    tomasz.send_text("Od kiedy tam leży i czy ktoś go dowozi nocą?")
    await local_api.await_sent(TOMASZ, predicate=containing("wysłana"))
    [question] = await local_api.await_sent(ZOFIA, predicate=containing("Od kiedy tam leży"))
    assert "Wiadomość od dzielnicowego" in text_of(question)
    assert "Twoja następna wiadomość (tekst albo zdjęcie) trafi do dzielnicowego" in text_of(
        question
    )
    assert question.buttons() == [["✍️ Odpowiedz"]]

    zofia.send_text("Od tygodnia, przywożą co noc ok. 23.")
    [thanks] = await local_api.await_sent(ZOFIA, predicate=containing("Przekazano dzielnicowemu"))
    zofia.send_photo(sample_jpeg(color="green"))
    await local_api.await_sent(ZOFIA, predicate=containing("Zdjęcie dołączone"))
    press_value(zofia, thanks, "done")
    await local_api.await_sent(ZOFIA, predicate=containing("Dziękujemy"))

    # Tomasz hears of both, as "the reporter", never by name; the photo follows as a picture.
    [answer] = await local_api.await_sent(TOMASZ, predicate=new_with("Od tygodnia, przywożą"))
    assert "Odpowiedź zgłaszającego w sprawie KN-2026-000001" in text_of(answer)
    assert answer.buttons() == [["📋 Pokaż zgłoszenie"]]
    await local_api.await_sent(TOMASZ, predicate=lambda m: m.method == "sendPhoto")
    [photo_note] = [m for m in local_api.sent(TOMASZ) if new_with("Zdjęcia: 1")(m)]
    assert text_of(photo_note).endswith("KN-2026-000001:\n📷 Zdjęcia: 1")
    [photo] = local_api.sent(TOMASZ, method="sendPhoto")
    assert photo.photo is not None
    # The alert shows the latest of the thread.
    now = await until_reads(local_api, alert, "Od zgłaszającego (wiadomości: 2")
    assert "Zofia" not in text_of(now) and "Anonimowa" not in text_of(photo_note)

    # He opens the card: its history holds the whole thread.
    tomasz.press(answer, "📋 Pokaż zgłoszenie")
    card, _pin, card_photo, history = await local_api.await_sent(TOMASZ, count=4)
    # The answer's photo is one of the report's photos now.
    assert card_photo.method == "sendPhoto" and card_photo.photo == photo.photo
    for words in (
        "notatka dla zgłaszającego: „Od kiedy tam leży",
        "odpowiedź zgłaszającego: „Od tygodnia, przywożą co noc ok. 23.” (zgłaszający)",
        "odpowiedź zgłaszającego (zdjęcia: 1) (zgłaszający)",
    ):
        assert words in text_of(history)
    assert "Zofia" not in text_of(history)

    # Verified, not confirmed; then a closing comment from the closed card.
    tomasz.press(card, "🔍 Weryfikuję")
    await until_offers(local_api, card, "❌ Niepotwierdzone")
    tomasz.press(card, "❌ Niepotwierdzone")
    await until_offers(local_api, card, "❌ Tak, niepotwierdzone")
    tomasz.press(card, "❌ Tak, niepotwierdzone")
    await until_offers(local_api, card, "📝 Dodaj komentarz")
    tomasz.press(card, "📝 Dodaj komentarz")
    await local_api.await_sent(TOMASZ, predicate=containing("Napisz komentarz"))
    tomasz.send_text("Patrol nocny nikogo nie zastał; poprosiliśmy zarządcę o monitoring.")
    await local_api.await_sent(TOMASZ, predicate=containing("Komentarz do KN-2026-000001"))
    [comment] = await local_api.await_sent(ZOFIA, predicate=containing("Komentarz policji"))
    assert "poprosiliśmy zarządcę o monitoring" in text_of(comment)
    await until_reads(local_api, history, "komentarz: „Patrol nocny")

    # Zofia's /moje shows the thread, both ways.
    zofia.send_command("moje")
    [mine] = await local_api.await_sent(ZOFIA, predicate=offering(f"r.{alert_report_id(alert)}"))
    press_value(zofia, mine, f"r.{alert_report_id(alert)}")
    [story] = await local_api.await_sent(ZOFIA, predicate=containing("policja:"))
    for words in (
        "policja: „Od kiedy tam leży",
        "Ty: „Od tygodnia, przywożą co noc ok. 23.”",
        "Ty: (zdjęcia: 1)",
        "policja: „Patrol nocny nikogo nie zastał",
    ):
        assert words in text_of(story)
    # Closed: nothing to add or withdraw any more.
    assert story.buttons() == [["⬅️ Moje zgłoszenia"]]


def alert_report_id(alert: Any) -> str:
    """Return the report id an alert's buttons carry ("o:0:<id>.<action>")."""
    data = str(alert.reply_markup["inline_keyboard"][0][0]["callback_data"])
    return data.split(":", 2)[2].split(".", 1)[0]


async def test_a_resident_adds_to_an_open_report_and_withdraws_another_in_ukrainian(
    local_api: LocalBotApi, start_bot: StartBot
) -> None:
    runtime = await start_bot(delivery=FAST)
    tomasz = local_api.user(TOMASZ, "Tomasz")
    oleh = local_api.user(OLEH, "Oleh", language_code="uk")
    await link(local_api, runtime, tomasz, "DZ-05")
    await choose_language(local_api, oleh, "uk")
    await report_threat(local_api, oleh, description="Сміття за гаражами")
    first, _pin = await local_api.await_sent(TOMASZ, count=2)
    await report_threat(local_api, oleh, description="Сміття біля вокзалу", where=BY_THE_STATION)
    second, _pin = await local_api.await_sent(TOMASZ, count=2)

    # /my → the first report → "add information": a text goes to Tomasz.
    oleh.send_command("my")
    [mine] = await local_api.await_sent(OLEH, predicate=offering(f"r.{alert_report_id(first)}"))
    press_value(oleh, mine, f"r.{alert_report_id(first)}")
    [story] = await local_api.await_sent(OLEH, predicate=containing("KN-2026-000001"))
    assert story.buttons()[:2] == [["➕ Дописати інформацію або фото"], ["🗑 Відкликати звернення"]]
    oleh.press(story, "➕ Дописати інформацію або фото")
    await local_api.await_sent(OLEH, predicate=containing("Що ви хочете додати"))
    oleh.send_text("Сьогодні привезли ще дві вантажівки.")
    await local_api.await_sent(OLEH, predicate=containing("Передано дільничному"))
    [told] = await local_api.await_sent(TOMASZ, predicate=new_with("ще дві вантажівки"))
    assert "Nowe informacje od zgłaszającego w sprawie KN-2026-000001" in text_of(told)
    # Named report: still "the reporter" in this message; the name is on the card only.
    assert "Oleh" not in text_of(told)
    await until_reads(local_api, first, "Od zgłaszającego (wiadomości: 1")

    # The second one: withdrawn after a confirmation; the alert keeps only "comment".
    oleh.send_command("cancel")
    oleh.send_command("my")
    [mine] = await local_api.await_sent(OLEH, predicate=offering(f"r.{alert_report_id(second)}"))
    press_value(oleh, mine, f"r.{alert_report_id(second)}")
    [story] = await local_api.await_sent(OLEH, predicate=containing("KN-2026-000002"))
    oleh.press(story, "🗑 Відкликати звернення")
    [ask] = await local_api.await_sent(OLEH, predicate=containing("Відкликати звернення"))
    oleh.press(ask, "Так, відкликати")
    await local_api.await_sent(OLEH, predicate=containing("відкликано"))
    [withdrawn] = await local_api.await_sent(TOMASZ, predicate=new_with("wycofane przez"))
    assert "KN-2026-000002" in text_of(withdrawn)
    now = await until_reads(local_api, second, "Status: Wycofane przez zgłaszającego")
    assert visible(local_api, now).buttons() == [["📝 Dodaj komentarz"]]
    assert (await report_row(runtime, "KN-2026-000002")).status is ReportStatus.WITHDRAWN
    assert (await report_row(runtime, "KN-2026-000001")).status is ReportStatus.NEW
