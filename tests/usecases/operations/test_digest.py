"""The coordinators' daily digest at 8:00 in Konin: new, overdue, confirmed, eliminated; once a day.

NOW is Friday 27 November 2026, 13:00 in Konin: Saturday's digest is due at 07:00 UTC.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from bot.services import Services
from bot.usecases.operations import digest
from bot.usecases.operations.digest import send_digest
from db.models.directory import District, Officer, Station
from db.models.operations import JobRun
from tests.usecases.officers import world as w
from tests.usecases.officers.conftest import NOW
from tests.usecases.operations.conftest import clock_of, link_everyone, two_processes

SATURDAY_8 = datetime(2026, 11, 28, 7, 0, tzinfo=UTC)


async def _story(services: Services, world: w.World) -> None:
    """Yesterday: three reports; one confirmed, one eliminated; an old one waits untaken."""
    async with services.uow() as uow:
        await w.report(uow.session, world.kon1, number=1, point=False, created_at=NOW)
        await w.report(uow.session, world.kon2, number=2, point=False, created_at=NOW)
        await w.report(uow.session, world.kon1, number=3, point=False, created_at=NOW)
        old = NOW - timedelta(days=3)
        await w.report(uow.session, world.kon2, number=4, point=False, created_at=old)
        await uow.commit()
    clock = clock_of(services)
    clock.advance(hours=1)
    for action in ("take", "verify", "confirm"):
        await w.press(services, w.JAN, "1." + action)
    for action in ("take", "verify", "confirm", "elim.sure"):
        await w.press(services, w.ANNA, "2." + action)


async def test_the_digest_goes_to_the_coordinator_at_8_once_a_day(
    officer_services: Services, world: w.World
) -> None:
    await link_everyone(officer_services, world)
    await _story(officer_services, world)
    clock = clock_of(officer_services)
    before = await w.last_outbox_id(officer_services)

    clock.now = SATURDAY_8 - timedelta(minutes=1)
    assert await send_digest(officer_services, clock()) is None
    clock.now = SATURDAY_8
    assert await send_digest(officer_services, clock()) == 1

    [digest] = await w.outbox(officer_services, before)
    assert digest.chat_id == w.KASIA and digest.payload["silent"] is False
    text = w.rendered(officer_services, digest)
    assert "Podsumowanie dnia — KMP Testowo</b> (28.11.2026)" in text
    # Report 2 was confirmed and then eliminated yesterday: it counts in both.
    assert "nowe 3, potwierdzone 2, wyeliminowane 1" in text
    assert "Otwarte teraz: 3, w tym po terminie: <b>1</b>" in text
    assert "<code>KN-2026-000004</code>" in text and "3 dni, nieprzyjęte" in text
    async with officer_services.uow() as uow:
        runs = (await uow.session.scalars(select(JobRun))).all()
        assert [(r.name, r.period) for r in runs] == [("digest", "2026-11-28")]

    # Later the same day: nothing more. The next day at 8: the next one.
    clock.advance(hours=12)
    assert await send_digest(officer_services, clock()) is None
    clock.now = SATURDAY_8 + timedelta(days=1)
    assert await send_digest(officer_services, clock()) == 1


async def test_a_failure_while_queueing_is_not_mistaken_for_a_digest_already_sent(
    officer_services: Services, world: w.World, monkeypatch: pytest.MonkeyPatch
) -> None:
    await link_everyone(officer_services, world)

    async def broken(*args: object) -> int:
        raise IntegrityError("INSERT INTO outbox", {}, Exception("a broken outbox row"))

    monkeypatch.setattr(digest, "_queue_digests", broken)
    with pytest.raises(IntegrityError):
        await send_digest(officer_services, SATURDAY_8)

    # Nothing was claimed: once the fault is gone, the digest goes out.
    async with officer_services.uow() as uow:
        assert (await uow.session.scalars(select(JobRun))).all() == []
    monkeypatch.undo()
    assert await send_digest(officer_services, SATURDAY_8) == 1


async def test_a_bot_that_was_down_at_8_sends_the_digest_when_it_is_back(
    officer_services: Services, world: w.World
) -> None:
    await link_everyone(officer_services, world)
    clock = clock_of(officer_services)

    clock.now = SATURDAY_8 + timedelta(hours=5)
    assert await send_digest(officer_services, clock()) == 1

    [digest] = await w.outbox(officer_services)
    assert "nowe 0" in w.rendered(officer_services, digest)


async def test_two_processes_send_one_digest(database_url: str) -> None:
    async with two_processes(database_url) as (processes, clock):
        async with processes[0].uow() as uow:
            world = await w.build_world(uow.session)
            await w.link(uow.session, world.kasia, w.KASIA, NOW)
            await uow.commit()
        clock.now = SATURDAY_8

        results = await asyncio.gather(*(send_digest(p, clock()) for p in processes))

        assert sorted(results, key=str) == [1, None]
        assert [m.chat_id for m in await w.outbox(processes[0])] == [w.KASIA]
        async with processes[1].uow() as uow:
            assert await uow.session.scalar(select(func.count()).select_from(JobRun)) == 1


async def test_each_station_gets_its_own_and_absent_or_unlinked_coordinators_none(
    officer_services: Services, world: w.World
) -> None:
    await link_everyone(officer_services, world)
    async with officer_services.uow() as uow:
        other = Station(code="KP-S", name="KP Ślesin", address="ul. Kleczewska 1", phone="47 2")
        uow.session.add(other)
        await uow.session.flush()
        district = District(code="SL-01", name="Ślesin", station_id=other.id)
        uow.session.add(district)
        uow.session.add(
            Officer(
                code="KO-S",
                rank="podkom.",
                first_name="Piotr",
                last_name="Ślesiński",
                phone="47 2",
                station_id=other.id,
                coordinator=True,
            )
        )
        await uow.session.flush()
        await w.report(uow.session, district.id, number=9, point=False, created_at=NOW)
        await uow.commit()
    async with officer_services.uow() as uow:
        piotr = await uow.session.scalar(select(Officer).where(Officer.code == "KO-S"))
        assert piotr is not None
        await w.link(uow.session, piotr.id, 777, NOW)
        await uow.commit()
    clock = clock_of(officer_services)
    clock.now = SATURDAY_8

    assert await send_digest(officer_services, clock()) == 2

    sent = {m.chat_id: w.rendered(officer_services, m) for m in await w.outbox(officer_services)}
    assert "KMP Testowo" in sent[w.KASIA] and "nowe 0" in sent[w.KASIA]
    assert "KP Ślesin" in sent[777] and "nowe 1" in sent[777]
