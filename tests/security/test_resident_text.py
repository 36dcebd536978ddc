"""Control and bidi-override characters never reach an officer (newlines do).

Attack ("Trojan Source" in a report): a resident writes a description with U+202E RIGHT-TO-LEFT
OVERRIDE, terminal escapes or NUL, or puts them in the name Telegram shows, so that the
officer's alert reads differently from what is stored, or an export opened in a terminal runs
escape sequences; a NUL would also make PostgreSQL refuse the report at "Send".
"""

from __future__ import annotations

import unicodedata
from typing import Any

import pytest
from telegram import Update

from bot.conversation import Contact, Location, Text, clean_text
from devtools.localapi import LocalBotApi
from handlers.turn_runner import step_from_update
from tests.e2e.test_officers import (
    TOMASZ,
    StartBot,
    choose_language,
    link,
    report_threat,
    text_of,
)
from tests.support import FAST

HOSTILE = "Gruz\u202e za garażami\u2066\x00\x1b[2J\x07\r\nlinia\u2029druga\tkoniec \u200fעברית"
BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def harmful(text: str) -> set[str]:
    """Return the control and bidi-override characters left in a text (newlines are fine)."""
    return {
        c
        for c in text
        if c in BIDI_CONTROLS or (unicodedata.category(c) in ("Cc", "Cs") and c != "\n")
    }


def test_clean_text_keeps_words_newlines_and_rtl_text() -> None:
    cleaned = clean_text(HOSTILE)
    assert cleaned == "Gruz za garażami[2J\nlinia\ndruga koniec \u200fעברית"
    assert harmful(cleaned) == set()
    assert clean_text("\ud800 lone surrogate") == " lone surrogate"
    assert clean_text("zwykły tekst 👍🏽 z emoji 👨‍👩‍👧") == "zwykły tekst 👍🏽 z emoji 👨‍👩‍👧"


def _update(message: dict[str, Any]) -> Update:
    base = {"message_id": 1, "date": 0, "chat": {"id": 5, "type": "private"}}
    sender = {"id": 5, "is_bot": False, "first_name": "A"}
    return Update.de_json({"update_id": 1, "message": {**base, "from": sender, **message}}, None)


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ({"text": f"  {HOSTILE}  "}, Text(clean_text(HOSTILE).strip())),
        ({"text": "/blokuj KN-2026-000001 \u202ereason"}, None),
        (
            {
                "location": {"latitude": 52.2, "longitude": 18.2},
                "venue": {
                    "location": {"latitude": 52.2, "longitude": 18.2},
                    "title": "Sklep\u202e\x1b",
                    "address": "Kolejowa\x00 1",
                },
            },
            Location(52.2, 18.2, "Sklep", "Kolejowa 1"),
        ),
        (
            {"contact": {"phone_number": "+48\u202e600\x00", "first_name": "A", "user_id": 5}},
            Contact("+48600", True),
        ),
    ],
)
def test_every_text_in_a_message_is_cleaned_when_it_arrives(
    message: dict[str, Any], expected: object
) -> None:
    step = step_from_update(_update(message))
    if expected is None:
        assert step is not None and harmful(repr(step)) == set()
        assert "\u202e" not in getattr(step, "args", "")
    else:
        assert step == expected


@pytest.mark.e2e
async def test_the_officer_reads_no_override_in_a_description_or_a_reporters_name(
    local_api: LocalBotApi, start_bot: StartBot
) -> None:
    runtime = await start_bot(delivery=FAST)
    tomasz = local_api.user(TOMASZ, "Tomasz")
    zofia = local_api.user(9301, "Zofia\u202eNIMDA", last_name="\x1b[31mK")
    await link(local_api, runtime, tomasz, "DZ-05")
    await choose_language(local_api, zofia, "pl")
    await report_threat(local_api, zofia, description=HOSTILE, phone="+48 600 100 200")
    alert, _pin = await local_api.await_sent(TOMASZ, count=2)
    text = text_of(alert)
    assert "Gruz za garażami[2J\nlinia\ndruga koniec" in text
    assert "Zgłaszający: ZofiaNIMDA [31mK" in text
    assert harmful(text) == set()
    assert harmful(alert.text or "") == set()
