"""Hostile input as a routine test: random updates to the real bot over the local Bot API server.

Each example is a new person who sends a random sequence of updates: any text (right-to-left,
emoji, NUL, control characters, up to 10,000 characters), commands with random arguments,
locations anywhere on Earth, venues, contacts, stickers, voice, photos and documents of random
bytes or of every image format Pillow writes (intact or damaged), albums, edits of earlier
messages, presses of the buttons on screen (a random walk through the flows), forged button
data, messages and forged presses in a group, updates without a user, and floods. Most
examples first fill a report up to one of its questions (its draft is then what must not be
lost) or send a whole report with such photos.

After every update: it was handled without an exception (no inbox row with an error), a
private message was answered or deliberately dropped by the flood rules, and a report draft in
progress lost nothing unless the person pressed a button or cancelled. At the end of each
example nothing the bot sent was refused by the server. `FUZZ_EXAMPLES` sets the number of
examples (`make test`: 20; `make fuzz`: 1000); the figures are printed at the end of the run.
"""

from __future__ import annotations

import io
import itertools
import json
import logging
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from PIL import Image

from devtools.localapi import FakeUser, LocalBotApi
from devtools.localapi.errors import ApiError
from devtools.localapi.sent import SentMessage
from devtools.localapi.users import FakeChat
from tests.conftest import TOKEN, make_config
from tests.security.fuzz import STATS, BotThread, Database, ErrorLog, start_fuzz_bot
from tests.security.test_images import png_header_only
from tests.support import FAST

pytestmark = [pytest.mark.e2e, pytest.mark.fuzz]

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "20"))
KONIN = (52.2275, 18.2614)
GROUP_ID = -100_777
SENT_WITHIN = 30.0
PRESS_ANSWERED_WITHIN = 5.0
IDS = itertools.count(770_001)


@dataclass
class World:
    """The running bot, the server, the database and the error log, shared by all examples."""

    api: LocalBotApi
    bot: BotThread
    db: Database
    errors: ErrorLog
    group: FakeChat


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    api = LocalBotApi()
    api.start()
    api.register_bot(TOKEN)
    folder = tmp_path_factory.mktemp("fuzz")
    config = make_config(
        api,
        folder,
        delivery=FAST,
        # A flood is a deliberate drop; below it every message must be answered.
        reports={"flood_messages": 12, "flood_window_seconds": 60},
    )
    errors = ErrorLog()
    logging.getLogger().addHandler(errors)
    bot = start_fuzz_bot(api, config, TOKEN)
    try:
        yield World(
            api, bot, Database(Path(folder) / "bot.sqlite3"), errors, api.group(GROUP_ID, "Grupa")
        )
    finally:
        bot.stop()
        logging.getLogger().removeHandler(errors)
        api.stop()


# ---- what people send ---------------------------------------------------------------------

ODD_TEXTS = [
    "Kolejowa 12",
    "ul. Słowackiego 5, Konin",
    "שלום עולם",
    "مرحبا بالعالم",
    "\u202eKN-2026-000001\u202c",
    "\x00\x01\x1b[2J\x7f",
    "🚗" * 500,
    "<b>bold</b> &amp; <script>alert(1)</script>",
    "' OR 1=1; DROP TABLE reports; --",
    "{{ $category }} { $x }",
    "Тест українською, з апострофом ’",
    "\r\n\t\u2028\u2029",
    "",
]

texts = st.one_of(
    st.text(max_size=80),
    st.sampled_from(ODD_TEXTS),
    # Long ones without generating 10,000 random choices.
    st.tuples(st.text(min_size=1, max_size=40), st.integers(100, 10_000)).map(
        lambda pair: (pair[0] * pair[1])[: pair[1]]
    ),
)
COMMANDS = [
    "start", "zglos", "report", "dzielnicowy", "officer", "moje", "my", "pomoc", "help", "jezyk",
    "language", "prywatnosc", "privacy", "anuluj", "cancel", "moje_dane", "my_data",
    "usun_dane", "delete_my_data", "zgloszenia", "zgloszenie", "urlop", "cisza", "zastepstwa",
    "blokuj", "odblokuj", "powiadomienia", "notifications", "ogloszenie", "ogloszenia",
    "statystyki", "nieznane",
]  # fmt: skip
command_args = st.one_of(
    st.just(""),
    st.text(max_size=30),
    st.sampled_from(["inv_x", "grp_x", "inv_", "KN-2026-000001", "KN-2026-000001 #1 powód"]),
)
coordinates = st.one_of(
    st.tuples(st.floats(-90, 90), st.floats(-180, 180)),
    st.tuples(st.floats(52.15, 52.3), st.floats(18.1, 18.4)),
    st.just(KONIN),
)
# Forged button data: random, or our own format with random parts.
forged = st.one_of(
    st.text(max_size=64),
    st.builds(
        lambda scope, version, value: f"{scope}:{version}:{value}",
        st.sampled_from(["rp", "m", "r", "o", "ro", "my", "oq", "rd", "lk", "lg", "zz", ""]),
        st.integers(-5, 10**6),
        st.text(max_size=30),
    ),
)

