"""Never lost, never abused: resuming after a restart or days away, expiry, the daily limit."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.conversation import Command, Text
from bot.services import Services
from db.models.people import User
from db.models.reports import Report
from tests.support import Clock
from tests.usecases.report.conftest import build_services
from tests.usecases.report.story import Reporting, conversation, reports


async def test_a_resident_continues_after_the_bot_was_rebuilt(
    report_services: Services, report_engine: AsyncEngine, clock: Clock
) -> None:
    anna = Reporting(report_services, 5001)
    await anna.through_category()
    await anna.say("Kolejowa 12")
    await anna.press("when.now")
    assert anna.said() == ["report-description-question"]

    # A new process on the same database, two days later.
    clock.advance(days=2)
    again = Reporting(await build_services(report_engine, clock), 5001)
    await again.send(Command("start"))
    assert again.said() == ["home-resume-offer"]
    await again.press("continue")
    assert again.said() == ["report-description-question"]
    await again.say("Codziennie rano")
    await again.press("done")
    await again.press("anon.yes")
    assert "ul. Kolejowa 12, Konin" in again.text()
    await again.press("send")
    assert [r.description for r in await reports(report_services)] == ["Codziennie rano"]


async def test_discarding_the_unfinished_report(report_services: Services) -> None:
    anna = Reporting(report_services, 5002)
    await anna.through_category()
    await anna.send(Command("start"))
    await anna.press("discard")
    assert (await conversation(report_services, 5002)).flow is None


async def test_a_plain_message_days_later_gets_the_same_question(
    report_services: Services, clock: Clock
) -> None:
    anna = Reporting(report_services, 5003)
    await anna.through_category()
    clock.advance(days=6)
    await anna.say("Kolejowa 12")
    assert anna.said() == ["report-where-found", "report-when-question"]


async def test_a_draft_expires_after_seven_days(report_services: Services, clock: Clock) -> None:
    anna = Reporting(report_services, 5004)
    await anna.through_category()
    clock.advance(days=7, seconds=1)
    await anna.send(Text("Kolejowa 12"))
    assert anna.said()[0] == "home-draft-expired"
    stored = await conversation(report_services, 5004)
    # The old draft is gone; the address just typed is kept, with the offer to report there.
    assert stored.flow == "offer" and set(stored.draft) == {"place", "album"}


async def test_at_most_three_reports_a_day(report_services: Services, clock: Clock) -> None:
    anna = Reporting(report_services, 5005)
    for hour in range(3):
        await anna.full_report(f"Staszica {hour + 1}")
        assert anna.said() == ["report-sent"]
        clock.advance(hours=1)
    await anna.start_report()
    assert anna.said() == ["report-limit-reached"]
    # The first report was sent at 12:00 UTC = 13:00 in Konin; it leaves the window a day later.
    assert "28.11.2026 13:00" in anna.text() and "112" in anna.text()
    assert (await conversation(report_services, 5005)).flow is None

    clock.advance(hours=21, seconds=1)
    await anna.start_report()
    assert anna.said() == ["report-danger-question"]


async def test_the_limit_is_checked_again_on_send_and_the_draft_kept(
    report_services: Services, clock: Clock
) -> None:
    anna = Reporting(report_services, 5006)
    await anna.through_category()
    await anna.say("Kolejowa 12")
    await anna.press("when.now")
    await anna.press("skip")
    await anna.press("done")
    await anna.press("anon.yes")
    # Meanwhile three reports were stored for the same resident (e.g. a second device).
    async with report_services.uow() as uow:
        user = await uow.session.scalar(select(User).where(User.external_id == "5006"))
        assert user is not None
        for n in range(3):
            uow.session.add(
                Report(
                    reference=f"KN-2026-90000{n}",
                    category="parking",
                    location_source="address",
                    user_id=user.id,
                    created_at=clock() - timedelta(hours=n + 1),
                )
            )
        await uow.commit()
    summary = anna.last
    await anna.press("send")
    assert anna.said() == ["report-limit-reached-draft"]
    stored = await conversation(report_services, 5006)
    assert stored.step == "summary" and stored.draft["category"] == "parking"
    # The summary's buttons still work once the limit allows.
    clock.advance(hours=22)
    anna.last = summary
    await anna.press("send")
    assert anna.said() == ["report-sent"]


async def test_other_menus_do_not_silently_discard_an_unfinished_report(
    report_services: Services,
) -> None:
    anna = Reporting(report_services, 5011)
    await anna.through_category()
    await anna.say("Kolejowa 12")
    await anna.press("when.now")
    await anna.say("Auta na chodniku")

    # Help and the language choice keep the report as it is.
    await anna.send(Command("pomoc"))
    assert "home-resume-offer" not in anna.said()
    kept = await conversation(report_services, 5011)
    assert kept.flow == "report" and kept.draft["description"] == "Auta na chodniku"

    # "Mój dzielnicowy" answers the look-up; the report waits aside, and she is told so.
    await anna.send(Command("dzielnicowy"))
    assert anna.said() == ["lookup-ask", "report-parked"]
    assert "Nieprawidłowe parkowanie, ul. Kolejowa 12, Konin, z opisem" in anna.texts()[1]
    parked = await conversation(report_services, 5011)
    assert parked.flow == "lookup" and parked.parked is not None
    assert parked.parked["draft"]["description"] == "Auta na chodniku"

    # /start offers to finish it, naming what "delete" would throw away.
    await anna.send(Command("start"))
    assert anna.said() == ["home-resume-offer"]
    assert "Nieprawidłowe parkowanie, ul. Kolejowa 12, Konin, z opisem" in anna.text()
    await anna.press("continue")
    assert anna.said() == ["report-photos-question"]
    back = await conversation(report_services, 5011)
    assert back.flow == "report" and back.parked is None
