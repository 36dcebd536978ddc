"""Officers end to end: the real bot against the local Bot API server.

Katarzyna (coordinator of KMP Konin) and Tomasz (dzielnicowy of KON-05 in the Konin sample) link
their accounts with one-time invites; Zofia reports a wild dump in KON-05 with two photos and her
phone; Oleh says "I see it too". Tomasz's alert, its buttons and every status change follow, with
what the residents are told and what the audit trail holds.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from sqlalchemy import select

from bot.usecases.officers.invites import create_invite
from db.models.directory import Officer, Station
from db.models.reports import AuditEvent, Report, ReportStatus
from devtools.localapi import FakeUser, LocalBotApi
from devtools.localapi.sent import SentMessage
from devtools.localapi.users import sample_jpeg
from tests.support import FAST, eventually

pytestmark = pytest.mark.e2e

StartBot = Callable[..., Awaitable[Any]]

OPS_CHAT = -100_700
DUTY_GROUP = -100_701
KASIA, TOMASZ, ANNA = 9001, 9005, 9002
ZOFIA, OLEH = 9101, 9102
# Inside KON-05 of the Konin sample (its officers: DZ-05 Tomasz and DZ-06 Ewa, not linked).
CITY_CENTRE = (52.2275, 18.2614)


# ---- helpers shared with test_officers_delivery.py -------------------------------------------


def values(message: SentMessage) -> list[str]:
    """Return the value part of every inline button's data ("scope:version:value")."""
    rows = (message.reply_markup or {}).get("inline_keyboard") or []
    return [
        str(b["callback_data"]).split(":", 2)[2]
        for row in rows
        for b in row
        if "callback_data" in b
    ]


def press_value(person: FakeUser, message: SentMessage, value: str) -> None:
    """Tap the inline button whose value is `value` (labels change with the language)."""
    for row in (message.reply_markup or {}).get("inline_keyboard") or []:
        for button in row:
            data = str(button.get("callback_data", ""))
            if data.split(":", 2)[-1] == value:
                person.press_data(message, data)
                return
    raise AssertionError(f"no button with value {value!r} in {message.summary()}")


def offering(value: str) -> Callable[[SentMessage], bool]:
    """Match a message that offers a button with this value."""
    return lambda message: value in values(message)


def text_of(message: SentMessage) -> str:
    """Return what the person reads (text or caption, without markup)."""
    return message.plain_text or message.caption or message.text or ""


async def choose_language(api: LocalBotApi, person: FakeUser, lang: str) -> None:
    """Open the bot for the first time and pick a language, as every resident does."""
    person.send_command("start")
    [question] = await api.await_sent(person.id, predicate=offering(lang))
    press_value(person, question, lang)
    await api.await_sent(person.id, predicate=lambda m: bool(m.buttons()) and m is not question)


async def add_coordinator(runtime: Any) -> None:
    """Add the station's coordinator to the imported sample (it lists dzielnicowi only)."""
    async with runtime.services.uow() as uow:
        station = await uow.session.scalar(select(Station).where(Station.code == "KMP-KONIN"))
        assert station is not None
        uow.session.add(
            Officer(
                code="KO-01",
                rank="kom.",
                first_name="Katarzyna",
                last_name="Koordynująca",
                phone="+48 47 77 000 99",
                station_id=station.id,
                coordinator=True,
            )
        )
        await uow.commit()


async def invite(runtime: Any, officer_code: str, *, group: bool = False) -> str:
    """Issue an invite code, as `python -m bot officers invite` does."""
    async with runtime.services.uow() as uow:
        issued = await create_invite(
            uow.session, officer_code, group=group, now=runtime.services.clock(), ttl_hours=24
        )
        await uow.commit()
        return issued.code


async def link(api: LocalBotApi, runtime: Any, person: FakeUser, officer_code: str) -> SentMessage:
    """Open an invite link as the officer; return the bot's confirmation."""
    person.send_command("start", await invite(runtime, officer_code))
    # The confirmation starts with ✅ in every language; other messages may come with it (the
    # reports that waited for the officer, a digest due at that moment).
    [linked] = await api.await_sent(
        person.id,
        predicate=lambda m: m.method == "sendMessage" and (m.text or "").startswith("✅"),
    )
    return linked


