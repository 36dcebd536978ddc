"""A resident looks for their dzielnicowy: the router on a real SQLite database, no Telegram."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from geopy.exc import GeocoderServiceError
from sqlalchemy import select

from app.assembly import shutdown
from bot.config import Config
from bot.conversation import (
    REPLACE_PRESSED,
    Answer,
    Choice,
    Command,
    Contact,
    Location,
    Media,
    Text,
    Unsupported,
)
from bot.services import Services
from bot.usecases.geocoding import GeocodedPoint, Geocoding
from bot.usecases.lookup_flow import international_phone
from db.models.conversation import Conversation
from db.models.pipeline import OutboxMessage
from db.repositories.users import get_user
from tests.support import Resident

# Inside KON-05 (Centrum): ul. Dworcowa's point in the sample.
CENTRUM = (52.22981, 18.26794)
# Kraków: far outside every Konin district.
KRAKOW = (50.0614, 19.9372)


def values(answer: Answer) -> list[list[str]]:
    return [[o.value for o in row] for row in answer.options]


@dataclass(frozen=True)
class State:
    """The stored conversation, read after the turn was committed."""

    flow: str | None
    step: str | None
    draft: dict[str, Any]
    version: int


async def conversation(services: Services, user_id: int = 1001) -> State:
    async with services.uow() as uow:
        user = await get_user(uow.session, "telegram", str(user_id))
        assert user is not None
        found = await uow.session.get(Conversation, user.id)
        assert found is not None
        return State(found.flow, found.step, dict(found.draft), found.version)


async def outbox(services: Services, kind: str) -> list[dict[str, Any]]:
    async with services.uow() as uow:
        rows = await uow.session.scalars(
            select(OutboxMessage.payload)
            .where(OutboxMessage.kind == kind)
            .order_by(OutboxMessage.id)
        )
        return list(rows)


async def open_lookup(resident: Resident) -> Answer:
    [ask] = await resident.send(Command("dzielnicowy"))
    return ask


async def test_resident_types_an_address_and_gets_the_officers_card(services: Services) -> None:
    resident = Resident(services)
    ask = await open_lookup(resident)
    assert ask.key == "lookup-ask" and ask.keyboard == "reply"
    assert [[o.kind for o in row] for row in ask.options] == [["location"]]
    assert "112" in resident.texts([ask])[0]

    found, card, report = await resident.send(Text("kolejowa 5"))

    header, text, prompt = resident.texts([found, card, report])
    assert found.keyboard == "remove" and header == "📍 ul. Kolejowa 5, Konin"
    assert "Rejon 5 – Centrum i V osiedle (PRZYKŁAD)" in text
    assert "<b>asp. sztab. Tomasz Fikcyjny</b>\n📞 +48 47 77 000 05" in text
    assert "tomasz.fikcyjny@konin.przyklad.invalid" in text
    assert "Ewa Zmyślona" in text
    assert "Komenda Miejska Policji w Koninie" in text and "całodobowo" in text
    assert "<b>PRZYKŁAD</b>" in text and "112" in text
    assert "ul. Kolejowa 1–41 (nieparzyste)" in text and "ul. Dworcowa (cała ulica)" in text
    assert values(card) == [["ct:DZ-05"], ["ct:DZ-06"], ["sb:KON-05"]]
    assert card.scope == "lk"
    assert len(text) < 4096
    assert "zagrożenie" in prompt
    state = await conversation(services)
    assert (report.scope, values(report), report.version) == ("rp", [["here"]], state.version)
    assert (state.flow, state.step) == ("lookup", "card")
    assert state.draft["place"]["district_code"] == "KON-05"
    assert state.draft["place"]["address"] == "ul. Kolejowa 5, Konin"


# Each resident's typing habit, the district it must land in, and that district's officer.
TYPING_HABITS = [
    ("LEZYNSKA 3", "Rejon 4 – Chorzeń", "Maria Wzorcowa"),  # diacritics left out
    ("Лешинська 9", "Rejon 4 – Chorzeń", "Maria Wzorcowa"),  # Cyrillic
    ("ul. Chopna 16a", "Rejon 8 – Zatorze i Glinka", "Marek Szablonowy"),  # a typo
    ("22 Lipca 4", "Rejon 5 – Centrum", "Tomasz Fikcyjny"),  # the street's old name
]


async def test_residents_typing_habits_find_the_right_officer(services: Services) -> None:
    resident = Resident(services)
    await open_lookup(resident)
    # After a card, the next address starts a new lookup.
    for typed, district, officer in TYPING_HABITS:
        answers = await resident.send(Text(typed))
        keys = [a.key for a in answers]
        assert keys == ["lookup-found-address", "lookup-card", "lookup-report-here"], typed
        card = resident.texts()[1]
        assert district in card and officer in card, typed
    # An address given with the command is looked up at once.
    answers = await resident.send(Command("officer", "Staszica 3"))
    assert [a.key for a in answers][:2] == ["lookup-found-address", "lookup-card"]
    assert "Anna Testowa" in resident.texts()[1]


async def test_a_street_of_two_districts_offers_its_ranges_then_the_number_decides(
    services: Services,
) -> None:
    resident = Resident(services)
    await open_lookup(resident)
    [offer] = await resident.send(Text("Przemysłowa"))
    assert offer.key == "lookup-street-only"
    assert values(offer) == [["pk:0"], ["pk:1"]]
    labels = [services.catalog.render("pl", o.label, o.args) for row in offer.options for o in row]
    assert labels == [
        "ul. Przemysłowa (numery parzyste) · Rejon 8 – Zatorze i Glinka (PRZYKŁAD)",
        "ul. Przemysłowa (numery nieparzyste) · Rejon 6 – Niesłusz (PRZYKŁAD)",
    ]
    # Typing just the house number completes the street.
    answers = await resident.send(Text("7"))
    assert answers[0].key == "lookup-found-address"
    assert "Rejon 6 – Niesłusz" in resident.texts()[1]
    assert (await conversation(services)).draft["place"]["address"] == "ul. Przemysłowa 7, Konin"

    # Or the resident presses one of the ranges.
    [offer] = await resident.send(Text("Przemysłowa"))
    answers = await resident.send(Choice("pk:0", offer.version, "lk"))
    assert answers[0].key == "lookup-found-address"
    assert "Marek Szablonowy" in resident.texts()[1]
    place = (await conversation(services)).draft["place"]
    assert place["district_code"] == "KON-08" and place["street_key"] == "przemyslowa"


async def test_old_and_forged_buttons_are_refused_and_nothing_is_lost(services: Services) -> None:
    resident = Resident(services)
    await open_lookup(resident)
    [offer] = await resident.send(Text("Kolejowa"))
    before = await conversation(services)

    # A press from an older message, then values nobody offered.
    for choice in (
        Choice("pk:0", offer.version - 1, "lk"),
        Choice("pk:99", offer.version, "lk"),
        Choice("st:NOPE:1", offer.version, "lk"),
        Choice("ct:DZ-99", offer.version, "lk"),
        Choice("zzz", offer.version, "lk"),
    ):
        expired, again = await resident.send(choice)
        assert expired.key == "button-expired"
        assert again.key == "lookup-street-only" and values(again) == values(offer)

    after = await conversation(services)
    assert after.draft == before.draft and after.step == "pick"
    assert await outbox(services, "officer_contact") == []


async def test_anything_but_an_address_gets_a_polite_hint_and_the_candidates_stay(
    services: Services,
) -> None:
    resident = Resident(services)
    await open_lookup(resident)
    [offer] = await resident.send(Text("Kolejowa"))
    for step, kind in (
        (Unsupported("sticker"), "sticker"),
        (Unsupported("voice"), "voice"),
        (Media(("file-1",), (1000,)), "photo"),
        (Contact("+48600000000", own=True), "contact"),
    ):
        # One message: what went wrong, then the candidates again.
        [hint] = await resident.send(step)
        assert (hint.key, hint.args["kind"]) == ("lookup-wrong-kind", kind)
        assert [key for key, _ in hint.also] == ["lookup-street-only"]
        assert "adres" in resident.texts()[0] and "Kolejowa" in resident.texts()[0]
        assert values(hint) == values(offer) and hint.scope == "lk"
    # The candidates still work: nothing entered was lost.
    answers = await resident.send(Choice("pk:0", hint.version, "lk"))
    assert answers[0].key == "lookup-found-address"


async def test_a_huge_message_or_an_unknown_street_is_answered_politely(
    services: Services,
) -> None:
    resident = Resident(services)
    await open_lookup(resident)
    [too_long] = await resident.send(Text("Kolejowa 5 " * 500))
    assert too_long.key == "lookup-too-long" and too_long.keyboard == "reply"
    [unknown] = await resident.send(Text("Nieistniejąca 5 🚓"))
    assert unknown.key == "lookup-not-found"
    assert "Nieistniejąca 5 🚓" in resident.texts()[0]
    [elsewhere] = await resident.send(Text("Kolejowa 5, Poznań"))
    assert elsewhere.key == "lookup-outside-town"
    assert "Moja Komenda" in resident.texts()[0] and "112" in resident.texts()[0]
    state = await conversation(services)
    assert (state.flow, state.step) == ("lookup", "ask")


async def test_a_shared_location_gets_the_card(services: Services) -> None:
    resident = Resident(services)
    await open_lookup(resident)
    found, _, _ = await resident.send(Location(*CENTRUM))
    assert found.key == "lookup-found-point"
    assert "Tomasz Fikcyjny" in resident.texts()[1]
    place = (await conversation(services)).draft["place"]
    assert (place["source"], place["lat"], place["district_code"]) == (
        "point",
        CENTRUM[0],
        "KON-05",
    )

    # A venue (a place picked from the map's list) keeps its name.
    answers = await resident.send(Location(*CENTRUM, "Dworzec PKP", "ul. Dworcowa"))
    assert resident.texts()[0] == "📍 Dworzec PKP, ul. Dworcowa"
    assert answers[1].key == "lookup-card"


async def test_a_location_outside_every_district_points_to_moja_komenda_and_kmzb(
    services: Services,
) -> None:
    resident = Resident(services)
    await open_lookup(resident)
    [outside] = await resident.send(Location(*KRAKOW))
    text = resident.texts()[0]
    assert outside.key == "lookup-outside-area" and outside.keyboard == "reply"
    assert "poza obszarem" in text and "Moja Komenda" in text
    assert "KMZBPublic" in text and "112" in text
    state = await conversation(services)
    assert (state.flow, state.step) == ("lookup", "ask")


async def test_the_contact_button_queues_the_officer_by_code(services: Services) -> None:
    resident = Resident(services)
    await open_lookup(resident)
    _, card, _ = await resident.send(Text("Kolejowa 5"))
    answers = await resident.send(Choice("ct:DZ-06", card.version, "lk"))
    assert answers == []
    assert await outbox(services, "officer_contact") == [{"officer": "DZ-06", "lang": "pl"}]
    # The card stays usable: "report here" still carries the current version.
    assert (await conversation(services)).version == card.version


async def test_long_street_lists_are_paged(services: Services) -> None:
    services.config = Config(lookup={"streets_per_page": 5})
    resident = Resident(services)
    await open_lookup(resident)
    _, card, _ = await resident.send(Text("Kolejowa 5"))
    text = resident.texts()[1]
    # KON-05 lists 12 street lines: 5 + 5 + 2.
    assert "(1/3)" in text and "ul. Dworcowa" in text and "ul. Wyzwolenia" not in text
    assert values(card)[-1] == ["st:KON-05:2"]

    # Pressed on the card, the streets come as a new message; on a page, the page turns.
    [page2] = await resident.send(Choice("st:KON-05:2", card.version, "lk"))
    assert page2.key == "lookup-streets-page" and "(2/3)" in resident.texts()[0]
    assert page2.replaces is None
    assert values(page2) == [["sp:KON-05:3"]]
    [page3] = await resident.send(Choice("sp:KON-05:3", card.version, "lk"))
    assert "ul. Wyzwolenia" in resident.texts()[0] and page3.options == ()
    assert page3.replaces == REPLACE_PRESSED


async def test_report_here_hands_the_place_to_the_report_flow(services: Services) -> None:
    resident = Resident(services)
    await open_lookup(resident)
    _, _, report = await resident.send(Text("Kolejowa 5"))
    await resident.send(Choice("here", report.version, "rp"))
    state = await conversation(services)
    assert state.flow == "report"
    assert state.draft["place"]["district_code"] == "KON-05"


def test_phone_numbers_are_shown_in_international_form() -> None:
    assert international_phone("+48 47 77 000 01") == "+48 47 77 000 01"
    assert international_phone("47 711 22 00") == "+48 47 711 22 00"
    assert international_phone("0048477112200") == "+48477112200"
    assert international_phone("48 477112200") == "+48 47 711 22 00"
    assert international_phone("997") == "997"


# ---- online geocoding, with a fake geocoder in place of Nominatim ------------------------------


class FakeNominatim:
    """Answers like geopy's Nominatim: a Location-like object, None, or an exception."""

    def __init__(self, answer: Any = None, error: Exception | None = None) -> None:
        self.answer = answer
        self.error = error
        self.queries: list[str] = []
        self.threads: set[str] = set()

    def geocode(self, query: str, *, exactly_one: bool, timeout: float, **options: Any) -> Any:
        self.queries.append(query)
        self.threads.add(threading.current_thread().name)
        if self.error is not None:
            raise self.error
        return self.answer


