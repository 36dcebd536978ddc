"""Deadlines with a controllable clock: 48 hours to take a report, 5 days to verify it.

Jan is the dzielnicowy of KON-01, Katarzyna the station's coordinator, and the station has a duty
group. Nobody takes Zofia's report: after 48 hours the duty group and Katarzyna get it with an
escalation note; after 5 days without verification Jan (who took another one) and Katarzyna get a
reminder. Each happens once, also when two bot processes run the job at the same moment.
"""

from __future__ import annotations

import asyncio
from datetime import date
from typing import Any

from bot.conversation import Answer, Command
from bot.services import Services
from bot.usecases.officers.outgoing import alert_to_send
from bot.usecases.operations.deadlines import run_deadlines
from db.models.directory import Officer
from db.models.operations import OfficerAbsence
from db.models.reports import ReportStatus
from handlers.render import render_text
from tests.support import Resident
from tests.usecases.officers import world as w
from tests.usecases.officers.conftest import NOW
from tests.usecases.operations.conftest import (
    actions,
    clock_of,
    link_everyone,
    two_processes,
)


async def _report(services: Services, world: w.World, number: int = 1, **kwargs: Any) -> int:
    kwargs.setdefault("created_at", NOW)
    async with services.uow() as uow:
        report = await w.report(uow.session, world.kon1, number=number, point=False, **kwargs)
        await uow.commit()
        return report.id


async def _alert_text(services: Services, report_id: int, chat_id: int) -> str:
    async with services.uow() as uow:
        answer = await alert_to_send(uow, services, report_id, chat_id, "pl", "overdue")
    assert answer is not None
    return render_text(services.catalog, "pl", answer)


async def test_a_report_nobody_took_in_48_hours_goes_to_the_duty_group_and_coordinator(
    officer_services: Services, world: w.World
) -> None:
    await link_everyone(officer_services, world)
    report_id = await _report(officer_services, world)
    clock = clock_of(officer_services)

    clock.advance(hours=47, minutes=59)
    assert (await run_deadlines(officer_services, clock())).escalated == 0
    assert await w.outbox(officer_services) == []

    clock.advance(minutes=1)
    run = await run_deadlines(officer_services, clock())

    assert run.escalated == 1
    sent = await w.outbox(officer_services)
    payload = {"report_id": report_id, "reason": "overdue", "lang": "pl"}
    assert [(m.chat_id, m.kind, m.payload) for m in sent] == [
        (w.DUTY_GROUP, "alert", payload),
        (w.KASIA, "alert", payload),
    ]
    text = await _alert_text(officer_services, report_id, w.DUTY_GROUP)
    assert "Eskalacja" in text and "KN-2026-000001" in text
    report = await w.load_report(officer_services, report_id)
    assert report.escalated_at == clock()
    assert report.status is ReportStatus.NEW
    assert await actions(officer_services, report_id) == ["escalated"]

    # The next scans find nothing more to do.
    clock.advance(hours=1)
    assert (await run_deadlines(officer_services, clock())).escalated == 0
    assert len(await w.outbox(officer_services)) == 2


async def test_a_report_taken_in_time_is_not_escalated(
    officer_services: Services, world: w.World
) -> None:
    await link_everyone(officer_services, world)
    report_id = await _report(officer_services, world)
    clock = clock_of(officer_services)
    clock.advance(hours=2)
    await w.press(officer_services, w.JAN, f"{report_id}.take")
    before = await w.last_outbox_id(officer_services)

    clock.advance(hours=60)
    run = await run_deadlines(officer_services, clock())

    assert run.escalated == 0 and run.reminded == 0
    assert await w.outbox(officer_services, before) == []


