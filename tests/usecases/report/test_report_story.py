"""A resident reports a threat, step by step, through the router on a real SQLite database."""

from __future__ import annotations

from sqlalchemy import select

from bot.conversation import Command
from bot.services import Services
from db.models.directory import Officer
from db.models.people import Reporter
from db.models.reports import AuditEvent, ReportStatus
from tests.usecases.officers import world as officers_world
from tests.usecases.officers.conftest import NOW
from tests.usecases.report.story import (
    OPS_CHAT,
    Reporting,
    conversation,
    outbox,
    reports,
    stored_photos,
)


async def test_resident_reports_illegal_parking_at_a_typed_address(
    report_services: Services,
) -> None:
    anna = Reporting(report_services, 1001)

    await anna.start_report()
    assert anna.said() == ["report-danger-question"]
    # Emergency first: the very first question names 112.
    assert "112" in anna.text()

    await anna.press("danger.no")
    assert anna.said() == ["report-category-question"]
    assert anna.values() == [
        "grp.road",
        "grp.order",
        "grp.environment",
        "grp.water_rail",
        "grp.people",
        "cat.inne",
    ]

    await anna.press("grp.road")
    assert "Nieprawidłowe parkowanie" in str(anna.last[0].options)
    await anna.press("cat.parking")
    assert anna.said() == ["report-where-question"]
    assert anna.keyboard() == "reply"

    await anna.say("Kolejowa 12")
    assert anna.said() == ["report-where-found", "report-when-question"]
    assert "ul. Kolejowa 12, Konin" in anna.text()
    assert "Rejon 5" in anna.text()

    await anna.press("when.now")
    assert anna.said() == ["report-description-question"]
    await anna.say("Samochody stoją na chodniku & przejściu <codziennie>")
    assert anna.said() == ["report-photos-question"]
    await anna.press("done")
    assert anna.said() == ["report-anonymous-question"]
    await anna.press("anon.yes")
    assert anna.said() == ["report-summary"]
    summary = anna.text()
    assert "Nieprawidłowe parkowanie" in summary
    assert "&amp; przejściu &lt;codziennie&gt;" in summary
    assert "anonimowo" in summary

    await anna.press("send")
    assert anna.said() == ["report-sent"]
    assert "KN-2026-000001" in anna.text()
    assert "112" in anna.text()

    [report] = await reports(report_services)
    assert report.reference == "KN-2026-000001"
    assert report.status is ReportStatus.NEW
    assert report.category == "parking"
    assert report.location_source == "address"
    assert report.address == "ul. Kolejowa 12, Konin"
    assert report.street_key == "kolejowa" and report.house_number == 12
    assert report.district_id is not None
    assert report.occurred == {"kind": "now"}
    assert report.description == "Samochody stoją na chodniku & przejściu <codziennie>"
    assert report.anonymous is True and report.reporter_id is None
    async with report_services.uow() as uow:
        events = list(await uow.session.scalars(select(AuditEvent)))
        assert [(e.action, e.report_id, e.to_status) for e in events] == [
            ("report_created", report.id, "new")
        ]
        assert list(await uow.session.scalars(select(Reporter))) == []
    alerts = await outbox(report_services, "alert")
    assert [a["report_id"] for a in alerts] == [report.id]
    stored = await conversation(report_services, 1001)
    assert stored.flow is None and stored.draft == {}


async def test_someone_in_danger_gets_112_and_no_report(report_services: Services) -> None:
    anna = Reporting(report_services, 1002)
    await anna.start_report()
    await anna.press("danger.yes")
    assert anna.said() == ["report-emergency"]
    assert "112" in anna.text() and "997" in anna.text()
    assert (await conversation(report_services, 1002)).flow is None
    assert await reports(report_services) == []


async def test_reference_numbers_count_up_within_the_year(report_services: Services) -> None:
    first = Reporting(report_services, 1003)
    second = Reporting(report_services, 1004)
    await first.full_report("Kolejowa 12")
    await second.full_report("Staszica 3")
    assert [r.reference for r in await reports(report_services)] == [
        "KN-2026-000001",
        "KN-2026-000002",
    ]


async def test_alert_goes_to_the_ops_chat_fallback(report_services: Services) -> None:
    anna = Reporting(report_services, 1005)
    await anna.full_report()
    async with report_services.uow() as uow:
        from db.models.pipeline import OutboxMessage

        chats = list(
            await uow.session.scalars(
                select(OutboxMessage.chat_id).where(OutboxMessage.kind == "alert")
            )
        )
    assert chats == [OPS_CHAT]


async def test_the_promise_names_the_dzielnicowy_only_when_one_is_alerted(
    report_services: Services,
) -> None:
    """No linked officer: the fallback reads it ("policja"); once one is, "dzielnicowy"."""
    anna = Reporting(report_services, 1006)
    await anna.full_report("Kolejowa 12")
    assert [(a.key, a.args["by"]) for a in anna.last] == [("report-sent", "police")]
    assert "Co dalej: policja przeczyta je" in anna.text()

    async with report_services.uow() as uow:
        officer = await uow.session.scalar(select(Officer).where(Officer.code == "DZ-05"))
        assert officer is not None
        await officers_world.link(uow.session, officer.id, 5005, NOW)
        await uow.commit()
    bartek = Reporting(report_services, 1007)
    await bartek.full_report("Kolejowa 12")
    assert [(a.key, a.args["by"]) for a in bartek.last] == [("report-sent", "district")]
    assert "Co dalej: dzielnicowy Twojego rejonu przeczyta je" in bartek.text()


async def test_photos_are_stored_without_metadata(report_services: Services) -> None:
    from tests.usecases.report.story import jpeg_with_gps

    anna = Reporting(report_services, 1006)
    await anna.through_category()
    await anna.say("Kolejowa 12")
    await anna.press("when.now")
    await anna.press("skip")
    await anna.photo(jpeg_with_gps(3000, 2000))
    assert anna.said() == ["report-photo-added"]
    await anna.photo(jpeg_with_gps())
    await anna.press("done")
    await anna.press("anon.yes")
    await anna.press("send")
    assert anna.said() == ["report-sent"]
    photos = await stored_photos(report_services)
    assert [p.position for p in photos] == [1, 2]
    import hashlib
    import io

    from PIL import Image

    for photo in photos:
        with Image.open(io.BytesIO(photo.content)) as image:
            assert dict(image.getexif()) == {}
            assert "exif" not in image.info
            assert max(image.size) <= 2560
        assert hashlib.sha256(photo.content).hexdigest() == photo.sha256
    assert (photos[0].width, photos[0].height) == (2560, 1707)


async def test_start_during_a_report_offers_to_continue(report_services: Services) -> None:
    anna = Reporting(report_services, 1007)
    await anna.through_category()
    await anna.send(Command("start"))
    assert anna.said() == ["home-resume-offer"]
