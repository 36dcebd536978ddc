"""A submitted report's alert goes to the district's officers, or to the station's fallback."""

from __future__ import annotations

from sqlalchemy import select

from bot.services import Services
from bot.usecases.alerts import notify_confirmation, queue_new_report_alerts
from db.models.pipeline import OutboxMessage
from db.models.reports import AlertMessage, Report
from tests.support import view_payload
from tests.usecases.officers import world as w
from tests.usecases.officers.conftest import NOW


async def _submit(services: Services, district_id: int | None, **kwargs: object) -> int:
    async with services.uow() as uow:
        report = await w.report(uow.session, district_id, **kwargs)  # type: ignore[arg-type]
        await queue_new_report_alerts(uow, services, report)
        await uow.commit()
        return report.id


async def _outbox(services: Services) -> list[tuple[int, str, dict[str, object]]]:
    async with services.uow() as uow:
        rows = await uow.session.scalars(select(OutboxMessage).order_by(OutboxMessage.id))
        return [
            (r.chat_id, r.kind, await view_payload(uow.session, r.kind, r.payload))
            for r in rows.all()
        ]


async def test_alert_with_pin_and_photos_goes_to_the_districts_linked_officer(
    officer_services: Services, world: w.World
) -> None:
    async with officer_services.uow() as uow:
        await w.link(uow.session, world.jan, w.JAN, NOW)
        await w.link(uow.session, world.anna, w.ANNA, NOW)
        await uow.commit()

    report_id = await _submit(officer_services, world.kon1, photos=2)

    assert await _outbox(officer_services) == [
        (w.JAN, "alert", {"report_id": report_id, "reason": None, "lang": "pl"}),
        (w.JAN, "location", {"report_id": report_id, "lang": "pl"}),
        (w.JAN, "photos", {"report_id": report_id, "lang": "pl"}),
    ]
    async with officer_services.uow() as uow:
        alerts = (await uow.session.scalars(select(AlertMessage))).all()
        assert [(a.report_id, a.chat_id, a.officer_id) for a in alerts] == [
            (report_id, w.JAN, world.jan)
        ]
        assert alerts[0].outbox_id is not None


async def test_typed_address_without_photos_sends_the_text_alone(
    officer_services: Services, world: w.World
) -> None:
    async with officer_services.uow() as uow:
        await w.link(uow.session, world.jan, w.JAN, NOW)
        await uow.commit()

    report_id = await _submit(officer_services, world.kon1, point=False)

    assert await _outbox(officer_services) == [
        (w.JAN, "alert", {"report_id": report_id, "reason": None, "lang": "pl"})
    ]


async def test_district_without_linked_officer_alerts_duty_group_and_coordinator_with_reason(
    officer_services: Services, world: w.World
) -> None:
    async with officer_services.uow() as uow:
        await w.link(uow.session, world.kasia, w.KASIA, NOW)
        await w.duty_group(uow.session, world.station)
        await uow.commit()

    report_id = await _submit(officer_services, world.kon1, point=False)

    payload = {"report_id": report_id, "reason": "not_linked", "lang": "pl"}
    assert await _outbox(officer_services) == [
        (w.DUTY_GROUP, "alert", payload),
        (w.KASIA, "alert", payload),
    ]


async def test_officer_who_blocked_the_bot_counts_as_unreachable(
    officer_services: Services, world: w.World
) -> None:
    async with officer_services.uow() as uow:
        jan = await w.link(uow.session, world.jan, w.JAN, NOW)
        jan.undeliverable = True
        await w.duty_group(uow.session, world.station)
        await uow.commit()

    report_id = await _submit(officer_services, world.kon1, point=False)

    assert await _outbox(officer_services) == [
        (w.DUTY_GROUP, "alert", {"report_id": report_id, "reason": "unreachable", "lang": "pl"})
    ]


async def test_nobody_at_the_station_leaves_the_ops_chat_as_the_last_resort(
    officer_services: Services, world: w.World
) -> None:
    report_id = await _submit(officer_services, world.kon2, point=False)

    assert await _outbox(officer_services) == [
        (w.OPS_CHAT, "alert", {"report_id": report_id, "reason": "not_linked", "lang": "pl"})
    ]


async def test_i_see_it_too_queues_an_edit_of_every_alert(
    officer_services: Services, world: w.World
) -> None:
    async with officer_services.uow() as uow:
        await w.link(uow.session, world.jan, w.JAN, NOW)
        await w.duty_group(uow.session, world.station)
        await uow.commit()
    report_id = await _submit(officer_services, world.kon1, point=False)

    async with officer_services.uow() as uow:
        report = await uow.session.get(Report, report_id)
        assert report is not None
        neighbour = await w.user(uow.session, w.NEIGHBOUR)
        await w.follow(uow.session, report_id, neighbour.id)
        await notify_confirmation(uow, officer_services, report)
        await uow.commit()

    assert (await _outbox(officer_services))[-1] == (
        w.JAN,
        "alert_edit",
        {"report_id": report_id},
    )