async def test_a_report_not_verified_in_5_days_reminds_the_officer_and_the_coordinator(
    officer_services: Services, world: w.World
) -> None:
    await link_everyone(officer_services, world)
    report_id = await _report(officer_services, world)
    clock = clock_of(officer_services)
    clock.advance(hours=3)
    await w.press(officer_services, w.JAN, f"{report_id}.take")
    before = await w.last_outbox_id(officer_services)

    clock.advance(days=4, hours=20, minutes=59)
    assert (await run_deadlines(officer_services, clock())).reminded == 0
    clock.advance(minutes=1)
    run = await run_deadlines(officer_services, clock())

    assert run.reminded == 1
    sent = await w.outbox(officer_services, before)
    assert [(m.chat_id, m.kind, m.payload["silent"]) for m in sent] == [
        (w.JAN, "answer", False),
        (w.KASIA, "answer", False),
    ]
    text = w.rendered(officer_services, sent[0])
    assert "Przypomnienie: KN-2026-000001" in text
    assert "od 5 dni" in text and "Przyjęte" in text
    assert "/zgloszenie KN-2026-000001" in text
    # The button opens the report through the officers' list (scope "oq").
    reminder = Answer.from_json(sent[0].payload["answer"])
    assert reminder.scope == "oq"
    assert [[o.value for o in row] for row in reminder.options] == [[f"d.{report_id}"]]
    assert await actions(officer_services, report_id) == ["status", "reminded"]

    clock.advance(days=1)
    assert (await run_deadlines(officer_services, clock())).reminded == 0


async def test_a_report_nobody_took_for_5_days_is_escalated_then_reminded_to_coordinators(
    officer_services: Services, world: w.World
) -> None:
    await link_everyone(officer_services, world)
    report_id = await _report(officer_services, world)
    clock = clock_of(officer_services)

    clock.advance(days=3)
    await run_deadlines(officer_services, clock())
    before = await w.last_outbox_id(officer_services)
    clock.advance(days=2)
    run = await run_deadlines(officer_services, clock())

    assert run.reminded == 1
    sent = await w.outbox(officer_services, before)
    # Nobody took it, so only the coordinator is reminded (the duty group had the escalation).
    assert [(m.chat_id, m.kind) for m in sent] == [(w.KASIA, "answer")]
    assert await actions(officer_services, report_id) == ["escalated", "reminded"]


async def test_coordinators_in_quiet_hours_get_reminders_silently_but_escalations_loudly(
    officer_services: Services, world: w.World
) -> None:
    await link_everyone(officer_services, world, group=False)
    async with officer_services.uow() as uow:
        kasia = await uow.session.get(Officer, world.kasia)
        assert kasia is not None
        kasia.quiet_from, kasia.quiet_to = 0, 23 * 60 + 59
        await uow.commit()
    report_id = await _report(officer_services, world)
    clock = clock_of(officer_services)

    clock.advance(days=5)
    await run_deadlines(officer_services, clock())

    sent = await w.outbox(officer_services)
    assert [(m.kind, m.payload.get("reason"), m.payload.get("silent")) for m in sent] == [
        ("alert", "overdue", None),
        ("answer", None, True),
    ]
    assert await actions(officer_services, report_id) == ["escalated", "reminded"]


async def test_without_duty_group_or_coordinator_the_escalation_goes_to_the_ops_chat(
    officer_services: Services, world: w.World
) -> None:
    report_id = await _report(officer_services, world)
    clock = clock_of(officer_services)

    clock.advance(hours=48)
    await run_deadlines(officer_services, clock())

    sent = await w.outbox(officer_services)
    assert [(m.chat_id, m.payload["reason"]) for m in sent] == [(w.OPS_CHAT, "overdue")]
    assert await actions(officer_services, report_id) == ["escalated"]


async def test_a_coordinator_on_leave_gets_no_escalation_but_the_duty_group_does(
    officer_services: Services, world: w.World
) -> None:
    await link_everyone(officer_services, world)
    async with officer_services.uow() as uow:
        uow.session.add(
            OfficerAbsence(
                officer_id=world.kasia, starts_on=date(2026, 11, 27), ends_on=date(2026, 12, 6)
            )
        )
        await uow.commit()
    report_id = await _report(officer_services, world)
    clock = clock_of(officer_services)

    clock.advance(hours=48)
    assert (await run_deadlines(officer_services, clock())).escalated == 1

    sent = await w.outbox(officer_services)
    assert [(m.chat_id, m.payload["reason"]) for m in sent] == [(w.DUTY_GROUP, "overdue")]
    assert await actions(officer_services, report_id) == ["escalated"]


