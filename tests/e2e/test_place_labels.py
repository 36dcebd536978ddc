"""Places read like places, end to end: a pin by the railway station is "ul. Kolejowa 1–41" in the
resident's echo and summary (Polish and Ukrainian), in the officer's alert and list, and in the
export, with the coordinates as a map link in chat."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

import pytest

from bot.usecases.export import export_reports
from bot.usecases.places import report_place_namer
from devtools.localapi import LocalBotApi
from tests.e2e.test_officers import (
    choose_language,
    containing,
    link,
    offering,
    press_value,
    report_threat,
    text_of,
)
from tests.support import FAST

pytestmark = pytest.mark.e2e

StartBot = Callable[..., Awaitable[Any]]
TOMASZ, ZOFIA, OLEH = 9305, 9311, 9312
# A few dozen metres from the point the Konin sample gives ul. Kolejowa 1–41 (KON-05).
BY_THE_STATION = (52.2340, 18.2598)
MAP_LINK = (
    "https://www.openstreetmap.org/?mlat=52.234000&amp;mlon=18.259800#map=18/52.234000/18.259800"
)


def map_links(message: Any) -> list[str]:
    """Return the links in a message's HTML (what Telegram shows as tappable text)."""
    return re.findall(r'<a href="([^"]+)">', message.text or "")


async def test_a_pin_near_kolejowa_is_named_by_the_street_everywhere(
    local_api: LocalBotApi, start_bot: StartBot
) -> None:
    runtime = await start_bot(delivery=FAST)
    tomasz = local_api.user(TOMASZ, "Tomasz")
    zofia = local_api.user(ZOFIA, "Zofia")
    oleh = local_api.user(OLEH, "Oleh", language_code="uk")
    await link(local_api, runtime, tomasz, "DZ-05")
    await choose_language(local_api, zofia, "pl")
    await choose_language(local_api, oleh, "uk")

    await report_threat(local_api, zofia, where=BY_THE_STATION)
    polish = "w pobliżu: ul. Kolejowa 1–41 (nieparzyste), ok. 50 m · 52.23400, 18.25980"
    [echo] = [m for m in local_api.sent(ZOFIA) if text_of(m).startswith("📍")]
    assert text_of(echo).startswith(f"📍 {polish} — rejon: Rejon 5")
    [summary] = [m for m in local_api.sent(ZOFIA) if offering("send")(m)]
    assert f"Gdzie: {polish}" in text_of(summary)
    assert map_links(echo) == map_links(summary) == [MAP_LINK]

    alert, pin = await local_api.await_sent(TOMASZ, count=2)
    assert f"Miejsce: {polish} (rejon: Rejon 5" in text_of(alert)
    assert map_links(alert) == [MAP_LINK]
    assert (pin.latitude, pin.longitude) == BY_THE_STATION
    tomasz.send_command("zgloszenia")
    [listing] = await local_api.await_sent(TOMASZ, predicate=containing("Otwarte zgłoszenia"))
    assert f"— dziś — {polish}" in text_of(listing)

    # Oleh starts the same report in Ukrainian: his echo names the street in his language.
    oleh.send_command("zglos")
    for value in ("danger.no", "grp.environment", "cat.illegal_dumping"):
        [question] = await local_api.await_sent(OLEH, predicate=offering(value))
        press_value(oleh, question, value)
    await local_api.await_sent(OLEH, predicate=lambda m: bool(m.reply_keyboard()))
    oleh.send_location(*BY_THE_STATION)
    [echo] = await local_api.await_sent(OLEH, predicate=lambda m: text_of(m).startswith("📍"))
    ukrainian = "поблизу: ul. Kolejowa 1–41 (непарні), близько 50 м · 52.23400, 18.25980"
    assert text_of(echo).startswith(f"📍 {ukrainian} — дільниця: Rejon 5")
    assert map_links(echo) == [MAP_LINK]

    services = runtime.services
    namer = report_place_namer(
        services.catalog, "pl", services.gazetteer, services.config.lookup.map_link
    )
    async with services.uow() as uow:
        exported = await export_reports(
            uow.session,
            services.categories,
            since=services.clock() - timedelta(days=1),
            fmt="csv",
            with_personal_data=False,
            actor="test",
            place=namer,
        )
    [row] = list(csv.DictReader(io.StringIO(exported.content)))
    assert row["reference"] == "KN-2026-000001"
    assert row["place"] == "w pobliżu: ul. Kolejowa 1–41 (nieparzyste), ok. 50 m"
