"""The officer's desk end to end: live report cards, the whole report in chat, roles as data.

Tomasz is the dzielnicowy of KON-05 in the Konin sample, Barbara (KP-01) the sample's coordinator,
Ewa (DZ-06) a dzielnicowa a unit makes coordinator with `officers set-role`. Zofia reports.
Everything goes through the real bot and the local Bot API server; the administrator's commands
run as `python -m bot officers ...` does, on the bot's own database.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from bot.cli import build_parser
from bot.commands import registered_commands
from bot.config import Secrets
from db.models.reports import ReportStatus
from devtools.localapi import LocalBotApi, SentMessage
from tests.e2e.test_officers import (
    StartBot,
    choose_language,
    containing,
    invite,
    link,
    report_row,
    report_threat,
    text_of,
    until_offers,
    until_reads,
    until_sent,
)
from tests.support import FAST, Clock, eventually

pytestmark = pytest.mark.e2e

TOMASZ, BARBARA, EWA = 9605, 9690, 9606
ZOFIA, OLEH = 9611, 9612
OPS_CHAT = -100_960
DUTY_GROUP = -100_961
FAST_JOBS = {"scan_interval_minutes": 0.005}
# In KON-05 too, but far enough from the city centre not to count as the same place.
BY_THE_STATION = (52.2340, 18.2598)
# KON-01 of the sample (Czarków): its dzielnicowy never links in these stories.
IN_KON_01 = (52.2100, 18.2200)
ELSEWHERE_IN_KON_01 = (52.1900, 18.2000)


async def officers_cli(runtime: Any, *argv: str) -> int:
    """Run `python -m bot officers ...` on the bot's database, as an administrator would."""
    args = build_parser(registered_commands()).parse_args(["officers", *argv])
    secrets = Secrets(bot_token=None, database_url=None, webhook_secret=None)
    # Its own event loop, as from a shell, while the bot keeps running.
    result: int = await asyncio.to_thread(args.handler, args, runtime.services.config, secrets)
    return result


def visible(api: LocalBotApi, message: Any) -> SentMessage:
    """Return a bot message as it reads now, after its edits."""
    return api.current(message.chat_id, message.message_id or 0)


async def test_taken_from_the_card_every_view_shows_the_new_status_and_buttons(
    local_api: LocalBotApi, start_bot: StartBot
) -> None:
    runtime = await start_bot(delivery=FAST)
    tomasz = local_api.user(TOMASZ, "Tomasz")
    barbara = local_api.user(BARBARA, "Barbara")
    zofia = local_api.user(ZOFIA, "Zofia")
    await link(local_api, runtime, barbara, "KP-01")
    await link(local_api, runtime, tomasz, "DZ-05")
    await local_api.await_sent(BARBARA, predicate=containing("Nowe powiązanie konta"))
    await choose_language(local_api, zofia, "pl")
    await report_threat(local_api, zofia)
    alert, _pin = await local_api.await_sent(TOMASZ, count=2)

    # The coordinator opens the report; Tomasz opens it from /zgloszenie and takes it there.
    barbara.send_command("zgloszenie", "KN-2026-000001")
    coordinators, _pin, _history = await local_api.await_sent(BARBARA, count=3)
    assert ["✋ Przyjmuję"] in coordinators.buttons()
    tomasz.send_command("zgloszenie", "kn-2026-000001")
    card, _pin, history = await local_api.await_sent(TOMASZ, count=3)
    assert card.buttons() == alert.buttons()
    assert "Historia zgłoszenia KN-2026-000001" in text_of(history)
    tomasz.press(card, "✋ Przyjmuję")

    taken = "Status: Przyjęte — asp. sztab. Tomasz Fikcyjny"
    for view in (card, alert, coordinators):
        await until_reads(local_api, view, taken)
    next_steps = [
        ["🔍 Weryfikuję"],
        ["↪️ Przekaż instytucji", "🗺 Inny rejon"],
        ["✉️ Notatka dla zgłaszającego"],
    ]
    assert visible(local_api, card).buttons() == next_steps
    assert visible(local_api, alert).buttons() == next_steps
    assert visible(local_api, coordinators).buttons() == next_steps
    # The history follows as well.
    await until_reads(local_api, history, "Przyjęte (asp. sztab. Tomasz Fikcyjny)")
    assert (await report_row(runtime, "KN-2026-000001")).status is ReportStatus.TAKEN

    # A second press on the old "take" of any view: refused, and the popup tells the truth.
    tomasz.press_data(alert, alert.button_data("✋ Przyjmuję"))

    async def last_popup() -> str:
        answered = [a for a in local_api.answered_callbacks() if a.get("text")]
        return str(answered[-1]["text"]) if answered else ""

    await eventually(
        last_popup,
        "Status zmienił się w międzyczasie (teraz: Przyjęte). "
        "Przyciski pod zgłoszeniem są już odświeżone.",
    )

    # Closed: every view offers only a closing comment.
    tomasz.press(card, "🔍 Weryfikuję")
    await until_offers(local_api, card, "❌ Niepotwierdzone")
    tomasz.press(card, "❌ Niepotwierdzone")
    await until_offers(local_api, card, "❌ Tak, niepotwierdzone")
    tomasz.press(card, "❌ Tak, niepotwierdzone")
    for view in (card, alert, coordinators):
        await until_offers(local_api, view, "📝 Dodaj komentarz")
        assert visible(local_api, view).buttons() == [["📝 Dodaj komentarz"]]