class Found:
    def __init__(self, lat: float, lon: float) -> None:
        self.latitude, self.longitude, self.address = lat, lon, "Dworcowa, Konin, Polska"


async def test_an_address_unknown_offline_is_found_online_after_the_turn(
    services: Services,
) -> None:
    finder = FakeNominatim(Found(*CENTRUM))
    geocoding = services.geocoding = Geocoding(finder, min_interval=0)
    resident = Resident(services)
    await open_lookup(resident)
    [waiting] = await resident.send(Text("Juliusza Słowackiego 5"))
    assert waiting.key == "lookup-geocoding"
    assert (await conversation(services)).step == "geocoding"

    await geocoding.drain()

    assert finder.queries == ["Juliusza Słowackiego 5, Konin"]
    assert threading.main_thread().name not in finder.threads
    keys = [p["answer"]["key"] for p in await outbox(services, "answer")]
    assert keys[-3:] == ["lookup-found-address", "lookup-card", "lookup-report-here"]
    state = await conversation(services)
    assert state.step == "card" and state.draft["place"]["district_code"] == "KON-05"
    assert state.draft["place"]["address"] == "Juliusza Słowackiego 5"


async def test_a_geocoding_error_falls_back_to_not_found(services: Services) -> None:
    finder = FakeNominatim(error=GeocoderServiceError("HTTP 503"))
    geocoding = services.geocoding = Geocoding(finder, min_interval=0)
    resident = Resident(services)
    await open_lookup(resident)
    await resident.send(Text("Juliusza Słowackiego 5"))
    await geocoding.drain()
    keys = [p["answer"]["key"] for p in await outbox(services, "answer")]
    assert keys[-1] == "lookup-not-found"
    assert (await conversation(services)).step == "ask"


