"""The "Mój dzielnicowy" conversation: a shared location or a typed address → the officer's card.

Steps: "ask" (waiting for an address or a location), "pick" (the candidates of an ambiguous
address as buttons), "geocoding" (an online search runs in the background), "card" (the card
was shown; the resolved place stays in the draft under "place" so the report flow can take it
when "report a threat here" is pressed, and a new address starts a new lookup).

Button values in our scope (`LookupPress`): "pk:<index>" picks a candidate (current version
only); "st:<district>:<page>" shows a page of a district's streets (pressed on the card: a new
message; "sp:" on a page of streets: that page turns into the next) and "ct:<officer>" sends an
officer's contact — both only read public directory data, so they work from older cards too.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import re
from collections.abc import Sequence
from typing import Any

from bot.conversation import (
    REPLACE_PRESSED,
    Answer,
    Choice,
    Contact,
    Location,
    Media,
    Option,
    Text,
    Unsupported,
)
from bot.outbox import queue_kind, reply
from bot.services import Services
from bot.turn import Turn
from bot.usecases.community import queries as community_queries
from bot.usecases.community import subscriptions
from bot.usecases.community.office_hours import office_hours_paragraph
from bot.usecases.flow import FlowContext
from bot.usecases.geocoding import GeocodedPoint
from bot.usecases.places import (
    Place,
    PlaceLookup,
    about_distance,
    alternative_json,
    alternative_numbers,
    candidates_json,
    chosen_place,
    describe_numbers,
    gazetteer,
    place_from_point,
    place_from_text,
)
from db.models.conversation import Conversation
from db.models.people import User
from db.repositories.directory_queries import DistrictCard, district_card, is_active_officer
from lookup.gazetteer import AddressResult, Alternative, MatchQuality
from lookup.house_numbers import parse_house_number
from lookup.normalize import street_key, words_key

log = logging.getLogger(__name__)

FLOW = "lookup"
SCOPE = "lk"
# The report flow claims this scope and takes the place from our draft on "here".
REPORT_SCOPE = "rp"
HERE = "here"
# The outbox kind whose sender sends an officer as a Telegram contact (payload: the code).
# Not "contact": the officers' feature already sends a reporter's phone under that kind.
CONTACT_KIND = "officer_contact"
# Longer than any address; a pasted paragraph gets a clear answer instead of a search.
ADDRESS_MAX_LENGTH = 200
# Telegram allows 4,096 characters a message; street pages stay well below it.
MESSAGE_LIMIT = 4000
STREETS_PAGE_CHARS = 3000
MAX_CANDIDATES = 8
# Codes that fit into button data (the import enforces this; older data may not).
_CODE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$")
# A finished geocoding job waits for the turn that started it to be committed.
_COMMIT_WAIT_ATTEMPTS = 40
_COMMIT_WAIT_SECONDS = 0.05
# The kinds of `LookupPress`.
PICK, STREETS, STREETS_PAGE, CONTACT = "pk", "st", "sp", "ct"


def _whole_number(text: str) -> int | None:
    return int(text) if text.isdigit() else None


@dataclasses.dataclass(frozen=True)
class LookupPress:
    """A button of the look-up (scope "lk"): built and parsed only as this.

    PICK: candidate `number`; STREETS (on the card) or STREETS_PAGE (on a page of streets):
    page `number` of district `code`; CONTACT: officer `code`. The community's subscription
    buttons on the card share the scope with values of their own (`parse` gives None).
    """

    kind: str
    code: str = ""
    number: int | None = None

    def encode(self) -> str:
        """Return the button's value: "pk:<index>", "st:<code>:<page>" or "ct:<code>"."""
        if self.kind == PICK:
            return f"{PICK}:{self.number}"
        if self.kind == CONTACT:
            return f"{CONTACT}:{self.code}"
        return f"{self.kind}:{self.code}:{self.number}"

    @classmethod
    def parse(cls, value: str) -> LookupPress | None:
        """Decode a button's value (a missing number stays None); None for another kind."""
        kind, _, rest = value.partition(":")
        if kind == PICK:
            return cls(kind, number=_whole_number(rest))
        if kind == CONTACT:
            return cls(kind, code=rest)
        if kind in (STREETS, STREETS_PAGE):
            code, _, page = rest.partition(":")
            return cls(kind, code, _whole_number(page))
        return None


