"""A sent meeting is moved, then cancelled; the officer's card counts who will come.

Tomasz (DZ-05) invites the subscribers of KON-05 to a debate: Zofia (Polish), Oleh (Ukrainian)
and Iryna (whose Telegram is Ukrainian, and who never picked a language: she subscribed in
Ukrainian, so she gets it in Ukrainian) get it; Piotr subscribes only afterwards. Zofia says
she will come, and Tomasz's card of the meeting counts her. From /spotkania Tomasz moves the
meeting by a day: those who received it are told, each in their language, with "I'll come" (or,
for Zofia, "I won't come after all") and the unsubscribe button; Piotr is not.
He is about to cancel it but keeps it; Barbara, his coordinator, cancels it from her /spotkania:
they are told again, Tomasz is told who cancelled it, his card says it is cancelled and offers
nothing more, "I'll come" answers that it was cancelled, and nobody is reminded. Both changes
are audited, each with who made it.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from bot.usecases.community.meeting_changes import MEETING_CANCELLED, MEETING_CHANGED
from bot.usecases.community.meetings import send_meeting_reminders
from db.models.community import Announcement
from db.models.directory import Officer
from db.models.pipeline import OutboxMessage
from db.models.reports import AuditEvent
from devtools.localapi import FakeUser, LocalBotApi
from devtools.localapi.sent import SentMessage
from tests.e2e.test_community import saying, subscribe
from tests.e2e.test_community_announcements import PACED, shown
from tests.e2e.test_officers import StartBot, choose_language, link, offering, press_value, text_of
from tests.support import Clock, eventually

pytestmark = pytest.mark.e2e

TOMASZ, ZOFIA, OLEH, PIOTR, IRYNA, BARBARA = 9830, 9831, 9832, 9833, 9834, 9835
# Wednesday 2 December 2026, 09:00 in Konin; the debate is on Thursday 10 December at 18:00,
# then moved to Friday 11 December at 18:30.
NOW = datetime(2026, 12, 2, 8, 0, tzinfo=UTC)
MOVED_TO = datetime(2026, 12, 11, 17, 30, tzinfo=UTC)
UNSUBSCRIBE = "🔕 Wypisz się z wiadomości rejonu"


async def announce(api: LocalBotApi, tomasz: FakeUser) -> SentMessage:
    """Invite KON-05 to a debate (no translation, no pin); return Tomasz's card of it."""
    tomasz.send_command("ogloszenie")
    [kind] = await api.await_sent(TOMASZ, predicate=offering("meeting"))
    press_value(tomasz, kind, "meeting")
    [meeting] = await api.await_sent(TOMASZ, predicate=offering("debate"))
    press_value(tomasz, meeting, "debate")
    await api.await_sent(TOMASZ)
    tomasz.send_text("Debata o parkowaniu na V osiedlu.")
    for _ in ("uk", "en"):
        [skip] = await api.await_sent(TOMASZ, predicate=offering("skip"))
        press_value(tomasz, skip, "skip")
    await api.await_sent(TOMASZ)
    tomasz.send_text("10.12.2026 18:00")
    await api.await_sent(TOMASZ)
    tomasz.send_text("Szkoła Podstawowa nr 1, sala gimnastyczna")
    [pin] = await api.await_sent(TOMASZ, predicate=offering("skip"))
    press_value(tomasz, pin, "skip")
    _intro, _preview, confirm = await api.await_sent(TOMASZ, count=3)
    press_value(tomasz, confirm, "send")
    [card] = await api.await_sent(TOMASZ)
    return card


def new_message(message: SentMessage) -> bool:
    """Match a message sent (not an edit of the officer's card)."""
    return message.method == "sendMessage"


async def card_reads(api: LocalBotApi, card: SentMessage, words: str) -> None:
    """Wait until the officer's card (edited in place) reads these words."""

    async def reads() -> bool:
        return words in text_of(shown(api, TOMASZ, card))

    await eventually(reads, True)


