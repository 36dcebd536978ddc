"""Partner institutions end to end: a report forwarded to Straż Miejska, and a silent partner.

Tomasz (DZ-05, KON-05 of the Konin sample) forwards Zofia's report to the city guard of the sample
(SM-KONIN, partners.csv), whose group Marek linked with a one-time invite. The guard's chat reads
the report without Zofia's name, phone or account; its Accepted and Done reach Tomasz's live
views and Zofia in her language. A guard that never answers is escalated to Barbara (KP-01, the
sample's coordinator). Everything goes through the real bot and the local Bot API server.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from bot.usecases.partners.linking import create_partner_invite
from db.models.reports import ReportStatus
from devtools.localapi import LocalBotApi
from devtools.localapi.sent import SentMessage
from tests.e2e.test_officers import (
    StartBot,
    choose_language,
    containing,
    link,
    popups,
    report_row,
    report_threat,
    text_of,
    trail,
    until_offers,
    until_reads,
)
from tests.support import FAST, Clock, eventually

pytestmark = pytest.mark.e2e

TOMASZ, BARBARA, MAREK = 9805, 9890, 9870
ZOFIA, OLENA = 9811, 9812
GUARD_GROUP = -100_980
ZOFIAS_PHONE = "+48 600 111 222"
GUARD = "Straż Miejska w Koninie (PRZYKŁAD)"


async def partner_invite(runtime: Any, code: str) -> str:
    """Issue a partner's invite, as `python -m bot partners invite CODE` does."""
    async with runtime.services.uow() as uow:
        issued, _partner, _expires = await create_partner_invite(
            uow.session, code, now=runtime.services.clock(), ttl_hours=24
        )
        await uow.commit()
        return issued


async def link_guard(api: LocalBotApi, runtime: Any) -> Any:
    """Marek opens the city guard's invite in the guard's group."""
    group = api.group(GUARD_GROUP, "Straż Miejska – dyżur")
    marek = api.user(MAREK, "Marek")
    marek.send_command("start", await partner_invite(runtime, "SM-KONIN"), chat=group)
    [linked] = await api.await_sent(GUARD_GROUP, predicate=containing("Ten czat należy teraz do"))
    assert GUARD in text_of(linked)
    return group, marek


async def forward_to_guard(api: LocalBotApi, tomasz: Any, alert: SentMessage) -> SentMessage:
    """Tomasz forwards the report from his alert to the city guard; return the guard's copy."""
    tomasz.press(alert, "↪️ Przekaż instytucji")
    menu = await until_offers(api, alert, f"🏛 {GUARD}")
    # The gmina's partners: Konin's, and the powiat's road authority; nobody else's.
    labels = [label for row in menu.buttons() for label in row]
    assert "🏛 Zarząd Dróg Powiatowych w Koninie (PRZYKŁAD)" not in labels  # not linked
    tomasz.press(menu, f"🏛 {GUARD}")
    [copy] = await api.await_sent(GUARD_GROUP, predicate=containing("KN-2026-000001"))
    return copy