# Every format this Pillow writes, small, intact or damaged.
FORMATS = {
    "JPEG": "RGB", "PNG": "RGBA", "WEBP": "RGB", "GIF": "P", "BMP": "RGB", "TIFF": "RGB",
    "ICO": "RGBA", "PPM": "RGB", "PCX": "RGB", "TGA": "RGB", "SGI": "RGB", "QOI": "RGB",
    "DDS": "RGBA", "JPEG2000": "RGB", "AVIF": "RGB", "EPS": "RGB", "PDF": "RGB", "XBM": "1",
}  # fmt: skip


def encode(fmt: str, size: tuple[int, int] = (48, 32)) -> bytes:
    """Return a small real image in a format (an empty result if this Pillow cannot)."""
    buffer = io.BytesIO()
    mode = FORMATS[fmt]
    try:
        Image.new(mode, size, 1 if mode in ("1", "P") else "olive").save(buffer, format=fmt)
    except (OSError, KeyError, ValueError):
        return b""
    return buffer.getvalue()


def damaged(image: bytes, cuts: list[tuple[int, int]]) -> bytes:
    """Overwrite some bytes of an image."""
    data = bytearray(image)
    for position, value in cuts:
        if data:
            data[position % len(data)] = value
    return bytes(data)


images = st.one_of(
    st.binary(max_size=2000),
    st.sampled_from(sorted(FORMATS)).map(encode),
    st.builds(
        damaged,
        st.sampled_from(sorted(FORMATS)).map(encode),
        st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), min_size=1, max_size=6),
    ),
    st.sampled_from(sorted(FORMATS)).map(lambda f: encode(f)[: len(encode(f)) // 2]),
)
mime_types = st.sampled_from(
    ["image/jpeg", "image/png", "image/webp", "image/heic", "application/pdf", "text/plain", ""]
)


@dataclass(frozen=True)
class Action:
    """One thing a person does; `kind` names it for the statistics."""

    kind: str
    args: tuple[Any, ...] = ()


actions = st.one_of(
    st.builds(lambda t: Action("text", (t,)), texts),
    st.builds(lambda c, a: Action("command", (c, a)), st.sampled_from(COMMANDS), command_args),
    st.builds(lambda p: Action("location", p), coordinates),
    st.builds(lambda p, t, a: Action("venue", (*p, t, a)), coordinates, texts, texts),
    st.builds(lambda n, own: Action("contact", (n, own)), st.text(max_size=40), st.booleans()),
    st.just(Action("sticker")),
    st.just(Action("voice")),
    st.builds(lambda i: Action("photo", (i,)), images),
    st.builds(
        lambda i, n, m: Action("document", (i, n, m)), images, st.text(max_size=20), mime_types
    ),
    st.builds(lambda i: Action("album", (i,)), st.lists(images, min_size=2, max_size=4)),
    st.builds(lambda n: Action("press", (n,)), st.integers(0, 40)),
    st.builds(lambda n: Action("press", (n,)), st.integers(0, 40)),
    st.builds(lambda n: Action("press", (n,)), st.integers(0, 40)),
    st.builds(lambda n: Action("reply_button", (n,)), st.integers(0, 10)),
    st.builds(lambda d: Action("forged_press", (d,)), forged),
    st.builds(lambda t: Action("edit", (t,)), texts),
    st.builds(lambda t: Action("group_text", (t,)), texts),
    st.builds(lambda a: Action("group_command", (a,)), command_args),
    st.builds(lambda d: Action("group_press", (d,)), forged),
    st.sampled_from(
        [
            Action("no_user", ("channel_post",)),
            Action("no_user", ("edited_channel_post",)),
            Action("no_user", ("reactions",)),
            Action("no_user", ("poll",)),
        ]
    ),
    st.builds(lambda n: Action("burst", (n,)), st.integers(5, 20)),
)


# ---- one person ---------------------------------------------------------------------------


@dataclass
class Person:
    """A fresh Telegram user of one example, and what they sent."""

    world: World
    user: FakeUser
    sent_messages: list[dict[str, Any]] = field(default_factory=list)

    @property
    def chat_id(self) -> int:
        return self.user.id

    def last_with(self, wanted: Callable[[SentMessage], bool]) -> SentMessage | None:
        for message in reversed(self.world.api.sent(self.chat_id)):
            if wanted(message):
                try:
                    return self.world.api.current(self.chat_id, message.message_id or 0)
                except KeyError:
                    continue
        return None

    def inline_data(self) -> tuple[SentMessage | None, list[str]]:
        message = self.last_with(lambda m: bool((m.reply_markup or {}).get("inline_keyboard")))
        if message is None:
            return None, []
        rows = (message.reply_markup or {}).get("inline_keyboard") or []
        return message, [
            str(b["callback_data"]) for row in rows for b in row if "callback_data" in b
        ]

    def reply_buttons(self) -> list[dict[str, Any]]:
        message = self.last_with(lambda m: "keyboard" in (m.reply_markup or {}))
        if message is None:
            return []
        return [b for row in (message.reply_markup or {})["keyboard"] for b in row]

    def press(self, data: str) -> dict[str, Any]:
        message = self.last_with(lambda m: m.message_id is not None)
        if message is None:
            # Nothing on screen yet: a press on a message the bot never sent.
            fake = {"message_id": 1, "date": 0, "chat": self.user.private_chat()}
            return self.user._callback(fake, data)
        return self.user.press_data(message, data)

    def send_image(self, data: bytes) -> dict[str, Any]:
        try:
            return self.user.send_photo(data)
        except ApiError:
            # Telegram refuses what it cannot read as a photo: send it as a file instead.
            return self.user.send_document(data, "photo.jpg", "image/jpeg")


def perform(person: Person, action: Action) -> list[tuple[int, bool]]:
    """Do one action; return (update_id, private) of every update it sent."""
    user, world = person.user, person.world
    kind, args = action.kind, action.args
    private: list[dict[str, Any]] = []
    other: list[dict[str, Any]] = []
    if kind == "text":
        update = user.send_text(args[0])
        person.sent_messages.append(update)
        private.append(update)
    elif kind == "command":
        private.append(user.send_command(args[0], args[1]))
    elif kind == "location":
        private.append(user.send_location(*args))
    elif kind == "venue":
        private.append(user.send_venue(*args))
    elif kind == "contact":
        private.append(user.send_contact(args[0] or "0", user_id=None if args[1] else 1))
    elif kind == "sticker":
        private.append(user.send_sticker())
    elif kind == "voice":
        private.append(user.send_voice())
    elif kind == "photo":
        private.append(person.send_image(args[0] or b"\x00"))
    elif kind == "document":
        private.append(user.send_document(args[0] or b"\x00", args[1] or "f", args[2] or "x/y"))
    elif kind == "album":
        try:
            private += user.send_media_group([a or b"\x00" for a in args[0]])
        except ApiError:
            private += [person.send_image(a or b"\x00") for a in args[0]]
    elif kind == "press":
        message, data = person.inline_data()
        if message is None or not data:
            return []
        private.append(user.press_data(message, data[args[0] % len(data)]))
    elif kind == "reply_button":
        buttons = person.reply_buttons()
        if not buttons:
            return []
        button = buttons[args[0] % len(buttons)]
        if button.get("request_location"):
            private.append(user.send_location(*KONIN))
        elif button.get("request_contact"):
            private.append(user.send_contact("+48600100200"))
        else:
            private.append(user.send_text(str(button["text"])))
    elif kind == "forged_press":
        private.append(person.press(args[0]))
    elif kind == "edit":
        if not person.sent_messages:
            return []
        private.append(user.edit_text(person.sent_messages[-1], args[0] or "."))
    elif kind == "group_text":
        other.append(user.send_text(args[0] or ".", chat=world.group))
    elif kind == "group_command":
        other.append(user.send_command("start", f"grp_{args[0]}", chat=world.group))
    elif kind == "group_press":
        fake = {"message_id": 1, "date": 0, "chat": world.group.as_dict()}
        other.append(user._callback(fake, args[0]))
    elif kind == "no_user":
        channel = {"id": -100_888, "type": "channel", "title": "Kanał"}
        post = {"message_id": 1, "date": 0, "text": "post", "chat": channel}
        if args[0] == "reactions":
            count = {"chat": channel, "message_id": 1, "date": 0, "reactions": []}
            other.append(world.api.enqueue_update({"message_reaction_count": count}))
        elif args[0] == "poll":
            # Neither a user nor a chat (every field Bot API 10 requires).
            option = {"text": "a", "voter_count": 0, "persistent_id": "p1"}
            poll = {
                "id": f"{world.api.pending_updates()}{post['text']}",
                "question": "?",
                "options": [option],
                "total_voter_count": 0,
                "is_closed": False,
                "is_anonymous": True,
                "type": "regular",
                "allows_multiple_answers": False,
                "allows_revoting": False,
                "members_only": False,
            }
            other.append(world.api.enqueue_update({"poll": poll}))
        else:
            other.append(world.api.enqueue_update({args[0]: post}))
    elif kind == "burst":
        private += [user.send_text(f"spam {n}") for n in range(args[0])]
    else:
        raise AssertionError(f"unknown action {kind}")
    return [(u["update_id"], True) for u in private] + [(u["update_id"], False) for u in other]


def settle(person: Person, updates: list[tuple[int, bool]]) -> None:
    """Wait until the updates are handled and what they queued for the person is sent."""
    world = person.world
    world.db.wait_handled([update_id for update_id, _ in updates])
    deadline = time.monotonic() + SENT_WITHIN
    while world.db.pending_sends(person.chat_id):
        if time.monotonic() > deadline:
            raise AssertionError(f"messages to {person.chat_id} not sent within {SENT_WITHIN} s")
        time.sleep(0.01)
    # A press is marked handled by the turn's commit; its pop-up (answerCallbackQuery) follows
    # the commit. Wait for it rather than read the answers too early; a press the flood rules
    # dropped is never answered, so this waits at most PRESS_ANSWERED_WITHIN for those.
    queries = [q for u, private in updates if private and (q := _callback_id(world, u))]
    deadline = time.monotonic() + PRESS_ANSWERED_WITHIN
    while time.monotonic() < deadline:
        answered = {str(c.get("callback_query_id")) for c in world.api.answered_callbacks()}
        if answered.issuperset(queries):
            return
        time.sleep(0.01)


# Actions after which a draft may rightly be gone or changed: the person chose so.
CHOOSING = frozenset({"press", "reply_button", "report"})
LEAVING_COMMANDS = frozenset({"anuluj", "cancel"})
# The officer's look-up during a report puts the report aside (Conversation.parked), whole.
PARKING_COMMANDS = frozenset({"dzielnicowy", "officer"})
DRAFT_FIELDS = ("category", "place", "when", "description", "photos")


def check(person: Person, action: Action, updates: list[tuple[int, bool]], before: Any,
          drops_before: int) -> None:  # fmt: skip
    """The invariants after one action."""
    world = person.world
    assert world.db.errors([u for u, _ in updates]) == [], f"{action.kind}: an update raised"
    unanswered = [u for u, private in updates if private and not world.db.answered(u)]
    dropped = sum(world.bot.gate_counters()) - drops_before
    # Presses may be answered by a popup only (answerCallbackQuery with a text).
    popups = {
        str(c.get("callback_query_id")) for c in world.api.answered_callbacks() if c.get("text")
    }
    unanswered = [u for u in unanswered if not _popup_answered(world, u, popups)]
    assert len(unanswered) <= dropped, f"{action.kind}: updates {unanswered} got no answer"
    STATS.dropped_by_flood += min(dropped, len(unanswered))
    flow, draft = before
    command = action.args[0] if action.kind == "command" else None
    if flow == "report" and action.kind not in CHOOSING and command not in LEAVING_COMMANDS:
        after_flow, after = world.db.draft(person.chat_id)
        if after_flow != "report" and command in PARKING_COMMANDS:
            after_flow, after = world.db.parked(person.chat_id)
        assert after_flow == "report", f"{action.kind}: the report draft was dropped"
        lost = [f for f in DRAFT_FIELDS if draft.get(f) and not after.get(f)]
        assert lost == [], f"{action.kind}: the draft lost {lost}"


def _callback_id(world: World, update_id: int) -> str | None:
    """The callback query's id of a stored press (None for anything else)."""
    row = world.db.rows("SELECT payload FROM inbox WHERE update_id = ?", update_id)
    if not row:
        return None
    payload = json.loads(row[0][0]) if isinstance(row[0][0], str) else row[0][0]
    query = payload.get("callback_query")
    return str(query.get("id")) if query is not None else None


def _popup_answered(world: World, update_id: int, popups: set[str]) -> bool:
    return _callback_id(world, update_id) in popups


# How far a person goes through a report before the random part: nowhere, a whole report with
# fuzzed photos ("sent"), or a draft left at one of its questions, with a description, so the
# random part has something to lose.
PROGRESS = ("sent", "where", "when", "description", "photos", "anonymous", "summary", "sent")


def go_through_a_report(person: Person, photos: list[bytes], until: str) -> None:
    """Fill a report with valid presses up to a question, or send it with these photos."""
    user = person.user

    def step(update: dict[str, Any]) -> None:
        settle(person, [(update["update_id"], True)])
        STATS.updates += 1
        STATS.private_updates += 1
        assert person.world.db.errors([update["update_id"]]) == [], "a report step raised"
        assert person.world.db.answered(update["update_id"]), "a report step got no answer"

    def tap(value: str) -> None:
        message, data = person.inline_data()
        matches = [d for d in data if d.split(":", 2)[-1] == value]
        assert message is not None and matches, f"no button {value!r} on screen"
        step(user.press_data(message, matches[0]))

    step(user.send_command("start"))
    tap("pl")
    step(user.send_command("zglos"))
    for value in ("danger.no", "grp.road", "cat.parking"):
        tap(value)
    if until == "where":
        return
    step(user.send_location(*KONIN))
    if any(d.endswith(":new") for d in person.inline_data()[1]):
        tap("new")
    if until == "when":
        return
    tap("when.now")
    if until == "description":
        return
    step(user.send_text("Auta na chodniku przy szkole"))
    for photo in photos:
        step(person.send_image(photo or b"\x00"))
    if until == "photos":
        return
    tap("done")
    if until == "anonymous":
        return
    tap("anon.yes")
    if until == "summary":
        return
    tap("send")
    refused = person.last_with(lambda m: "Nie udało się odczytać" in (m.text or ""))
    if refused is not None:
        tap("done")
        tap("send")
    stored = person.world.db.value(
        "SELECT count(*) FROM reports r JOIN users u ON u.id = r.user_id WHERE u.external_id = ?",
        str(person.chat_id),
    )
    assert stored == 1, "the report with fuzzed photos was not stored"
    jpegs = person.world.db.rows(
        "SELECT substr(p.content, 1, 2) FROM report_photos p JOIN reports r ON r.id = p.report_id "
        "JOIN users u ON u.id = r.user_id WHERE u.external_id = ?",
        str(person.chat_id),
    )
    assert all(head == b"\xff\xd8" for (head,) in jpegs), "a stored photo is not our JPEG"
    STATS.reports += 1


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    print_blob=True,
)
# Every run sends reports with photos Pillow could decode but we must not (and a damaged one).
@example(
    language="pl",
    progress="sent",
    report_photos=[encode("TIFF"), encode("EPS"), damaged(encode("JPEG"), [(200, 0), (201, 255)])],
    steps=[Action("command", ("moje", ""))],
)
@example(
    language="uk",
    progress="sent",
    report_photos=[png_header_only(100_000, 100_000), encode("AVIF"), bytes(range(256))],
    steps=[Action("edit", ("x",))],
)
@given(
    language=st.sampled_from(["pl", "uk", "en", "de", None]),
    progress=st.one_of(st.none(), st.sampled_from(PROGRESS)),
    report_photos=st.lists(images, min_size=0, max_size=3),
    steps=st.lists(actions, min_size=1, max_size=12),
)
def test_hostile_updates_never_break_the_bot(
    world: World,
    language: str | None,
    progress: str | None,
    report_photos: list[bytes],
    steps: list[Action],
) -> None:
    STATS.cases += 1
    try:
        person = Person(world, world.api.user(next(IDS), "Fuzz", language_code=language))
        if progress is not None:
            go_through_a_report(person, report_photos, progress)
        for action in steps:
            STATS.actions[action.kind] = STATS.actions.get(action.kind, 0) + 1
            before = world.db.draft(person.chat_id)
            drops = sum(world.bot.gate_counters())
            updates = perform(person, action)
            STATS.updates += len(updates)
            STATS.private_updates += sum(private for _, private in updates)
            settle(person, updates)
            check(person, action, updates, before, drops)
        assert world.db.failed_sends() == [], "the server refused something the bot sent"
        assert world.errors.records == [], [r.getMessage() for r in world.errors.records]
    except BaseException:
        STATS.failures += 1
        raise