class LookupFlow:
    """Find the resident's dzielnicowy (menu "Mój dzielnicowy", /dzielnicowy, /officer)."""

    name = FLOW
    commands = frozenset({"dzielnicowy", "officer"})
    scopes = frozenset({SCOPE})
    deep_links: frozenset[str] = frozenset()
    resumable = False
    # During an unfinished report, the report waits aside (Router._begin) instead of a prompt.
    parks_unfinished = True

    async def begin(self, ctx: FlowContext, args: str) -> Sequence[Answer]:
        """Ask for an address or a location (or look up the address given with the command)."""
        ctx.goto(FLOW, "ask", {"lang": ctx.lang})
        if args.strip():
            return await _typed(ctx, args.strip())
        return [_ask(ctx, "lookup-ask")]

    async def on_step(self, ctx: FlowContext) -> Sequence[Answer]:
        """Handle an address, a location, a press, or anything else sent during the lookup."""
        step = ctx.step
        if isinstance(step, Choice):
            return await _press(ctx, step)
        if ctx.conversation.flow != FLOW:
            return []
        if isinstance(step, Text):
            return await _typed(ctx, step.value)
        if isinstance(step, Location):
            return await _located(ctx, step)
        kind = "other"
        if isinstance(step, Unsupported):
            kind = step.kind
        elif isinstance(step, Media):
            kind = "photo"
        elif isinstance(step, Contact):
            kind = "contact"
        return [_hinted(ctx, "lookup-wrong-kind", kind=kind)]

    async def current_question(self, ctx: FlowContext) -> Sequence[Answer]:
        """Ask again what the current step waits for."""
        if ctx.conversation.flow != FLOW:
            return []
        return _question(ctx)


def _question(ctx: FlowContext) -> list[Answer]:
    step = ctx.conversation.step
    if step == "pick" and _candidates(ctx):
        return [_pick_question(ctx)]
    if step == "geocoding" and _geocoding_for(ctx):
        return [_ask(ctx, "lookup-geocoding-wait")]
    if step == "card":
        return [_ask(ctx, "lookup-ask-again")]
    return [_ask(ctx, "lookup-ask")]


def _geocoding_for(ctx: FlowContext) -> bool:
    """Tell whether this process still looks the resident's address up (none after a restart)."""
    geocoding = ctx.services.geocoding
    return geocoding is not None and geocoding.working_for(ctx.user.id)


def _hinted(ctx: FlowContext, key: str, **args: Any) -> Answer:
    """Explain what went wrong and, in the same message, what the current step waits for."""
    question = _question(ctx)[0]
    if question.key in ("lookup-ask", "lookup-ask-again"):
        # The hint itself asks for an address; it only needs the "share location" button.
        return _ask(ctx, key, **args)
    return dataclasses.replace(
        question, key=key, args=args, also=((question.key, question.args), *question.also)
    )


def _ask(ctx: FlowContext, key: str, **args: Any) -> Answer:
    """Ask for an address, with the app's "share location" button under the text field."""
    share = Option("lookup-share-location", kind="location")
    return ctx.answer(key, [[share]], scope=SCOPE, keyboard="reply", **args)


# ---- typed addresses -----------------------------------------------------------------------


