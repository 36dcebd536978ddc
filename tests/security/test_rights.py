"""Residents' rights (RODO): a copy of everything (/moje_dane), erasure (/usun_dane), and the
same for requests by letter (`python -m bot privacy access|erase`).

Tried as residents would, in Polish and Ukrainian, over the local Bot API server. Attacks on
the side: an old "yes, erase" button pressed later must erase nothing; an erased person must
leave no link from the reports the police keep.
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.services import Services
from db.models.people import Reporter, User
from db.models.pipeline import InboxUpdate, OutboxMessage
from db.models.reports import AuditEvent, Report, ReportFollower
from devtools.localapi import LocalBotApi
from devtools.localapi.sent import SentMessage
from tests.e2e.test_officers import (
    StartBot,
    choose_language,
    press_value,
    report_threat,
    text_of,
)
from tests.program import Ran, RunCommand
from tests.support import FAST, eventually
from tests.usecases.report.story import Reporting, jpeg_with_gps

ZOFIA, OLEH = 9501, 9502
DESCRIPTION = "Gruz za garażami przy Kolejowej"


def documents(api: LocalBotApi, chat_id: int) -> list[SentMessage]:
    """Return the files the bot sent to a chat."""
    return [m for m in api.sent(chat_id) if m.method == "sendDocument"]


async def scalar(runtime: Any, statement: Any) -> Any:
    """Run one query on the bot's database."""
    async with runtime.services.uow() as uow:
        return await uow.session.scalar(statement)


@pytest.mark.e2e
async def test_a_polish_and_a_ukrainian_resident_get_a_copy_and_then_erase_their_data(
    local_api: LocalBotApi, start_bot: StartBot
) -> None:
    runtime = await start_bot(delivery=FAST, reports={"flood_messages": 100})
    zofia = local_api.user(ZOFIA, "Zofia", last_name="Kowalska")
    oleh = local_api.user(OLEH, "Oleh", language_code="uk")
    await choose_language(local_api, zofia, "pl")
    await choose_language(local_api, oleh, "uk")
    await report_threat(local_api, zofia, description=DESCRIPTION, photos=1, phone="+48 600 1")
    report_id = await scalar(runtime, select(Report.id))
    await report_threat(local_api, oleh, same_as=report_id)

    # A copy: the notice, then a JSON file and a text file.
    zofia.send_command("moje_dane")
    notice, first, second = await local_api.await_sent(ZOFIA, count=3)
    assert "dwa pliki" in text_of(notice)
    assert (first.file_name, second.file_name) == ("moje-dane.json", "moje-dane.txt")
    data = json.loads(first.document or b"")
    assert data["account"]["telegram_user_id"] == str(ZOFIA)
    [report] = data["reports"]
    assert report["description"] == DESCRIPTION
    assert report["reporter_identity"] == {
        "name": "Zofia Kowalska",
        "phone": "+48 600 1",
        "phone_consent_at": report["reporter_identity"]["phone_consent_at"],
    }
    assert base64.b64decode(report["photos"][0]["content_base64"]).startswith(b"\xff\xd8")
    text = (second.document or b"").decode("utf-8")
    assert "Twoje zgłoszenia: 1" in text and DESCRIPTION in text and "+48 600 1" in text
    assert "Kopia Twoich danych" in (first.caption or "")

    oleh.send_command("my_data")
    notice, first, second = await local_api.await_sent(OLEH, count=3)
    assert "два файли" in text_of(notice)
    olehs = (second.document or b"").decode("utf-8")
    assert "Звернення, за якими ви стежите («Я теж це бачу»): 1" in olehs
    # Another resident's report appears only as a reference: never its text or its sender.
    assert DESCRIPTION not in olehs and "Kowalska" not in olehs
    assert "Kowalska" not in (first.document or b"").decode("utf-8")
    accesses = await scalar(
        runtime,
        select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "privacy_access"),
    )
    assert accesses == 2

    # Erasure asks first; "no" keeps everything, and the old "yes" button then does nothing.
    zofia.send_command("usun_dane")
    [question] = await local_api.await_sent(ZOFIA)
    assert "Usunąć Twoje dane?" in text_of(question)
    press_value(zofia, question, "erase.no")
    [kept] = await local_api.await_sent(ZOFIA)
    assert "niczego nie usunąłem" in text_of(kept)
    press_value(zofia, question, "erase.yes")
    [expired] = await local_api.await_sent(ZOFIA)
    assert "nieaktualny" in text_of(expired)
    assert await scalar(runtime, select(func.count()).select_from(User)) == 2

    zofia.send_command("usun_dane")
    [question] = await local_api.await_sent(ZOFIA)
    press_value(zofia, question, "erase.yes")
    [erased] = await local_api.await_sent(ZOFIA)
    assert "zostały usunięte" in text_of(erased) and "112" in text_of(erased)

    oleh.send_command("delete_my_data")
    [question] = await local_api.await_sent(OLEH)
    assert "Видалити ваші дані?" in text_of(question)
    press_value(oleh, question, "erase.yes")
    [erased] = await local_api.await_sent(OLEH)
    assert "Ваші дані видалено" in text_of(erased)

    # The report stays for the police, with nothing left that leads to either person.
    async with runtime.services.uow() as uow:
        session = uow.session
        kept_report = await session.get(Report, report_id)
        assert kept_report is not None and kept_report.description == DESCRIPTION
        assert (kept_report.user_id, kept_report.reporter_id) == (None, None)
        assert await session.scalar(select(func.count()).select_from(User)) == 0
        assert await session.scalar(select(func.count()).select_from(Reporter)) == 0
        assert await session.scalar(select(func.count()).select_from(ReportFollower)) == 0
        named = await session.scalar(
            select(func.count())
            .select_from(AuditEvent)
            .where(
                or_(AuditEvent.actor_user_id.is_not(None), AuditEvent.subject_user_id.is_not(None))
            )
        )
        assert named == 0
        erasures = (
            await session.scalars(select(AuditEvent).where(AuditEvent.action == "privacy_erased"))
        ).all()
        assert [e.data["reports_unlinked"] for e in erasures] == [1, 0]
        assert [e.data["followed"] for e in erasures] == [0, 1]

    async def leftovers() -> int:
        # What is left in the pipeline for their chats: the last answers (sent, purged with the
        # outbox retention) and this update's own inbox row (purged with the inbox's).
        async with runtime.services.uow() as uow:
            out = await uow.session.scalar(
                select(func.count())
                .select_from(OutboxMessage)
                .where(OutboxMessage.chat_id.in_([ZOFIA, OLEH]), OutboxMessage.user_id.is_not(None))
            )
            return int(out or 0)

    await eventually(leftovers, 0)
    inbox = await scalar(
        runtime,
        select(func.count()).select_from(InboxUpdate).where(InboxUpdate.chat_id == ZOFIA),
    )
    assert inbox <= 2

    # Writing again starts from scratch: a new person with no reports.
    zofia.send_command("moje")
    await local_api.await_sent(ZOFIA, predicate=lambda m: "Nie masz jeszcze" in text_of(m))


