"""The web chat end to end: a resident, the district officer and the coordinator's duty group
talk to the real bot in a headless Chromium, as a person would click through the page.

The story: Zofia reports a wild dump with a photo and a pin picked on the districts' sketch;
Tomasz's pane receives the alert, he takes the report, verifies and confirms it, and Zofia's pane
shows each status; he writes her a note and she answers it. A screenshot of the finished story
is saved (docs/webchat.png is one of them).
"""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from devtools.webchat.world import RESIDENT
from tests.webchat.conftest import _missing

MISSING = _missing()
pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(MISSING is not None, reason=MISSING or ""),
]
# Where the screenshot of the finished story goes (WEBCHAT_SCREENSHOT to keep it elsewhere).
SCREENSHOT = "WEBCHAT_SCREENSHOT"


def test_a_report_with_photo_and_pin_goes_to_the_officer_and_back(
    browser: Any, webchat: str, tmp_path: Path
) -> None:
    from tests.webchat.pane import Pane, open_page

    open_page(browser, webchat)
    zofia, tomasz = Pane(browser, "resident"), Pane(browser, "officer")
    # The officer is linked before the page opens: his pane shows the bot's confirmation.
    tomasz.wait_for("Konto powiązane")

    zofia.node.find_element("css selector", "button.start").click()
    zofia.press("Polski")
    zofia.type("/zglos")
    zofia.press("Nie, to nie jest nagły wypadek")
    zofia.press("Przyroda i zwierzęta")
    zofia.press("wysypisk")
    zofia.press_reply("Wyślij moją lokalizację")
    zofia.pick_street("ul. Dworcowa")
    zofia.wait_for("52.22981, 18.26794")
    zofia.press("Teraz")
    zofia.wait_for("Opisz, co się dzieje")
    zofia.type("Gruz i opony za garażami przy Dworcowej")
    zofia.wait_for("Zdjęcia")
    zofia.attach("photo")
    zofia.wait_for("Zdjęcie zapisane")
    zofia.press("Gotowe")
    zofia.press("Anonimowo")
    zofia.press("Wyślij")
    zofia.wait_for("KN-")

    # Tomasz's pane: the alert with its pin and the photo; he takes it, verifies, confirms.
    tomasz.wait_for("Zdjęcia do zgłoszenia")
    assert tomasz.shown("img.photo") == 1 and tomasz.shown(".place svg") == 1
    tomasz.press("Przyjmuję")
    # The alert is a live view: edited in place, with the buttons valid now.
    tomasz.wait_for("edytowano")
    zofia.wait_for("zostało przyjęte przez dzielnicowego")
    tomasz.press("Weryfikuję")
    zofia.wait_for("sprawdza na miejscu")
    tomasz.press("Potwierdzone")
    zofia.wait_for("zostało potwierdzone")

    # His note, and her answer.
    tomasz.press("Notatka dla zgłaszającego")
    tomasz.wait_for("Napisz notatkę")
    tomasz.type("Czy opony leżą tam od dawna?")
    zofia.wait_for("Czy opony leżą tam od dawna?")
    zofia.type("Od tygodnia, ktoś dowozi je nocą.")
    tomasz.wait_for("Od tygodnia, ktoś dowozi je nocą.")

    # Whatever else the page could be made to post gets a polite refusal, and the page goes on.
    refused = post(webchat, {"chat": 1, "kind": "text", "text": "?"})
    assert refused == (400, {"ok": False, "error": "unknown chat"})
    assert post(webchat, {"chat": RESIDENT.user_id, "kind": "fly"})[0] == 400

    shot = Path(os.environ.get(SCREENSHOT) or tmp_path / "webchat.png")
    assert browser.save_screenshot(str(shot)), "the screenshot could not be saved"


def post(url: str, body: dict[str, Any]) -> tuple[int, Any]:
    """POST an action to the page's server as the page would; return the status and answer."""
    request = urllib.request.Request(
        url + "api/act",
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())
