"""The powiat koniński end to end: villages and rural gminas reach their own unit's officer.

The SAMPLE directory covers every gmina of the powiat with the units that serve them (KMP Konin
and the komisariaty in Golina, Rychwał, Kleczew, Ślesin and Sompolno). Halina types "Licheń
Stary 12" (a village without streets, gmina Ślesin); Irena shares a point in the gmina Sompolno;
a report from the gmina Wierzbinek, whose dzielnicowy never linked, goes to the Sompolno unit's
coordinator and to no other unit's. Everything goes through the real bot and the local Bot API
server.
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from db.models.directory import Officer
from db.models.reports import AlertMessage
from devtools.localapi import FakeUser, LocalBotApi
from tests.e2e.test_officers import (
    StartBot,
    choose_language,
    containing,
    link,
    offering,
    press_value,
    report_row,
    report_threat,
    text_of,
)
from tests.support import FAST

pytestmark = pytest.mark.e2e

SLESIN_OFFICER, SOMPOLNO_OFFICER = 9905, 9906
SOMPOLNO_COORDINATOR, KONIN_COORDINATOR = 9990, 9991
HALINA, IRENA = 9911, 9912
# Inside the gmina Sompolno (SOM-01, Komisariat Policji w Sompolnie) and Wierzbinek (WIE-01).
IN_SOMPOLNO = (52.3905, 18.5050)
IN_WIERZBINEK = (52.4400, 18.5150)


async def report_typed(api: LocalBotApi, resident: FakeUser, address: str) -> str:
    """Report a wild dump at a typed address, anonymously; return what the bot said the place is."""
    uid = resident.id
    resident.send_command("zglos")
    [danger] = await api.await_sent(uid, predicate=offering("danger.no"))
    press_value(resident, danger, "danger.no")
    [groups] = await api.await_sent(uid, predicate=offering("grp.environment"))
    press_value(resident, groups, "grp.environment")
    [kinds] = await api.await_sent(uid, predicate=offering("cat.illegal_dumping"))
    press_value(resident, kinds, "cat.illegal_dumping")
    await api.await_sent(uid, predicate=lambda m: bool(m.reply_keyboard()))
    resident.send_text(address)
    [when] = await api.await_sent(uid, predicate=offering("when.now"))
    found = [m for m in api.sent(uid) if "Licheń" in text_of(m) or address in text_of(m)]
    press_value(resident, when, "when.now")
    [skip] = await api.await_sent(uid, predicate=offering("skip"))
    press_value(resident, skip, "skip")
    [photos] = await api.await_sent(uid, predicate=offering("done"))
    press_value(resident, photos, "done")
    [anonymous] = await api.await_sent(uid, predicate=offering("anon.yes"))
    press_value(resident, anonymous, "anon.yes")
    [summary] = await api.await_sent(uid, predicate=offering("send"))
    press_value(resident, summary, "send")
    await api.await_sent(uid, predicate=lambda m: "KN-" in text_of(m))
    return text_of(found[-1]) if found else ""


async def alerted_officers(runtime: Any, reference: str) -> set[str]:
    """Return the codes of the officers whose chats got the report's alert."""
    report = await report_row(runtime, reference)
    async with runtime.services.uow() as uow:
        rows = await uow.session.scalars(
            select(Officer.code)
            .join(AlertMessage, AlertMessage.officer_id == Officer.id)
            .where(AlertMessage.report_id == report.id)
        )
        return set(rows.all())


async def test_a_village_address_and_a_rural_point_reach_their_units_officers(
    local_api: LocalBotApi, start_bot: StartBot
) -> None:
    runtime = await start_bot(delivery=FAST)
    slesin = local_api.user(SLESIN_OFFICER, "Halina")
    sompolno = local_api.user(SOMPOLNO_OFFICER, "Lidia")
    halina = local_api.user(HALINA, "Halina")
    irena = local_api.user(IRENA, "Irena", language_code="uk")
    await link(local_api, runtime, slesin, "DZ-SLE")
    await link(local_api, runtime, sompolno, "DZ-SOM")

    # A village without streets: the locality names the district (gmina Ślesin).
    await choose_language(local_api, halina, "pl")
    await report_typed(local_api, halina, "Licheń Stary 12")
    [alert] = await local_api.await_sent(SLESIN_OFFICER, predicate=containing("KN-2026-000001"))
    assert "Rejon gminy Ślesin (PRZYKŁAD)" in text_of(alert)
    assert "Licheń Stary 12" in text_of(alert)

    # A shared point in a rural gmina, from a Ukrainian resident: the Sompolno unit's officer.
    await choose_language(local_api, irena, "uk")
    await report_threat(local_api, irena, where=IN_SOMPOLNO)
    [alert] = await local_api.await_sent(SOMPOLNO_OFFICER, predicate=containing("KN-2026-000002"))
    assert "Rejon gminy Sompolno (PRZYKŁAD)" in text_of(alert)
    assert await alerted_officers(runtime, "KN-2026-000001") == {"DZ-SLE"}
    assert await alerted_officers(runtime, "KN-2026-000002") == {"DZ-SOM"}


async def test_a_district_nobody_serves_goes_to_its_own_units_coordinator_only(
    local_api: LocalBotApi, start_bot: StartBot
) -> None:
    runtime = await start_bot(delivery=FAST)
    own = local_api.user(SOMPOLNO_COORDINATOR, "Teresa")
    city = local_api.user(KONIN_COORDINATOR, "Barbara")
    irena = local_api.user(IRENA, "Irena")
    await link(local_api, runtime, own, "KP-SOM")
    await link(local_api, runtime, city, "KP-01")
    await choose_language(local_api, irena, "pl")

    # Wierzbinek's dzielnicowy never linked: the Sompolno unit's coordinator gets it, with why;
    # the city command's coordinator, of another unit, does not.
    await report_threat(local_api, irena, where=IN_WIERZBINEK)
    [alert] = await local_api.await_sent(
        SOMPOLNO_COORDINATOR, predicate=containing("KN-2026-000001")
    )
    assert "Rejon gminy Wierzbinek (PRZYKŁAD)" in text_of(alert)
    assert await alerted_officers(runtime, "KN-2026-000001") == {"KP-SOM"}
