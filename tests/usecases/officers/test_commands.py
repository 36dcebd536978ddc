"""/zgloszenia and /zgloszenie REF; notes to the reporter; "Show phone"; who is reachable."""

from __future__ import annotations

from datetime import timedelta

from bot.conversation import Choice, Command, Text, Unsupported
from bot.services import Services
from bot.usecases.alerts import queue_new_report_alerts, reroute_alert
from bot.usecases.officers.reachability import UnreachableDistrict, unreachable_districts
from db.models.reports import ReportStatus
from tests.support import Resident
from tests.usecases.officers import world as w
from tests.usecases.officers.conftest import NOW


async def _link_all(services: Services, world: w.World) -> None:
    async with services.uow() as uow:
        await w.link(uow.session, world.jan, w.JAN, NOW)
        await w.link(uow.session, world.anna, w.ANNA, NOW)
        await w.link(uow.session, world.kasia, w.KASIA, NOW)
        await uow.commit()


async def test_open_reports_are_listed_oldest_first_and_paged(
    officer_services: Services, world: w.World
) -> None:
    await _link_all(officer_services, world)
    async with officer_services.uow() as uow:
        for number in range(1, 11):
            created = NOW - timedelta(days=20 - number)
            await w.report(uow.session, world.kon1, number=number, created_at=created)
        await w.report(uow.session, world.kon2, number=11)
        closed = await w.report(uow.session, world.kon1, number=12)
        closed.status = ReportStatus.ELIMINATED
        await uow.commit()
    jan = Resident(officer_services, w.JAN)

    await jan.send(Command("zgloszenia"))

    first = jan.texts()[0]
    assert "Otwarte zgłoszenia: 10" in first and "strona 1 z 2" in first
    assert first.index("KN-2026-000001") < first.index("KN-2026-000002")
    assert "19 dni" in first
    assert "KN-2026-000011" not in first and "KN-2026-000012" not in first
    page = jan.last[0]
    assert page.options[-1][0].value == "p.1"

    await jan.send(Choice("p.1", page.version, "oq"))

    second = jan.texts()[0]
    assert "strona 2 z 2" in second and "KN-2026-000009" in second
    assert "KN-2026-000001" not in second

    coordinator = Resident(officer_services, w.KASIA)
    await coordinator.send(Command("zgloszenia"))
    assert "Otwarte zgłoszenia: 11" in coordinator.texts()[0]


async def test_a_resident_cannot_use_the_officers_commands(
    officer_services: Services, world: w.World
) -> None:
    resident = Resident(officer_services, w.STRANGER)

    for step in (Command("zgloszenia"), Command("zgloszenie", "KN-2026-000001")):
        assert [a.key for a in await resident.send(step)] == ["officers-only"]
    answers = await resident.send(Choice("d.1", 0, "oq"))
    assert [a.key for a in answers] == ["officers-only"]


async def test_details_show_the_card_the_pin_the_photos_and_the_history_as_live_views(
    officer_services: Services, world: w.World
) -> None:
    await _link_all(officer_services, world)
    async with officer_services.uow() as uow:
        report = await w.report(uow.session, world.kon1, photos=3)
        await uow.commit()
    await w.press(officer_services, w.JAN, f"{report.id}.take")
    jan = Resident(officer_services, w.JAN)
    before = await w.last_outbox_id(officer_services)

    assert await jan.send(Command("zgloszenie", "kn-2026-000001")) == []

    sent = await w.outbox(officer_services, before)
    assert [(m.chat_id, m.kind, m.payload) for m in sent] == [
        (w.JAN, "alert", {"report_id": report.id, "reason": None, "lang": "pl", "view": "card"}),
        (w.JAN, "location", {"report_id": report.id, "lang": "pl"}),
        # The card uploads the stored files again: the alert's file ids may be gone.
        (w.JAN, "photos", {"report_id": report.id, "lang": "pl", "upload": True}),
        (w.JAN, "alert", {"report_id": report.id, "reason": None, "lang": "pl", "view": "history"}),
    ]
    (_, _, card), (_, _, history) = await w.shown_views(officer_services, before)
    assert card.key == "officers-alert"
    assert [o.value for o in card.options[0]] == [f"{report.id}.verify"]
    assert history.key == "officers-history"
    lines = [args for key, args in history.also if key == "officers-history-line"]
    assert lines[-1]["status"] == "Przyjęte" and lines[-1]["who"] == "st. asp. Jan Przykładowy"

    anna = Resident(officer_services, w.ANNA)
    [refused] = await anna.send(Command("zgloszenie", "KN-2026-000001"))
    assert refused.key == "desk-refused-other-district"
    assert "Rejon 1 – Czarków" in anna.texts()[0]
    assert [a.key for a in await jan.send(Command("zgloszenie", "KN-1999-1"))] == [
        "officers-report-unknown"
    ]
    assert [a.key for a in await jan.send(Command("zgloszenie"))] == ["officers-details-usage"]