async def test_closed_reports_and_reports_of_other_statuses_have_no_deadlines(
    officer_services: Services, world: w.World
) -> None:
    await link_everyone(officer_services, world)
    for number, status in enumerate(
        (ReportStatus.CONFIRMED, ReportStatus.ELIMINATED, ReportStatus.FORWARDED), start=1
    ):
        await _report(officer_services, world, number, status=status)
    clock = clock_of(officer_services)

    clock.advance(days=30)
    run = await run_deadlines(officer_services, clock())

    assert (run.escalated, run.reminded) == (0, 0)
    assert await w.outbox(officer_services) == []


async def test_a_reopened_report_gets_fresh_deadlines(
    officer_services: Services, world: w.World
) -> None:
    await link_everyone(officer_services, world)
    async with officer_services.uow() as uow:
        resident = await w.user(uow.session, w.RESIDENT)
        await uow.commit()
    report_id = await _report(officer_services, world, reporter=resident)
    clock = clock_of(officer_services)
    clock.advance(days=6)
    await run_deadlines(officer_services, clock())
    for action in ("take", "verify", "confirm", "elim.sure"):
        await w.press(officer_services, w.JAN, f"{report_id}.{action}")

    clock.advance(days=1)
    await w.press(officer_services, w.RESIDENT, str(report_id), scope="ro")
    reopened = await w.load_report(officer_services, report_id)
    assert reopened.status is ReportStatus.TAKEN
    assert reopened.deadline_from == clock()
    assert reopened.escalated_at is None and reopened.reminded_at is None

    clock.advance(days=4)
    assert (await run_deadlines(officer_services, clock())).reminded == 0
    clock.advance(days=1)
    assert (await run_deadlines(officer_services, clock())).reminded == 1


async def test_zgloszenia_marks_overdue_reports(officer_services: Services, world: w.World) -> None:
    await link_everyone(officer_services, world)
    old = await _report(officer_services, world, 1)
    clock = clock_of(officer_services)
    clock.advance(days=2)
    await _report(officer_services, world, 2, created_at=clock())
    await w.press(officer_services, w.JAN, f"{old}.take")
    clock.advance(days=3, hours=1)
    jan = Resident(officer_services, w.JAN)

    await jan.send(Command("zgloszenia"))

    lines = jan.texts()[0].split("\n")
    first = next(line for line in lines if "KN-2026-000001" in line)
    second = next(line for line in lines if "KN-2026-000002" in line)
    assert "Przyjęte ⏰ czeka na weryfikację" in first
    assert "Nowe ⏰ czeka na przyjęcie" in second


async def test_two_bot_processes_escalate_and_remind_once(database_url: str) -> None:
    """Two processes, each with its own engine, scan the same database at the same moment."""
    async with two_processes(database_url) as (processes, clock):
        async with processes[0].uow() as uow:
            world = await w.build_world(uow.session)
            await w.link(uow.session, world.kasia, w.KASIA, NOW)
            await w.duty_group(uow.session, world.station)
            for number in range(1, 6):
                await w.report(uow.session, world.kon1, number=number, point=False, created_at=NOW)
            await uow.commit()
        clock.advance(days=5)

        runs = await asyncio.gather(*(run_deadlines(p, clock()) for p in processes))

        assert sum(r.escalated for r in runs) == 5
        assert sum(r.reminded for r in runs) == 5
        sent = await w.outbox(processes[0])
        # Per report: the alert to the duty group and to Katarzyna, then her reminder; no twice.
        alerts = [(m.chat_id, m.payload["report_id"]) for m in sent if m.kind == "alert"]
        assert sorted(alerts) == sorted(
            (chat, report) for chat in (w.DUTY_GROUP, w.KASIA) for report in range(1, 6)
        )
        reminders = [m.payload["answer"]["args"]["reference"] for m in sent if m.kind == "answer"]
        assert sorted(reminders) == [f"KN-2026-00000{n}" for n in range(1, 6)]
        assert {m.chat_id for m in sent if m.kind == "answer"} == {w.KASIA}
