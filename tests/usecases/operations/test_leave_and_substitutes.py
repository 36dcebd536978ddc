"""Leave and substitutes: Jan goes on leave, Anna stands in for him; alerts and rights follow.

NOW is Friday 27 November 2026 (13:00 in Konin). Jan enters his leave with /urlop in chat;
Katarzyna, the coordinator, enters leave for the station's officers with /zastepstwa.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from bot.conversation import Answer, Choice, Command, Location, Text, Unsupported
from bot.services import Services
from bot.usecases.alerts import queue_new_report_alerts
from bot.usecases.officers.outgoing import alert_to_send
from bot.usecases.operations.leave import Period, parse_period
from db.models.operations import OfficerAbsence
from db.models.reports import ReportStatus
from handlers.render import render_text
from tests.support import Resident
from tests.usecases.officers import world as w
from tests.usecases.operations.conftest import all_audit, clock_of, link_everyone

TODAY = date(2026, 11, 27)


def values(answer: Answer) -> list[str]:
    return [o.value for row in answer.options for o in row]


def labels(resident: Resident, answer: Answer) -> list[str]:
    catalog = resident.services.catalog
    return [catalog.render("pl", o.label, o.args) for row in answer.options for o in row]


async def absences_of(services: Services) -> list[OfficerAbsence]:
    async with services.uow() as uow:
        rows = list((await uow.session.scalars(select(OfficerAbsence))).all())
        uow.session.expunge_all()
        return rows


async def leave(
    services: Services, officer_id: int, start: date, end: date, substitute: int | None
) -> None:
    async with services.uow() as uow:
        uow.session.add(
            OfficerAbsence(
                officer_id=officer_id,
                starts_on=start,
                ends_on=end,
                substitute_officer_id=substitute,
            )
        )
        await uow.commit()


async def submit(services: Services, district_id: int, number: int = 1) -> int:
    async with services.uow() as uow:
        report = await w.report(uow.session, district_id, number=number, point=False)
        await queue_new_report_alerts(uow, services, report)
        await uow.commit()
        return report.id


async def alert_text(services: Services, report_id: int, chat_id: int, reason: str | None) -> str:
    async with services.uow() as uow:
        answer = await alert_to_send(uow, services, report_id, chat_id, "pl", reason)
    assert answer is not None
    return render_text(services.catalog, "pl", answer)


# ---- who gets the alerts -----------------------------------------------------------------------


async def test_while_jan_is_away_anna_gets_his_districts_alerts_and_may_act(
    officer_services: Services, world: w.World
) -> None:
    await link_everyone(officer_services, world)
    await leave(officer_services, world.jan, TODAY, date(2026, 12, 6), world.anna)

    report_id = await submit(officer_services, world.kon1)

    [alert] = await w.outbox(officer_services)
    assert (alert.chat_id, alert.kind, alert.payload["reason"]) == (w.ANNA, "alert", None)
    text = await alert_text(officer_services, report_id, w.ANNA, None)
    assert "jako zastępca: st. asp. Jan Przykładowy" in text
    outcome = await w.press(officer_services, w.ANNA, f"{report_id}.take")
    assert not outcome.refused
    report = await w.load_report(officer_services, report_id)
    assert report.status is ReportStatus.TAKEN and report.taken_by_officer_id == world.anna
    # She sees his district's reports in her list too.
    anna = Resident(officer_services, w.ANNA)
    await anna.send(Command("zgloszenia"))
    assert "KN-2026-000001" in anna.texts()[0]


async def test_after_the_leave_jan_gets_the_alerts_again_and_anna_may_no_longer_act(
    officer_services: Services, world: w.World
) -> None:
    await link_everyone(officer_services, world)
    await leave(officer_services, world.jan, TODAY, TODAY, world.anna)
    clock = clock_of(officer_services)
    # 23:00 UTC is already Saturday in Konin.
    clock.advance(hours=11)

    report_id = await submit(officer_services, world.kon1)

    [alert] = await w.outbox(officer_services)
    assert alert.chat_id == w.JAN
    assert "jako zastępca" not in await alert_text(officer_services, report_id, w.JAN, None)
    outcome = await w.press(officer_services, w.ANNA, f"{report_id}.take")
    assert outcome.refused and outcome.notice == "desk-refused-other-district"


async def test_away_without_a_substitute_the_alert_goes_to_the_duty_officers_saying_why(
    officer_services: Services, world: w.World
) -> None:
    await link_everyone(officer_services, world)
    await leave(officer_services, world.jan, TODAY, date(2026, 12, 1), None)

    report_id = await submit(officer_services, world.kon1)

    sent = await w.outbox(officer_services)
    assert [(m.chat_id, m.payload["reason"]) for m in sent] == [
        (w.DUTY_GROUP, "absent"),
        (w.KASIA, "absent"),
    ]
    text = await alert_text(officer_services, report_id, w.DUTY_GROUP, "absent")
    assert "na urlopie i nie ma zastępcy" in text


async def test_a_cancelled_leave_no_longer_counts(
    officer_services: Services, world: w.World
) -> None:
    await link_everyone(officer_services, world)
    await leave(officer_services, world.jan, TODAY, date(2026, 12, 1), world.anna)
    async with officer_services.uow() as uow:
        absence = await uow.session.scalar(select(OfficerAbsence))
        assert absence is not None
        absence.cancelled_at = clock_of(officer_services)()
        await uow.commit()

    await submit(officer_services, world.kon1)

    assert [m.chat_id for m in await w.outbox(officer_services)] == [w.JAN]


async def test_a_report_reopened_while_its_officer_is_away_goes_to_the_substitute(
    officer_services: Services, world: w.World
) -> None:
    await link_everyone(officer_services, world)
    async with officer_services.uow() as uow:
        resident = await w.user(uow.session, w.RESIDENT)
        await uow.commit()
    async with officer_services.uow() as uow:
        report = await w.report(uow.session, world.kon1, reporter=resident, point=False)
        await uow.commit()
        report_id = report.id
    for action in ("take", "verify", "notconf.sure"):
        await w.press(officer_services, w.JAN, f"{report_id}.{action}")
    await leave(officer_services, world.jan, TODAY, date(2026, 12, 1), world.anna)
    before = await w.last_outbox_id(officer_services)

    await w.press(officer_services, w.RESIDENT, str(report_id), scope="ro")

    alerts = [m for m in await w.outbox(officer_services, before) if m.kind == "alert"]
    assert [m.chat_id for m in alerts] == [w.ANNA]
    report = await w.load_report(officer_services, report_id)
    assert report.status is ReportStatus.REOPENED and report.taken_by_officer_id is None


# ---- /urlop ------------------------------------------------------------------------------------


async def test_jan_enters_his_leave_with_anna_as_substitute_and_everyone_is_told(
    officer_services: Services, world: w.World
) -> None:
    await link_everyone(officer_services, world)
    jan = Resident(officer_services, w.JAN)

    [overview] = await jan.send(Command("urlop"))
    assert "nie masz zaplanowanej nieobecności" in jan.texts()[0]
    assert values(overview) == ["add"]
    [ask] = await jan.send(Choice("add", overview.version, "ul"))
    assert ask.key == "operations-leave-dates-ask" and "Podaj dni urlopu" in jan.texts()[0]

    # Anything but dates is answered politely, and the question stays.
    for wrong in (Text("jutro"), Text("31.02-3.03"), Unsupported("sticker"), Location(52, 18)):
        answers = await jan.send(wrong)
        assert answers[-1].key == "operations-leave-dates-ask"
    answers = await jan.send(Text("1.11-3.11"))
    assert "już się skończył" in jan.texts()[0]
    answers = await jan.send(Text("7.12 - 18.12"))
    [substitutes] = answers
    assert "Urlop: st. asp. Jan Przykładowy, 07.12.2026 – 18.12.2026" in jan.texts()[0]
    assert labels(jan, substitutes) == [
        "kom. Katarzyna Koordynująca",
        "asp. Anna Testowa",
        "Bez zastępstwa",
    ]
    before = await w.last_outbox_id(officer_services)
    [saved] = await jan.send(Choice(f"sub.{world.anna}", substitutes.version, "ul"))

    assert "zastępuje asp. Anna Testowa" in jan.texts()[0]
    [absence] = await absences_of(officer_services)
    assert (absence.officer_id, absence.starts_on, absence.ends_on) == (
        world.jan,
        date(2026, 12, 7),
        date(2026, 12, 18),
    )
    assert absence.substitute_officer_id == world.anna
    told = await w.outbox(officer_services, before)
    assert [m.chat_id for m in told] == [w.ANNA, w.KASIA]
    assert "zastępujesz: st. asp. Jan Przykładowy" in w.rendered(officer_services, told[0])
    assert "Rejon 1 – Czarków" in w.rendered(officer_services, told[0])
    assert "Urlop: st. asp. Jan Przykładowy" in w.rendered(officer_services, told[1])
    [event] = await all_audit(officer_services, "absence_set")
    assert event.actor_officer_id == world.jan and event.data["substitute"] == "DZ-02"
    assert values(saved) == [f"x.{absence.id}"]

    # /urlop lists it now; the cancel button works from the list too.
    [overview] = await jan.send(Command("urlop"))
    assert "07.12.2026 – 18.12.2026, zastępuje asp. Anna Testowa" in jan.texts()[0]
    before = await w.last_outbox_id(officer_services)
    await jan.send(Choice(f"x.{absence.id}", 0, "ul"))
    assert "Odwołany urlop" in jan.texts()[0]
    [cancelled] = await absences_of(officer_services)
    assert cancelled.cancelled_at is not None
    told_anna, told_kasia = await w.outbox(officer_services, before)
    assert (told_anna.chat_id, told_kasia.chat_id) == (w.ANNA, w.KASIA)
    assert "Urlop odwołany: st. asp. Jan Przykładowy, 07.12.2026 – 18.12.2026" in w.rendered(
        officer_services, told_kasia
    )
    assert len(await all_audit(officer_services, "absence_cancelled")) == 1


async def test_a_coordinator_who_stands_in_hears_of_the_leave_once(
    officer_services: Services, world: w.World
) -> None:
    await link_everyone(officer_services, world)
    jan = Resident(officer_services, w.JAN)
    [substitutes] = await jan.send(Command("urlop", "7-11 grudnia"))
    before = await w.last_outbox_id(officer_services)
    await jan.send(Choice(f"sub.{world.kasia}", substitutes.version, "ul"))

    [told] = await w.outbox(officer_services, before)
    assert told.chat_id == w.KASIA
    assert "07.12.2026 do 11.12.2026 zastępujesz" in w.rendered(officer_services, told)


async def test_urlop_with_the_dates_goes_straight_to_the_substitute(
    officer_services: Services, world: w.World
) -> None:
    await link_everyone(officer_services, world)
    jan = Resident(officer_services, w.JAN)

    [question] = await jan.send(Command("urlop", "24.12"))
    await jan.send(Choice("sub.0", question.version, "ul"))

    assert "bez zastępstwa" in jan.texts()[0]
    [absence] = await absences_of(officer_services)
    assert absence.starts_on == absence.ends_on == date(2026, 12, 24)
    assert absence.substitute_officer_id is None


async def test_overlapping_leave_is_refused_and_the_dates_asked_again(
    officer_services: Services, world: w.World
) -> None:
    await link_everyone(officer_services, world)
    await leave(officer_services, world.jan, date(2026, 12, 1), date(2026, 12, 10), None)
    jan = Resident(officer_services, w.JAN)

    answers = await jan.send(Command("urlop", "9.12-12.12"))

    assert [a.key for a in answers] == ["operations-leave-overlap", "operations-leave-dates-ask"]
    assert "01.12.2026 – 10.12.2026" in jan.texts()[0]
    await jan.send(Text("11.12-12.12"))
    assert jan.last[0].key == "operations-leave-substitute-ask"


async def test_stale_and_forged_leave_buttons_change_nothing(
    officer_services: Services, world: w.World
) -> None:
    await link_everyone(officer_services, world)
    jan = Resident(officer_services, w.JAN)
    [question] = await jan.send(Command("urlop", "7.12-8.12"))

    for forged in (
        Choice(f"sub.{world.anna}", question.version - 1, "ul"),
        Choice("sub.999", question.version, "ul"),
        Choice("", -1, ""),
        Choice("x.999", 0, "ul"),
    ):
        answers = await jan.send(forged)
        assert answers[0].key == "button-expired"

    assert await absences_of(officer_services) == []
    # Typing at a question with buttons gets a hint and the same question.
    answers = await jan.send(Text("Anna"))
    assert [a.key for a in answers] == [
        "operations-leave-use-buttons",
        "operations-leave-substitute-ask",
    ]
    # The draft survived: the right button still saves.
    await jan.send(Choice(f"sub.{world.anna}", jan.last[-1].version, "ul"))
    assert len(await absences_of(officer_services)) == 1


async def test_residents_cannot_use_urlop(officer_services: Services, world: w.World) -> None:
    zofia = Resident(officer_services, w.RESIDENT)

    [answer] = await zofia.send(Command("urlop"))

    assert answer.key == "operations-officers-only"
    [answer] = await zofia.send(Choice("add", 0, "ul"))
    assert answer.key == "operations-officers-only"


# ---- /zastepstwa -------------------------------------------------------------------------------


async def test_the_coordinator_enters_leave_for_jan_and_cancels_it(
    officer_services: Services, world: w.World
) -> None:
    await link_everyone(officer_services, world)
    kasia = Resident(officer_services, w.KASIA)

    [overview] = await kasia.send(Command("zastepstwa"))
    assert "nikt nie ma zaplanowanej nieobecności" in kasia.texts()[0]
    [who] = await kasia.send(Choice("pick.0", overview.version, "ul"))
    assert labels(kasia, who) == [
        "kom. Katarzyna Koordynująca",
        "st. asp. Jan Przykładowy",
        "asp. Anna Testowa",
    ]
    [ask] = await kasia.send(Choice(f"who.{world.jan}", who.version, "ul"))
    assert ask.key == "operations-leave-dates-ask"
    assert "Podaj dni urlopu: st. asp. Jan Przykładowy" in kasia.texts()[0]
    [substitutes] = await kasia.send(Text("30.11-4.12"))
    before = await w.last_outbox_id(officer_services)
    await kasia.send(Choice(f"sub.{world.anna}", substitutes.version, "ul"))

    told = await w.outbox(officer_services, before)
    assert [m.chat_id for m in told] == [w.ANNA, w.JAN]
    assert "Koordynator wpisał Ci urlop" in w.rendered(officer_services, told[1])
    [absence] = await absences_of(officer_services)
    assert absence.officer_id == world.jan

    [overview] = await kasia.send(Command("zastepstwa"))
    assert "st. asp. Jan Przykładowy: 30.11.2026 – 04.12.2026" in kasia.texts()[0]
    before = await w.last_outbox_id(officer_services)
    await kasia.send(Choice(f"x.{absence.id}", overview.version, "ul"))
    assert [m.chat_id for m in await w.outbox(officer_services, before)] == [w.ANNA, w.JAN]


async def test_officers_cannot_manage_others_leave(
    officer_services: Services, world: w.World
) -> None:
    await link_everyone(officer_services, world)
    await leave(officer_services, world.anna, date(2026, 12, 1), date(2026, 12, 2), None)
    [absence] = await absences_of(officer_services)
    jan = Resident(officer_services, w.JAN)

    [answer] = await jan.send(Command("zastepstwa"))
    assert answer.key == "operations-coordinators-only"
    [answer] = await jan.send(Choice("pick.0", 0, "ul"))
    assert answer.key == "operations-coordinators-only"
    [answer] = await jan.send(Choice(f"x.{absence.id}", 0, "ul"))
    assert answer.key == "button-expired"
    [still] = await absences_of(officer_services)
    assert still.cancelled_at is None


# ---- typed dates -------------------------------------------------------------------------------


def test_typed_dates_are_read_the_way_officers_write_them() -> None:
    def period(text: str) -> tuple[str, str] | str:
        found = parse_period(text, TODAY)
        if isinstance(found, Period):
            return found.starts_on.isoformat(), found.ends_on.isoformat()
        return found

    assert period("1.12-14.12") == ("2026-12-01", "2026-12-14")
    assert period("01.12.2026 – 14.12.2026") == ("2026-12-01", "2026-12-14")
    assert period("od 1.12 do 3.12") == ("2026-12-01", "2026-12-03")
    assert period("2026-12-01 do 2026-12-02") == ("2026-12-01", "2026-12-02")
    assert period("24/12") == ("2026-12-24", "2026-12-24")
    # Over the new year, and a January date typed in November.
    assert period("28.12-3.01") == ("2026-12-28", "2027-01-03")
    # A range sharing its month, and month names in Polish (with or without its letters),
    # Ukrainian and English.
    assert period("7-11.12") == ("2026-12-07", "2026-12-11")
    assert period("7 do 11.12.2026") == ("2026-12-07", "2026-12-11")
    assert period("od 7 do 11 grudnia") == ("2026-12-07", "2026-12-11")
    assert period("od 28 grudnia do 3 stycznia") == ("2026-12-28", "2027-01-03")
    assert period("24 Września") == ("2027-09-24", "2027-09-24")
    assert period("з 7 по 11 грудня") == ("2026-12-07", "2026-12-11")
    assert period("December 7 to December 11") == ("2026-12-07", "2026-12-11")
    assert period("7 do 11") == "format"
    assert period("5.01-6.01") == ("2027-01-05", "2027-01-06")
    # Started a few days ago: still this year.
    assert period("20.11-30.11") == ("2026-11-20", "2026-11-30")
    assert period("1.12.26-2.12.26") == ("2026-12-01", "2026-12-02")
    assert period("31.02") == "invalid"
    assert period("3.12.2026-1.12.2026") == "order"
    assert period("1.11-3.11") == "past"
    assert period("1.12.2026-1.12.2028") == "too_long"
    for nonsense in ("jutro", "", "1.12-2.12-3.12", "1.12 i 3.12", "🏖", "1" * 100):
        assert period(nonsense) == "format"
