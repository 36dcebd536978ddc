"""Officers' messages through faults, and the duty group, end to end.

The local Bot API server answers 429 with retry_after, 500, stalls past the bot's timeout and
says 403 for a chat that blocked the bot. Afterwards nothing is lost: every alert, pin, album and
status message arrived (an officer who blocked the bot is replaced by the duty group and the
coordinator), and the number of duplicates is printed.
"""

from __future__ import annotations

import time
from collections import Counter
from typing import Any

import pytest
from sqlalchemy import select

from bot.usecases.alerts import queue_new_report_alerts
from db.models.directory import District, StationChat
from db.models.people import User
from db.models.pipeline import OutboxMessage, OutboxStatus
from db.models.reports import Report, ReportPhoto, ReportStatus
from devtools.localapi import LocalBotApi
from devtools.localapi.sent import SentMessage
from tests.e2e.test_officers import (
    StartBot,
    add_coordinator,
    link,
    popups,
    text_of,
)
from tests.support import FAST, eventually

pytestmark = pytest.mark.e2e

OPS_CHAT = -100_800
DUTY_GROUP = -100_801
KASIA, JAN, TOMASZ = 9301, 9302, 9305
PIOTR = 9399  # in the duty group, but no officer
RESIDENTS = (9401, 9402, 9403, 9404)
BLOCKED_RESIDENT = 9404


async def _station_id(runtime: Any) -> int:
    async with runtime.services.uow() as uow:
        district: District | None = await uow.session.scalar(
            select(District).where(District.code == "KON-05")
        )
        assert district is not None
        return district.station_id


async def _submit(runtime: Any, number: int, district_code: str, resident: int) -> str:
    """Store a report as the report flow does and queue its alert (the flow's own call)."""
    services = runtime.services
    async with services.uow() as uow:
        session = uow.session
        district = await session.scalar(select(District).where(District.code == district_code))
        user = await session.scalar(select(User).where(User.external_id == str(resident)))
        assert district is not None and user is not None
        report = Report(
            reference=f"KN-2026-{number:06d}",
            category="illegal_dumping",
            district_id=district.id,
            # A different point per report, so each pin can be told apart.
            lat=52.2275 + number / 10_000,
            lon=18.2614,
            location_source="point",
            address=None,
            occurred={"kind": "now"},
            description=f"Gruz numer {number}",
            user_id=user.id,
            language="pl",
            created_at=services.clock(),
            updated_at=services.clock(),
        )
        session.add(report)
        await session.flush()
        for position in (1, 2):
            session.add(
                ReportPhoto(
                    report_id=report.id,
                    position=position,
                    content=_jpeg(number, position),
                    sha256=f"{number:032d}{position:032d}",
                    width=64,
                    height=48,
                )
            )
        await queue_new_report_alerts(uow, services, report)
        await uow.commit()
        return report.reference


def _jpeg(number: int, position: int) -> bytes:
    from devtools.localapi.users import sample_jpeg

    return sample_jpeg(64, 48, color=("red", "green", "blue", "white", "black")[number % 5])


async def _residents(runtime: Any) -> None:
    async with runtime.services.uow() as uow:
        for resident in RESIDENTS:
            uow.session.add(User(external_id=str(resident), chat_id=resident, language="pl"))
        await uow.commit()


async def _outbox(runtime: Any) -> list[OutboxMessage]:
    async with runtime.services.uow() as uow:
        rows = list(await uow.session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))
        uow.session.expunge_all()
        return rows


def _identity(message: SentMessage) -> tuple[Any, ...]:
    """What makes a message the same message: its chat, kind and content."""
    media = tuple(item.get("caption") for item in message.media)
    return (
        message.chat_id,
        message.method,
        message.text or message.caption,
        message.latitude,
        message.phone_number,
        media,
    )


