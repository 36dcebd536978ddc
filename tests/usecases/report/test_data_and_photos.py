"""The categories file, photo re-encoding and typed dates, on their own."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from bot.i18n import LOCALES_DIR, catalog_keys
from bot.usecases.report.categories import OTHER, CategoriesInvalid, load_categories
from bot.usecases.report.photos import NotAnImage, clean_photo
from bot.usecases.report.when import DateRefused, parse_day
from tests.usecases.report.story import jpeg_with_gps

CATEGORIES_FILE = Path("data/categories.csv")


def test_the_kmzb_categories_are_all_there_in_three_languages() -> None:
    categories = load_categories(CATEGORIES_FILE)
    grouped = [c for members in categories.groups.values() for c in members]
    assert len(grouped) == 26
    assert categories.get(OTHER) is not None
    assert {c.names["pl"] for c in grouped} >= {
        "Nieprawidłowe parkowanie",
        "Dzikie wysypiska śmieci",
        "Znęcanie się nad zwierzętami",
        "Niestrzeżony przejazd kolejowy",
    }
    for category in grouped:
        assert all(category.names[lang] for lang in ("pl", "uk", "en"))
    # Each group fits a phone screen.
    assert max(len(members) for members in categories.groups.values()) <= 8


def test_every_group_has_a_name_in_every_catalog() -> None:
    groups = set(load_categories(CATEGORIES_FILE).groups)
    for lang in ("pl", "uk", "en"):
        keys = catalog_keys(LOCALES_DIR, lang)
        assert {f"report-group-{g}" for g in groups} <= set(keys)


def test_a_broken_categories_file_lists_every_problem(tmp_path: Path) -> None:
    path = tmp_path / "categories.csv"
    path.write_text(
        "code,group,pl,uk,en,active\n"
        "parking,road,Parkowanie,,Parking,tak\n"
        "parking,road,Parkowanie,Паркування,Parking,może\n"
        "zła kategoria,road,X,X,X,tak\n",
        encoding="utf-8",
    )
    with pytest.raises(CategoriesInvalid) as raised:
        load_categories(path)
    message = str(raised.value)
    assert ":2: no name in uk" in message
    assert ":3: code 'parking' repeats" in message
    assert ":3: active must be tak or nie" in message
    assert ":4: code must be letters" in message
    assert "'inne'" in message


def test_an_inactive_category_is_not_offered_but_keeps_its_name(tmp_path: Path) -> None:
    path = tmp_path / "categories.csv"
    path.write_text(
        "code,group,pl,uk,en,active\n"
        "parking,road,Parkowanie,Паркування,Parking,tak\n"
        "quads,environment,Quady,Квадроцикли,Quads,nie\n"
        "inne,other,Inne,Інше,Other,tak\n",
        encoding="utf-8",
    )
    categories = load_categories(path)
    assert list(categories.groups) == ["road"]
    assert categories.selectable("quads") is None
    assert categories.name("quads", "uk") == "Квадроцикли"


def test_a_photo_loses_its_gps_and_camera_and_is_shrunk() -> None:
    original = jpeg_with_gps(4000, 3000)
    with Image.open(io.BytesIO(original)) as image:
        assert image.getexif().get_ifd(0x8825)  # the test photo does carry GPS
    clean = clean_photo(original, 2560)
    with Image.open(io.BytesIO(clean.content)) as image:
        assert dict(image.getexif()) == {}
        assert not {"exif", "icc_profile", "xmp"} & set(image.info)
        assert image.size == (2560, 1920) == (clean.width, clean.height)
        assert image.format == "JPEG"


def test_a_photo_is_turned_upright_before_its_orientation_tag_is_dropped() -> None:
    image = Image.new("RGB", (400, 200), "green")
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise to view
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    clean = clean_photo(buffer.getvalue(), 2560)
    assert (clean.width, clean.height) == (200, 400)


def test_a_png_with_transparency_becomes_a_jpeg() -> None:
    buffer = io.BytesIO()
    Image.new("RGBA", (50, 40), (255, 0, 0, 0)).save(buffer, format="PNG")
    clean = clean_photo(buffer.getvalue(), 2560)
    assert clean.content.startswith(b"\xff\xd8") and (clean.width, clean.height) == (50, 40)


def test_what_is_not_an_image_is_refused() -> None:
    with pytest.raises(NotAnImage):
        clean_photo(b"%PDF-1.4 not an image", 2560)


TODAY = date(2026, 11, 27)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("25.11", date(2026, 11, 25)),
        ("25.11.2026", date(2026, 11, 25)),
        ("5/11/26", date(2026, 11, 5)),
        ("2026-11-01", date(2026, 11, 1)),
        ("24.12", date(2025, 12, 24)),
        # Month names, as residents write them in their languages (and without Polish letters).
        ("25 listopada", date(2026, 11, 25)),
        ("3. Października 2026", date(2026, 10, 3)),
        ("3 pazdziernika", date(2026, 10, 3)),
        ("25 листопада", date(2026, 11, 25)),
        ("24 груд.", date(2025, 12, 24)),
        ("November 25th", date(2026, 11, 25)),
    ],
)
def test_typed_dates(typed: str, expected: date) -> None:
    assert parse_day(typed, TODAY) == expected


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("wczoraj", "format"),
        ("25 listopadowy", "format"),
        ("listopad", "format"),
        ("31.02", "format"),
        ("28.11.2026", "future"),
        ("1.1.2025", "too_old"),
    ],
)
def test_refused_dates(typed: str, reason: str) -> None:
    with pytest.raises(DateRefused) as refused:
        parse_day(typed, TODAY)
    assert refused.value.reason == reason