async def _typed(ctx: FlowContext, text: str) -> list[Answer]:
    if len(text) > ADDRESS_MAX_LENGTH:
        return [_ask(ctx, "lookup-too-long", limit=ADDRESS_MAX_LENGTH)]
    draft = ctx.conversation.draft or {}
    query = text
    previous = draft.get("query")
    if ctx.conversation.step == "pick" and previous and _only_a_number(text):
        # "Kolejowa" offered the street's ranges; "12" completes it.
        query = f"{previous} {text}"
    found = place_from_text(ctx.services, query)
    if found.found and found.place is not None:
        return await _card(ctx, found.place, "lookup-found-address")
    if found.quality is MatchQuality.OUTSIDE_AREA:
        ctx.goto(FLOW, "ask", _base_draft(ctx))
        return [_ask(ctx, "lookup-outside-town", text=text)]
    crossing = found.crossing
    if crossing is not None:
        # Two streets that do not meet, or one unknown: the map would not know better.
        ctx.goto(FLOW, "ask", _base_draft(ctx))
        if crossing.quality is MatchQuality.NO_CROSSING and len(crossing.streets) == 2:
            first, second = crossing.streets
            return [_ask(ctx, "places-crossing-apart", first=first, second=second)]
        return [_ask(ctx, "places-crossing-unknown")]
    if found.stops_street is not None and not found.landmarks:
        ctx.goto(FLOW, "ask", _base_draft(ctx))
        return [_ask(ctx, "places-stops-none", street=found.stops_street)]
    if found.landmarks:
        # A landmark is never taken on a near name: the resident picks it (or the street).
        ctx.goto(
            FLOW,
            "pick",
            {
                **_base_draft(ctx),
                "query": query,
                "candidates": candidates_json(found),
                "stops_street": found.stops_street,
            },
        )
        return [_pick_question(ctx)]
    alternatives = [a for a in found.alternatives if a.district_code][:MAX_CANDIDATES]
    if alternatives:
        result = found.result
        number = result.house_number if isinstance(result, AddressResult) else None
        return [_offer(ctx, query, alternatives, found.quality, number.raw if number else None)]
    geocoding = ctx.services.geocoding
    if geocoding is not None and not geocoding.busy:
        ctx.goto(FLOW, "geocoding", {**_base_draft(ctx), "query": query})
        geocoding.spawn(
            finish_geocoding(ctx.services, ctx.user.id, ctx.conversation.version, query),
            owner=ctx.user.id,
        )
        return [ctx.answer("lookup-geocoding", scope=SCOPE, keyboard="remove")]
    ctx.goto(FLOW, "ask", _base_draft(ctx))
    return [_ask(ctx, "lookup-not-found", text=text)]


def _only_a_number(text: str) -> bool:
    number = parse_house_number(text)
    return number is not None and not any(ch.isalpha() for ch in text.replace(number.raw, ""))


def _house_number(raw: str | None) -> int | None:
    number = parse_house_number(raw) if raw else None
    return number.number if number is not None else None


def _base_draft(ctx: FlowContext) -> dict[str, Any]:
    return {"lang": (ctx.conversation.draft or {}).get("lang", ctx.lang)}


def _offer(
    ctx: FlowContext,
    query: str,
    alternatives: Sequence[Alternative],
    quality: MatchQuality,
    number: str | None,
) -> Answer:
    """Offer the candidates of an ambiguous address as buttons."""
    candidates = [alternative_json(a) for a in alternatives]
    ctx.goto(
        FLOW,
        "pick",
        {
            **_base_draft(ctx),
            "query": query,
            "number": number,
            "candidates": candidates,
            "street_only": quality is MatchQuality.STREET_ONLY,
        },
    )
    return _pick_question(ctx)


def _candidates(ctx: FlowContext) -> list[dict[str, Any]]:
    found = (ctx.conversation.draft or {}).get("candidates")
    return found if isinstance(found, list) else []


def _pick_question(ctx: FlowContext) -> Answer:
    draft = ctx.conversation.draft or {}
    rows = []
    landmarks = False
    for i, c in enumerate(_candidates(ctx)):
        if c.get("label"):
            street = str(c["label"])
            landmarks = True
        else:
            numbers = alternative_numbers(ctx.fragment, c)
            street = " ".join(part for part in (c["street"] or c["locality"], numbers) if part)
        args = {"street": street, "district": c["district_name"]}
        rows.append([Option("lookup-candidate", LookupPress(PICK, number=i).encode(), args=args)])
    if draft.get("stops_street"):
        return ctx.answer("places-stops-near", rows, scope=SCOPE, street=draft["stops_street"])
    if landmarks:
        return ctx.answer("places-landmark-pick", rows, scope=SCOPE)
    key = "lookup-street-only" if draft.get("street_only") else "lookup-ambiguous"
    return ctx.answer(key, rows, scope=SCOPE, text=str(draft.get("query", "")))


