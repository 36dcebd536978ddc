"""Coordinators block and unblock a resident by one of their reports' references; all audited."""

from __future__ import annotations

from sqlalchemy import select

from bot.conversation import Command
from bot.services import Services
from bot.usecases.gatekeeper_queries import blocked_notice_due, note_blocked_notice, read_person
from db.models.directory import District, Station
from db.models.people import User
from tests.support import Resident
from tests.usecases.officers import world as w
from tests.usecases.operations.conftest import all_audit, link_everyone


async def _zofias_report(services: Services, world: w.World) -> int:
    async with services.uow() as uow:
        zofia = await w.user(uow.session, w.RESIDENT)
        report = await w.report(uow.session, world.kon1, reporter=zofia)
        await uow.commit()
        return report.id


async def blocked(services: Services, telegram_id: int) -> bool:
    async with services.uow() as uow:
        user = await uow.session.scalar(select(User).where(User.external_id == str(telegram_id)))
        assert user is not None
        return user.blocked


async def test_the_coordinator_blocks_and_unblocks_the_person_behind_a_report(
    officer_services: Services, world: w.World
) -> None:
    await link_everyone(officer_services, world)
    await _zofias_report(officer_services, world)
    kasia = Resident(officer_services, w.KASIA)

    [answer] = await kasia.send(Command("blokuj", "kn-2026-000001 wulgaryzmy co godzinę"))

    assert answer.key == "operations-blocked"
    assert "/odblokuj KN-2026-000001" in kasia.texts()[0]
    assert await blocked(officer_services, w.RESIDENT)
    [event] = await all_audit(officer_services, "user_blocked")
    # Outside the report's history (an unblock through another report would link the two);
    # the trail keeps the reference.
    assert (event.actor_officer_id, event.report_id) == (world.kasia, None)
    assert event.data["reference"] == "KN-2026-000001"
    assert event.note == "wulgaryzmy co godzinę" and event.subject_user_id is not None
    # Blocking again answers like a first block (so two anonymous reports are never linked),
    # and writes no second audit row.
    [again] = await kasia.send(Command("blokuj", "KN-2026-000001"))
    assert again.key == "operations-blocked"
    assert len(await all_audit(officer_services, "user_blocked")) == 1
    before = await w.last_outbox_id(officer_services)

    [answer] = await kasia.send(Command("odblokuj", "KN-2026-000001"))

    assert answer.key == "operations-unblocked"
    assert not await blocked(officer_services, w.RESIDENT)
    [told] = await w.outbox(officer_services, before)
    assert told.chat_id == w.RESIDENT
    assert "112" in w.rendered(officer_services, told)
    assert len(await all_audit(officer_services, "user_unblocked")) == 1
    # The report's history shows neither.
    before = await w.last_outbox_id(officer_services)
    await kasia.send(Command("zgloszenie", "KN-2026-000001"))
    history = await w.shown_history(officer_services, before)
    assert "zablokowany" not in history
    assert "odblokowany" not in history


async def test_who_may_not_block_and_what_cannot_be_blocked(
    officer_services: Services, world: w.World
) -> None:
    await link_everyone(officer_services, world)
    await _zofias_report(officer_services, world)
    async with officer_services.uow() as uow:
        jan = await w.user_by_telegram_id(uow.session, w.JAN)
        await w.report(uow.session, world.kon2, number=2, reporter=jan)
        await w.report(uow.session, world.kon2, number=3)
        other = Station(code="KP-S", name="KP Ślesin", address="ul. Kleczewska 1", phone="47 2")
        uow.session.add(other)
        await uow.session.flush()
        district = District(code="SL-01", name="Ślesin", station_id=other.id)
        uow.session.add(district)
        await uow.session.flush()
        stranger = await w.user(uow.session, w.STRANGER)
        await w.report(uow.session, district.id, number=4, reporter=stranger)
        await uow.commit()
    kasia = Resident(officer_services, w.KASIA)

    for args, key in (
        ("", "operations-ban-usage"),
        ("KN-2026-999999", "operations-ban-unknown"),
        ("KN-2026-000002", "operations-ban-not-resident"),
        ("KN-2026-000003", "operations-ban-nobody"),
        ("KN-2026-000004", "operations-ban-not-yours"),
        ("<b>" * 50, "operations-ban-unknown"),
    ):
        [answer] = await kasia.send(Command("blokuj", args))
        assert answer.key == key, args
    [answer] = await kasia.send(Command("odblokuj", "KN-2026-000001"))
    assert answer.key == "operations-unblocked"
    for person in (w.JAN, w.RESIDENT):
        [answer] = await Resident(officer_services, person).send(
            Command("blokuj", "KN-2026-000001")
        )
        assert answer.key == "operations-coordinators-only"
    assert not await blocked(officer_services, w.RESIDENT)
    assert not await blocked(officer_services, w.STRANGER)
    assert await all_audit(officer_services, "user_blocked") == []


async def _gate_tells(services: Services) -> bool:
    """Zofia writes while blocked: return whether the gatekeeper tells her (and note it)."""
    async with services.uow() as uow:
        person = await read_person(uow.session, "telegram", str(w.RESIDENT))
        assert person is not None and person.blocked
        due = await blocked_notice_due(uow.session, person)
        if due:
            note_blocked_notice(uow.session, person, services.clock())
        await uow.commit()
        return due


async def test_a_resident_blocked_again_after_an_unblock_is_told_again(
    officer_services: Services, world: w.World
) -> None:
    await link_everyone(officer_services, world)
    await _zofias_report(officer_services, world)
    kasia = Resident(officer_services, w.KASIA)

    await kasia.send(Command("blokuj", "KN-2026-000001"))
    assert await _gate_tells(officer_services)
    assert not await _gate_tells(officer_services)

    await kasia.send(Command("odblokuj", "KN-2026-000001"))
    await kasia.send(Command("blokuj", "KN-2026-000001"))

    assert await _gate_tells(officer_services)
    assert not await _gate_tells(officer_services)