async def report_threat(
    api: LocalBotApi,
    resident: FakeUser,
    *,
    photos: int = 0,
    phone: str | None = None,
    description: str = "Ktoś wysypuje gruz za garażami <co noc> & w dzień",
    same_as: int | None = None,
    where: tuple[float, float] = CITY_CENTRE,
) -> SentMessage:
    """Go through /zglos as a resident: a wild dump (at the city centre); return the last answer."""
    uid = resident.id
    resident.send_command("zglos")
    [danger] = await api.await_sent(uid, predicate=offering("danger.no"))
    press_value(resident, danger, "danger.no")
    [groups] = await api.await_sent(uid, predicate=offering("grp.environment"))
    press_value(resident, groups, "grp.environment")
    [kinds] = await api.await_sent(uid, predicate=offering("cat.illegal_dumping"))
    press_value(resident, kinds, "cat.illegal_dumping")
    await api.await_sent(uid, predicate=lambda m: bool(m.reply_keyboard()))
    resident.send_location(*where)
    if same_as is not None:
        [similar] = await api.await_sent(uid, predicate=offering(f"same.{same_as}"))
        press_value(resident, similar, f"same.{same_as}")
        [confirmed] = await api.await_sent(uid)
        return confirmed
    [when] = await api.await_sent(uid, predicate=offering("when.now"))
    press_value(resident, when, "when.now")
    await api.await_sent(uid, predicate=offering("skip"))
    resident.send_text(description)
    [asked] = await api.await_sent(uid, predicate=offering("done"))
    for index in range(photos):
        resident.send_photo(sample_jpeg(color=("green", "blue", "red")[index]))
        [asked] = await api.await_sent(uid, predicate=offering("done"))
    press_value(resident, asked, "done")
    [anonymous] = await api.await_sent(uid, predicate=offering("anon.yes"))
    if phone is None:
        press_value(resident, anonymous, "anon.yes")
    else:
        press_value(resident, anonymous, "anon.no")
        await api.await_sent(uid, predicate=lambda m: bool(m.reply_keyboard()))
        resident.send_contact(phone)
    [summary] = await api.await_sent(uid, predicate=offering("send"))
    press_value(resident, summary, "send")
    [sent] = await api.await_sent(uid, predicate=lambda m: "KN-" in text_of(m))
    return sent


async def report_row(runtime: Any, reference: str) -> Report:
    """Return a report as stored now."""
    async with runtime.services.uow() as uow:
        found: Report | None = await uow.session.scalar(
            select(Report).where(Report.reference == reference)
        )
        assert found is not None
        uow.session.expunge(found)
        return found


async def trail(runtime: Any, report_id: int) -> list[tuple[str, str | None, str | None]]:
    """Return (action, from, to) of the report's audit rows."""
    async with runtime.services.uow() as uow:
        rows = await uow.session.scalars(
            select(AuditEvent).where(AuditEvent.report_id == report_id).order_by(AuditEvent.id)
        )
        return [(e.action, e.from_status, e.to_status) for e in rows]


def containing(words: str) -> Callable[[SentMessage], bool]:
    """Match a message whose text contains these words."""
    return lambda message: words in text_of(message)


def is_edit(message: SentMessage) -> bool:
    """Match an edit of a message the bot sent earlier (its text, or only its buttons)."""
    return message.method in {"editMessageText", "editMessageReplyMarkup"}


async def until_reads(api: LocalBotApi, message: SentMessage, words: str) -> SentMessage:
    """Wait until a bot message, as edited since, contains these words; return it as it is now."""

    async def probe() -> bool:
        return words in text_of(api.current(message.chat_id, message.message_id or 0))

    await eventually(probe, True)
    return api.current(message.chat_id, message.message_id or 0)


async def until_offers(api: LocalBotApi, message: SentMessage, label: str) -> SentMessage:
    """Wait until a bot message, as edited since, offers a button with this label."""

    async def probe() -> bool:
        now = api.current(message.chat_id, message.message_id or 0)
        return any(label in row for row in now.buttons())

    await eventually(probe, True)
    return api.current(message.chat_id, message.message_id or 0)


async def until_sent(api: LocalBotApi, chat_id: int, *words: str) -> SentMessage:
    """Wait until the bot has sent a chat a message with all these words, read or not.

    For messages of independent jobs (an escalation and a digest) whose order is not promised.
    """

    def found() -> SentMessage | None:
        return next((m for m in api.sent(chat_id) if all(w in text_of(m) for w in words)), None)

    async def probe() -> bool:
        return found() is not None

    await eventually(probe, True)
    message = found()
    assert message is not None
    return message


