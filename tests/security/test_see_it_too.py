""" "I see it too" tells nothing about where another resident stood.

Attack: an anonymous resident reports at a point; someone else shares pins around it (three
used to be enough: the answer gave "138 m", "92 m", "61 m") and locates the reporter's point to
under a metre, without ever sending a report. Also: probe a sensitive category (drugs) to
learn where such reports are; probe many times a day.
"""

from __future__ import annotations

import re

from sqlalchemy import select

from bot.services import Services
from bot.usecases.places import place_from_point
from bot.usecases.report.duplicates import find_duplicates
from bot.usecases.report.public import coarse_point
from db.models.reports import Report
from tests.usecases.report.story import CITY_CENTRE, Reporting, reports

# Two exact points 30 m apart, in one 200 m grid cell, and probes all around them.
CELL = coarse_point(*CITY_CENTRE, 200)
FIRST = (CELL[0] + 0.0001, CELL[1] - 0.0002)
SECOND = (CELL[0] - 0.00015, CELL[1] + 0.0001)
PROBES = [
    (CELL[0] + dy * 0.0009, CELL[1] + dx * 0.0014) for dy in range(-4, 5) for dx in range(-4, 5)
]


async def report_at(
    services: Services, user_id: int, point: tuple[float, float], code: str, group: str = "road"
) -> None:
    """Report anonymously at a shared point."""
    resident = Reporting(services, user_id)
    await resident.through_category(group, code)
    await resident.share(point)
    if "report-duplicates" in resident.said():
        await resident.press("new")
    await resident.press("when.now")
    await resident.press("skip")
    await resident.press("done")
    await resident.press("anon.yes")
    await resident.press("send")
    assert resident.said() == ["report-sent"]


async def probe(services: Services, category: str) -> list[bool]:
    """Ask, for every probe pin, whether a similar report is "close by" (as the flow does)."""
    answers = []
    async with services.uow() as uow:
        for point in PROBES:
            lookup = place_from_point(services, *point)
            assert lookup.place is not None
            found = await find_duplicates(
                uow.session, services.config, category, lookup.place, services.clock(), 999
            )
            answers.append(bool(found))
    return answers


async def test_pins_around_a_report_learn_only_its_grid_cell(report_services: Services) -> None:
    await report_at(report_services, 8001, FIRST, "parking")
    await report_at(report_services, 8002, SECOND, "speeding")
    # The exact points are the police's; the public side holds the same cell for both.
    async with report_services.uow() as uow:
        rows = (await uow.session.execute(select(Report.public_lat, Report.public_lon))).all()
    assert [tuple(r) for r in rows] == [CELL, CELL]

    around_first = await probe(report_services, "parking")
    around_second = await probe(report_services, "speeding")

    # Some probes say "close by", some do not, and not one answer tells the two points apart.
    assert any(around_first) and not all(around_first)
    assert around_first == around_second


async def test_no_answer_shows_a_distance(report_services: Services) -> None:
    await report_at(report_services, 8003, FIRST, "parking")
    prober = Reporting(report_services, 8004)
    await prober.through_category()
    await prober.share(SECOND)
    assert prober.said() == ["report-where-found", "report-duplicates"]
    shown = prober.text()
    assert "niedaleko" in shown
    assert not re.search(r"\d\s*(m|km|metr)", shown.split("status:")[0].split("—", 1)[1])


async def test_a_sensitive_category_never_shows_similar_reports(report_services: Services) -> None:
    await report_at(report_services, 8005, FIRST, "drugs", group="order")
    prober = Reporting(report_services, 8006)
    await prober.through_category("order", "drugs")
    await prober.share(FIRST)
    assert prober.said() == ["report-where-found", "report-when-question"]
    assert await probe(report_services, "drugs") == [False] * len(PROBES)


async def test_searching_for_similar_reports_is_limited_per_day(
    report_services: Services,
) -> None:
    await report_at(report_services, 8007, FIRST, "parking")
    limit = report_services.config.privacy.duplicate_lookups_per_day
    prober = Reporting(report_services, 8008)
    seen = []
    for _ in range(limit + 2):
        await prober.through_category()
        await prober.share(SECOND)
        seen.append("report-duplicates" in prober.said())
    # Past the limit the report simply goes on as a new one: nothing to probe with.
    assert seen == [True] * limit + [False, False]
    assert len(await reports(report_services)) == 1
    report_services.clock.advance(hours=24, seconds=1)  # type: ignore[attr-defined]
    await prober.through_category()
    await prober.share(SECOND)
    assert "report-duplicates" in prober.said()
