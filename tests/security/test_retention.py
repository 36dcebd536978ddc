"""Nothing personal is kept for ever: open reports age out, places shrink, idle accounts go.

Attacks (what an IOD would find in a database years later): an open report nobody closed,
still linked to its reporter with the description and the exact point of someone's home; an
anonymised report whose exact point and house number still name that home; the account of
everyone who once pressed /start.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select, update

from bot.services import Services
from bot.usecases.operations.retention import run_retention
from bot.usecases.report.public import coarse_point
from db.models.conversation import Conversation
from db.models.people import RateMark, User
from db.models.reports import Report, ReportStatus
from tests.usecases.officers import world as w
from tests.usecases.officers.conftest import NOW


async def test_an_open_report_past_the_maximum_age_is_anonymised_too(
    officer_services: Services, world: w.World
) -> None:
    max_age = officer_services.config.privacy.report_max_age_days
    async with officer_services.uow() as uow:
        zofia = await w.user(uow.session, w.RESIDENT)
        old = await w.report(
            uow.session,
            world.kon1,
            number=1,
            reporter=zofia,
            point=False,
            created_at=NOW - timedelta(days=max_age, seconds=1),
        )
        old.house_number = 12
        younger = await w.report(
            uow.session, world.kon1, number=2, reporter=zofia, created_at=NOW - timedelta(days=30)
        )
        await uow.commit()
        ids = old.id, younger.id

    assert (await run_retention(officer_services, NOW)).reports == 1

    async with officer_services.uow() as uow:
        aged = await uow.session.get(Report, ids[0])
        kept = await uow.session.get(Report, ids[1])
        assert aged is not None and kept is not None
        # Still open for the officers, but nobody's any more, and only the street is left.
        assert aged.status is ReportStatus.NEW and aged.anonymised_at == NOW
        assert (aged.user_id, aged.description, aged.house_number) == (None, None, None)
        assert aged.address == "ul. Kolejowa, Konin"
        assert kept.anonymised_at is None and kept.user_id is not None


async def test_an_anonymised_point_keeps_only_its_grid_cell(
    officer_services: Services, world: w.World
) -> None:
    retention = officer_services.config.privacy.report_retention_days
    async with officer_services.uow() as uow:
        report = await w.report(uow.session, world.kon1, reporter=await w.user(uow.session, 1))
        report.status = ReportStatus.ELIMINATED
        report.closed_at = NOW - timedelta(days=retention, seconds=1)
        await uow.commit()
        report_id = report.id

    await run_retention(officer_services, NOW)

    async with officer_services.uow() as uow:
        row = await uow.session.get(Report, report_id)
        assert row is not None
        grid = officer_services.config.privacy.public_grid_m
        assert (row.lat, row.lon) == coarse_point(52.2275, 18.2614, grid)
        assert (row.lat, row.lon) != (52.2275, 18.2614)
        # A venue's title and address were the app's words about the place: gone.
        assert row.address is None


async def test_idle_residents_without_reports_or_roles_are_forgotten(
    officer_services: Services, world: w.World
) -> None:
    days = officer_services.config.privacy.user_retention_days
    long_ago = NOW - timedelta(days=days, seconds=1)
    async with officer_services.uow() as uow:
        session = uow.session
        idle = await w.user(session, 701)
        session.add(Conversation(user_id=idle.id, flow=None, draft={}))
        reporter = await w.user(session, 702)
        await w.report(session, world.kon1, reporter=reporter)
        follower = await w.user(session, 703)
        followed = await w.report(session, world.kon1, number=2)
        await w.follow(session, followed.id, follower.id)
        await w.link(session, world.jan, 704, NOW)
        recent = await w.user(session, 705)
        # A mark older than any limit counts: deleted, while its (recent) person stays.
        session.add(RateMark(user_id=recent.id, kind="duplicates", at=long_ago))
        await session.execute(update(User).values(last_seen_at=long_ago))
        await session.execute(
            update(User).where(User.id == recent.id).values(last_seen_at=NOW - timedelta(days=1))
        )
        await uow.commit()

    run = await run_retention(officer_services, NOW)

    assert (run.users, run.rate_marks) == (1, 1)
    async with officer_services.uow() as uow:
        left = set((await uow.session.scalars(select(User.external_id))).all())
        conversations = await uow.session.scalar(select(func.count()).select_from(Conversation))
    assert left == {"702", "703", "704", "705"}
    assert conversations == 0
