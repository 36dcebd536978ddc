"""When, photos, who: the optional steps, the summary, changing a field and cancelling."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from bot.conversation import Contact, Media
from bot.services import Services
from bot.usecases.report.submit import prepare_photos
from db.models.people import Reporter
from db.models.reports import AuditEvent, Report
from tests.usecases.report.story import (
    PhotoShelf,
    Reporting,
    conversation,
    jpeg_with_gps,
    reports,
    rows,
    stored_photos,
)


async def at_when(services: Services, user_id: int) -> Reporting:
    resident = Reporting(services, user_id)
    await resident.through_category()
    await resident.say("Kolejowa 12")
    assert resident.said()[-1] == "report-when-question"
    return resident


async def to_summary(resident: Reporting) -> None:
    """From the description question on: no description, no photos, anonymous."""
    await resident.press("skip")
    await resident.press("done")
    await resident.press("anon.yes")
    assert resident.said() == ["report-summary"]


async def test_it_keeps_happening_on_weekday_evenings(report_services: Services) -> None:
    anna = await at_when(report_services, 6001)
    await anna.press("when.recurring")
    assert anna.said() == ["report-when-days-question"]
    await anna.press("days.done")
    assert anna.said() == ["report-days-none", "report-when-days-question"]
    await anna.press("day.4")
    assert "✅ Pt" in anna.labels()
    await anna.press("day.5")
    await anna.press("day.4")
    assert "✅ So" in anna.labels() and "Pt" in anna.labels()
    await anna.press("days.done")
    assert anna.said() == ["report-when-time-question"]
    await anna.press("time.evening")
    await to_summary(anna)
    assert "powtarza się: So; wieczorem (18–22)" in anna.text()
    await anna.press("send")
    [report] = await reports(report_services)
    assert report.occurred == {"kind": "recurring", "days": [5], "time": "evening"}


async def test_a_whole_week_or_its_working_days_read_as_people_say_them(
    report_services: Services,
) -> None:
    anna = await at_when(report_services, 6002)
    await anna.press("when.recurring")
    await anna.press("days.all")
    await anna.press("time.night")
    await to_summary(anna)
    assert "powtarza się: codziennie; w nocy (22–6)" in anna.text()

    ewa = await at_when(report_services, 6003)
    await ewa.press("when.recurring")
    for day in range(5):
        await ewa.press(f"day.{day}")
    await ewa.press("days.done")
    await ewa.press("time.morning")
    await to_summary(ewa)
    assert "powtarza się: Pn–Pt; rano (6–12)" in ewa.text()


async def test_another_day_typed_or_chosen(report_services: Services) -> None:
    anna = await at_when(report_services, 6002)
    await anna.press("when.other_day")
    await anna.say("wczoraj wieczorem")
    assert anna.said() == ["report-date-format", "report-when-date-question"]
    await anna.say("30.11.2026")
    assert anna.said() == ["report-date-future", "report-when-date-question"]
    await anna.say("1.1.2024")
    assert anna.said() == ["report-date-too-old", "report-when-date-question"]
    await anna.send(Media(("x",), (1,)))
    assert anna.said() == ["report-hint-date", "report-when-date-question"]
    await anna.say("25.11")
    await anna.press("time.unknown")
    await to_summary(anna)
    assert "25.11.2026, pora nieznana" in anna.text()

    await anna.press("edit")
    await anna.press("edit.when")
    await anna.press("when.other_day")
    await anna.press("date.1")
    await anna.press("time.morning")
    assert anna.said() == ["report-summary"]
    assert "26.11.2026, rano (6–12)" in anna.text()


async def test_three_photos_at_most_each_within_the_size_limit(
    report_services: Services,
) -> None:
    anna = await at_when(report_services, 6003)
    await anna.press("when.now")
    await anna.press("skip")
    assert anna.said() == ["report-photos-question"]
    await anna.send(Media(("huge",), (25_000_000,)))
    # Nothing kept: why, and the question again (not "photo saved (0 of 3)").
    assert anna.said() == ["report-photo-too-big", "report-photos-question"]
    for n in range(3):
        await anna.photo(jpeg_with_gps())
        assert f"({n + 1} z 3)" in anna.text()
    await anna.photo(jpeg_with_gps())
    assert anna.said() == ["report-photos-limit", "report-photos-question"]
    assert len((await conversation(report_services, 6003)).draft["photos"]) == 3

    # "Done" under the first photo's reply still works: photos do not change the version.
    await anna.press("done")
    assert anna.said() == ["report-anonymous-question"]


async def test_an_album_keeps_every_reply_s_done_button_working(
    report_services: Services,
) -> None:
    anna = await at_when(report_services, 6004)
    await anna.press("when.now")
    await anna.press("skip")
    await anna.photo(jpeg_with_gps())
    first_reply = anna.last
    await anna.photo(jpeg_with_gps())
    anna.last = first_reply
    await anna.press("done")
    assert anna.said() == ["report-anonymous-question"]


async def test_an_unreadable_image_is_taken_out_on_send(report_services: Services) -> None:
    anna = await at_when(report_services, 6005)
    await anna.press("when.now")
    await anna.press("skip")
    await anna.photo(jpeg_with_gps())
    await anna.photo(b"GIF89a this is not really an image")
    await anna.press("done")
    await anna.press("anon.yes")
    await anna.press("send")
    assert anna.said() == ["report-photos-refused", "report-photos-question"]
    assert "nr 2" in anna.text()
    assert await reports(report_services) == []
    await anna.press("done")
    assert anna.said() == ["report-summary"]
    await anna.press("send")
    assert anna.said() == ["report-sent"]
    assert [p.position for p in await stored_photos(report_services)] == [1]


async def test_photos_prepared_before_send_are_stored_without_downloading_again(
    report_services: Services,
) -> None:
    anna = await at_when(report_services, 6007)
    await anna.press("when.now")
    await anna.press("skip")
    await anna.photo(jpeg_with_gps(3200, 2400))
    await anna.press("done")
    await anna.press("anon.yes")
    # What the Telegram adapter does just before the Send turn's transaction opens.
    shelf = report_services.media_fetcher
    assert isinstance(shelf, PhotoShelf)
    refs = list(shelf.files)
    await prepare_photos(report_services, refs)
    shelf.files.clear()  # a download inside the Send turn would now fail
    await anna.press("send")
    assert anna.said() == ["report-sent"]
    [photo] = await stored_photos(report_services)
    assert (photo.width, photo.height) == (2560, 1920)
    assert report_services.prepared_photos == {}


async def test_clearing_the_photos(report_services: Services) -> None:
    anna = await at_when(report_services, 6006)
    await anna.press("when.now")
    await anna.press("skip")
    await anna.photo(jpeg_with_gps())
    await anna.press("clear")
    assert anna.said() == ["report-photos-question"]
    assert (await conversation(report_services, 6006)).draft["photos"] == []


async def test_not_anonymous_with_the_resident_s_own_phone(report_services: Services) -> None:
    anna = await at_when(report_services, 6007)
    await anna.press("when.now")
    await anna.press("skip")
    await anna.press("done")
    await anna.press("anon.no")
    assert anna.said() == ["report-phone-question"]
    assert anna.keyboard() == "reply"
    assert [o.kind for row in anna.last[0].options for o in row] == ["contact", "choice"]
    await anna.send(Contact("+48 600 100 789", own=True))
    assert anna.said() == ["report-phone-saved", "report-summary"]
    assert "telefon ••• ••• 789" in anna.text()
    assert "600 100" not in anna.text()
    await anna.press("send")

    [report] = await reports(report_services)
    assert report.anonymous is False and report.reporter_id is not None
    [(user_id, name, phone, consent)] = await rows(
        report_services,
        select(Reporter.user_id, Reporter.display_name, Reporter.phone, Reporter.phone_consent_at),
    )
    assert user_id == report.user_id
    assert name is None
    assert phone == "+48 600 100 789"
    assert isinstance(consent, datetime)
    [(data,)] = await rows(report_services, select(AuditEvent.data))
    assert data == {"photos": 0, "anonymous": False, "phone_shared": True}


async def test_changing_a_field_returns_to_the_summary(report_services: Services) -> None:
    anna = await at_when(report_services, 6008)
    await anna.press("when.now")
    await anna.say("Pierwsza wersja")
    await anna.press("done")
    await anna.press("anon.no")
    await anna.say("Bez telefonu")
    assert anna.said() == ["report-phone-skipped", "report-summary"]

    await anna.press("edit")
    assert anna.said() == ["report-edit-question"]
    await anna.press("edit.description")
    assert "keep" in anna.values()
    await anna.say("Druga wersja")
    assert anna.said() == ["report-summary"]
    assert "Druga wersja" in anna.text()

    await anna.press("edit")
    await anna.press("edit.where")
    await anna.say("Zostaw bez zmian")
    assert anna.said() == ["report-place-kept", "report-summary"]

    await anna.press("edit")
    await anna.press("edit.where")
    await anna.say("Staszica 4")
    assert anna.said() == ["report-where-found", "report-summary"]
    assert "ul. Staszica 4, Konin" in anna.text()

    await anna.press("edit")
    await anna.press("edit.category")
    await anna.press("grp.order")
    await anna.press("cat.vandalism")
    assert anna.said() == ["report-summary"]
    assert "Akty wandalizmu" in anna.text()

    await anna.press("edit")
    await anna.press("edit.anonymous")
    await anna.press("anon.yes")
    assert anna.said() == ["report-summary"]
    assert "anonimowo" in anna.text()

    await anna.press("edit")
    await anna.press("back")
    await anna.press("send")
    [report] = await reports(report_services)
    assert (report.category, report.description, report.address, report.anonymous) == (
        "vandalism",
        "Druga wersja",
        "ul. Staszica 4, Konin",
        True,
    )
    assert await rows(report_services, select(Reporter.id)) == []


async def test_cancel_discards_the_draft(report_services: Services) -> None:
    anna = await at_when(report_services, 6009)
    await anna.press("when.unknown")
    await to_summary(anna)
    assert "nie podano" in anna.text()
    # "Cancel" asks first, saying what would be thrown away; "no" is back at the summary.
    await anna.press("cancel")
    assert anna.said() == ["report-cancel-question"]
    assert "Nieprawidłowe parkowanie, ul. Kolejowa 12, Konin" in anna.text()
    await anna.press("cancel.no")
    assert anna.said() == ["report-summary"]
    assert (await conversation(report_services, 6009)).flow == "report"
    await anna.press("cancel")
    await anna.press("cancel.yes")
    assert anna.said() == ["report-cancelled"]
    assert (await conversation(report_services, 6009)).flow is None
    assert await rows(report_services, select(Report.id)) == []
