"""Places: a typed address or a shared point, resolved offline to a district.

The lookup flow ("Mój dzielnicowy") and the report flow ("where?") share this, and keep the
resolved place in the conversation draft as `Place.to_json()` under the key "place".
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any, Literal

from bot.i18n import Catalog, Raw, Render
from bot.services import Services
from db.models.reports import Report
from lookup.crossings import Crossing
from lookup.directory import Parity
from lookup.gazetteer import AddressResult, Alternative, Gazetteer, MatchQuality, PointResult
from lookup.house_numbers import NumberRange
from lookup.landmarks import ICONS, LandmarkKind, LandmarkRecord, names_a_landmark, plain_words
from lookup.nearby import NearestStreet
from lookup.normalize import street_key, words_key

FOUND = frozenset({MatchQuality.EXACT, MatchQuality.FUZZY})


@dataclass(frozen=True)
class Place:
    """Where something is: a point and/or an address, and the district it falls in."""

    source: Literal["point", "address"]
    lat: float | None
    lon: float | None
    # Human-readable: "ul. Słowackiego 5, Konin", or a venue's title and address.
    address: str | None
    district_code: str | None
    district_name: str | None
    # Folded street name and house number, for "same street within N numbers" duplicates.
    street_key: str | None = None
    house_number: int | None = None
    # A landmark's kind (lookup.landmarks.LandmarkKind) when the place is one.
    kind: str | None = None

    def to_json(self) -> dict[str, Any]:
        """Serialise for a conversation draft."""
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Place:
        """Rebuild from a conversation draft."""
        return cls(**data)


@dataclass(frozen=True)
class PlaceLookup:
    """The outcome of resolving a place: the place (when found) and what else could be meant."""

    quality: MatchQuality
    place: Place | None
    alternatives: tuple[Alternative, ...] = ()
    result: AddressResult | PointResult | None = None
    # For a point outside every district: how far the nearest one is.
    distance_m: float | None = None
    # A typed crossing ("róg Kolejowej i Dworcowej"): found, or two streets that do not meet.
    crossing: Crossing | None = None
    # Landmarks the text may name, for the resident to confirm (with `alternatives`, the
    # streets it may name too): a landmark never silently becomes a street, nor the reverse.
    landmarks: tuple[Place, ...] = ()
    # "przystanek przy Kolejowej": the street ("ul. Kolejowa"); `landmarks` are its stops.
    stops_street: str | None = None

    @property
    def found(self) -> bool:
        """Tell whether the place resolved to one district."""
        return self.quality in FOUND and self.place is not None


def gazetteer(services: Services) -> Gazetteer:
    """Return the process's gazetteer (built by app.assembly.prepare)."""
    found = services.gazetteer
    if found is None:
        raise RuntimeError("the directory is not loaded (app.assembly.prepare did not run)")
    return found


def place_from_text(services: Services, text: str) -> PlaceLookup:
    """Resolve a typed address, crossing, landmark or "stop near a street" offline.

    Order: a crossing said as one ("róg Kolejowej i Dworcowej"); the stops of a street
    ("przystanek przy Kolejowej"); a landmark named exactly; an address; landmarks named nearly
    (offered, never taken); "Kolejowa i Dworcowa" as a crossing. A landmark and a street that
    both fit, or a street found in a text that says "park", "most", "szpital"..., are offered
    as choices.
    """
    found = gazetteer(services)
    settings = services.config.lookup
    default = settings.default_locality
    crossing = found.lookup_crossing(text, default, max_m=settings.crossing_max_m)
    if crossing is not None:
        return _crossing_place(crossing)
    near = found.stops_near(text, default)
    if near is not None:
        stops = tuple(landmark_place(services, m) for m in near.stops)
        quality = MatchQuality.AMBIGUOUS if stops else MatchQuality.NOT_FOUND
        return PlaceLookup(quality, None, landmarks=stops, stops_street=near.street)
    named = found.landmarks_named(text)
    result = found.lookup_address(text, default)
    said = names_a_landmark(text)
    searched = text
    if said and result.quality is MatchQuality.NOT_FOUND and plain_words(text):
        # "park przy Chopina": the street the words after "park" may name, to offer it too.
        searched = plain_words(text)
        result = found.lookup_address(searched, default)
    street = _street_place(result, searched)
    if named:
        places = tuple(landmark_place(services, m) for m in named)
        if street is not None and not said:
            # "Chopina": the street and the stop of that name; the resident says which.
            return _confirm(places, result)
        if len(places) == 1:
            return PlaceLookup(MatchQuality.EXACT, places[0])
        return _confirm(places, None)
    if said and result.quality is not MatchQuality.NOT_FOUND:
        # "park Chopina" with no such park listed exactly: never silently ul. Chopina.
        like = tuple(landmark_place(services, m) for m in found.landmarks_like(text))
        if like:
            return _confirm(like, result)
    if street is not None:
        return PlaceLookup(result.quality, street, result.alternatives, result)
    if result.quality is MatchQuality.NOT_FOUND:
        # "Kolejowa i Dworcowa": no address, but two streets known as typed that may meet
        # (before near names of landmarks, which "Róg Dworcowej i Kolejowej" would be).
        crossing = found.lookup_crossing(text, default, max_m=settings.crossing_max_m, bare=True)
        if crossing is not None and crossing.quality is not MatchQuality.NOT_FOUND:
            return _crossing_place(crossing)
        like = tuple(landmark_place(services, m) for m in found.landmarks_like(text))
        if like:
            return _confirm(like, None)
    return PlaceLookup(result.quality, None, result.alternatives, result)


