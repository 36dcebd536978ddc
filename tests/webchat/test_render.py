"""What the page is given: Telegram's HTML subset only (the rest as text), keyboards, the sketch."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.engine import SQLiteProcessLock
from devtools.localapi import SentMessage
from devtools.localapi.state import BotApiState
from devtools.webchat.__main__ import main, serve
from devtools.webchat.actions import chosen_language
from devtools.webchat.render import message_view, reply_keyboard, safe_html
from devtools.webchat.sketch import sketch

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "konin"


def test_telegram_tags_stay_and_anything_else_is_text() -> None:
    sent = (
        '<b>Zgłoszenie</b> <i>nowe</i> <a href="https://www.openstreetmap.org/?mlat=52">mapa</a> '
        "<code>KN-1</code> <tg-spoiler>tajne</tg-spoiler> &lt;script&gt;alert(1)&lt;/script&gt;"
    )
    assert safe_html(sent, "HTML") == (
        '<b>Zgłoszenie</b> <i>nowe</i> <a href="https://www.openstreetmap.org/?mlat=52" '
        'target="_blank" rel="noopener noreferrer">mapa</a> <code>KN-1</code> '
        '<span class="spoiler">tajne</span> &lt;script&gt;alert(1)&lt;/script&gt;'
    )


def test_unknown_tags_links_and_attributes_are_dropped_and_tags_always_close() -> None:
    shown = safe_html(
        '<img src=x onerror=alert(1)><a href="javascript:alert(1)">x</a><b onclick="y">z',
        "HTML",
    )
    assert shown == "<a>x</a><b>z</b>"


def test_plain_text_is_escaped() -> None:
    assert safe_html("<b>nie pogrubione</b> & tak", None) == (
        "&lt;b&gt;nie pogrubione&lt;/b&gt; &amp; tak"
    )


def test_reply_keyboards_tell_which_buttons_share_a_contact_or_a_place() -> None:
    markup = {
        "keyboard": [[{"text": "📞 Udostępnij mój numer", "request_contact": True}], ["Bez"]],
        "one_time_keyboard": True,
    }
    assert reply_keyboard(markup) == {
        "rows": [
            [{"text": "📞 Udostępnij mój numer", "contact": True, "location": False}],
            [{"text": "Bez", "contact": False, "location": False}],
        ],
        "one_time": True,
        "placeholder": "",
    }
    assert reply_keyboard({"remove_keyboard": True}) == {"remove": True}


def test_never_started_with_a_token(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "123:abc")
    assert main([]) == 2
    assert "runs only without it" in capsys.readouterr().err


def test_the_sketch_draws_every_sample_district_and_street_point() -> None:
    drawn = sketch(SAMPLE)
    assert [d["code"] for d in drawn["districts"]] == [f"KON-0{n}" for n in range(1, 10)]
    assert all(len(d["rings"]) == 1 and len(d["rings"][0]) >= 4 for d in drawn["districts"])
    dworcowa = next(s for s in drawn["streets"] if s["name"] == "ul. Dworcowa")
    assert (dworcowa["lat"], dworcowa["lon"], dworcowa["district"]) == (
        52.22981,
        18.26794,
        "KON-05",
    )


def test_a_press_of_the_bots_language_choice_is_recognised_for_the_pane() -> None:
    assert chosen_language("l:1:uk") == "uk"
    assert chosen_language("r:3:cat.illegal_dumping") is None
    assert chosen_language("not callback data") is None


def test_a_bot_message_shows_its_quote_photo_place_contact_and_buttons() -> None:
    state = BotApiState()
    stored = state.new_file(b"jpeg", "photo", ".jpg", "image/jpeg", size=(4, 3))
    message = {
        "message_id": 5,
        "caption": "Zdjęcie",
        "photo": [{"file_id": stored.file_id}],
        "reply_to_message": {"message_id": 2, "text": "x" * 100},
        "location": {"latitude": 52.2, "longitude": 18.2},
        "contact": {"first_name": "Tomasz", "last_name": "Fikcyjny", "phone_number": "+48 1"},
        "reply_markup": {"inline_keyboard": [[{"text": "✋", "callback_data": "o:1:take"}]]},
        "edit_date": 1,
    }
    sent = SentMessage("editMessageCaption", 7, 5, caption="<b>Zdjęcie</b>", parse_mode="HTML")
    sent.message = message
    assert message_view(state, sent) == {
        "id": 5,
        "edited": True,
        "buttons": [[{"text": "✋", "data": "o:1:take"}]],
        "html": "<b>Zdjęcie</b>",
        "reply": "x" * 80 + "…",
        "photos": [f"/media/{stored.file_path}"],
        "location": {"lat": 52.2, "lon": 18.2},
        "contact": {"name": "Tomasz Fikcyjny", "phone": "+48 1"},
    }


async def test_a_second_web_chat_on_the_same_file_leaves_the_first_ones_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    database = tmp_path / "webchat.sqlite3"
    database.write_bytes(b"the first web chat's data")
    monkeypatch.setenv("RDB_WEBCHAT__SQLITE_PATH", str(database))
    first = SQLiteProcessLock(database)
    first.acquire()
    try:
        assert await serve(0) == 1
    finally:
        first.release()
    assert database.read_bytes() == b"the first web chat's data"
    assert "another bot process" in capsys.readouterr().err