async def test_forwarded_report_reaches_the_partner_without_the_reporter_and_comes_back_done(
    local_api: LocalBotApi, start_bot: StartBot
) -> None:
    runtime = await start_bot(delivery=FAST)
    tomasz = local_api.user(TOMASZ, "Tomasz")
    zofia = local_api.user(ZOFIA, "Zofia", last_name="Nowak")
    _group, marek = await link_guard(local_api, runtime)
    await link(local_api, runtime, tomasz, "DZ-05")
    await choose_language(local_api, zofia, "pl")
    await report_threat(local_api, zofia, phone=ZOFIAS_PHONE)
    alert, _pin = await local_api.await_sent(TOMASZ, count=2)
    assert "Zofia" in text_of(alert)  # the officer knows who reported (she agreed)

    copy = await forward_to_guard(local_api, tomasz, alert)
    text = text_of(copy)
    assert "Dzikie wysypisko" in text or "wysypisk" in text.lower()
    assert "Ktoś wysypuje gruz" in text
    # Privacy: the reporter's name, phone and account never reach the institution.
    for secret in ("Zofia", "Nowak", ZOFIAS_PHONE, "600 111 222", str(ZOFIA)):
        assert secret not in text
        assert secret not in str(copy.reply_markup)
    assert copy.buttons() == [["✅ Przyjęte"], ["🏁 Załatwione"], ["↩️ Nie nasze"]]
    await local_api.await_sent(ZOFIA, predicate=containing("przekazano instytucji"))
    await until_reads(local_api, alert, f"Przekazane: {GUARD}")
    assert (await report_row(runtime, "KN-2026-000001")).status is ReportStatus.FORWARDED

    # Accepted: Zofia hears it, the buttons keep only what is still possible.
    marek.press(copy, "✅ Przyjęte")
    await local_api.await_sent(ZOFIA, predicate=containing("przyjmuje Twoje zgłoszenie"))
    await until_offers(local_api, copy, "🏁 Załatwione")

    async def guard_buttons() -> list[list[str]]:
        return local_api.current(GUARD_GROUP, copy.message_id or 0).buttons()

    await eventually(guard_buttons, [["🏁 Załatwione"], ["↩️ Nie nasze"]])

    # Done: the report is eliminated; Tomasz's alert and Zofia both say so.
    marek.press(copy, "🏁 Załatwione")
    [done] = await local_api.await_sent(ZOFIA, predicate=containing("została załatwiona"))
    assert GUARD in text_of(done)
    assert done.buttons() == [["🔁 Nadal występuje"]]
    await until_reads(local_api, alert, "Wyeliminowane")
    await eventually(guard_buttons, [])
    report = await report_row(runtime, "KN-2026-000001")
    assert report.status is ReportStatus.ELIMINATED
    actions = [action for action, _from, _to in await trail(runtime, report.id)]
    assert actions[-2:] == ["partner_accepted", "partner_done"]

    # A second Done, forged data, and the guard's own data pressed elsewhere: refused politely.
    marek.press_data(copy, copy.button_data("🏁 Załatwione"))
    await eventually(
        last_popup(local_api),
        "KN-2026-000001: tej odpowiedzi nie można już dać (teraz: załatwione).",
    )
    marek.press_data(copy, "pa:0:99999.done")
    refused = (
        "Ten przycisk nie dotyczy tego czatu albo jest nieprawidłowy. Nic nie zostało zmienione."
    )
    await eventually(last_popup(local_api), refused)
    before = len(popups(local_api))
    zofia.press_data(done, copy.button_data("↩️ Nie nasze"))

    async def refusals() -> int:
        return sum(1 for text in popups(local_api)[before:] if text == refused)

    await eventually(refusals, 1)
    assert (await report_row(runtime, "KN-2026-000001")).status is ReportStatus.ELIMINATED


def last_popup(api: LocalBotApi) -> Any:
    """Probe the text of the newest popup a press showed."""

    async def probe() -> str:
        shown = popups(api)
        return shown[-1] if shown else ""

    return probe


async def test_a_partner_that_never_answers_is_escalated_to_the_coordinator(
    local_api: LocalBotApi, start_bot: StartBot
) -> None:
    clock = Clock(datetime(2026, 12, 2, 9, 0, tzinfo=UTC))
    runtime = await start_bot(
        clock=clock,
        delivery=FAST,
        deadlines={"scan_interval_minutes": 0.005, "partner_answer_hours": 24},
    )
    tomasz = local_api.user(TOMASZ, "Tomasz")
    barbara = local_api.user(BARBARA, "Barbara")
    olena = local_api.user(OLENA, "Olena", language_code="uk")
    _group, marek = await link_guard(local_api, runtime)
    await link(local_api, runtime, barbara, "KP-01")
    await link(local_api, runtime, tomasz, "DZ-05")
    await choose_language(local_api, olena, "uk")
    await report_threat(local_api, olena)
    alert, _pin = await local_api.await_sent(TOMASZ, count=2)
    tomasz.press(alert, "✋ Przyjmuję")
    await until_offers(local_api, alert, "↪️ Przekaż instytucji")
    copy = await forward_to_guard(local_api, tomasz, alert)
    # Olena is told in Ukrainian.
    await local_api.await_sent(OLENA, predicate=containing("передано установі"))

    # A day later, nobody in the guard pressed anything: Barbara gets the report, with why.
    clock.now += timedelta(hours=25)
    escalated = await local_api.await_sent(
        BARBARA, predicate=containing("nie odpowiedziała w wyznaczonym czasie")
    )
    assert "KN-2026-000001" in text_of(escalated[0])
    report = await report_row(runtime, "KN-2026-000001")
    actions = [action for action, _from, _to in await trail(runtime, report.id)]
    assert actions.count("partner_escalated") == 1

    # Late, the guard says it is not theirs: back to Tomasz as taken, with a fresh alert saying
    # why; Olena hears it in Ukrainian.
    marek.press(copy, "↩️ Nie nasze")
    [back] = await local_api.await_sent(TOMASZ, predicate=containing("Wróciło od instytucji"))
    assert "Status: Przyjęte" in text_of(back)
    await local_api.await_sent(OLENA, predicate=containing("повернуто дільничному"))
    assert (await report_row(runtime, "KN-2026-000001")).status is ReportStatus.TAKEN