def _street_place(result: AddressResult, text: str) -> Place | None:
    """Turn a found address into a place ("ul. Kolejowa 12, Konin"); None if not found."""
    if result.quality not in FOUND or result.rule is None or result.district is None:
        return None
    rule = result.rule
    number = result.house_number
    street = " ".join(part for part in (rule.prefix, rule.street) if part)
    label = f"{street} {number.raw}" if number is not None else street
    if street:
        address = f"{label}, {rule.locality}"
    elif result.unlisted_street:
        address = _unlisted_address(text, result, locality=rule.locality)
    else:
        # A village without streets: "Licheń Stary 12".
        address = f"{rule.locality} {number.raw}" if number is not None else rule.locality
    return Place(
        source="address",
        lat=result.lat,
        lon=result.lon,
        address=address,
        district_code=result.district.code,
        district_name=result.district.name,
        street_key=street_key(rule.street) if rule.street else None,
        house_number=number.number if number is not None else None,
    )


def _confirm(landmarks: tuple[Place, ...], result: AddressResult | None) -> PlaceLookup:
    """Offer landmarks (and the streets the text may name) for the resident to pick."""
    streets: tuple[Alternative, ...] = ()
    if result is not None:
        streets = result.alternatives
        if not streets and result.rule is not None and result.district is not None:
            rule = result.rule
            streets = (
                Alternative(
                    rule.locality,
                    " ".join(part for part in (rule.prefix, rule.street) if part),
                    "",
                    result.district.code,
                    result.district.name,
                    result.score,
                    None,
                    rule.prefix,
                ),
            )
    return PlaceLookup(MatchQuality.AMBIGUOUS, None, streets, result, landmarks=landmarks)


def landmark_place(services: Services, landmark: LandmarkRecord) -> Place:
    """Turn a landmark into a place: its name (and town) as the address, its point."""
    district = gazetteer(services).district(landmark.district_code)
    town = services.config.lookup.default_locality
    name = landmark.name
    if town and words_key(town) not in words_key(name):
        name = f"{name}, {town}"
    return Place(
        source="address",
        lat=landmark.lat,
        lon=landmark.lon,
        address=name,
        district_code=landmark.district_code,
        district_name=district.name if district is not None else None,
        kind=landmark.kind.value,
    )


def landmark_json(place: Place) -> dict[str, Any]:
    """Keep an offered landmark in a conversation draft, as a candidate to press."""
    return {
        "label": f"{ICONS[LandmarkKind(place.kind)]} {place.address}"
        if place.kind
        else place.address,
        "district_code": place.district_code,
        "district_name": place.district_name,
        "place": place.to_json(),
    }


def candidates_json(lookup: PlaceLookup) -> list[dict[str, Any]]:
    """The choices of a lookup for a draft: landmarks first, then the streets."""
    return [
        *(landmark_json(place) for place in lookup.landmarks),
        *(alternative_json(alt) for alt in lookup.alternatives if alt.district_code),
    ]


def chosen_place(candidate: dict[str, Any]) -> Place | None:
    """Return the place of a pressed landmark candidate (None for a street candidate)."""
    raw = candidate.get("place")
    if not isinstance(raw, dict):
        return None
    try:
        return Place.from_json(raw)
    except TypeError:
        return None


def _crossing_place(crossing: Crossing) -> PlaceLookup:
    """Turn a typed crossing into a place ("ul. Kolejowa / ul. Dworcowa, Konin")."""
    district = crossing.district
    if crossing.quality not in FOUND or district is None:
        return PlaceLookup(crossing.quality, None, crossing=crossing)
    place = Place(
        source="address",
        lat=crossing.lat,
        lon=crossing.lon,
        address=crossing.label,
        district_code=district.code,
        district_name=district.name,
    )
    return PlaceLookup(crossing.quality, place, crossing=crossing)