async def test_an_officer_moves_then_cancels_a_meeting_and_residents_are_told(
    database_url: str, local_api: LocalBotApi, start_bot: StartBot
) -> None:
    clock = Clock(NOW)
    runtime = await start_bot(database_url=database_url, clock=clock, delivery=PACED)
    tomasz = local_api.user(TOMASZ, "Tomasz")
    zofia = local_api.user(ZOFIA, "Zofia")
    oleh = local_api.user(OLEH, "Oleh", language_code="uk")
    piotr = local_api.user(PIOTR, "Piotr")
    iryna = local_api.user(IRYNA, "Iryna", language_code="uk")
    barbara = local_api.user(BARBARA, "Barbara")
    await link(local_api, runtime, tomasz, "DZ-05")
    await link(local_api, runtime, barbara, "KP-01")
    for person, lang in ((zofia, "pl"), (oleh, "uk"), (piotr, "pl")):
        await choose_language(local_api, person, lang)
    await subscribe(local_api, zofia, "dzielnicowy")
    await subscribe(local_api, oleh, "officer")
    await subscribe(local_api, iryna, "dzielnicowy")

    clock.now = NOW + timedelta(minutes=5)
    card = await announce(local_api, tomasz)
    assert "Wysłane do kolejki: 3 osoby · ✋ przyjdzie: 0" in text_of(card)
    [invitation] = await local_api.await_sent(ZOFIA, predicate=saying("Debata społeczna"))
    await local_api.await_sent(OLEH, predicate=saying("Громадські дебати"))
    await local_api.await_sent(IRYNA, predicate=saying("Громадські дебати"))
    # Piotr subscribes after the sending: he never got the invitation, nor gets its changes.
    clock.now = NOW + timedelta(minutes=10)
    await subscribe(local_api, piotr, "dzielnicowy")

    # Zofia will come: the card counts her, edited in place.
    press_value(zofia, invitation, "go:1")
    await local_api.await_sent(ZOFIA, predicate=saying("Zapisano"))
    await card_reads(local_api, card, "przyjdzie: 1")

    # A resident cannot use the card's buttons, even forged.
    zofia.press_data(invitation, "mt:0:x.1")
    [refused] = await local_api.await_sent(ZOFIA)
    assert "dla dzielnicowych i koordynatorów" in text_of(refused)

    # /spotkania: the upcoming meetings, each a card with its count.
    tomasz.send_command("spotkania")
    header, listed = await local_api.await_sent(TOMASZ, count=2, predicate=new_message)
    assert "Nadchodzące spotkania (1)" in text_of(header)
    assert "przyjdzie: 1" in text_of(listed) and "10.12.2026, 18:00" in text_of(listed)

    # Moved by a day; the place stays.
    press_value(tomasz, listed, "e.1")
    [when] = await local_api.await_sent(TOMASZ, predicate=offering("keep"))
    assert "Termin teraz: 10.12.2026, 18:00" in text_of(when)
    tomasz.send_text("jutro")
    [refused] = await local_api.await_sent(TOMASZ, predicate=new_message)
    assert "Nie rozpoznaję tej daty" in text_of(refused)
    tomasz.send_text("11.12.2026 18:30")
    [place] = await local_api.await_sent(TOMASZ, predicate=offering("keep"))
    assert "Szkoła Podstawowa nr 1" in text_of(place)
    press_value(tomasz, place, "keep")
    [confirm] = await local_api.await_sent(TOMASZ, predicate=offering("save"))
    assert "11.12.2026, 18:30 (nowy termin)" in text_of(confirm)
    assert "(nowe miejsce)" not in text_of(confirm)
    press_value(tomasz, confirm, "save")
    [done] = await local_api.await_sent(TOMASZ, predicate=saying("zmienione"))
    assert "3 osoby" in text_of(done)
    # The card shown last (the list's) is the live one now.
    await card_reads(local_api, listed, "11.12.2026, 18:30")

    [moved] = await local_api.await_sent(ZOFIA, predicate=saying("Zmiana"))
    assert "11.12.2026, 18:30 (zamiast 10.12.2026, 18:00)" in text_of(moved)
    assert "Szkoła Podstawowa nr 1" in text_of(moved) and "zamiast:" not in text_of(moved)
    # Zofia will come: she can take it back; Oleh can say he will come.
    assert "Twój zapis jest aktualny. Dzień wcześniej przypomnę." in text_of(moved)
    assert moved.buttons() == [["Jednak nie przyjdę"], [UNSUBSCRIBE]]
    [moved_uk] = await local_api.await_sent(OLEH, predicate=saying("Зміна"))
    assert "11.12.2026, 18:30 (замість 10.12.2026, 18:00)" in text_of(moved_uk)
    assert moved_uk.buttons() == [["✋ Прийду"], ["🔕 Відписатися від новин дільниці"]]
    await no_notice_queued_for(runtime, PIOTR)

    # Tomasz is asked before it is cancelled; "no" keeps it.
    press_value(tomasz, listed, "x.1")
    [question] = await local_api.await_sent(TOMASZ, predicate=offering("yes"))
    assert "Odwołać spotkanie nr 1 (11.12.2026, 18:30" in text_of(question)
    press_value(tomasz, question, "no")
    await local_api.await_sent(TOMASZ, predicate=saying("bez zmian"))
    press_value(tomasz, question, "yes")
    [stale] = await local_api.await_sent(TOMASZ, predicate=new_message)
    assert "nieaktualny" in text_of(stale)

    # Barbara, coordinator of the station, sees it in her /spotkania and cancels it.
    barbara.send_command("spotkania")
    _header, hers = await local_api.await_sent(BARBARA, count=2)
    assert "Spotkanie nr 1" in text_of(hers) and "przyjdzie: 1" in text_of(hers)
    press_value(barbara, hers, "x.1")
    [question] = await local_api.await_sent(BARBARA, predicate=offering("yes"))
    press_value(barbara, question, "yes")
    [done] = await local_api.await_sent(BARBARA, predicate=saying("odwołane"))
    assert "Spotkanie nr 1 odwołane" in text_of(done) and "3 osoby" in text_of(done)
    [told] = await local_api.await_sent(TOMASZ, predicate=saying("Twoje spotkanie nr 1"))
    assert "odwołane przez: nadkom. Barbara Modelowa" in text_of(told)
    # Tomasz's card (his own, still the live one) says so.
    await card_reads(local_api, listed, "Odwołane")
    assert shown(local_api, TOMASZ, listed).buttons() == []

    [cancelled] = await local_api.await_sent(ZOFIA, predicate=saying("Odwołane"))
    assert "11.12.2026, 18:30" in text_of(cancelled)
    assert cancelled.buttons() == [[UNSUBSCRIBE]]
    [cancelled_uk] = await local_api.await_sent(OLEH, predicate=saying("Скасовано"))
    assert "не відбудеться" in text_of(cancelled_uk)
    # Iryna too, in Ukrainian: the change, then the cancellation.
    changed, gone = await local_api.await_sent(
        IRYNA, count=2, predicate=lambda m: "Зміна" in text_of(m) or "Скасовано" in text_of(m)
    )
    assert "Зміна" in text_of(changed) and "Скасовано" in text_of(gone)
    await no_notice_queued_for(runtime, PIOTR)

    # "I'll come" on the old invitation says it was cancelled; the old card does nothing.
    press_value(zofia, invitation, "go:1")
    [answer] = await local_api.await_sent(ZOFIA)
    assert "zostało odwołane" in text_of(answer)
    press_value(tomasz, card, "x.1")
    [already] = await local_api.await_sent(TOMASZ, predicate=new_message)
    assert "jest już odwołane" in text_of(already)
    tomasz.send_command("spotkania")
    [none] = await local_api.await_sent(TOMASZ, predicate=new_message)
    assert "Nie ma nadchodzących spotkań" in text_of(none)
    tomasz.send_command("ogloszenia")
    [listing] = await local_api.await_sent(TOMASZ, predicate=new_message)
    assert "przyjdzie: 1 · odwołane" in text_of(listing)

    # No reminder the day before the (cancelled) meeting.
    assert await send_meeting_reminders(runtime.services, MOVED_TO - timedelta(hours=23)) == 0

    # Both changes are in the audit trail, each with who made it.
    async with runtime.services.uow() as uow:
        officers = {
            o.code: o.id
            for o in await uow.session.scalars(
                select(Officer).where(Officer.code.in_(["DZ-05", "KP-01"]))
            )
        }
        events = list(
            await uow.session.scalars(
                select(AuditEvent)
                .where(AuditEvent.action.in_([MEETING_CHANGED, MEETING_CANCELLED]))
                .order_by(AuditEvent.id)
            )
        )
        assert [e.action for e in events] == [MEETING_CHANGED, MEETING_CANCELLED]
        assert [e.actor_officer_id for e in events] == [officers["DZ-05"], officers["KP-01"]]
        assert events[0].data["to"]["starts_at"] == MOVED_TO.isoformat()
        assert events[1].data["notified"] == 3
        meeting = await uow.session.get(Announcement, 1)
        assert meeting is not None and meeting.cancelled_at is not None


async def no_notice_queued_for(runtime: Any, chat_id: int) -> None:
    """Check that no change of the meeting was queued for a chat (rows are queued at once)."""
    async with runtime.services.uow() as uow:
        rows = await uow.session.scalars(
            select(OutboxMessage).where(OutboxMessage.chat_id == chat_id)
        )
        payloads = [str(row.payload) for row in rows]
    assert not [p for p in payloads if "community-meeting-c" in p]