async def test_three_photos_show_in_the_card_after_the_originals_were_deleted(
    local_api: LocalBotApi, start_bot: StartBot
) -> None:
    runtime = await start_bot(delivery=FAST)
    tomasz = local_api.user(TOMASZ, "Tomasz")
    zofia = local_api.user(ZOFIA, "Zofia")
    await link(local_api, runtime, tomasz, "DZ-05")
    await choose_language(local_api, zofia, "pl")
    await report_threat(local_api, zofia, photos=3)
    alert, pin, album = await local_api.await_sent(TOMASZ, count=3)
    assert len(album.media) == 3
    stored = [item["data"] for item in album.media]

    # Tomasz clears his chat; the files the album carried are gone with it.
    ids = [alert.message_id or 0, pin.message_id or 0] + [m["message_id"] for m in album.media]
    assert len(local_api.delete_in_chat(TOMASZ, ids)) >= 3

    tomasz.send_command("zgloszenie", "KN-2026-000001")
    card, card_pin, card_album, history = await local_api.await_sent(TOMASZ, count=4)
    assert "Zgłoszenie KN-2026-000001" in text_of(card) and card.buttons()[0] == ["✋ Przyjmuję"]
    assert (card_pin.method, card_pin.latitude, card_pin.longitude) == (
        "sendLocation", pin.latitude, pin.longitude,
    )  # fmt: skip
    assert card_album.method == "sendMediaGroup" and len(card_album.media) == 3
    # Uploaded again from the stored, re-encoded files: the same bytes as the first album.
    assert [item["data"] for item in card_album.media] == stored
    assert "Zdjęcia do zgłoszenia KN-2026-000001" in (card_album.media[0]["caption"] or "")
    assert "zgłoszenie wysłane" in text_of(history)


async def test_a_coordinator_made_with_set_role_gets_the_escalation_and_the_digest(
    local_api: LocalBotApi, start_bot: StartBot
) -> None:
    # Friday 27 November 2026, 10:00 in Konin.
    clock = Clock(datetime(2026, 11, 27, 9, 0, tzinfo=UTC))
    runtime = await start_bot(clock=clock, delivery=FAST, deadlines=FAST_JOBS)
    ewa = local_api.user(EWA, "Ewa")
    tomasz = local_api.user(TOMASZ, "Tomasz")
    zofia = local_api.user(ZOFIA, "Zofia")
    await link(local_api, runtime, ewa, "DZ-06")
    await link(local_api, runtime, tomasz, "DZ-05")

    assert await officers_cli(runtime, "set-role", "DZ-06", "koordynator") == 0
    [told] = await local_api.await_sent(EWA, predicate=containing("Twoja rola w bocie"))
    assert "koordynator" in text_of(told)

    async def ewas_commands() -> list[str]:
        return [c["command"] for c in local_api.commands({"type": "chat", "chat_id": EWA})]

    await eventually(
        ewas_commands,
        [
            *("start", "zglos", "dzielnicowy", "moje", "powiadomienia", "pomoc", "jezyk"),
            *("prywatnosc",),
            *("moje_dane", "usun_dane", "anuluj"),
            *("zgloszenia", "zgloszenie", "urlop", "cisza", "ogloszenie", "ogloszenia"),
            *("spotkania",),
            *("zastepstwa", "blokuj", "odblokuj", "statystyki"),
        ],
    )
    # Her /pomoc lists her service commands, one line each.
    ewa.send_command("pomoc")
    [own] = await local_api.await_sent(EWA, predicate=containing("Twoje polecenia służbowe"))
    assert "/blokuj — " in text_of(own) and "/zgloszenia — " in text_of(own)

    # A report in Tomasz's district: nobody takes it for 48 hours.
    await choose_language(local_api, zofia, "pl")
    await report_threat(local_api, zofia)
    await local_api.await_sent(TOMASZ, predicate=containing("KN-2026-000001"))
    clock.now = clock.now + timedelta(hours=48)
    # Two jobs, in no promised order: the escalation and Sunday's digest.
    escalation = await until_sent(local_api, EWA, "Eskalacja")
    assert "KN-2026-000001" in text_of(escalation)
    assert ["✋ Przyjmuję"] in escalation.buttons()
    await until_sent(local_api, EWA, "Podsumowanie dnia", "(29.11.2026)", "po terminie: 1")