async def _picked(ctx: FlowContext, press: LookupPress) -> list[Answer]:
    candidates = _candidates(ctx)
    index = press.number
    if ctx.conversation.step != "pick" or index is None or index >= len(candidates):
        return await _expired(ctx)
    chosen = candidates[index]
    landmark = chosen_place(chosen)
    if landmark is not None:
        return await _card(ctx, landmark, "lookup-found-address")
    district = chosen.get("district_code") or chosen.get("district")
    number = (ctx.conversation.draft or {}).get("number")
    street = chosen["street"]
    typed = " ".join(part for part in (street, number) if part)
    label = f"{typed}, {chosen['locality']}" if street else chosen["locality"]
    # Resolve the chosen street again for its coordinates; overlapping ranges stay ambiguous,
    # so the resident's choice of district decides.
    found = place_from_text(ctx.services, label)
    if found.found and found.place is not None and found.place.district_code == district:
        place = found.place
    else:
        place = Place(
            source="address",
            lat=None,
            lon=None,
            address=label,
            district_code=district,
            district_name=chosen["district_name"],
            street_key=street_key(street) if street else None,
            house_number=_house_number(number),
        )
    return await _card(ctx, place, "lookup-found-address")


# ---- shared locations -----------------------------------------------------------------------


async def _located(ctx: FlowContext, where: Location) -> list[Answer]:
    found = place_from_point(ctx.services, where.lat, where.lon, where.title, where.address)
    if found.found and found.place is not None:
        key = "lookup-found-venue" if found.place.address else "lookup-found-point"
        return await _card(ctx, found.place, key)
    ctx.goto(FLOW, "ask", _base_draft(ctx))
    return [_outside(ctx, found)]


def _outside(ctx: FlowContext, found: PlaceLookup) -> Answer:
    """Say a point lies outside every district (or that points cannot be matched at all)."""
    if found.distance_m is None:
        # The directory has no district polygons: only typed addresses can be matched.
        return _ask(ctx, "lookup-point-unsupported")
    distance, unit = about_distance(found.distance_m)
    return _ask(ctx, "lookup-outside-area", distance=distance, unit=unit)


# ---- the officer's card ---------------------------------------------------------------------


async def show_card(ctx: FlowContext, place: Place) -> list[Answer]:
    """Show the card for a place found elsewhere (a location sent outside any conversation)."""
    ctx.goto(FLOW, "ask", {"lang": ctx.lang})
    if place.source == "address":
        return await _card(ctx, place, "lookup-found-address")
    return await _card(ctx, place, "lookup-found-venue" if place.address else "lookup-found-point")


async def _card(ctx: FlowContext, place: Place, header: str) -> list[Answer]:
    """Show who the district's officers are, keep the place, offer to report a threat there."""
    code = place.district_code or ""
    card = await district_card(ctx.session, code)
    if card is None:
        # The gazetteer knew the district but the database no longer does (re-imported).
        ctx.goto(FLOW, "ask", _base_draft(ctx))
        return [_ask(ctx, "lookup-not-found", text=place.address or "")]
    ctx.goto(FLOW, "card", {**_base_draft(ctx), "place": place.to_json(), "district": code})
    found = ctx.answer(header, scope=SCOPE, keyboard="remove", address=place.address or "")
    report = ctx.answer(
        "lookup-report-here", [[Option("lookup-report-button", HERE)]], scope=REPORT_SCOPE
    )
    subscribed = await community_queries.is_subscribed(ctx.session, ctx.user.id, card.code)
    return [found, _card_answer(ctx, card, subscribed), report]


