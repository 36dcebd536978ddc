"""An export is a file that travels: by default it holds no resident's text and no exact place.

Attack: the default `reports export` (mailed around for KMZB entry) carried every description
("my neighbour Jan K. at no. 12 deals drugs") and every exact point. Now only
`--with-personal-data` does, and that export is audited with who ran it.
"""

from __future__ import annotations

import csv
import io
from datetime import timedelta

from sqlalchemy import select

from bot.services import Services
from bot.usecases.export import export_reports
from bot.usecases.report.categories import categories
from bot.usecases.report.public import coarse_point
from db.models.reports import AuditEvent
from tests.usecases.report.story import CITY_CENTRE, Reporting

SECRET = "Sąsiad Jan K. spod 12 handluje"


async def _export(services: Services, personal: bool) -> list[dict[str, str]]:
    async with services.uow() as uow:
        result = await export_reports(
            uow.session,
            categories(services),
            since=services.clock() - timedelta(days=1),
            fmt="csv",
            with_personal_data=personal,
            actor="cli:inspektor",
        )
        await uow.commit()
    return list(csv.DictReader(io.StringIO(result.content)))


async def test_the_default_export_has_no_text_and_no_exact_place(
    report_services: Services,
) -> None:
    anna = Reporting(report_services, 8101)
    await anna.through_category()
    await anna.share(CITY_CENTRE)
    await anna.press("when.now")
    await anna.say(SECRET)
    await anna.press("done")
    await anna.press("anon.yes")
    await anna.press("send")

    [row] = await _export(report_services, personal=False)
    flat = " ".join(row.values())
    assert "Jan K." not in flat and "description" not in row
    grid = report_services.config.privacy.public_grid_m
    assert (float(row["lat"]), float(row["lon"])) == coarse_point(*CITY_CENTRE, grid)
    assert str(CITY_CENTRE[0]) not in flat and row["precision"] == "cell"
    async with report_services.uow() as uow:
        assert (await uow.session.scalars(select(AuditEvent.action))).all() == ["report_created"]

    [full] = await _export(report_services, personal=True)
    assert full["description"] == SECRET
    assert (float(full["lat"]), float(full["lon"]), full["precision"]) == (*CITY_CENTRE, "exact")
    async with report_services.uow() as uow:
        audit = (
            await uow.session.execute(
                select(AuditEvent.note, AuditEvent.data).where(
                    AuditEvent.action == "export_personal_data"
                )
            )
        ).one()
    assert audit.note == "cli:inspektor" and audit.data["count"] == 1
