"""Storing reports on both databases (SQLite and PostgreSQL): references, duplicates, photos."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.services import Services
from bot.usecases.report.submit import next_reference, store_with_reference
from db.models.people import Reporter
from db.models.reports import Report
from db.repositories.directory_import import import_folder
from tests.support import Clock
from tests.usecases.report.conftest import build_services
from tests.usecases.report.story import (
    CITY_CENTRE,
    Reporting,
    jpeg_with_gps,
    reports,
    rows,
    stored_photos,
)


@pytest.fixture
async def both_services(engine: AsyncEngine, clock: Clock) -> Services:
    """Services with the Konin sample on SQLite, then on PostgreSQL."""
    services = await build_services(engine, clock)
    async with services.uow() as uow:
        await import_folder(uow.session, "data/konin")
        await uow.commit()
    return services


async def test_a_report_with_a_photo_and_a_confirmation(both_services: Services) -> None:
    anna = Reporting(both_services, 8001, display_name="Anna Kowalska")
    await anna.through_category()
    await anna.share(CITY_CENTRE)
    await anna.press("when.now")
    await anna.say("Auta na trawniku")
    await anna.photo(jpeg_with_gps())
    await anna.press("done")
    await anna.press("anon.no")
    await anna.say("Bez telefonu")
    await anna.press("send")
    assert anna.said() == ["report-sent"]

    bogdan = Reporting(both_services, 8002)
    await bogdan.through_category()
    await bogdan.share((CITY_CENTRE[0] + 0.0005, CITY_CENTRE[1]))
    [report] = await reports(both_services)
    await bogdan.press(f"same.{report.id}")
    assert bogdan.said() == ["report-confirmed"]

    assert report.reference == "KN-2026-000001" and report.reporter_id is not None
    assert [p.width for p in await stored_photos(both_services)] == [800]
    # Sent "with my details": the officer will see her name (and no phone: none was shared).
    [(name, phone)] = await rows(
        both_services,
        select(Reporter.display_name, Reporter.phone).where(Reporter.id == report.reporter_id),
    )
    assert (name, phone) == ("Anna Kowalska", None)


async def test_reference_numbers_stay_unique_when_two_reports_are_stored_at_once(
    both_services: Services,
) -> None:
    created = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
    first_stored = asyncio.Event()

    async def store(delay_commit: bool) -> str:
        async with both_services.uow() as uow:
            report = Report(
                reference="", category="parking", location_source="point", created_at=created
            )
            if not delay_commit:
                # Start once the other transaction holds its (uncommitted) number.
                await first_stored.wait()
            await store_with_reference(uow.session, report, "KN", 2026)
            if delay_commit:
                first_stored.set()
                # Keep the number uncommitted while the other transaction looks for one.
                await asyncio.sleep(0.3)
            await uow.commit()
            return report.reference

    references = await asyncio.gather(store(True), store(False))
    assert sorted(references) == ["KN-2026-000001", "KN-2026-000002"]
    async with both_services.uow() as uow:
        assert await next_reference(uow.session, "KN", 2026) == "KN-2026-000003"
        assert await next_reference(uow.session, "KN", 2027) == "KN-2027-000001"


async def test_the_millionth_report_of_a_year_gets_a_seventh_digit(
    both_services: Services,
) -> None:
    async with both_services.uow() as uow:
        for reference in ("KN-2026-999999", "KN-2026-1000000"):
            uow.session.add(
                Report(reference=reference, category="parking", location_source="point")
            )
        await uow.commit()
    async with both_services.uow() as uow:
        assert await next_reference(uow.session, "KN", 2026) == "KN-2026-1000001"