def _card_answer(ctx: FlowContext, card: DistrictCard, subscribed: bool) -> Answer:
    also: list[tuple[str, dict[str, Any]]] = []
    buttons: list[list[Option]] = []
    for officer in card.officers:
        name = f"{officer.first_name} {officer.last_name}"
        args = {"rank": officer.rank, "name": name, "phone": international_phone(officer.phone)}
        if officer.email:
            also.append(("lookup-card-officer", {**args, "email": officer.email}))
        else:
            also.append(("lookup-card-officer-no-email", args))
        hours = office_hours_paragraph(ctx, officer.office_hours)
        if hours is not None:
            also.append(hours)
        if _CODE_RE.match(officer.code):
            buttons.append(
                [
                    Option(
                        "lookup-contact-button",
                        LookupPress(CONTACT, officer.code).encode(),
                        args={"name": name},
                    )
                ]
            )
    # The district's news (announcements, warnings, meetings): subscribe, or end it.
    news = subscriptions.card_button(card.code, subscribed)
    if news is not None:
        buttons.append(news)
    if not card.officers:
        also.append(("lookup-card-no-officer", {}))
    station = card.station
    station_args = {
        "name": station.name,
        "address": station.address,
        "phone": international_phone(station.phone),
    }
    if station.opening_hours:
        also.append(("lookup-card-station", {**station_args, "hours": station.opening_hours}))
    else:
        also.append(("lookup-card-station-no-hours", station_args))
    if card.sample:
        also.append(("lookup-card-sample", {}))
    pages = street_pages(ctx, card.code)
    tail: list[tuple[str, dict[str, Any]]] = [("lookup-card-emergency", {})]
    streets_shown = False
    if pages:
        first = ("lookup-card-streets", _page_args(pages, 1))
        length = _length(ctx, "lookup-card", {"district": card.name}, [*also, first, *tail])
        if length <= MESSAGE_LIMIT:
            also.append(first)
            streets_shown = True
    if pages and _CODE_RE.match(card.code):
        if not streets_shown:
            count = sum(len(page) for page in pages)
            show = LookupPress(STREETS, card.code, 1).encode()
            buttons.append([Option("lookup-streets-show", show, {"count": count})])
        elif len(pages) > 1:
            more = {"page": 2, "pages": len(pages)}
            buttons.append(
                [Option("lookup-streets-more", LookupPress(STREETS, card.code, 2).encode(), more)]
            )
    also.extend(tail)
    return ctx.answer("lookup-card", buttons, scope=SCOPE, also=also, district=card.name)


def _length(
    ctx: FlowContext, key: str, args: dict[str, Any], also: Sequence[tuple[str, dict[str, Any]]]
) -> int:
    """Measure a rendered message (HTML included, so never shorter than what Telegram counts)."""
    parts = [ctx.text(key, **args), *(ctx.text(k, **a) for k, a in also)]
    return len("\n\n".join(parts))


def street_lines(ctx: FlowContext, district_code: str) -> list[str]:
    """Describe a district's streets in the resident's language ("ul. Kolejowa 1–41 (…)")."""
    lines = []
    for line in gazetteer(ctx.services).district_lines(district_code):
        numbers = describe_numbers(ctx.fragment, line.range, line.prefix, locality=not line.street)
        place = ", ".join(part for part in (line.locality, line.street) if part)
        lines.append(f"{place} {numbers}".strip())
    return lines


def street_pages(ctx: FlowContext, district_code: str) -> list[list[str]]:
    """Split a district's streets into pages: [lookup] streets_per_page lines that fit a message."""
    lines = street_lines(ctx, district_code)
    per_page = ctx.services.config.lookup.streets_per_page
    pages: list[list[str]] = []
    page: list[str] = []
    size = 0
    for line in lines:
        line = line[:STREETS_PAGE_CHARS]
        if page and (len(page) >= per_page or size + len(line) + 1 > STREETS_PAGE_CHARS):
            pages.append(page)
            page, size = [], 0
        page.append(line)
        size += len(line) + 1
    if page:
        pages.append(page)
    return pages


def _page_args(pages: list[list[str]], number: int) -> dict[str, Any]:
    return {"streets": "\n".join(pages[number - 1]), "page": number, "pages": len(pages)}


async def _streets(ctx: FlowContext, press: LookupPress) -> list[Answer]:
    """Send one page of a district's streets, with a button to the next."""
    code, number = press.code, press.number
    card = await district_card(ctx.session, code) if code else None
    pages = street_pages(ctx, code) if card is not None else []
    if card is None or number is None or not 1 <= number <= len(pages):
        return await _expired(ctx)
    buttons = []
    if number < len(pages):
        more = {"page": number + 1, "pages": len(pages)}
        following = LookupPress(STREETS_PAGE, code, number + 1).encode()
        buttons.append([Option("lookup-streets-more", following, more)])
    args = {"district": card.name, **_page_args(pages, number)}
    replaces = REPLACE_PRESSED if press.kind == STREETS_PAGE else None
    return [ctx.answer("lookup-streets-page", buttons, scope=SCOPE, replaces=replaces, **args)]


async def _contact(ctx: FlowContext, press: LookupPress) -> list[Answer]:
    """Queue the officer's contact card (rendered from the database when it is sent)."""
    code = press.code
    if not _CODE_RE.match(code) or not await is_active_officer(ctx.session, code):
        return await _expired(ctx)
    chat_id = ctx.user.chat_id
    if chat_id is not None:
        payload = {"officer": code, "lang": ctx.lang}
        queue_kind(ctx.uow, chat_id, CONTACT_KIND, payload, user_id=ctx.user.id)
    return []


