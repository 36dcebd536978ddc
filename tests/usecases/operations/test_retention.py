"""Retention as the privacy notice promises it, run by the job with a controllable clock."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from bot.conversation import Choice, Command
from bot.services import Services
from bot.usecases.operations.retention import run_retention
from bot.usecases.report.public import coarse_point
from db.models.conversation import Conversation
from db.models.people import Reporter
from db.models.pipeline import InboxStatus, InboxUpdate, OutboxMessage, OutboxStatus
from db.models.reports import AlertMessage, Report, ReportFollower, ReportPhoto, ReportStatus
from db.repositories.conversations import load_conversation
from tests.support import Resident
from tests.usecases.officers import world as w
from tests.usecases.officers.conftest import NOW
from tests.usecases.operations.conftest import actions, clock_of


async def count(services: Services, model: type[object]) -> int:
    async with services.uow() as uow:
        return int(await uow.session.scalar(select(func.count()).select_from(model)) or 0)


async def test_a_draft_left_unfinished_is_discarded_even_if_the_person_never_writes_again(
    officer_services: Services, world: w.World
) -> None:
    zofia = Resident(officer_services, w.RESIDENT)
    await zofia.send(Command("zglos"))
    async with officer_services.uow() as uow:
        user_id = (await w.user_by_telegram_id(uow.session, w.RESIDENT)).id
        started = await load_conversation(uow.session, user_id)
        assert started.flow == "report" and started.expires_at is not None
        version, expires = started.version, started.expires_at
    clock = clock_of(officer_services)

    clock.now = expires - timedelta(seconds=1)
    assert (await run_retention(officer_services, clock())).drafts == 0
    clock.now = expires
    assert (await run_retention(officer_services, clock())).drafts == 1

    async with officer_services.uow() as uow:
        conversation = await uow.session.get(Conversation, user_id)
        assert conversation is not None
        assert (conversation.flow, conversation.step, conversation.draft) == (None, None, {})
        assert conversation.version == version + 1 and conversation.expires_at is None
    # Her old buttons are expired now; she is simply back at the menu.
    answers = await zofia.send(Choice("danger.no", version, "rp"))
    assert answers[0].key == "button-expired"


async def test_failed_updates_are_deleted_after_the_inbox_retention_and_pending_ones_never(
    officer_services: Services, world: w.World
) -> None:
    hours = officer_services.config.pipeline.inbox_retention_hours
    old = NOW - timedelta(hours=hours, seconds=1)
    async with officer_services.uow() as uow:
        for update_id, status, received in (
            (1, InboxStatus.FAILED, old),
            (2, InboxStatus.FAILED, NOW - timedelta(hours=hours - 1)),
            (3, InboxStatus.PENDING, old),
        ):
            uow.session.add(
                InboxUpdate(
                    update_id=update_id,
                    chat_id=w.RESIDENT,
                    payload={"update_id": update_id, "message": {"text": "mój numer 600100200"}},
                    status=status,
                    received_at=received,
                )
            )
        await uow.commit()

    run = await run_retention(officer_services, NOW)

    assert run.inbox == 1
    async with officer_services.uow() as uow:
        left = await uow.session.scalars(select(InboxUpdate.update_id).order_by(InboxUpdate.id))
        assert left.all() == [2, 3]


async def test_finished_outgoing_messages_are_deleted_after_30_days_except_alerts_edited_later(
    officer_services: Services, world: w.World
) -> None:
    old = NOW - timedelta(days=30, seconds=1)
    async with officer_services.uow() as uow:
        report = await w.report(uow.session, world.kon1, point=False)
        rows = {
            status: OutboxMessage(
                chat_id=w.RESIDENT, kind="answer", payload={}, status=status, created_at=old
            )
            for status in OutboxStatus
        }
        alert = OutboxMessage(
            chat_id=w.JAN,
            kind="alert",
            payload={"report_id": report.id},
            status=OutboxStatus.SENT,
            created_at=old,
        )
        recent = OutboxMessage(
            chat_id=w.RESIDENT,
            kind="answer",
            payload={},
            status=OutboxStatus.SENT,
            created_at=NOW - timedelta(days=29),
        )
        uow.session.add_all([*rows.values(), alert, recent])
        await uow.session.flush()
        uow.session.add(AlertMessage(report_id=report.id, chat_id=w.JAN, outbox_id=alert.id))
        await uow.commit()
        kept = {rows[OutboxStatus.PENDING].id, rows[OutboxStatus.SENDING].id, alert.id, recent.id}

    run = await run_retention(officer_services, NOW)

    # Every finished state (sent, failed, undeliverable, dismissed) but the edited alert.
    assert run.outbox == len(rows) - 2
    async with officer_services.uow() as uow:
        assert set((await uow.session.scalars(select(OutboxMessage.id))).all()) == kept


async def test_a_report_closed_a_year_ago_is_anonymised_and_kept_for_statistics(
    officer_services: Services, world: w.World
) -> None:
    retention = officer_services.config.privacy.report_retention_days
    closed_at = NOW - timedelta(days=retention, seconds=1)
    async with officer_services.uow() as uow:
        zofia = await w.user(uow.session, w.RESIDENT)
        neighbour = await w.user(uow.session, w.NEIGHBOUR)
        old = await w.report(
            uow.session,
            world.kon1,
            number=1,
            reporter=zofia,
            anonymous=False,
            phone="+48 600 100 200",
            consent_at=NOW,
            photos=2,
            created_at=closed_at - timedelta(days=10),
        )
        old.status, old.closed_at = ReportStatus.ELIMINATED, closed_at
        old.category_other = "Sąsiad Jan K. hałasuje"
        await w.follow(uow.session, old.id, neighbour.id)
        recent = await w.report(uow.session, world.kon1, number=2, reporter=zofia, photos=1)
        recent.status, recent.closed_at = ReportStatus.NOT_CONFIRMED, NOW - timedelta(days=1)
        open_old = await w.report(
            uow.session, world.kon1, number=3, reporter=zofia, created_at=closed_at
        )
        await uow.commit()
        ids = old.id, recent.id, open_old.id

    run = await run_retention(officer_services, NOW)

    assert run.reports == 1
    async with officer_services.uow() as uow:
        anonymised = await uow.session.get(Report, ids[0])
        assert anonymised is not None
        assert (
            anonymised.user_id,
            anonymised.reporter_id,
            anonymised.description,
            anonymised.category_other,
        ) == (None, None, None, None)
        assert anonymised.anonymised_at == NOW
        # What statistics need stays; the place only in its public form (a shared point: the
        # centre of its grid cell, and no venue text).
        assert anonymised.category == "dzikie_wysypisko"
        cell = coarse_point(52.2275, 18.2614, officer_services.config.privacy.public_grid_m)
        assert (anonymised.lat, anonymised.lon, anonymised.address) == (*cell, None)
        assert anonymised.status is ReportStatus.ELIMINATED
        assert anonymised.closed_at == closed_at
        photos = await uow.session.scalars(select(ReportPhoto.report_id))
        assert photos.all() == [ids[1]]
        assert (await uow.session.scalars(select(ReportFollower))).all() == []
        assert (await uow.session.scalars(select(Reporter))).all() == []
        for kept in ids[1:]:
            report = await uow.session.get(Report, kept)
            assert report is not None and report.user_id is not None
            assert report.anonymised_at is None and report.description is not None
    assert await actions(officer_services, ids[0]) == ["report_anonymised"]
    [event] = await w.audit(officer_services, ids[0])
    assert event.data == {"photos": 2, "followers": 1, "reporter": True}

    # Done once: the next run finds nothing.
    assert (await run_retention(officer_services, NOW + timedelta(hours=1))).reports == 0
    assert await count(officer_services, ReportPhoto) == 1