async def test_after_429_500_timeouts_and_403_nothing_is_lost(
    local_api: LocalBotApi, start_bot: StartBot
) -> None:
    ops = local_api.group(OPS_CHAT, "Ops")
    group = local_api.group(DUTY_GROUP, "Dyżurni KMP")
    runtime = await start_bot(
        delivery=FAST, telegram={"ops_chat_id": ops.id, "request_timeout": 1.0}
    )
    await add_coordinator(runtime)
    kasia = local_api.user(KASIA, "Katarzyna")
    await link(local_api, runtime, kasia, "KO-01")
    await link(local_api, runtime, local_api.user(TOMASZ, "Tomasz"), "DZ-05")
    await link(local_api, runtime, local_api.user(JAN, "Jan"), "DZ-01")
    async with runtime.services.uow() as uow:
        uow.session.add(StationChat(station_id=await _station_id(runtime), chat_id=group.id))
        await uow.commit()
    await _residents(runtime)
    for resident in RESIDENTS:
        local_api.user(resident, "Mieszkaniec")
    # Jan blocked the bot (the bot does not know yet); so did one resident.
    local_api.block_chat(JAN)
    local_api.block_chat(BLOCKED_RESIDENT)
    local_api.inject("sendMessage", TOMASZ, kind="retry_after", retry_after=1)
    local_api.inject("sendLocation", TOMASZ, kind="server_error", times=2)
    local_api.inject("sendMediaGroup", TOMASZ, kind="slow", delay=1.5)
    local_api.inject("sendMessage", DUTY_GROUP, kind="server_error")
    local_api.inject("editMessageText", TOMASZ, kind="server_error")
    local_api.inject("sendMessage", RESIDENTS[0], kind="retry_after", retry_after=1)

    references = [
        await _submit(runtime, number, "KON-05", resident)
        for number, resident in enumerate(RESIDENTS, start=1)
    ]
    jans = await _submit(runtime, 5, "KON-01", RESIDENTS[0])

    # Every alert reaches Tomasz; he takes each report.
    alerts = await local_api.await_sent(
        TOMASZ, count=4, timeout=20, predicate=lambda m: "Zgłoszenie KN-" in text_of(m)
    )
    for alert in alerts:
        local_api.user(TOMASZ, "Tomasz").press(alert, "✋ Przyjmuję")

    async def settled() -> bool:
        rows = await _outbox(runtime)
        busy = {OutboxStatus.PENDING, OutboxStatus.SENDING}
        taken = sum(1 for r in rows if r.kind == "answer" and r.chat_id in RESIDENTS)
        return taken == len(RESIDENTS) and not any(r.status in busy for r in rows)

    await eventually(settled, True, within=30)
    rows = await _outbox(runtime)
    statuses = Counter((r.chat_id, r.status) for r in rows if r.status != OutboxStatus.SENT)
    assert statuses == Counter(
        {
            # The alert, its pin and its album.
            (JAN, OutboxStatus.UNDELIVERABLE): 3,
            (BLOCKED_RESIDENT, OutboxStatus.UNDELIVERABLE): 1,
        }
    )
    # Nothing lost: each report's alert, pin and album in Tomasz's chat; each resident told.
    tomasz = local_api.sent(TOMASZ)
    for number, reference in enumerate(references, start=1):
        assert any(reference in text_of(m) for m in tomasz if m.method == "sendMessage")
        assert any(m.latitude == pytest.approx(52.2275 + number / 10_000) for m in tomasz)
    assert sum(1 for m in tomasz if m.method == "sendMediaGroup") >= 4
    for resident, reference in zip(RESIDENTS[:-1], references, strict=False):
        assert any(reference in text_of(m) for m in local_api.sent(resident))
    # Jan blocked the bot: his district's alert went to the duty group and the coordinator.
    for chat in (DUTY_GROUP, KASIA):
        rerouted = [m for m in local_api.sent(chat) if jans in text_of(m)]
        assert rerouted and "zablokował bota" in text_of(rerouted[0])
    async with runtime.services.uow() as uow:
        jan = await uow.session.scalar(select(User).where(User.external_id == str(JAN)))
        assert jan is not None and jan.undeliverable
        taken = await uow.session.scalars(select(Report.status).where(Report.id <= 4))
        assert set(taken) == {ReportStatus.TAKEN}

    copies = Counter(_identity(m) for m in local_api.sent() if m.method != "editMessageText")
    duplicates = sum(n - 1 for n in copies.values())
    print(f"\nofficers' delivery after faults: {len(copies)} messages, {duplicates} duplicate(s)")
    print(f"faults fired: {local_api.fault_counts()}")
    # Only a timed-out album can arrive twice (Telegram had it when the bot gave up).
    assert duplicates <= 1