async def _press(ctx: FlowContext, choice: Choice) -> list[Answer]:
    press = LookupPress.parse(choice.value)
    if press is None:
        news = subscriptions.CommunityPress.parse(choice.value)
        if news is not None and news.kind in (subscriptions.SUBSCRIBE, subscriptions.UNSUBSCRIBE):
            # The card's news button: the person's own subscription, from older cards too.
            return await subscriptions.press(ctx, news) or []
        return await _expired(ctx)
    if press.kind == CONTACT:
        return await _contact(ctx, press)
    if press.kind in (STREETS, STREETS_PAGE):
        return await _streets(ctx, press)
    if press.kind == PICK and ctx.conversation.flow == FLOW and ctx.is_current(choice):
        return await _picked(ctx, press)
    return await _expired(ctx)


async def _expired(ctx: FlowContext) -> list[Answer]:
    follow = _question(ctx) if ctx.conversation.flow == FLOW else []
    return [ctx.answer("button-expired"), *follow]


# ---- phones -----------------------------------------------------------------------------------


def international_phone(raw: str, country: str = "48") -> str:
    """Write a Polish phone number in international form (+48 47 …), which apps make tappable."""
    text = raw.strip()
    digits = re.sub(r"\D", "", text)
    if text.startswith("+"):
        return text
    if digits.startswith("00"):
        return f"+{digits[2:]}"
    if len(digits) == 11 and digits.startswith(country):
        digits = digits[len(country) :]
    if len(digits) == 9:
        return f"+{country} {digits[:2]} {digits[2:5]} {digits[5:7]} {digits[7:]}"
    return text


def dialable_phone(raw: str) -> str:
    """Return a phone number as "+48477700001", for a contact card."""
    return "+" + re.sub(r"\D", "", international_phone(raw))


# ---- online geocoding (a background job after the turn) ---------------------------------------


async def finish_geocoding(services: Services, user_id: int, version: int, text: str) -> None:
    """Geocode an address the directory did not know, then answer the resident in a new turn."""
    geocoding = services.geocoding
    if geocoding is None:
        return
    locality = services.config.lookup.default_locality
    query = text
    if locality and words_key(locality) not in words_key(text):
        query = f"{text}, {locality}"
    point = await geocoding.geocode(query)
    for _ in range(_COMMIT_WAIT_ATTEMPTS):
        async with services.uow() as uow:
            # FOR UPDATE (PostgreSQL) waits for the starting turn if it is still committing;
            # SQLite's BEGIN IMMEDIATE does the same.
            conversation = await uow.session.get(
                Conversation, user_id, with_for_update=True, populate_existing=True
            )
            if conversation is not None and conversation.version >= version:
                if (
                    conversation.version != version
                    or conversation.flow != FLOW
                    or conversation.step != "geocoding"
                ):
                    return  # the resident has moved on; the answer would only confuse
                user = await uow.session.get(User, user_id)
                if user is None:
                    return
                lang = services.catalog.language(
                    user.language or (conversation.draft or {}).get("lang")
                )
                turn = Turn(user, Text(text), lang, None, services.clock())
                ctx = FlowContext(uow, turn, conversation, services)
                for answer in await _geocoded(ctx, text, point):
                    reply(uow, user, answer, lang)
                await uow.commit()
                return
        # The turn that started this job has not been committed yet.
        await asyncio.sleep(_COMMIT_WAIT_SECONDS)
    log.info("geocoding answer dropped: the starting turn was never committed")


async def _geocoded(ctx: FlowContext, text: str, point: GeocodedPoint | None) -> list[Answer]:
    if point is None:
        ctx.goto(FLOW, "ask", _base_draft(ctx))
        return [_ask(ctx, "lookup-not-found", text=text)]
    found = place_from_point(ctx.services, point.lat, point.lon)
    if found.found and found.place is not None:
        place = dataclasses.replace(found.place, source="address", address=text)
        return await _card(ctx, place, "lookup-found-address")
    ctx.goto(FLOW, "ask", _base_draft(ctx))
    return [_outside(ctx, found)]
