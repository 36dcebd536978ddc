"""Quiet hours (/cisza): Jan's alerts arrive silently at night; escalations and groups never do."""

from __future__ import annotations

from datetime import timedelta

from bot.conversation import Choice, Command, Text, Unsupported
from bot.services import Services
from bot.usecases.operations.quiet_hours import (
    alert_is_silent,
    hours_text,
    is_quiet,
    parse_hours,
)
from db.models.directory import Officer
from tests.support import Resident
from tests.usecases.officers import world as w
from tests.usecases.operations.conftest import clock_of, link_everyone


async def quiet_hours_of(services: Services, officer_id: int) -> tuple[int | None, int | None]:
    async with services.uow() as uow:
        officer = await uow.session.get(Officer, officer_id)
        assert officer is not None
        return officer.quiet_from, officer.quiet_to


async def silent(services: Services, chat_id: int, reason: str | None = None) -> bool:
    async with services.uow() as uow:
        return await alert_is_silent(
            uow.session, services.config, chat_id, reason, services.clock()
        )


async def test_jan_picks_quiet_hours_and_his_alerts_come_silently_at_night(
    officer_services: Services, world: w.World
) -> None:
    await link_everyone(officer_services, world)
    jan = Resident(officer_services, w.JAN)

    [question] = await jan.send(Command("cisza"))
    assert "Cisza nocna jest wyłączona" in jan.texts()[0]
    assert [o.value for row in question.options for o in row] == [
        "1320.360",
        "1320.420",
        "1380.420",
        "off",
    ]
    await jan.send(Choice("1320.420", question.version, "qh"))
    assert "od 22:00 do 07:00" in jan.texts()[0]
    assert await quiet_hours_of(officer_services, world.jan) == (22 * 60, 7 * 60)

    clock = clock_of(officer_services)
    # NOW is 13:00 in Konin: alerts ring.
    assert not await silent(officer_services, w.JAN)
    clock.advance(hours=10)  # 23:00 in Konin
    assert await silent(officer_services, w.JAN)
    # Escalations always ring; so do alerts to the duty group and to officers without quiet hours.
    assert not await silent(officer_services, w.JAN, "overdue")
    assert not await silent(officer_services, w.DUTY_GROUP)
    assert not await silent(officer_services, w.ANNA)
    clock.advance(hours=8)  # 07:00
    assert not await silent(officer_services, w.JAN)


async def test_typed_hours_off_and_bad_input(officer_services: Services, world: w.World) -> None:
    await link_everyone(officer_services, world)
    jan = Resident(officer_services, w.JAN)
    await jan.send(Command("cisza"))

    for wrong in (Text("w nocy"), Text("25-7"), Text("22-22"), Unsupported("sticker")):
        answers = await jan.send(wrong)
        assert [a.key for a in answers] == ["operations-quiet-bad", "operations-quiet-ask"]
    assert await quiet_hours_of(officer_services, world.jan) == (None, None)

    await jan.send(Text("od 21.30 do 6.15"))
    assert await quiet_hours_of(officer_services, world.jan) == (21 * 60 + 30, 6 * 60 + 15)
    await jan.send(Command("cisza"))
    assert "Cisza nocna:</b> 21:30–06:15" in jan.texts()[0]
    [off] = await jan.send(Choice("off", 0, "qh"))
    assert off.key == "operations-quiet-off"
    assert await quiet_hours_of(officer_services, world.jan) == (None, None)
    await jan.send(Command("cisza", "23-6"))
    assert await quiet_hours_of(officer_services, world.jan) == (23 * 60, 6 * 60)
    # A forged preset changes nothing.
    answers = await jan.send(Choice("9999.1", 0, "qh"))
    assert answers[0].key == "button-expired"
    assert await quiet_hours_of(officer_services, world.jan) == (23 * 60, 6 * 60)


async def test_the_words_for_off_work_in_every_language(
    officer_services: Services, world: w.World
) -> None:
    await link_everyone(officer_services, world)
    jan = Resident(officer_services, w.JAN)

    for word in ("wyłącz", "Вимкнути", "turn off", "OFF"):
        await jan.send(Command("cisza", "22-6"))
        assert await quiet_hours_of(officer_services, world.jan) == (22 * 60, 6 * 60)
        await jan.send(Command("cisza"))

        [off] = await jan.send(Text(word))

        assert off.key == "operations-quiet-off"
        assert await quiet_hours_of(officer_services, world.jan) == (None, None)


async def test_residents_have_no_quiet_hours(officer_services: Services, world: w.World) -> None:
    zofia = Resident(officer_services, w.RESIDENT)

    [answer] = await zofia.send(Command("cisza"))

    assert answer.key == "operations-officers-only"


def test_quiet_hours_cross_midnight_or_not() -> None:
    night = (22 * 60, 7 * 60)
    assert [is_quiet(*night, h * 60) for h in (21, 22, 23, 0, 6, 7, 12)] == [
        False,
        True,
        True,
        True,
        True,
        False,
        False,
    ]
    afternoon = (13 * 60, 15 * 60)
    assert [is_quiet(*afternoon, h * 60) for h in (12, 13, 14, 15)] == [False, True, True, False]
    assert not is_quiet(None, None, 0)
    assert parse_hours("22-7") == night
    assert parse_hours("22:00–07:00") == night
    assert parse_hours("22:30 do 6:30") == (22 * 60 + 30, 6 * 60 + 30)
    assert parse_hours("24-7") is None and parse_hours("22:60-7") is None
    assert parse_hours("7") is None and parse_hours("x" * 100) is None
    assert hours_text(int(timedelta(hours=6, minutes=5).total_seconds() // 60)) == "06:05"
