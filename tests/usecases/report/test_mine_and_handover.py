"""My reports, "report a threat here" from the officer's card, and edited messages."""

from __future__ import annotations

from sqlalchemy import select, update

from bot.conversation import Choice, Command, Text
from bot.services import Services
from bot.turn import Turn
from bot.usecases.places import place_from_text
from bot.usecases.report.edits import answer_edited
from bot.usecases.router import router_of
from db.models.conversation import Conversation
from db.models.people import User
from db.models.reports import AuditEvent, Report, ReportStatus
from db.repositories.users import ensure_user
from tests.usecases.report.story import Reporting, conversation, reports


async def test_my_reports_list_and_history(report_services: Services) -> None:
    anna = Reporting(report_services, 7001)
    await anna.send(Command("moje"))
    assert anna.said() == ["mine-empty"]
    assert anna.values() == ["report"]

    await anna.full_report("Kolejowa 12")
    # The confirmation offers "My reports" (a main-menu button).
    await anna.press("mine")
    assert anna.said() == ["mine-list"]
    await anna.full_report("Staszica 3")
    [first, second] = await reports(report_services)
    # An officer takes the first report (the officers' feature records it like this).
    async with report_services.uow() as uow:
        await uow.session.execute(
            update(Report).where(Report.id == first.id).values(status=ReportStatus.TAKEN)
        )
        uow.session.add(
            AuditEvent(
                action="status_changed",
                report_id=first.id,
                from_status="new",
                to_status="taken",
                at=report_services.clock(),
            )
        )
        await uow.commit()

    await anna.send(Command("my"))
    assert anna.said() == ["mine-list"]
    assert anna.labels() == [
        "KN-2026-000002 · 27.11 · nowe",
        "KN-2026-000001 · 27.11 · przyjęte",
    ]
    await anna.press(f"r.{first.id}")
    assert anna.said() == ["mine-report"]
    history = anna.text()
    assert "KN-2026-000001" in history and "ul. Kolejowa 12, Konin" in history
    assert "27.11.2026 13:00 — wysłane" in history
    assert "27.11.2026 13:00 — przyjęte" in history

    # Another resident's report cannot be opened with forged data.
    bogdan = Reporting(report_services, 7002)
    await bogdan.send(Choice(f"r.{second.id}", version=0, scope="my"))
    assert bogdan.said() == ["button-expired", "mine-empty"]


async def test_my_reports_does_not_disturb_an_unfinished_report(
    report_services: Services,
) -> None:
    anna = Reporting(report_services, 7003)
    await anna.through_category()
    await anna.send(Command("moje"))
    await anna.say("Kolejowa 12")
    assert anna.said() == ["report-where-found", "report-when-question"]


async def test_report_a_threat_here_from_the_officer_card(report_services: Services) -> None:
    anna = Reporting(report_services, 7004)
    await anna.send(Command("start"))
    place = place_from_text(report_services, "Staszica 3").place
    assert place is not None
    # The lookup flow left the resolved place in its draft and showed "report a threat here".
    async with report_services.uow() as uow:
        user = await uow.session.scalar(select(User).where(User.external_id == "7004"))
        assert user is not None
        row = await uow.session.get(Conversation, user.id)
        assert row is not None
        row.flow, row.step, row.draft, row.version = (
            "lookup",
            "card",
            {"place": place.to_json()},
            41,
        )
        await uow.commit()

    await anna.send(Choice("here", version=41, scope="rp"))
    assert anna.said() == ["report-danger-question"]
    await anna.press("danger.no")
    await anna.press("grp.road")
    await anna.press("cat.speeding")
    # "Where" is already answered.
    assert anna.said() == ["report-when-question"]
    assert (await conversation(report_services, 7004)).draft["place"]["address"] == (
        "ul. Staszica 3, Konin"
    )


async def test_a_stale_report_here_button_expires(report_services: Services) -> None:
    anna = Reporting(report_services, 7005)
    await anna.send(Command("start"))
    await anna.send(Choice("here", version=3, scope="rp"))
    assert anna.said() == ["button-expired", "report-not-open"]


async def test_an_edited_message_changes_nothing_in_a_report(report_services: Services) -> None:
    anna = Reporting(report_services, 7006)
    await anna.through_category()
    await anna.say("Kolejowa 12")
    services = report_services
    async with services.uow() as uow:
        user = await ensure_user(uow.session, "telegram", "7006", 7006)
        turn = Turn(user, Text("Staszica 3"), "pl", "pl", services.clock())
        answers = await answer_edited(uow, turn, services, router_of(services))
        await uow.commit()
    assert [a.key for a in answers] == ["report-edited", "report-when-question"]
    draft = (await conversation(services, 7006)).draft
    assert draft["place"]["address"] == "ul. Kolejowa 12, Konin"