async def test_a_geocoding_answer_for_a_resident_who_moved_on_is_dropped(
    services: Services,
) -> None:
    geocoding = services.geocoding = Geocoding(FakeNominatim(Found(*CENTRUM)), min_interval=0)
    resident = Resident(services)
    await open_lookup(resident)
    await resident.send(Text("Juliusza Słowackiego 5"))
    # Before the background job answers, the resident leaves the lookup.
    await resident.send(Command("anuluj"))
    sent = len(await outbox(services, "answer"))
    await geocoding.drain()
    assert len(await outbox(services, "answer")) == sent


async def test_geocoding_remembers_answers_and_ignores_case() -> None:
    finder = FakeNominatim(Found(*CENTRUM))
    geocoding = Geocoding(finder, min_interval=0)
    first = await geocoding.geocode("Dworcowa 1, Konin")
    again = await geocoding.geocode("  dworcowa 1,   KONIN ")
    assert first == again == GeocodedPoint(CENTRUM[0], CENTRUM[1], "Dworcowa, Konin, Polska")
    assert len(finder.queries) == 1


async def test_geocoding_caches_for_a_while_only() -> None:
    now = [0.0]
    finder = FakeNominatim(None)
    geocoding = Geocoding(finder, min_interval=0, cache_seconds=60, clock=lambda: now[0])
    assert await geocoding.geocode("Nigdzie 1") is None
    assert await geocoding.geocode("Nigdzie 1") is None
    now[0] = 61.0
    assert await geocoding.geocode("Nigdzie 1") is None
    assert len(finder.queries) == 2