def _unlisted_address(text: str, result: AddressResult, locality: str) -> str:
    """Name a street the police do not list, in a locality they cover as a whole, as typed.

    "Kramsk, ul. Kolejowa 3" and "Kolejowa 3 Kramsk" become "Kolejowa 3, Kramsk" with the
    resident's spelling of the street: the street first, so that the public form (without the
    house number) cuts the number, and the locality as the police write it.
    """
    town = words_key(locality)
    parts = [" ".join(part.split()) for part in text.split(",") if part.strip()]
    if len(parts) == 1:
        words = parts[0].split()
        for k in range(1, min(3, len(words) - 1) + 1):
            if words_key(" ".join(words[:k])) == town:
                parts = [" ".join(words[:k]), " ".join(words[k:])]
            elif words_key(" ".join(words[-k:])) == town:
                parts = [" ".join(words[:-k]), " ".join(words[-k:])]
    streets = [part for part in parts if words_key(part) != town]
    if len(parts) == 2 and len(streets) == 1:
        return f"{streets[0]}, {locality}"
    number = result.house_number
    return f"{locality} {number.raw}" if number is not None else locality


# A venue's title and address are the sender's app's words, of any length: they are echoed in
# messages (whose text Telegram caps at 4,096 characters) and stored in a 300-character column.
VENUE_LABEL_MAX_LENGTH = 200


def venue_label(title: str | None, address: str | None) -> str | None:
    """Return "title, address" of a shared venue, cut to a length every message can hold."""
    label = ", ".join(part for part in (title, address) if part) or None
    if label is not None and len(label) > VENUE_LABEL_MAX_LENGTH:
        label = label[: VENUE_LABEL_MAX_LENGTH - 1].rstrip() + "…"
    return label


def place_from_point(
    services: Services,
    lat: float,
    lon: float,
    title: str | None = None,
    address: str | None = None,
) -> PlaceLookup:
    """Resolve a shared location or venue offline (polygon containment)."""
    result = gazetteer(services).lookup_point(lat, lon)
    label = venue_label(title, address)
    if result.district is None or result.quality not in FOUND:
        return PlaceLookup(result.quality, None, (), result, result.distance_m)
    place = Place(
        source="point",
        lat=lat,
        lon=lon,
        address=label,
        district_code=result.district.code,
        district_name=result.district.name,
    )
    return PlaceLookup(result.quality, place, (), result, result.distance_m)


# ---- describing places in the resident's language ------------------------------------------

# What a street's prefix makes of it, for "(cały plac)" rather than "(cała ulica)".
STREET_KINDS = {
    "pl.": "square",
    "plac": "square",
    "al.": "avenue",
    "aleja": "avenue",
    "aleje": "avenue",
    "os.": "estate",
    "osiedle": "estate",
    "rondo": "roundabout",
}


def describe_numbers(
    text: Render, numbers: NumberRange | None, prefix: str = "", *, locality: bool = False
) -> str:
    """Describe a range of house numbers ("1–41 (nieparzyste)", "(cały plac)"); "" for None."""
    if numbers is None:
        return ""
    low, high = numbers.number_from, numbers.number_to
    if low is None and high is None:
        shape = "whole" if numbers.parity is Parity.ALL else "parity"
    elif high is None:
        shape = "from"
    else:
        shape = "span"
    kind = "locality" if locality else STREET_KINDS.get(prefix.strip().lower(), "street")
    # Strings, not numbers: Fluent would group thousands ("1 200") in a house number.
    start = str(low or 1)
    span = start if low == high or high is None else f"{start}–{high}"
    return text(
        "places-numbers",
        shape=shape,
        kind=kind,
        parity=numbers.parity.value,
        start=start,
        span=span,
    )


def alternative_json(alt: Alternative) -> dict[str, Any]:
    """Keep a candidate in a conversation draft (with its range, described when shown)."""
    span = alt.range
    return {
        "locality": alt.locality,
        "street": alt.street,
        "prefix": alt.prefix,
        "range": None if span is None else [span.parity.value, span.number_from, span.number_to],
        "district_code": alt.district_code,
        "district_name": alt.district_name,
    }


def alternative_numbers(text: Render, alt: dict[str, Any]) -> str:
    """Describe a stored candidate's house numbers in the resident's language."""
    raw = alt.get("range")
    if not isinstance(raw, list) or len(raw) != 3:
        return ""
    try:
        span = NumberRange(Parity(raw[0]), raw[1], raw[2])
    except ValueError:
        return ""
    return describe_numbers(text, span, str(alt.get("prefix") or ""))


