"""Before a new report: similar open reports nearby, and "I see it too" instead of a duplicate."""

from __future__ import annotations

from sqlalchemy import select, update

from bot.conversation import Choice, Location
from bot.services import Services
from db.models.reports import AuditEvent, Report, ReportFollower, ReportStatus
from tests.support import Clock
from tests.usecases.report.story import (
    CITY_CENTRE,
    Reporting,
    conversation,
    outbox,
    reports,
    rows,
)

# About 110 m and about 440 m north of the city centre point (both in the same district).
NEAR = (CITY_CENTRE[0] + 0.001, CITY_CENTRE[1])
FARTHER = (CITY_CENTRE[0] + 0.004, CITY_CENTRE[1])


async def report_at(services: Services, user_id: int, point: tuple[float, float]) -> None:
    """Another resident reports illegal parking at a shared point."""
    other = Reporting(services, user_id)
    await other.through_category()
    await other.share(point)
    await other.press("when.now")
    await other.press("skip")
    await other.press("done")
    await other.press("anon.yes")
    await other.press("send")
    assert other.said() == ["report-sent"]


async def test_a_neighbour_sees_the_report_nearby_and_confirms_it(
    report_services: Services,
) -> None:
    await report_at(report_services, 4001, CITY_CENTRE)
    [first] = await reports(report_services)

    neighbour = Reporting(report_services, 4002)
    await neighbour.through_category()
    await neighbour.share(NEAR)
    assert neighbour.said() == ["report-where-found", "report-duplicates"]
    shown = neighbour.text()
    assert "Nieprawidłowe parkowanie" in shown
    # Never a distance: a few pins and distances would locate the other reporter.
    assert "niedaleko" in shown and " m stąd" not in shown
    assert "dziś" in shown and "status: nowe" in shown
    assert neighbour.values() == [f"same.{first.id}", "new"]

    await neighbour.press(f"same.{first.id}")
    assert neighbour.said() == ["report-confirmed"]
    assert first.reference in neighbour.text()

    assert [r.id for r in await reports(report_services)] == [first.id]
    followers = await rows(
        report_services, select(ReportFollower.report_id, ReportFollower.user_id)
    )
    confirmations = await rows(
        report_services,
        select(AuditEvent.report_id, AuditEvent.actor_user_id).where(
            AuditEvent.action == "resident_confirmed"
        ),
    )
    assert [report_id for report_id, _ in followers] == [first.id]
    assert confirmations == followers
    # The officers' alert is edited to show the new count.
    assert [p["report_id"] for p in await outbox(report_services, "alert_edit")] == [first.id]
    assert (await conversation(report_services, 4002)).flow is None


async def test_confirming_twice_counts_once(report_services: Services) -> None:
    await report_at(report_services, 4003, CITY_CENTRE)
    [first] = await reports(report_services)
    neighbour = Reporting(report_services, 4004)
    for expected in ("report-confirmed", "report-confirmed-already"):
        await neighbour.through_category()
        await neighbour.share(NEAR)
        await neighbour.press(f"same.{first.id}")
        assert neighbour.said() == [expected]
    assert len(await rows(report_services, select(ReportFollower.id))) == 1


async def test_it_is_something_else_goes_on_with_the_report(
    report_services: Services, clock: Clock
) -> None:
    await report_at(report_services, 4005, CITY_CENTRE)
    clock.advance(days=1)
    neighbour = Reporting(report_services, 4006)
    await neighbour.through_category()
    await neighbour.share(NEAR)
    assert "wczoraj, status: nowe" in neighbour.text()
    await neighbour.press("new")
    assert neighbour.said() == ["report-when-question"]


async def test_only_open_recent_close_reports_of_the_same_category_are_shown(
    report_services: Services, clock: Clock
) -> None:
    await report_at(report_services, 4007, CITY_CENTRE)
    neighbour = Reporting(report_services, 4008)

    # Farther than 250 m.
    await neighbour.through_category()
    await neighbour.share(FARTHER)
    assert neighbour.said() == ["report-where-found", "report-when-question"]

    # Another category at the same point.
    await neighbour.through_category("order", "vandalism")
    await neighbour.send(Location(*NEAR))
    assert "report-duplicates" not in neighbour.said()

    # The reporter's own report is in "My reports", not offered to confirm.
    owner = Reporting(report_services, 4007)
    await owner.through_category()
    await owner.share(NEAR)
    assert "report-duplicates" not in owner.said()

    # Closed reports, and reports older than 30 days, are not shown.
    async with report_services.uow() as uow:
        await uow.session.execute(update(Report).values(status=ReportStatus.NOT_CONFIRMED))
        await uow.commit()
    await neighbour.through_category()
    await neighbour.share(NEAR)
    assert "report-duplicates" not in neighbour.said()
    async with report_services.uow() as uow:
        await uow.session.execute(update(Report).values(status=ReportStatus.NEW))
        await uow.commit()
    clock.advance(days=31)
    await neighbour.through_category()
    await neighbour.share(NEAR)
    assert "report-duplicates" not in neighbour.said()


async def test_typed_addresses_match_on_the_same_street_within_ten_numbers(
    report_services: Services,
) -> None:
    first = Reporting(report_services, 4009)
    await first.full_report("Kolejowa 11")
    neighbour = Reporting(report_services, 4010)
    await neighbour.through_category()
    await neighbour.say("Kolejowa 21")
    assert neighbour.said() == ["report-where-found", "report-duplicates"]
    assert "ta sama ulica" in neighbour.text()
    await neighbour.through_category()
    await neighbour.say("Kolejowa 23")
    assert "report-duplicates" not in neighbour.said()


async def test_a_forged_report_id_cannot_be_confirmed(report_services: Services) -> None:
    await report_at(report_services, 4011, CITY_CENTRE)
    neighbour = Reporting(report_services, 4012)
    await neighbour.through_category()
    await neighbour.share(NEAR)
    version = (await conversation(report_services, 4012)).version
    await neighbour.send(Choice("same.999", version=version, scope="rp"))
    assert neighbour.said() == ["button-expired", "report-duplicates"]
    assert await rows(report_services, select(ReportFollower.id)) == []
