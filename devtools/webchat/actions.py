"""What a person in a pane does: type, press, share their contact or a place, attach a photo.

Each action queues the update Telegram would send and adds what the person sees of it to the
timeline (Telegram shows a typed text, a photo, a place or a contact in the chat; a press of an
inline button shows nothing but the bot's answer).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.callback_data import InvalidCallbackData, decode
from bot.usecases.language import LANGUAGE_SCOPE
from devtools.localapi import FakeChat, FakeUser, SentMessage
from devtools.webchat.timeline import Timeline
from devtools.webchat.world import DUTY_GROUP, LINK_TIMEOUT, PERSONAS, World

SAMPLE_PHOTO = Path(__file__).parent / "static" / "sample.jpg"
TEXT_LIMIT = 4096


class ActionError(ValueError):
    """The page asked for something a person cannot do here."""


@dataclass(frozen=True)
class Act:
    """One request of the page."""

    chat_id: int
    kind: str
    text: str = ""
    message_id: int = 0
    data: str = ""
    lat: float = 0.0
    lon: float = 0.0

    @classmethod
    def parse(cls, body: dict[str, Any]) -> Act:
        """Read the page's JSON, refusing anything malformed."""
        try:
            return cls(
                chat_id=int(body["chat"]),
                kind=str(body["kind"]),
                text=str(body.get("text", ""))[:TEXT_LIMIT],
                message_id=int(body.get("message_id", 0)),
                data=str(body.get("data", "")),
                lat=float(body.get("lat", 0.0)),
                lon=float(body.get("lon", 0.0)),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ActionError(f"bad request: {exc}") from None


def chosen_language(data: str) -> str | None:
    """Return the language a pressed button of the bot's language choice picks, if it is one."""
    try:
        pressed = decode(data)
    except InvalidCallbackData:
        return None
    return pressed.value if pressed.scope == LANGUAGE_SCOPE else None


class People:
    """Carry out the page's actions as the people of the world."""

    def __init__(self, world: World, timeline: Timeline) -> None:
        self.world = world
        self.timeline = timeline
        self.photo = SAMPLE_PHOTO.read_bytes()

    def act(self, act: Act) -> None:
        """Do what the page asked in a chat."""
        found = self.world.user_for(act.chat_id)
        if found is None:
            raise ActionError("unknown chat")
        user, group = found
        handler = getattr(self, f"_do_{act.kind}", None)
        if handler is None:
            raise ActionError(f"unknown action {act.kind!r}")
        handler(user, group, act)

    def say(self, user: FakeUser, group: FakeChat | None, text: str) -> None:
        """Send a text (a command when it starts with /) and show it in the chat."""
        chat_id = group.id if group else user.id
        if text.startswith("/"):
            command, _, args = text[1:].partition(" ")
            user.send_command(command, args, chat=group)
            # Telegram shows an opened link's /start without its parameter.
            shown = "/start" if command == "start" and args else text
        else:
            user.send_text(text, chat=group)
            shown = text
        self.timeline.add(chat_id, "me", text=shown, who=user.first_name)

    def _do_text(self, user: FakeUser, group: FakeChat | None, act: Act) -> None:
        text = act.text.strip()
        if not text:
            raise ActionError("empty text")
        self.say(user, group, text)

    def _do_press(self, user: FakeUser, group: FakeChat | None, act: Act) -> None:
        chat_id = group.id if group else user.id
        target = SentMessage(method="press", chat_id=chat_id, message_id=act.message_id)
        try:
            update = user.press_data(target, act.data)
        except AssertionError:
            # The message is gone (deleted); Telegram would not let anyone press it either.
            raise ActionError("message not found") from None
        self.timeline.expect_answer(str(update["callback_query"]["id"]), chat_id)
        chosen = chosen_language(act.data)
        if chosen is not None and group is None:
            # The person picked a language from the bot's buttons: the pane follows it, as the
            # app of someone who reads that language would.
            user.language_code = chosen
            self.timeline.add(chat_id, "lang", lang=chosen)

    def _do_location(self, user: FakeUser, group: FakeChat | None, act: Act) -> None:
        if not (-90 <= act.lat <= 90 and -180 <= act.lon <= 180):
            raise ActionError("no such place")
        user.send_location(act.lat, act.lon, chat=group)
        chat_id = group.id if group else user.id
        self.timeline.add(chat_id, "me", location={"lat": act.lat, "lon": act.lon})

    def _do_contact(self, user: FakeUser, group: FakeChat | None, act: Act) -> None:
        if group is not None:
            raise ActionError("contacts are shared in private chats only here")
        persona = next(p for p in PERSONAS if p.user_id == user.id)
        user.send_contact(persona.phone)
        name = " ".join(part for part in (persona.first_name, persona.last_name) if part)
        self.timeline.add(user.id, "me", contact={"name": name, "phone": persona.phone})

    def _do_photo(self, user: FakeUser, group: FakeChat | None, act: Act) -> None:
        if group is not None:
            raise ActionError("photos are sent in private chats only here")
        caption = act.text.strip() or None
        user.send_photo(self.photo, caption=caption)
        self.timeline.add(user.id, "me", photo="/static/sample.jpg", text=caption or "")

    def _do_language(self, user: FakeUser, group: FakeChat | None, act: Act) -> None:
        # The app's language (the bot's hint for a new chat), and the bot's choice when the chat
        # has begun: "/jezyk uk" picks at once, as a person would type it.
        lang = act.text.strip().lower()
        if lang not in {"pl", "uk", "en"}:
            raise ActionError("unknown language")
        user.language_code = lang
        if self.timeline.started(user.id):
            self.say(user, None, f"/jezyk {lang}")

    async def link_everyone(self) -> None:
        """Link the coordinator, her duty group and the district officer by invites."""
        world = self.world
        coordinator, officer = world.users["coordinator"], world.users["officer"]
        await self.open_invite(coordinator, await world.invite("KP-01"))
        await self.open_invite(coordinator, await world.invite("KP-01", group=True), group=True)
        await self.open_invite(officer, await world.invite("DZ-05"))

    async def open_invite(self, user: FakeUser, code: str, *, group: bool = False) -> None:
        """Open an invite link as the person; wait for the bot's answer."""
        chat = DUTY_GROUP if group else None
        self.say(user, chat, f"/start {code}")
        await self.world.api.await_sent(
            chat.id if chat else user.id,
            timeout=LINK_TIMEOUT,
            predicate=lambda m: m.method == "sendMessage",
        )