class HeldNominatim(FakeNominatim):
    """Answers only once released, like a slow Nominatim (the lookup runs it in a thread)."""

    def __init__(self, answer: Any = None) -> None:
        super().__init__(answer)
        self.released = threading.Event()

    def geocode(self, query: str, *, exactly_one: bool, timeout: float, **options: Any) -> Any:
        assert self.released.wait(30), "never released"
        return super().geocode(query, exactly_one=exactly_one, timeout=timeout, **options)


async def test_stopping_the_bot_lets_an_address_being_looked_up_online_get_its_answer(
    services: Services,
) -> None:
    finder = HeldNominatim(Found(*CENTRUM))
    services.geocoding = Geocoding(finder, min_interval=0)
    resident = Resident(services)
    await open_lookup(resident)
    [waiting] = await resident.send(Text("Juliusza Słowackiego 5"))
    assert waiting.key == "lookup-geocoding"
    # While the job runs, anything else gets "still checking" with the hint.
    [hint] = await resident.send(Unsupported("sticker"))
    assert "lookup-geocoding-wait" in [key for key, _ in hint.also]

    finder.released.set()
    await shutdown(services)

    keys = [p["answer"]["key"] for p in await outbox(services, "answer")]
    assert keys[-3:] == ["lookup-found-address", "lookup-card", "lookup-report-here"]
    assert (await conversation(services)).step == "card"


async def test_after_a_restart_a_resident_left_waiting_for_the_map_is_answered_normally(
    services: Services,
) -> None:
    # The previous process stopped while it looked the address up; this one has no such job.
    services.geocoding = Geocoding(FakeNominatim(Found(*CENTRUM)), min_interval=0)
    resident = Resident(services)
    await open_lookup(resident)
    async with services.uow() as uow:
        user = await get_user(uow.session, "telegram", "1001")
        assert user is not None
        left = await uow.session.get(Conversation, user.id)
        assert left is not None
        left.step, left.draft = "geocoding", {**left.draft, "query": "Juliusza Słowackiego 5"}
        await uow.commit()

    [hint] = await resident.send(Unsupported("sticker"))

    # Not "still checking the previous address": nothing is checking it any more.
    assert hint.key == "lookup-wrong-kind"
    assert "lookup-geocoding-wait" not in [key for key, _ in hint.also]
    assert (await conversation(services)).step == "geocoding"
    found, card, _ = await resident.send(Text("kolejowa 5"))
    assert found.key == "lookup-found-address" and card.key == "lookup-card"
    assert (await conversation(services)).step == "card"