def about_distance(metres: float) -> tuple[int, str]:
    """Round a distance the way people say it: (950, "m"), (4, "km"), (180, "km")."""
    if metres < 975:
        return max(50, round(metres / 50) * 50), "m"
    km = metres / 1000
    if km < 10:
        return max(1, round(km)), "km"
    # Two significant digits: 183.1 km is "about 180 km".
    step = 10 ** (len(str(int(km))) - 2)
    return round(km / step) * step, "km"


# ---- how a place reads ------------------------------------------------------------------------


def place_label(
    services: Services,
    lang: str,
    *,
    address: str | None,
    lat: float | None,
    lon: float | None,
    point: bool,
) -> Raw:
    """Describe where a report is, as Telegram HTML: the one place label of the bot.

    A typed address reads as typed (resolved: "ul. Kolejowa 12, Konin"); a shared pin reads as
    the nearest street of the directory with the distance, its coordinates a map link
    ("w pobliżu: ul. Kolejowa 1–41 (nieparzyste), ok. 120 m · 52.23439, 18.26041"); a venue
    keeps its name before that. Residents' summaries, alerts, lists and exports all use it.
    """
    return Raw(
        describe_place(
            services.catalog,
            lang,
            services.gazetteer,
            services.config.lookup.map_link,
            address=address,
            lat=lat,
            lon=lon,
            point=point,
        )
    )


def describe_place(
    catalog: Catalog,
    lang: str,
    gazetteer: Gazetteer | None,
    map_link: str,
    *,
    address: str | None,
    lat: float | None,
    lon: float | None,
    point: bool,
    as_html: bool = True,
) -> str:
    """Render the place label (see place_label); `as_html=False` gives plain text for exports.

    The plain text leaves the coordinates out: an export has them in columns of their own.
    """
    if not point or lat is None or lon is None:
        text = address or "—"
        return html.escape(text, quote=False) if as_html else text
    label = ""
    # A venue picked in Telegram comes with its own name and address, better than a street
    # point of the directory; a bare pin is named by the nearest street.
    near = None if address or gazetteer is None else gazetteer.nearest_street(lat, lon)
    if near is not None:
        args = {
            "street": street_text(catalog, lang, near),
            "distance": _distance(catalog, lang, near),
        }
        label = catalog.render(lang, "place-near", args)
    elif address:
        label = html.escape(address, quote=False)
    if as_html:
        url = map_link.format(lat=f"{lat:.6f}", lon=f"{lon:.6f}")
        link = Raw(
            catalog.render(lang, "place-map", {"url": url, "coordinates": f"{lat:.5f}, {lon:.5f}"})
        )
        if label:
            label = catalog.render(lang, "place-on-map", {"place": Raw(label), "map": link})
        else:
            label = catalog.render(lang, "place-pin", {"map": link})
    return label if as_html else html.unescape(label)


def report_place_namer(
    catalog: Catalog, lang: str, gazetteer: Gazetteer | None, map_link: str
) -> Callable[[Report], str]:
    """Return a function naming a report's place in plain text (for exports)."""

    def name(report: Report) -> str:
        return describe_place(
            catalog,
            lang,
            gazetteer,
            map_link,
            address=report.address,
            lat=report.lat,
            lon=report.lon,
            point=report.location_source == "point",
            as_html=False,
        )

    return name


def street_text(catalog: Catalog, lang: str, near: NearestStreet) -> Raw:
    """Name the street and its house-number range ("ul. Kolejowa 1–41 (nieparzyste)")."""
    street = html.escape(near.street_label, quote=False)
    if near.number_from is None and near.number_to is None and near.parity is Parity.ALL:
        # "ul. Kolejowa (cała ulica)" says nothing more than "ul. Kolejowa" here.
        return Raw(street)

    def text(key: str, **args: Any) -> str:
        return catalog.render(lang, key, args)

    span = NumberRange(near.parity, near.number_from, near.number_to)
    return Raw(f"{street} {describe_numbers(text, span, near.prefix)}")


def _distance(catalog: Catalog, lang: str, near: NearestStreet) -> Raw:
    """Say how far, as people say it (about_distance: "ok. 50 m", "ok. 1 km")."""
    amount, unit = about_distance(near.distance_m)
    if unit == "m":
        return Raw(catalog.render(lang, "place-distance-m", {"metres": amount}))
    return Raw(catalog.render(lang, "place-distance-km", {"km": amount}))
