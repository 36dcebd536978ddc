"""Followers ("I see it too") cannot watch police work, abuse "Still happening", or hide.

Attacks: follow a report about drugs to be told "the officer is checking on site" (a tip-off);
press "Still happening" again and again, on one report or on many; act as a follower, knowing
the history named only "—" and /blokuj could reach only the reporter; and /blokuj A then
/odblokuj B, to learn from B's history whether two anonymous reports came from one person.
"""

from __future__ import annotations

from sqlalchemy import select, update

from bot.conversation import Command
from bot.services import Services
from db.models.people import User
from db.models.reports import AuditEvent, Report, ReportStatus
from tests.support import Resident
from tests.usecases.officers import world as w
from tests.usecases.officers.conftest import NOW


async def _people(services: Services, world: w.World) -> None:
    async with services.uow() as uow:
        await w.link(uow.session, world.jan, w.JAN, NOW)
        await w.link(uow.session, world.kasia, w.KASIA, NOW)
        await w.user(uow.session, w.RESIDENT, "pl")
        await w.user(uow.session, w.NEIGHBOUR, "uk")
        await w.user(uow.session, w.STRANGER, "pl")
        await uow.commit()


async def _report(
    services: Services, world: w.World, number: int, *, reporter: int | None = w.RESIDENT
) -> int:
    async with services.uow() as uow:
        owner = await w.user_by_telegram_id(uow.session, reporter) if reporter else None
        report = await w.report(uow.session, world.kon1, number=number, reporter=owner)
        neighbour = await w.user_by_telegram_id(uow.session, w.NEIGHBOUR)
        await w.follow(uow.session, report.id, neighbour.id)
        await uow.commit()
        return report.id


async def _close(services: Services, report_id: int) -> None:
    async with services.uow() as uow:
        await uow.session.execute(
            update(Report)
            .where(Report.id == report_id)
            .values(status=ReportStatus.ELIMINATED, closed_at=NOW)
        )
        await uow.commit()


async def _reopen(services: Services, telegram_id: int, report_id: int) -> str:
    outcome = await w.press(services, telegram_id, str(report_id), scope="ro")
    return outcome.answers[0].key


async def test_a_follower_hears_only_how_the_report_ended(
    officer_services: Services, world: w.World
) -> None:
    await _people(officer_services, world)
    rid = await _report(officer_services, world, 1)
    told: dict[int, list[str]] = {w.RESIDENT: [], w.NEIGHBOUR: []}
    for action in ("take", "verify", "confirm", "elim.sure"):
        before = await w.last_outbox_id(officer_services)
        await w.press(officer_services, w.JAN, f"{rid}.{action}")
        for row in await w.outbox(officer_services, before):
            if row.chat_id in told:
                told[row.chat_id].append(row.payload["answer"]["key"])
    assert told[w.RESIDENT] == [
        "officers-resident-taken",
        "officers-resident-verifying",
        "officers-resident-confirmed",
        "officers-resident-eliminated",
    ]
    assert told[w.NEIGHBOUR] == ["officers-resident-eliminated"]


async def test_still_happening_is_limited_per_report(
    officer_services: Services, world: w.World
) -> None:
    await _people(officer_services, world)
    rid = await _report(officer_services, world, 1)
    answers = []
    # Three reopens (by two people, so the daily limit of one person is not what stops it).
    for who in (w.RESIDENT, w.NEIGHBOUR, w.RESIDENT, w.NEIGHBOUR):
        await _close(officer_services, rid)
        answers.append(await _reopen(officer_services, who, rid))
    assert answers == ["officers-reopen-done"] * 3 + ["privacy-reopen-limit-report"]
    assert (await w.load_report(officer_services, rid)).status is ReportStatus.ELIMINATED


async def test_still_happening_is_limited_per_person_and_day(
    officer_services: Services, world: w.World
) -> None:
    await _people(officer_services, world)
    ids = [await _report(officer_services, world, n) for n in range(1, 6)]
    for rid in ids:
        await _close(officer_services, rid)
    answers = [await _reopen(officer_services, w.NEIGHBOUR, rid) for rid in ids[:4]]
    assert answers == ["officers-reopen-done"] * 3 + ["privacy-reopen-limit-user"]
    # The reporter of the fifth is someone else's limit: not affected.
    assert await _reopen(officer_services, w.RESIDENT, ids[4]) == "officers-reopen-done"
    officer_services.clock.advance(hours=24, seconds=1)  # type: ignore[attr-defined]
    assert await _reopen(officer_services, w.NEIGHBOUR, ids[3]) == "officers-reopen-done"


async def test_the_history_names_the_follower_who_acted_and_that_one_can_be_blocked(
    officer_services: Services, world: w.World
) -> None:
    await _people(officer_services, world)
    rid = await _report(officer_services, world, 1)
    await _close(officer_services, rid)
    assert await _reopen(officer_services, w.NEIGHBOUR, rid) == "officers-reopen-done"
    kasia = Resident(officer_services, w.KASIA)

    before = await w.last_outbox_id(officer_services)
    await kasia.send(Command("zgloszenie", "KN-2026-000001"))
    history = await w.shown_history(officer_services, before)
    assert "wznowione (mieszkaniec #1)" in history

    [answer] = await kasia.send(Command("blokuj", "KN-2026-000001 #1 nadużywa przycisku"))
    assert answer.key == "privacy-blocked-follower"
    [missing] = await kasia.send(Command("blokuj", "KN-2026-000001 #2"))
    assert missing.key == "privacy-ban-no-follower"
    async with officer_services.uow() as uow:
        rows = await uow.session.execute(select(User.external_id, User.blocked))
        blocked = {external_id: flag for external_id, flag in rows}
    assert blocked[str(w.NEIGHBOUR)] is True
    assert blocked[str(w.RESIDENT)] is False


async def test_block_then_unblock_through_another_report_links_nothing(
    officer_services: Services, world: w.World
) -> None:
    await _people(officer_services, world)
    # Zofia sent 1 and 2 anonymously; a stranger sent 3.
    await _report(officer_services, world, 1)
    await _report(officer_services, world, 2)
    await _report(officer_services, world, 3, reporter=w.STRANGER)
    kasia = Resident(officer_services, w.KASIA)
    await kasia.send(Command("blokuj", "KN-2026-000001"))

    [same_person] = await kasia.send(Command("odblokuj", "KN-2026-000002"))
    [other_person] = await kasia.send(Command("odblokuj", "KN-2026-000003"))

    assert same_person.key == other_person.key == "operations-unblocked"
    histories = []
    for number in (1, 2, 3):
        before = await w.last_outbox_id(officer_services)
        await kasia.send(Command("zgloszenie", f"KN-2026-00000{number}"))
        histories.append(await w.shown_history(officer_services, before))
    for history in histories:
        assert "zablokowany" not in history and "odblokowany" not in history
    async with officer_services.uow() as uow:
        rows = (
            await uow.session.execute(
                select(AuditEvent.action, AuditEvent.report_id, AuditEvent.data).where(
                    AuditEvent.action.in_(["user_blocked", "user_unblocked"])
                )
            )
        ).all()
    # Accountability stays in the trail, outside every report's history.
    assert [(a, r, d["reference"]) for a, r, d in rows] == [
        ("user_blocked", None, "KN-2026-000001"),
        ("user_unblocked", None, "KN-2026-000002"),
    ]