async def test_an_officer_linked_after_two_reports_went_to_the_duty_officers_is_offered_both(
    local_api: LocalBotApi, start_bot: StartBot
) -> None:
    ops = local_api.group(OPS_CHAT, "Ops")
    group = local_api.group(DUTY_GROUP, "Dyżurni KMP")
    runtime = await start_bot(delivery=FAST, telegram={"ops_chat_id": ops.id})
    barbara = local_api.user(BARBARA, "Barbara")
    tomasz = local_api.user(TOMASZ, "Tomasz")
    zofia = local_api.user(ZOFIA, "Zofia")
    oleh = local_api.user(OLEH, "Oleh", language_code="uk")
    # The coordinator registers the station's duty group, then leaves the unit.
    await link(local_api, runtime, barbara, "KP-01")
    barbara.send_command("start", await invite(runtime, "KP-01", group=True), chat=group)
    await local_api.await_sent(DUTY_GROUP, predicate=containing("grupą dyżurną"))
    assert await officers_cli(runtime, "revoke", "KP-01") == 0
    await choose_language(local_api, zofia, "pl")
    await choose_language(local_api, oleh, "uk")
    await report_threat(local_api, zofia)
    first, _pin = await local_api.await_sent(DUTY_GROUP, count=2)
    assert "nie połączył jeszcze konta" in text_of(first)
    await report_threat(local_api, oleh, description="Сміття біля вокзалу", where=BY_THE_STATION)
    await local_api.await_sent(DUTY_GROUP, count=2)
    assert not [m for m in local_api.sent(OPS_CHAT) if "KN-2026-" in text_of(m)]

    linked = await link(local_api, runtime, tomasz, "DZ-05")
    assert "Twoja rola w tym bocie: dzielnicowy" in text_of(linked)
    [offer] = await local_api.await_sent(TOMASZ, predicate=containing("Czekały na Ciebie: 2"))
    assert "KN-2026-000001" in text_of(offer) and "KN-2026-000002" in text_of(offer)
    assert offer.buttons()[0] == ["KN-2026-000001", "KN-2026-000002"]

    # He opens the first and takes it: the group's alert drops the "not linked" note.
    tomasz.press(offer, "KN-2026-000001")
    card, _pin, _history = await local_api.await_sent(TOMASZ, count=3)
    tomasz.press(card, "✋ Przyjmuję")
    now = await until_reads(local_api, first, "Status: Przyjęte — asp. sztab. Tomasz Fikcyjny")
    assert "nie połączył jeszcze konta" not in text_of(now)


async def test_a_revoked_officer_and_a_disabled_duty_group_keep_no_buttons(
    local_api: LocalBotApi, start_bot: StartBot
) -> None:
    ops = local_api.group(OPS_CHAT, "Ops")
    group = local_api.group(DUTY_GROUP, "Dyżurni KMP")
    runtime = await start_bot(delivery=FAST, telegram={"ops_chat_id": ops.id})
    barbara = local_api.user(BARBARA, "Barbara")
    tomasz = local_api.user(TOMASZ, "Tomasz")
    zofia = local_api.user(ZOFIA, "Zofia")
    await link(local_api, runtime, barbara, "KP-01")
    barbara.send_command("start", await invite(runtime, "KP-01", group=True), chat=group)
    await local_api.await_sent(DUTY_GROUP, predicate=containing("grupą dyżurną"))

    # KON-01's officer never linked: the duty group gets Zofia's report there.
    await choose_language(local_api, zofia, "pl")
    await report_threat(local_api, zofia, where=IN_KON_01)
    [in_group] = await local_api.await_sent(DUTY_GROUP, predicate=containing("KN-2026-000001"))
    assert ["✋ Przyjmuję"] in in_group.buttons()
    await link(local_api, runtime, tomasz, "DZ-05")
    await report_threat(local_api, zofia, description="Gruz pod wiaduktem")
    alert, _pin = await local_api.await_sent(TOMASZ, count=2)
    assert alert.buttons()

    # The unit revokes Tomasz: his old alert loses its buttons (presses would be refused).
    assert await officers_cli(runtime, "revoke", "DZ-05") == 0

    async def buttons_of(message: Any) -> list[list[str]]:
        return visible(local_api, message).buttons()

    await eventually(lambda: buttons_of(alert), [])
    assert "Zgłoszenie KN-2026-000002" in text_of(visible(local_api, alert))

    # The duty group is disabled: told so, its alert loses its buttons, no new alerts.
    assert await officers_cli(runtime, "groups", "--disable", "1") == 0
    [told] = await local_api.await_sent(DUTY_GROUP, predicate=containing("nie jest już grupą"))
    await eventually(lambda: buttons_of(in_group), [])
    await report_threat(local_api, zofia, where=ELSEWHERE_IN_KON_01, description="Gruz w lesie")
    # The coordinator still gets it; the group does not.
    await local_api.await_sent(BARBARA, predicate=containing("KN-2026-000003"))
    assert not [m for m in local_api.sent(DUTY_GROUP) if "KN-2026-000003" in text_of(m)]
    assert told.chat_id == DUTY_GROUP