async def test_duty_group_sign_up_and_presses_in_the_group(
    local_api: LocalBotApi, start_bot: StartBot
) -> None:
    ops = local_api.group(OPS_CHAT, "Ops")
    group = local_api.group(DUTY_GROUP, "Dyżurni KMP")
    runtime = await start_bot(delivery=FAST, telegram={"ops_chat_id": ops.id})
    await add_coordinator(runtime)
    kasia = local_api.user(KASIA, "Katarzyna")
    piotr = local_api.user(PIOTR, "Piotr")
    await link(local_api, runtime, kasia, "KO-01")
    await local_api.await_sent(OPS_CHAT)
    from tests.e2e.test_officers import invite

    # The link alone is not enough: Piotr cannot register the group with it.
    code = await invite(runtime, "KO-01", group=True)
    piotr.send_command("start", code, chat=group)
    [refused] = await local_api.await_sent(DUTY_GROUP)
    assert "nieprawidłowy" in text_of(refused)
    kasia.send_command("start", code, chat=group)
    [registered] = await local_api.await_sent(DUTY_GROUP)
    assert "grupą dyżurną" in text_of(registered)
    [announced] = await local_api.await_sent(OPS_CHAT)
    assert "Dyżurni KMP" in text_of(announced)

    # KON-01's officer never linked: the duty group and the coordinator get it, with why.
    await _residents(runtime)
    local_api.user(RESIDENTS[0], "Mieszkaniec")
    reference = await _submit(runtime, 1, "KON-01", RESIDENTS[0])
    alert, _pin, _album = await local_api.await_sent(DUTY_GROUP, count=3)
    assert reference in text_of(alert) and "nie połączył jeszcze konta" in text_of(alert)
    [private] = await local_api.await_sent(KASIA, predicate=lambda m: reference in text_of(m))

    piotr.press(alert, "✋ Przyjmuję")

    async def popup_texts() -> list[str]:
        return popups(local_api)

    await eventually(
        popup_texts,
        [
            "Te przyciski są tylko dla dzielnicowych, koordynatorów i dyżurnych, którzy połączyli "
            "konto przez zaproszenie."
        ],
    )
    kasia.press(alert, "✋ Przyjmuję")
    [edited] = await local_api.await_sent(
        DUTY_GROUP, predicate=lambda m: m.method == "editMessageText"
    )
    assert "Status: Przyjęte — kom. Katarzyna Koordynująca" in text_of(edited)
    # Why it came to the group no longer matters once someone took it.
    assert "nie połączył jeszcze konta" not in text_of(edited)
    await local_api.await_sent(
        KASIA,
        predicate=lambda m: m.method == "editMessageText" and m.message_id == private.message_id,
    )
    await local_api.await_sent(RESIDENTS[0], predicate=lambda m: reference in text_of(m))

    # Removed from the group: no more alerts go there.
    bot_user = local_api.state.default_bot().as_user()
    local_api.enqueue_update(
        {
            "my_chat_member": {
                "chat": group.as_dict(),
                "from": kasia.as_dict(),
                "date": int(time.time()),
                "old_chat_member": {"user": bot_user, "status": "member"},
                "new_chat_member": {"user": bot_user, "status": "left"},
            }
        }
    )

    async def group_active() -> bool | None:
        async with runtime.services.uow() as uow:
            active: bool | None = await uow.session.scalar(
                select(StationChat.active).where(StationChat.chat_id == DUTY_GROUP)
            )
            return active

    await eventually(group_active, False)
