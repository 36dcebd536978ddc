"""The status workflow: officers press alert buttons; residents hear about every change.

Jan is the dzielnicowy of KON-01, Anna of KON-02, Katarzyna the station's coordinator. Zofia
(RESIDENT, Polish) reported a wild dump in KON-01; a neighbour (Ukrainian) said "I see it too".
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from bot.services import Services
from bot.usecases.alerts import queue_new_report_alerts
from bot.usecases.officers.alert_view import alert_answer
from db.models.reports import Report, ReportStatus
from devtools.localapi.telegram_html import parse_html
from tests.usecases.officers import world as w
from tests.usecases.officers.conftest import NOW


@dataclass
class Story:
    """The world with a submitted report."""

    world: w.World
    report_id: int


@pytest.fixture
async def story(officer_services: Services, world: w.World) -> Story:
    async with officer_services.uow() as uow:
        session = uow.session
        await w.link(session, world.jan, w.JAN, NOW)
        await w.link(session, world.anna, w.ANNA, NOW)
        await w.link(session, world.kasia, w.KASIA, NOW)
        zofia = await w.user(session, w.RESIDENT, "pl")
        neighbour = await w.user(session, w.NEIGHBOUR, "uk")
        await w.user(session, w.STRANGER, "pl")
        report = await w.report(session, world.kon1, reporter=zofia)
        await w.follow(session, report.id, neighbour.id)
        await queue_new_report_alerts(uow, officer_services, report)
        await uow.commit()
        return Story(world, report.id)


async def _buttons(services: Services, report_id: int, chat_id: int) -> list[str]:
    async with services.uow() as uow:
        report = await uow.session.get(Report, report_id)
        assert report is not None
        answer = await alert_answer(uow.session, services, report, chat_id, "pl")
        return [option.value.split(".", 1)[1] for row in answer.options for option in row]


async def test_officer_walks_the_report_to_eliminated_and_residents_hear_each_step(
    officer_services: Services, story: Story
) -> None:
    rid = story.report_id
    assert await _buttons(officer_services, rid, w.JAN) == ["take", "fwd", "move", "note"]

    # The reporter hears every step; the neighbour who said "I see it too" only how it ended
    # ("the officer is checking on site" would tip off whoever the report is about).
    steps = [
        ("take", ReportStatus.TAKEN, ["verify", "fwd", "move", "note"], False),
        ("verify", ReportStatus.VERIFYING, ["confirm", "notconf", "fwd", "move", "note"], False),
        ("confirm", ReportStatus.CONFIRMED, ["elim", "fwd", "move", "note"], False),
        # Closed (the answer to "sure?", which the button asks first): only a comment for the
        # reporter and the history is left.
        ("elim.sure", ReportStatus.ELIMINATED, ["comment"], True),
    ]
    for action, status, buttons, neighbour_told in steps:
        before = await w.last_outbox_id(officer_services)
        outcome = await w.press(officer_services, w.JAN, f"{rid}.{action}")

        assert (outcome.notice, outcome.refused) == ("officers-done", False)
        assert (await w.load_report(officer_services, rid)).status is status
        assert await _buttons(officer_services, rid, w.JAN) == buttons
        sent = await w.outbox(officer_services, before)
        told = [(w.NEIGHBOUR, "answer")] if neighbour_told else []
        assert [(m.chat_id, m.kind) for m in sent] == [
            (w.JAN, "alert_edit"),
            (w.RESIDENT, "answer"),
            *told,
        ]
        assert [m.payload["lang"] for m in sent[1:]] == ["pl", "uk"][: len(sent) - 1]

    report = await w.load_report(officer_services, rid)
    assert report.taken_by_officer_id == story.world.jan
    assert report.closed_at == NOW
    trail = [
        (e.action, e.from_status, e.to_status, e.actor_officer_id)
        for e in await w.audit(officer_services, rid)
    ]
    assert trail == [
        ("status", "new", "taken", story.world.jan),
        ("status", "taken", "verifying", story.world.jan),
        ("status", "verifying", "confirmed", story.world.jan),
        ("status", "confirmed", "eliminated", story.world.jan),
    ]
    last = (await w.outbox(officer_services))[-2]
    text = w.rendered(officer_services, last)
    assert "KN-2026-000001" in text and "wyeliminowane" in text and "112" in text
    assert last.payload["answer"]["options"][0][0]["label"] == "officers-btn-reopen"


async def test_the_alert_shows_the_status_and_who_acted(
    officer_services: Services, story: Story
) -> None:
    await w.press(officer_services, w.JAN, f"{story.report_id}.take")

    async with officer_services.uow() as uow:
        report = await uow.session.get(Report, story.report_id)
        assert report is not None
        answer = await alert_answer(uow.session, officer_services, report, w.KASIA, "pl")
    from handlers.render import render_text

    text = render_text(officer_services.catalog, "pl", answer)
    assert "Przyjęte — st. asp. Jan Przykładowy, 27.11.2026 13:00" in text
    # The description is the resident's text: escaped, never markup.
    assert "&lt;b&gt;co noc&lt;/b&gt;" in text
    assert "Zofia" not in text and "anonimowe" in text


async def test_a_closing_step_asks_once_more_and_tells_nobody_until_it_is_sure(
    officer_services: Services, story: Story
) -> None:
    rid = story.report_id
    for action in ("take", "verify"):
        await w.press(officer_services, w.JAN, f"{rid}.{action}")
    before = await w.last_outbox_id(officer_services)

    asked = await w.press(officer_services, w.JAN, f"{rid}.notconf")

    assert asked.menu is not None and asked.menu.key == "officers-sure-notconf"
    assert (asked.notice, asked.refused) == ("officers-sure-notconf", False)
    [[sure], [back]] = asked.menu.options
    assert (sure.label, sure.value, back.label) == (
        "officers-btn-sure-notconf",
        f"{rid}.notconf.sure",
        "desk-btn-back",
    )
    # Only asked: the report is as it was and nobody was sent anything.
    assert (await w.load_report(officer_services, rid)).status is ReportStatus.VERIFYING
    assert await w.outbox(officer_services, before) == []
    # An answer this bot never offered is refused, and changes nothing either.
    forged = await w.press(officer_services, w.JAN, f"{rid}.notconf.maybe")
    assert forged.refused
    assert (await w.load_report(officer_services, rid)).status is ReportStatus.VERIFYING

    await w.press(officer_services, w.JAN, sure.value)

    assert (await w.load_report(officer_services, rid)).status is ReportStatus.NOT_CONFIRMED
    told = [m for m in await w.outbox(officer_services, before) if m.chat_id == w.RESIDENT]
    assert len(told) == 1
    # Pressed again (a second tap, an old menu): the status changed meanwhile, nothing repeats.
    again = await w.press(officer_services, w.JAN, sure.value)
    assert (again.notice, again.refused) == ("officers-refused-status", True)
    told = [m for m in await w.outbox(officer_services, before) if m.chat_id == w.RESIDENT]
    assert len(told) == 1


async def test_not_confirmed_closes_the_report_and_offers_still_happening(
    officer_services: Services, story: Story
) -> None:
    rid = story.report_id
    for action in ("take", "verify", "notconf.sure"):
        await w.press(officer_services, w.JAN, f"{rid}.{action}")

    report = await w.load_report(officer_services, rid)
    assert report.status is ReportStatus.NOT_CONFIRMED
    message = (await w.outbox(officer_services))[-2]
    assert message.chat_id == w.RESIDENT
    assert "nie zostało potwierdzone" in w.rendered(officer_services, message)


async def test_a_resident_pressing_an_officer_button_is_refused_and_audited(
    officer_services: Services, story: Story
) -> None:
    before = await w.last_outbox_id(officer_services)

    outcome = await w.press(officer_services, w.STRANGER, f"{story.report_id}.take")

    assert (outcome.notice, outcome.refused) == ("desk-refused-not-officer", True)
    assert (await w.load_report(officer_services, story.report_id)).status is ReportStatus.NEW
    assert await w.outbox(officer_services, before) == []
    refused = (await w.audit(officer_services, story.report_id))[-1]
    assert (refused.action, refused.data) == (
        "refused",
        {"action": "take", "reason": "not_allowed"},
    )


async def test_an_officer_of_another_district_is_refused(
    officer_services: Services, story: Story
) -> None:
    outcome = await w.press(officer_services, w.ANNA, f"{story.report_id}.take", in_group=True)

    # The truth: another district of her own station, and who may act on it.
    assert outcome.notice == "desk-refused-other-district"
    assert outcome.notice_args == {"reference": "KN-2026-000001", "district": "Rejon 1 – Czarków"}
    assert (await w.load_report(officer_services, story.report_id)).status is ReportStatus.NEW


async def test_the_stations_coordinator_may_act_from_the_duty_group(
    officer_services: Services, story: Story
) -> None:
    outcome = await w.press(officer_services, w.KASIA, f"{story.report_id}.take", in_group=True)

    assert outcome.notice == "officers-done"
    report = await w.load_report(officer_services, story.report_id)
    assert (report.status, report.taken_by_officer_id) == (ReportStatus.TAKEN, story.world.kasia)


@pytest.mark.parametrize(
    "value",
    [
        "",
        "garbage",
        "1",
        "999.take",
        "abc.take",
        "1.take.extra.more",
        "{rid}.launch",
        "{rid}.fwd.army",
    ],
)
async def test_forged_button_data_is_refused_politely(
    officer_services: Services, story: Story, value: str
) -> None:
    outcome = await w.press(officer_services, w.JAN, value.format(rid=story.report_id))

    assert outcome.notice == "officers-refused-invalid"
    assert (await w.load_report(officer_services, story.report_id)).status is ReportStatus.NEW
    assert (await w.audit(officer_services))[-1].action == "refused"


async def test_a_stale_button_is_refused_and_the_alerts_refreshed(
    officer_services: Services, story: Story
) -> None:
    await w.press(officer_services, w.KASIA, f"{story.report_id}.take")
    before = await w.last_outbox_id(officer_services)

    outcome = await w.press(officer_services, w.JAN, f"{story.report_id}.take")

    assert outcome.notice == "officers-refused-status"
    assert outcome.notice_args == {"status": "Przyjęte"}
    assert [(m.chat_id, m.kind) for m in await w.outbox(officer_services, before)] == [
        (w.JAN, "alert_edit")
    ]


async def test_forwarding_to_the_city_guard_is_final(
    officer_services: Services, story: Story
) -> None:
    rid = story.report_id
    menu = await w.press(officer_services, w.JAN, f"{rid}.fwd")
    # In place of the view's buttons, with a way back.
    assert menu.menu is not None and menu.answers == []
    assert [o.value for row in menu.menu.options for o in row] == [
        f"{rid}.fwd.city_guard",
        f"{rid}.fwd.road_manager",
        f"{rid}.fwd.other",
        f"{rid}.back",
    ]

    await w.press(officer_services, w.JAN, f"{rid}.fwd.city_guard")

    report = await w.load_report(officer_services, rid)
    assert (report.status, report.forwarded_to) == (ReportStatus.FORWARDED, "city_guard")
    assert await _buttons(officer_services, rid, w.JAN) == ["comment"]
    told = await w.outbox(officer_services)
    assert "Straży Miejskiej" in w.rendered(officer_services, told[-2])
    assert "Міській варті" in w.rendered(officer_services, told[-1])
    again = await w.press(officer_services, w.JAN, f"{rid}.take")
    assert again.notice == "officers-refused-status"


async def test_reassigning_hands_the_report_to_the_other_districts_officer(
    officer_services: Services, story: Story
) -> None:
    rid = story.report_id
    await w.press(officer_services, w.JAN, f"{rid}.take")
    menu = await w.press(officer_services, w.JAN, f"{rid}.move")
    assert menu.menu is not None
    assert [o.value for row in menu.menu.options for o in row] == [
        f"{rid}.to.{story.world.kon2}",
        f"{rid}.back",
    ]
    before = await w.last_outbox_id(officer_services)

    outcome = await w.press(officer_services, w.JAN, f"{rid}.to.{story.world.kon2}")

    assert outcome.notice == "officers-reassigned"
    report = await w.load_report(officer_services, rid)
    assert (report.district_id, report.status, report.taken_by_officer_id) == (
        story.world.kon2,
        ReportStatus.NEW,
        None,
    )
    sent = [(m.chat_id, m.kind) for m in await w.outbox(officer_services, before)]
    assert sent == [
        (w.JAN, "alert_edit"),
        (w.ANNA, "alert"),
        (w.ANNA, "location"),
        (w.RESIDENT, "answer"),
        # The neighbour is not told of a hand-over: only how the report ended.
    ]
    # Jan's alert keeps the story but no longer offers him anything; Anna's does.
    assert await _buttons(officer_services, rid, w.JAN) == []
    assert await _buttons(officer_services, rid, w.ANNA) == ["take", "fwd", "move", "note"]
    refused = await w.press(officer_services, w.JAN, f"{rid}.take")
    assert refused.notice == "desk-refused-other-district"
    moved = next(e for e in await w.audit(officer_services, rid) if e.action == "reassigned")
    assert (moved.action, moved.data["from_district"], moved.data["to_district"]) == (
        "reassigned",
        "KON-01",
        "KON-02",
    )


async def test_still_happening_brings_the_report_back_to_its_officer(
    officer_services: Services, story: Story
) -> None:
    rid = story.report_id
    for action in ("take", "verify", "confirm", "elim.sure"):
        await w.press(officer_services, w.JAN, f"{rid}.{action}")
    before = await w.last_outbox_id(officer_services)

    outcome = await w.press(officer_services, w.RESIDENT, str(rid), scope="ro")

    assert outcome.answers[0].key == "officers-reopen-done"
    report = await w.load_report(officer_services, rid)
    assert (report.status, report.taken_by_officer_id, report.closed_at) == (
        ReportStatus.TAKEN,
        story.world.jan,
        None,
    )
    sent = await w.outbox(officer_services, before)
    # The neighbour is not told: followers hear only how a report ended.
    # His old alert shows it taken again, and a fresh alert says it was reopened.
    assert [(m.chat_id, m.kind) for m in sent] == [
        (w.JAN, "alert_edit"),
        (w.JAN, "alert"),
        (w.JAN, "location"),
    ]
    assert sent[1].payload["reason"] == "reopened"
    trail = [(e.action, e.from_status, e.to_status) for e in await w.audit(officer_services, rid)]
    assert trail[-2:] == [
        ("reopened", "eliminated", "reopened"),
        ("status", "reopened", "taken"),
    ]
    second = await w.press(officer_services, w.NEIGHBOUR, str(rid), scope="ro")
    assert second.answers[0].key == "officers-reopen-not-now"


async def test_still_happening_from_someone_unrelated_changes_nothing(
    officer_services: Services, story: Story
) -> None:
    rid = story.report_id
    for action in ("take", "verify", "notconf.sure"):
        await w.press(officer_services, w.JAN, f"{rid}.{action}")

    outcome = await w.press(officer_services, w.STRANGER, str(rid), scope="ro")

    assert outcome.answers[0].key == "officers-reopen-invalid"
    assert (await w.load_report(officer_services, rid)).status is ReportStatus.NOT_CONFIRMED


async def test_reopened_report_whose_officer_left_goes_to_the_district_again(
    officer_services: Services, story: Story
) -> None:
    rid = story.report_id
    for action in ("take", "verify", "notconf.sure"):
        await w.press(officer_services, w.JAN, f"{rid}.{action}")
    async with officer_services.uow() as uow:
        from db.models.directory import Officer

        jan = await uow.session.get(Officer, story.world.jan)
        assert jan is not None
        jan.active = False
        await w.duty_group(uow.session, story.world.station)
        await uow.commit()
    before = await w.last_outbox_id(officer_services)

    await w.press(officer_services, w.RESIDENT, str(rid), scope="ro")

    report = await w.load_report(officer_services, rid)
    assert (report.status, report.taken_by_officer_id) == (ReportStatus.REOPENED, None)
    alerts = [m for m in await w.outbox(officer_services, before) if m.kind == "alert"]
    assert [(m.chat_id, m.payload["reason"]) for m in alerts] == [
        (w.DUTY_GROUP, "no_officer"),
        (w.KASIA, "no_officer"),
    ]


async def test_a_description_full_of_markup_characters_still_renders(
    officer_services: Services, world: w.World
) -> None:
    async with officer_services.uow() as uow:
        report = await w.report(uow.session, world.kon1, description="<&>" * 333)
        answer = await alert_answer(uow.session, officer_services, report, w.JAN, "pl")
    from handlers.render import render_text

    text = render_text(officer_services.catalog, "pl", answer)
    # All of it, escaped once; Telegram counts the 4096 characters after parsing the HTML.
    assert "{???}" not in text and "&lt;&amp;&gt;" * 333 in text and "…" not in text
    visible = parse_html(text)
    assert "<&>" * 333 in visible and len(visible) < 4096
