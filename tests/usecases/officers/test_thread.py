"""Notes both ways at the use-case level: the reply window never swallows a report draft, runs
out, and only the reporter may use it; a withdrawn report tells the officer and the followers."""

from __future__ import annotations

from bot.conversation import Choice, Command, Text
from bot.services import Services
from bot.usecases.alerts import queue_new_report_alerts
from bot.usecases.officers import outgoing
from db.models.reports import ReportStatus
from tests.support import Clock, Resident
from tests.usecases.officers import world as w
from tests.usecases.officers.conftest import NOW


async def _story(services: Services, world: w.World) -> int:
    async with services.uow() as uow:
        await w.link(uow.session, world.jan, w.JAN, NOW)
        zofia = await w.user(uow.session, w.RESIDENT)
        neighbour = await w.user(uow.session, w.NEIGHBOUR, "uk")
        report = await w.report(uow.session, world.kon1, reporter=zofia)
        await w.follow(uow.session, report.id, neighbour.id)
        await queue_new_report_alerts(uow, services, report)
        await uow.commit()
        return report.id


async def _story_with_the_coordinator(services: Services, world: w.World) -> int:
    rid = await _story(services, world)
    async with services.uow() as uow:
        await w.link(uow.session, world.kasia, w.KASIA, NOW)
        await uow.commit()
    return rid


async def _ask(services: Services, report_id: int, text: str, officer: int = w.JAN) -> None:
    await w.press(services, officer, f"{report_id}.note")
    await Resident(services, officer).send(Text(text))


async def test_a_question_during_a_report_draft_leaves_the_draft_and_offers_the_button(
    officer_services: Services, world: w.World
) -> None:
    rid = await _story(officer_services, world)
    zofia = Resident(officer_services, w.RESIDENT)
    await zofia.send(Command("zglos"))
    before = await w.last_outbox_id(officer_services)

    await _ask(officer_services, rid, "Czy to nadal tam leży?")

    [note] = [m for m in await w.outbox(officer_services, before) if m.kind == "officer_note"]
    assert note.chat_id == w.RESIDENT and note.payload["window"] is False
    # Her next message still belongs to the report she is writing.
    [answer, *_] = await zofia.send(Text("cokolwiek"))
    assert answer.key.startswith("report-")
    # "Reply" asks her to finish or cancel the report first; the draft stays.
    [busy] = await zofia.send(Choice(f"r.{rid}", 0, "fu"))
    assert busy.key == "desk-followup-busy"
    await zofia.send(Command("anuluj"))
    [ask] = await zofia.send(Choice(f"r.{rid}", 0, "fu"))
    assert ask.key == "desk-followup-ask-reply"
    [sent] = await zofia.send(Text("Tak, nadal."))
    assert sent.key == "desk-followup-sent"
    thread = [e for e in await w.audit(officer_services, rid) if e.action == "resident_reply"]
    assert [(e.note, e.actor_officer_id) for e in thread] == [("Tak, nadal.", None)]


async def test_the_reporter_reads_who_wrote_a_note_her_dzielnicowy_or_the_police(
    officer_services: Services, world: w.World
) -> None:
    rid = await _story_with_the_coordinator(officer_services, world)
    before = await w.last_outbox_id(officer_services)

    await _ask(officer_services, rid, "Czy to nadal tam leży?")
    await _ask(officer_services, rid, "Czy ktoś jeszcze to widział?", w.KASIA)

    rows = [m for m in await w.outbox(officer_services, before) if m.kind == "officer_note"]
    async with officer_services.uow() as uow:
        notes = [await outgoing.note_to_send(uow, int(m.payload["audit_id"])) for m in rows]
    assert [(n.text, n.by) for n in notes if n] == [
        ("Czy to nadal tam leży?", "district"),
        ("Czy ktoś jeszcze to widział?", "police"),
    ]


async def test_the_reporter_is_told_her_answer_goes_to_whoever_asked(
    officer_services: Services, world: w.World
) -> None:
    """Her dzielnicowy's question is answered to him; the coordinator's to "the police"."""
    rid = await _story_with_the_coordinator(officer_services, world)
    zofia = Resident(officer_services, w.RESIDENT)

    await _ask(officer_services, rid, "Czy to nadal tam leży?")
    [ask] = await zofia.send(Choice(f"r.{rid}", 0, "fu"))
    [sent] = await zofia.send(Text("Tak, nadal."))
    await zofia.send(Choice("done", 0, "fu"))
    await _ask(officer_services, rid, "Czy ktoś jeszcze to widział?", w.KASIA)
    [ask_again] = await zofia.send(Choice(f"r.{rid}", 0, "fu"))
    [sent_again] = await zofia.send(Text("Sąsiad z parteru."))

    assert [(a.key, a.args["by"]) for a in (ask, sent, ask_again, sent_again)] == [
        ("desk-followup-ask-reply", "district"),
        ("desk-followup-sent", "district"),
        ("desk-followup-ask-reply", "police"),
        ("desk-followup-sent", "police"),
    ]


async def test_the_window_runs_out_and_only_the_reporter_may_open_it(
    officer_services: Services, world: w.World
) -> None:
    rid = await _story(officer_services, world)
    await _ask(officer_services, rid, "Od kiedy?")
    neighbour = Resident(officer_services, w.NEIGHBOUR, language_hint="uk")
    # Not his report: the buttons of another's note do nothing.
    for value in (f"r.{rid}", f"a.{rid}", f"w.{rid}", f"wy.{rid}"):
        [refused] = await neighbour.send(Choice(value, 0, "fu"))
        assert refused.key == "button-expired"

    clock = officer_services.clock
    assert isinstance(clock, Clock)
    clock.advance(hours=officer_services.config.reports.reply_window_hours + 1)
    zofia = Resident(officer_services, w.RESIDENT)
    answers = await zofia.send(Text("Od tygodnia"))

    assert answers[0].key == "desk-followup-closed"
    assert not [e for e in await w.audit(officer_services, rid) if e.action == "resident_reply"]


async def test_withdrawing_closes_the_report_and_tells_the_officer_and_the_neighbour(
    officer_services: Services, world: w.World
) -> None:
    rid = await _story(officer_services, world)
    await w.press(officer_services, w.JAN, f"{rid}.take")
    zofia = Resident(officer_services, w.RESIDENT)
    [ask] = await zofia.send(Choice(f"w.{rid}", 0, "my"))
    assert ask.key == "desk-withdraw-ask"
    [kept] = await zofia.send(Choice("wn", 0, "fu"))
    assert kept.key == "desk-withdraw-kept"
    assert (await w.load_report(officer_services, rid)).status is ReportStatus.TAKEN
    before = await w.last_outbox_id(officer_services)

    [done] = await zofia.send(Choice(f"wy.{rid}", 0, "fu"))

    assert done.key == "desk-withdrawn"
    report = await w.load_report(officer_services, rid)
    assert report.status is ReportStatus.WITHDRAWN and report.closed_at is not None
    sent = [(m.chat_id, m.kind) for m in await w.outbox(officer_services, before)]
    assert (w.JAN, "alert_edit") in sent and (w.JAN, "answer") in sent
    assert (w.NEIGHBOUR, "answer") in sent and (w.RESIDENT, "answer") not in sent
    # Closed now: no more additions, and a second withdrawal changes nothing.
    [closed] = await zofia.send(Choice(f"a.{rid}", 0, "my"))
    assert closed.key == "desk-followup-report-closed"
    refused = await w.press(officer_services, w.JAN, f"{rid}.verify")
    assert refused.notice == "officers-refused-status"