def _erase_typing(env: dict[str, str], telegram_id: str, typed: str) -> Any:
    """Run `privacy erase` without --yes and type an id at its question."""
    return subprocess.run(
        [sys.executable, "-m", "bot", "privacy", "erase", "--telegram-id", telegram_id],
        input=f"{typed}\n",
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        check=False,
        timeout=120,
    )


async def test_requests_by_letter_are_served_by_the_cli_and_audited(
    report_services: Services, report_engine: AsyncEngine, tmp_path: Path, bot_command: RunCommand
) -> None:
    anna = Reporting(report_services, 8301)
    await anna.through_category()
    await anna.say("Kolejowa 12")
    await anna.press("when.now")
    await anna.say(DESCRIPTION)
    await anna.photo(jpeg_with_gps())
    await anna.press("done")
    await anna.press("anon.yes")
    await anna.press("send")
    assert anna.said() == ["report-sent"]
    env = {"RDB_DATABASE__SQLITE_PATH": str(report_engine.url.database)}

    # The commands' `main` in this process (in a thread: it runs an event loop of its own);
    # typing at the question below needs a program of its own.
    def command(*args: str) -> Ran:
        return bot_command(*args, env=env)

    result = await asyncio.to_thread(
        command, "privacy", "access", "--telegram-id", "8301", "-o", str(tmp_path / "out")
    )
    assert result.returncode == 0, result.stderr
    written = sorted((tmp_path / "out").iterdir())
    assert [p.name for p in written] == ["dane-8301.json", "dane-8301.txt"]
    assert {stat.S_IMODE(p.stat().st_mode) for p in written} == {0o600}
    assert json.loads(written[0].read_text())["reports"][0]["description"] == DESCRIPTION
    assert DESCRIPTION in written[1].read_text()

    # Without --yes the operator types the id again; a mistyped one erases nothing.
    mistyped = _erase_typing(env, "8301", "8300")
    assert mistyped.returncode == 1 and "nothing erased" in mistyped.stdout
    result = await asyncio.to_thread(command, "privacy", "erase", "--telegram-id", "8301", "--yes")
    assert result.returncode == 0, result.stderr
    assert "1 report(s) unlinked" in result.stdout
    again = await asyncio.to_thread(command, "privacy", "erase", "--telegram-id", "8301", "--yes")
    assert again.returncode == 1 and "no person" in again.stderr

    async with report_services.uow() as uow:
        session = uow.session
        assert await session.scalar(select(func.count()).select_from(User)) == 0
        report = await session.scalar(select(Report))
        assert report is not None and report.user_id is None
        trail = (
            await session.execute(
                select(AuditEvent.action, AuditEvent.note).where(
                    AuditEvent.action.in_(["privacy_access", "privacy_erased"])
                )
            )
        ).all()
    operator = trail[0][1]
    assert operator is not None and operator.startswith("cli:")
    assert [tuple(row) for row in trail] == [
        ("privacy_access", operator),
        ("privacy_erased", operator),
    ]