async def test_a_note_goes_to_the_reporter_only(officer_services: Services, world: w.World) -> None:
    await _link_all(officer_services, world)
    async with officer_services.uow() as uow:
        zofia = await w.user(uow.session, w.RESIDENT, "uk")
        neighbour = await w.user(uow.session, w.NEIGHBOUR)
        report = await w.report(uow.session, world.kon1, reporter=zofia)
        await w.follow(uow.session, report.id, neighbour.id)
        await uow.commit()

    outcome = await w.press(officer_services, w.JAN, f"{report.id}.note", in_group=True)

    assert outcome.notice == "officers-note-private"
    assert [a.key for a in outcome.private] == ["officers-note-ask"]
    jan = Resident(officer_services, w.JAN)
    assert [a.key for a in await jan.send(Unsupported("sticker"))] == ["officers-note-ask"]
    assert [a.key for a in await jan.send(Text("x" * 1001))] == ["officers-note-too-long"]
    before = await w.last_outbox_id(officer_services)

    answers = await jan.send(Text("Byłem na miejscu, <wywóz> w piątek."))

    assert [a.key for a in answers] == ["officers-note-sent"]
    sent = await w.outbox(officer_services, before)
    assert [(m.chat_id, m.kind) for m in sent] == [(w.RESIDENT, "officer_note")]
    assert sent[0].payload["lang"] == "uk"
    note = next(e for e in await w.audit(officer_services, report.id) if e.action == "note")
    assert (note.note, note.actor_officer_id) == ("Byłem na miejscu, <wywóz> w piątek.", world.jan)
    # The note step is over: the next text is not another note.
    assert [a.key for a in await jan.send(Text("jeszcze coś"))] != ["officers-note-sent"]


async def test_a_note_up_to_the_description_limit_is_sent_whole_even_full_of_markup(
    officer_services: Services, world: w.World
) -> None:
    await _link_all(officer_services, world)
    async with officer_services.uow() as uow:
        zofia = await w.user(uow.session, w.RESIDENT)
        report = await w.report(uow.session, world.kon1, reporter=zofia)
        await uow.commit()
    await w.press(officer_services, w.JAN, f"{report.id}.note")
    jan = Resident(officer_services, w.JAN)
    text = "<&>" * 333  # 999 characters, five times as many once escaped

    assert [a.key for a in await jan.send(Text(text))] == ["officers-note-sent"]
    note = next(e for e in await w.audit(officer_services, report.id) if e.action == "note")
    assert note.note == text


