"""Turn what the bot sent into what a pane shows: safe HTML, keyboards, media, places, cards.

The bot writes Telegram's HTML subset. The page shows it as HTML, so every tag is checked
against that subset and everything else is escaped: a resident's text quoted in an officer's
alert must not become markup on the page.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser
from typing import Any

from devtools.localapi import SentMessage
from devtools.localapi.state import BotApiState

# Telegram's tags and what the page shows for each.
TAGS = {
    "b": "b",
    "strong": "b",
    "i": "i",
    "em": "i",
    "u": "u",
    "ins": "u",
    "s": "s",
    "strike": "s",
    "del": "s",
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
    "tg-spoiler": "span",
    "span": "span",
    "a": "a",
}
QUOTE_LENGTH = 80
LINK_SCHEMES = ("http://", "https://", "tel:", "mailto:", "tg://")


class _Sanitizer(HTMLParser):
    """Re-emit only Telegram's tags, with their few allowed attributes; escape the rest."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        shown = TAGS.get(tag)
        if shown is None:
            return
        values = dict(attrs)
        if tag == "a":
            href = values.get("href") or ""
            if not href.startswith(LINK_SCHEMES):
                href = ""
            self.out.append(
                f'<a href="{html.escape(href)}" target="_blank" rel="noopener noreferrer">'
                if href
                else "<a>"
            )
        elif tag in {"tg-spoiler", "span"}:
            spoiler = tag == "tg-spoiler" or values.get("class") == "tg-spoiler"
            self.out.append('<span class="spoiler">' if spoiler else "<span>")
        else:
            self.out.append(f"<{shown}>")
        self.open.append(shown)

    def handle_endtag(self, tag: str) -> None:
        shown = TAGS.get(tag)
        if shown is None or shown not in self.open:
            return
        # Close everything opened inside it too, so the page's markup always nests.
        while self.open:
            last = self.open.pop()
            self.out.append(f"</{last}>")
            if last == shown:
                break

    def handle_data(self, data: str) -> None:
        self.out.append(html.escape(data, quote=False))

    def result(self) -> str:
        self.close()
        return "".join(self.out) + "".join(f"</{tag}>" for tag in reversed(self.open))


def safe_html(text: str | None, parse_mode: str | None) -> str:
    """Return a message's text as HTML the page may insert."""
    if not text:
        return ""
    if (parse_mode or "").lower() != "html":
        return html.escape(text, quote=False)
    sanitizer = _Sanitizer()
    sanitizer.feed(text)
    return sanitizer.result()


def media_url(state: BotApiState, file_id: str) -> str | None:
    """Return the page's address of a file the server stores."""
    with state.lock:
        stored = state.files.get(file_id)
    return f"/media/{stored.file_path}" if stored is not None else None


def inline_keyboard(markup: dict[str, Any] | None) -> list[list[dict[str, str]]]:
    """Return the inline buttons: label and either callback data or a link."""
    rows = []
    for row in (markup or {}).get("inline_keyboard") or []:
        buttons = []
        for button in row:
            shown = {"text": str(button.get("text", ""))}
            if "callback_data" in button:
                shown["data"] = str(button["callback_data"])
            elif "url" in button:
                shown["url"] = str(button["url"])
            buttons.append(shown)
        rows.append(buttons)
    return rows


def reply_keyboard(markup: dict[str, Any] | None) -> dict[str, Any] | None:
    """Return a reply keyboard (or {"remove": true}) when the message changes it."""
    if not markup:
        return None
    if markup.get("remove_keyboard"):
        return {"remove": True}
    rows = markup.get("keyboard")
    if not rows:
        return None
    shown = []
    for row in rows:
        buttons = []
        for button in row:
            item = button if isinstance(button, dict) else {"text": str(button)}
            buttons.append(
                {
                    "text": str(item.get("text", "")),
                    "contact": bool(item.get("request_contact")),
                    "location": bool(item.get("request_location")),
                }
            )
        shown.append(buttons)
    return {
        "rows": shown,
        "one_time": bool(markup.get("one_time_keyboard")),
        "placeholder": str(markup.get("input_field_placeholder") or ""),
    }


def message_view(state: BotApiState, sent: SentMessage) -> dict[str, Any]:
    """Return how a pane shows a bot message as it is after this send or edit."""
    message = sent.message or {}
    view: dict[str, Any] = {
        "id": sent.message_id,
        "edited": "edit_date" in message,
        "buttons": inline_keyboard(message.get("reply_markup")),
    }
    if sent.text is not None or "text" in message:
        view["html"] = safe_html(
            sent.text if sent.text is not None else message.get("text"), sent.parse_mode
        )
    if "caption" in message or sent.caption:
        view["html"] = safe_html(
            sent.caption if sent.caption is not None else message.get("caption"),
            sent.parse_mode,
        )
    if replied := message.get("reply_to_message"):
        # The quoted message, as the app shows it above a reply: its first words.
        quoted = str(replied.get("text") or replied.get("caption") or "")
        view["reply"] = quoted if len(quoted) <= QUOTE_LENGTH else quoted[:QUOTE_LENGTH] + "…"
    if message.get("photo"):
        view["photos"] = [media_url(state, str(message["photo"][-1]["file_id"]))]
    if document := message.get("document"):
        view["document"] = {
            "name": str(document.get("file_name") or "file"),
            "url": media_url(state, str(document["file_id"])),
        }
    if location := message.get("location"):
        view["location"] = {"lat": location["latitude"], "lon": location["longitude"]}
    if venue := message.get("venue"):
        view["venue"] = {"title": venue.get("title"), "address": venue.get("address")}
    if contact := message.get("contact"):
        view["contact"] = {
            "name": " ".join(
                part for part in (contact.get("first_name"), contact.get("last_name")) if part
            ),
            "phone": contact.get("phone_number"),
        }
    return view


def album_view(state: BotApiState, sent: SentMessage) -> dict[str, Any]:
    """Return an album (sendMediaGroup) as one bubble with its pictures and first caption."""
    photos = [
        media_url(state, str(item["file_id"])) for item in sent.media if item["type"] == "photo"
    ]
    caption = next((item["caption"] for item in sent.media if item.get("caption")), None)
    parse_mode = next(
        (
            item.get("parse_mode")
            for item in sent.params.get("media") or []
            if isinstance(item, dict)
        ),
        None,
    )
    documents = [
        {"name": "file", "url": media_url(state, str(item["file_id"]))}
        for item in sent.media
        if item["type"] == "document"
    ]
    view: dict[str, Any] = {
        "id": sent.message_id,
        "ids": [item["message_id"] for item in sent.media],
        "edited": False,
        "buttons": [],
        "photos": photos,
    }
    if documents:
        view["documents"] = documents
    if caption:
        view["html"] = safe_html(str(caption), parse_mode)
    return view