def popups(api: LocalBotApi) -> list[str]:
    """Return the texts of answered button presses that showed one."""
    return [str(a["text"]) for a in api.answered_callbacks() if a.get("text")]


# ---- the story -----------------------------------------------------------------------------------


async def test_invite_link_report_alert_and_every_status_change(
    local_api: LocalBotApi, start_bot: StartBot
) -> None:
    ops = local_api.group(OPS_CHAT, "Ops")
    runtime = await start_bot(delivery=FAST, telegram={"ops_chat_id": ops.id})
    await add_coordinator(runtime)
    kasia = local_api.user(KASIA, "Katarzyna")
    tomasz = local_api.user(TOMASZ, "Tomasz")
    anna = local_api.user(ANNA, "Anna")
    zofia = local_api.user(ZOFIA, "Zofia")
    oleh = local_api.user(OLEH, "Oleh", language_code="uk")

    # Invites: linked, announced to the coordinator and the ops chat, own command list.
    welcome = await link(local_api, runtime, kasia, "KO-01")
    assert "Twoja rola w tym bocie: koordynator" in text_of(welcome)
    welcome = await link(local_api, runtime, tomasz, "DZ-05")
    assert "Rejon 5" in text_of(welcome)
    [announced] = await local_api.await_sent(KASIA)
    assert "Tomasz Fikcyjny" in text_of(announced) and str(TOMASZ) in text_of(announced)
    ops_news = await local_api.await_sent(OPS_CHAT, count=2)
    assert ["Katarzyna" in text_of(m) for m in ops_news] == [True, False]
    assert "officers revoke DZ-05" in text_of(ops_news[1])
    annas_welcome = await link(local_api, runtime, anna, "DZ-02")
    await local_api.await_sent(KASIA)

    async def tomasz_commands() -> list[str]:
        return [c["command"] for c in local_api.commands({"type": "chat", "chat_id": TOMASZ})]

    await eventually(
        tomasz_commands,
        # ... then the operations' own: leave (/urlop) and quiet hours (/cisza).
        [
            *("start", "zglos", "dzielnicowy", "moje", "powiadomienia", "pomoc", "jezyk"),
            *("prywatnosc",),
            *("moje_dane", "usun_dane", "anuluj"),
            *("zgloszenia", "zgloszenie"),
            *("urlop", "cisza"),
            *("ogloszenie", "ogloszenia", "spotkania"),
        ],
    )

    # Zofia reports; Tomasz gets the alert, the pin and the album.
    await choose_language(local_api, zofia, "pl")
    await choose_language(local_api, oleh, "uk")
    sent = await report_threat(local_api, zofia, photos=2, phone="+48 600 100 200")
    assert "KN-2026-000001" in text_of(sent)
    alert, pin, album = await local_api.await_sent(TOMASZ, count=3)
    text = text_of(alert)
    for words in (
        "Zgłoszenie KN-2026-000001",
        "Dzikie wysypiska śmieci",
        "Ktoś wysypuje gruz za garażami <co noc> & w dzień",
        "Rejon 5",
        "„Też to widzę”: 0",
        "Status: Nowe",
        # Sent "with my details": the officer sees the name Zofia shows in Telegram.
        "Zgłaszający: Zofia",
    ):
        assert words in text
    assert "600" not in text
    assert alert.buttons() == [
        ["✋ Przyjmuję"],
        ["↪️ Przekaż instytucji", "🗺 Inny rejon"],
        ["✉️ Notatka dla zgłaszającego", "📞 Pokaż telefon"],
    ]
    assert (pin.method, pin.latitude, pin.longitude) == ("sendLocation", *CITY_CENTRE)
    assert album.method == "sendMediaGroup" and len(album.media) == 2
    assert local_api.sent(KASIA)[-1].method == "sendMessage"  # nothing new for the coordinator
    report = await report_row(runtime, "KN-2026-000001")

    # Oleh: "I see it too" — the alert shows the new count.
    await report_threat(local_api, oleh, same_as=report.id)
    [edited] = await local_api.await_sent(TOMASZ, predicate=is_edit)
    assert "„Też to widzę”: 1" in text_of(edited)

    # Refused: a resident forging an officer button, an officer of another district.
    zofia.press_data(sent, f"o:0:{report.id}.take")
    anna.press_data(annas_welcome, f"o:0:{report.id}.take")

    async def popup_count() -> int:
        return len(popups(local_api))

    await eventually(popup_count, 2)
    # Each is told the truth: not an officer at all; another district of the same station.
    assert sorted(popups(local_api)) == [
        "Te przyciski są tylko dla dzielnicowych, koordynatorów i dyżurnych, którzy połączyli "
        "konto przez zaproszenie.",
        "Zgłoszenie KN-2026-000001 dotyczy rejonu: Rejon 5 – Centrum i V osiedle (PRZYKŁAD). "
        "Działać mogą jego dzielnicowi, ich zastępcy oraz koordynatorzy i dyżurni jednostki.",
    ]
    assert (await report_row(runtime, "KN-2026-000001")).status is ReportStatus.NEW

    # "Pokaż telefon": the number, to Tomasz only.
    tomasz.press(alert, "📞 Pokaż telefon")
    [card] = await local_api.await_sent(TOMASZ, predicate=lambda m: m.method == "sendContact")
    assert card.phone_number == "+48 600 100 200"

    # /zgloszenia lists it; its button shows the details and the history.
    tomasz.send_command("zgloszenia")
    [listing] = await local_api.await_sent(TOMASZ, predicate=containing("Otwarte zgłoszenia: 1"))
    assert "KN-2026-000001 — Dzikie wysypiska śmieci — Nowe — dziś" in text_of(listing)
    tomasz.press(listing, "KN-2026-000001")
    copy, copy_pin, copy_album, history = await local_api.await_sent(TOMASZ, count=4)
    assert copy.buttons() == alert.buttons()
    assert (copy_pin.method, len(copy_album.media)) == ("sendLocation", 2)
    assert "Historia zgłoszenia KN-2026-000001" in text_of(history)
    assert "wyświetlono telefon zgłaszającego (asp. sztab. Tomasz Fikcyjny)" in text_of(history)

    # Take, verify, confirm, eliminate: the alert follows; Zofia is told each step, Oleh (who
    # only said "I see it too") only how it ended.
    told = {
        "✋ Przyjmuję": ("przyjęte przez dzielnicowego", None, "Przyjęte"),
        "🔍 Weryfikuję": ("sprawdza na miejscu", None, "W weryfikacji"),
        "✅ Potwierdzone": ("zostało potwierdzone", None, "Potwierdzone"),
        "🏁 Wyeliminowane": ("wyeliminowane", "усунено", "Wyeliminowane"),
    }
    for button, (polish, ukrainian, status) in told.items():
        tomasz.press(alert, button)
        if button == "🏁 Wyeliminowane":
            # A closing step asks once more, in place of the buttons; until it is answered the
            # report stays as it was.
            asked = await until_offers(local_api, alert, "🏁 Tak, wyeliminowane")
            assert asked.buttons() == [["🏁 Tak, wyeliminowane"], ["‹ Wróć"]]

            async def last_popup() -> str:
                return popups(local_api)[-1]

            await eventually(
                last_popup,
                "Oznaczyć zgłoszenie KN-2026-000001 jako wyeliminowane? "
                "Zgłaszający dostanie tę informację od razu.",
            )
            stored = await report_row(runtime, "KN-2026-000001")
            assert stored.status is ReportStatus.CONFIRMED
            tomasz.press(alert, "🏁 Tak, wyeliminowane")
        # The alert and the card from the list both follow, with the same buttons.
        for view in (alert, copy):
            await until_reads(local_api, view, f"Status: {status} — asp. sztab. Tomasz Fikcyjny")
        assert (
            local_api.current(TOMASZ, copy.message_id or 0).buttons()
            == local_api.current(TOMASZ, alert.message_id or 0).buttons()
        )
        [to_zofia] = await local_api.await_sent(ZOFIA, predicate=containing(polish))
        if ukrainian is not None:
            [to_oleh] = await local_api.await_sent(OLEH, predicate=containing(ukrainian))
    # The closing message was Oleh's first since he confirmed.
    olehs = [text_of(m) for m in local_api.sent(OLEH)]
    assert not any("перевіряє на місці" in t or "прийняв дільничний" in t for t in olehs)
    # Closed: only a closing comment is left to add.
    assert local_api.current(TOMASZ, alert.message_id or 0).buttons() == [["📝 Dodaj komentarz"]]
    assert to_zofia.buttons() == [["🔁 Nadal występuje"]] and "112" in text_of(to_zofia)
    assert to_oleh.buttons() == [["🔁 Досі триває"]]

    # Zofia: "Still happening" — back to Tomasz as taken, with a fresh alert.
    zofia.press(to_zofia, "🔁 Nadal występuje")
    await local_api.await_sent(ZOFIA, predicate=lambda m: "wróciło do dzielnicowego" in text_of(m))
    again, _pin, _album = await local_api.await_sent(
        TOMASZ, count=3, predicate=lambda m: not is_edit(m)
    )
    assert "Wznowione" in text_of(again) and "Status: Przyjęte" in text_of(again)
    assert again.buttons()[0] == ["🔍 Weryfikuję"]
    # The old alert and card follow too: every view of the report is live.
    await until_reads(local_api, copy, "Status: Przyjęte")
    assert local_api.current(TOMASZ, copy.message_id or 0).buttons() == again.buttons()

    # A note to the reporter only.
    tomasz.press(again, "✉️ Notatka dla zgłaszającego")
    await local_api.await_sent(TOMASZ, predicate=lambda m: "Napisz notatkę" in text_of(m))
    tomasz.send_text("Wywóz gruzu zlecony na piątek.")
    await local_api.await_sent(TOMASZ, predicate=lambda m: "wysłana" in text_of(m))
    await local_api.await_sent(ZOFIA, predicate=lambda m: "Wywóz gruzu zlecony" in text_of(m))

    # Reassigned to KON-02: Anna gets the alert; Tomasz's alerts lose their buttons.
    # The districts replace the alert's buttons; Back brings them back.
    tomasz.press(again, "🗺 Inny rejon")
    districts = await until_offers(local_api, again, "‹ Wróć")
    assert "Rejon 2 – Starówka (PRZYKŁAD)" in [b for row in districts.buttons() for b in row]
    tomasz.press(again, "‹ Wróć")
    await until_offers(local_api, again, "🗺 Inny rejon")
    tomasz.press(again, "🗺 Inny rejon")
    districts = await until_offers(local_api, again, "‹ Wróć")
    kon2 = next(b for row in districts.buttons() for b in row if b.startswith("Rejon 2"))
    tomasz.press(again, kon2)
    annas_alert, _pin, _album = await local_api.await_sent(ANNA, count=3)
    assert "Przekazane z rejonu: Rejon 5" in text_of(annas_alert)
    await local_api.await_sent(ZOFIA, predicate=lambda m: "właściwego rejonu" in text_of(m))

    async def tomasz_buttons() -> list[list[str]]:
        return local_api.current(TOMASZ, again.message_id or 0).buttons()

    await eventually(tomasz_buttons, [])

    # Anna hands it to the City Guard: final.
    anna.press(annas_alert, "↪️ Przekaż instytucji")
    await until_offers(local_api, annas_alert, "Straż Miejska")
    anna.press(annas_alert, "Straż Miejska")
    await local_api.await_sent(
        ZOFIA, predicate=lambda m: "Straży Miejskiej (tel. 986)" in text_of(m)
    )
    # Closed again: now Oleh hears how it ended; he never heard of the reopening or hand-over.
    await local_api.await_sent(OLEH, predicate=lambda m: "986" in text_of(m))
    olehs = [text_of(m) for m in local_api.sent(OLEH)]
    assert not any("знову відкрито" in t or "відповідної дільниці" in t for t in olehs)
    final = await report_row(runtime, "KN-2026-000001")
    assert (final.status, final.forwarded_to) == (ReportStatus.FORWARDED, "city_guard")

    assert await trail(runtime, report.id) == [
        ("report_created", None, "new"),
        ("resident_confirmed", None, None),
        ("refused", "new", None),
        ("refused", "new", None),
        ("phone_revealed", None, None),
        ("status", "new", "taken"),
        ("status", "taken", "verifying"),
        ("status", "verifying", "confirmed"),
        ("status", "confirmed", "eliminated"),
        ("reopened", "eliminated", "reopened"),
        ("status", "reopened", "taken"),
        ("note", "taken", None),
        ("reassigned", "taken", "new"),
        ("status", "new", "forwarded"),
    ]