async def test_show_phone_only_for_a_consenting_named_reporter_and_audited(
    officer_services: Services, world: w.World
) -> None:
    await _link_all(officer_services, world)
    async with officer_services.uow() as uow:
        zofia = await w.user(uow.session, w.RESIDENT)
        named = await w.report(
            uow.session,
            world.kon1,
            reporter=zofia,
            anonymous=False,
            phone="+48 600 100 200",
            consent_at=NOW,
        )
        no_consent = await w.report(
            uow.session, world.kon1, number=2, reporter=zofia, anonymous=False, phone="+48 600"
        )
        anonymous = await w.report(uow.session, world.kon1, number=3, reporter=zofia)
        await uow.commit()
    before = await w.last_outbox_id(officer_services)

    outcome = await w.press(officer_services, w.JAN, f"{named.id}.phone", in_group=True)

    assert outcome.notice == "officers-phone-sent"
    sent = await w.outbox(officer_services, before)
    # To the officer's private chat, never the group; the number itself is not in the outbox.
    assert [(m.chat_id, m.kind, m.payload) for m in sent] == [
        (w.JAN, "contact", {"report_id": named.id, "lang": "pl"})
    ]
    reveal = (await w.audit(officer_services, named.id))[-1]
    assert (reveal.action, reveal.actor_officer_id) == ("phone_revealed", world.jan)
    for report in (no_consent, anonymous):
        refused = await w.press(officer_services, w.JAN, f"{report.id}.phone")
        assert refused.notice == "officers-phone-unavailable"
    stranger = await w.press(officer_services, w.ANNA, f"{named.id}.phone")
    assert stranger.notice == "desk-refused-other-district"
    assert await w.outbox(officer_services, before + 1) == []


async def test_data_check_lists_districts_nobody_can_receive(
    officer_services: Services, world: w.World
) -> None:
    async with officer_services.uow() as uow:
        jan = await w.link(uow.session, world.jan, w.JAN, NOW)
        jan.undeliverable = True
        await w.duty_group(uow.session, world.station)
        await uow.commit()

    async with officer_services.uow() as uow:
        found = await unreachable_districts(uow.session)

    assert found == [
        UnreachableDistrict("KON-01", "Rejon 1 – Czarków", "KMP-T", "unreachable", True),
        UnreachableDistrict("KON-02", "Rejon 2 – Starówka", "KMP-T", "not_linked", True),
    ]


async def test_an_alert_to_an_officer_who_blocked_the_bot_is_rerouted_once(
    officer_services: Services, world: w.World
) -> None:
    await _link_all(officer_services, world)
    async with officer_services.uow() as uow:
        await w.duty_group(uow.session, world.station)
        report = await w.report(uow.session, world.kon1, point=False)
        await queue_new_report_alerts(uow, officer_services, report)
        await uow.commit()
    # The delivery worker got 403 from Jan's chat and marked him undeliverable.
    async with officer_services.uow() as uow:
        jan = await w.user_by_telegram_id(uow.session, w.JAN)
        jan.undeliverable = True
        await uow.commit()
    before = await w.last_outbox_id(officer_services)

    for _ in range(2):
        async with officer_services.uow() as uow:
            await reroute_alert(uow, officer_services, w.JAN, report.id)
            await uow.commit()

    sent = await w.outbox(officer_services, before)
    assert [(m.chat_id, m.kind, m.payload["reason"]) for m in sent] == [
        (w.DUTY_GROUP, "alert", "unreachable"),
        (w.KASIA, "alert", "unreachable"),
    ]


async def test_a_long_history_shows_the_newest_lines_within_one_message(
    officer_services: Services, world: w.World
) -> None:
    await _link_all(officer_services, world)
    async with officer_services.uow() as uow:
        zofia = await w.user(uow.session, w.RESIDENT)
        report = await w.report(uow.session, world.kon1, reporter=zofia)
        await uow.commit()
    jan = Resident(officer_services, w.JAN)
    for number in range(25):
        await w.press(officer_services, w.JAN, f"{report.id}.note")
        await jan.send(Text(f"Notatka {number:02d} " + "ż" * 900))

    before = await w.last_outbox_id(officer_services)
    await jan.send(Command("zgloszenie", "KN-2026-000001"))

    history = await w.shown_history(officer_services, before)
    assert len(history) < 4096
    assert "Notatka 24" in history and "Notatka 04" not in history
    assert history.count("• ") == 20 and "wcześniejsze wpisy: 5" in history
