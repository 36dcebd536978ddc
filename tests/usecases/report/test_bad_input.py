"""Bad input at every step: a hint and the same question, and nothing entered is lost."""

from __future__ import annotations

from bot.conversation import Choice, Contact, Location, Media, Unsupported
from bot.services import Services
from tests.usecases.report.story import CITY_CENTRE, Reporting, conversation


async def test_wrong_kinds_of_message_get_a_hint_and_the_same_question(
    report_services: Services,
) -> None:
    anna = Reporting(report_services, 2001)
    await anna.start_report()

    await anna.send(Unsupported("sticker"))
    assert anna.said() == ["report-hint-buttons", "report-danger-question"]
    await anna.say("nie wiem 🤷")
    assert anna.said() == ["report-hint-buttons", "report-danger-question"]
    await anna.press("danger.no")

    await anna.send(Location(*CITY_CENTRE))
    assert anna.said() == ["report-hint-buttons", "report-category-question"]
    await anna.press("grp.road")
    await anna.send(Unsupported("voice"))
    assert anna.said() == ["report-hint-buttons", "report-category-pick"]
    await anna.press("cat.parking")

    # A sticker where a location is expected keeps the location keyboard.
    await anna.send(Unsupported("sticker"))
    assert anna.said() == ["report-hint-where"]
    assert anna.keyboard() == "reply"
    await anna.send(Contact("+48500100200", own=True))
    assert anna.said() == ["report-hint-where"]
    await anna.say("x" * 4000)
    assert anna.said() == ["report-where-too-long"]
    await anna.say("Kolejowa 12")
    assert anna.said() == ["report-where-found", "report-when-question"]

    await anna.send(Media(("f1",), (10,)))
    assert anna.said() == ["report-hint-buttons", "report-when-question"]
    await anna.press("when.now")
    await anna.send(Media(("f1",), (10,)))
    # A photo instead of the description is kept for the report, and the description asked.
    assert anna.said() == ["report-photos-kept-describe"]
    await anna.say("Ciągle stoją tu auta")

    await anna.say("a tu jeszcze tekst")
    assert anna.said() == ["report-hint-photos", "report-photos-question"]
    await anna.send(Unsupported("video"))
    assert anna.said() == ["report-hint-photos", "report-photos-question"]
    await anna.press("done")

    await anna.send(Unsupported("sticker"))
    assert anna.said() == ["report-hint-buttons", "report-anonymous-question"]
    await anna.press("anon.no")
    assert anna.said() == ["report-phone-question"]
    await anna.say("500 100 200")
    assert anna.said() == ["report-hint-phone"]
    await anna.send(Contact("+48500999888", own=False))
    assert anna.said() == ["report-phone-not-own"]
    await anna.say("Bez telefonu")
    assert anna.said() == ["report-phone-skipped", "report-summary"]
    assert anna.keyboard() == "remove"

    await anna.say("wyślij")
    assert anna.said() == ["report-hint-buttons", "report-summary"]
    draft = (await conversation(report_services, 2001)).draft
    assert draft["category"] == "parking"
    assert draft["place"]["address"] == "ul. Kolejowa 12, Konin"
    assert draft["description"] == "Ciągle stoją tu auta"
    assert draft["anonymous"] is False and draft["phone"] is None


async def test_a_description_typed_at_the_when_questions_is_kept_not_asked_again(
    report_services: Services,
) -> None:
    anna = Reporting(report_services, 2003)
    await anna.through_category()
    await anna.say("Kolejowa 12")
    assert anna.said() == ["report-where-found", "report-when-question"]

    # A few words are a time typed, not a description: the usual hint.
    await anna.say("wczoraj ok. 22")
    assert anna.said() == ["report-hint-buttons", "report-when-question"]
    await anna.press("when.today")
    assert anna.said() == ["report-when-time-question"]
    # A description typed before it was asked is kept, and the question asked again.
    await anna.say("Auta stoją na chodniku, piesi idą jezdnią")
    assert anna.said() == ["report-description-kept", "report-when-time-question"]
    await anna.press("time.evening")
    # The description is not asked again: photos come next.
    assert anna.said() == ["report-photos-question"]
    draft = (await conversation(report_services, 2003)).draft
    assert draft["description"] == "Auta stoją na chodniku, piesi idą jezdnią"
    assert draft["when"]["kind"] == "today" and draft["when"]["time"] == "evening"


async def test_too_long_description_is_refused_and_the_draft_kept(
    report_services: Services,
) -> None:
    anna = Reporting(report_services, 2002)
    await anna.through_category()
    await anna.say("Kolejowa 12")
    await anna.press("when.now")
    await anna.say("ź" * 1001)
    assert anna.said() == ["report-too-long", "report-description-question"]
    shown = anna.text().replace("\xa0", "")
    assert "1001" in shown and "1000" in shown
    draft = (await conversation(report_services, 2002)).draft
    assert draft["category"] == "parking" and draft["place"] is not None
    await anna.say("ź" * 1000)
    assert anna.said() == ["report-photos-question"]


async def test_old_and_forged_buttons_expire_and_repeat_the_current_question(
    report_services: Services,
) -> None:
    anna = Reporting(report_services, 2003)
    await anna.start_report()
    danger = anna.last
    await anna.press("danger.no")

    # The emergency question's button, pressed again later.
    anna.last = danger
    await anna.press("danger.yes")
    assert anna.said() == ["button-expired", "report-category-question"]
    assert (await conversation(report_services, 2003)).flow == "report"

    # Data that could not be decoded, and a value this question never offered.
    await anna.send(Choice("", version=-1, scope=""))
    assert anna.said() == ["button-expired", "report-category-question"]
    version = (await conversation(report_services, 2003)).version
    await anna.send(Choice("grp.nonsense", version=version, scope="rp"))
    assert anna.said() == ["button-expired", "report-category-question"]
    await anna.send(Choice("cat.parking", version=version, scope="rp"))
    assert anna.said() == ["button-expired", "report-category-question"]
    # A category of another group than the one opened.
    await anna.press("grp.road")
    version = (await conversation(report_services, 2003)).version
    await anna.send(Choice("cat.poaching", version=version, scope="rp"))
    assert anna.said() == ["button-expired", "report-category-pick"]


async def test_report_buttons_after_the_report_ended_say_so(report_services: Services) -> None:
    anna = Reporting(report_services, 2004)
    await anna.start_report()
    await anna.press("danger.yes")
    version = (await conversation(report_services, 2004)).version
    await anna.send(Choice("danger.no", version=version, scope="rp"))
    assert anna.said() == ["button-expired", "report-not-open"]


async def test_other_category_takes_free_text_up_to_200_characters(
    report_services: Services,
) -> None:
    anna = Reporting(report_services, 2005)
    await anna.start_report()
    await anna.press("danger.no")
    await anna.press("cat.inne")
    assert anna.said() == ["report-category-other-question"]
    await anna.send(Location(*CITY_CENTRE))
    assert anna.said() == ["report-hint-text", "report-category-other-question"]
    await anna.say("y" * 201)
    assert anna.said() == ["report-too-long", "report-category-other-question"]
    await anna.say("Uszkodzona latarnia przy przystanku")
    assert anna.said() == ["report-where-question"]
    draft = (await conversation(report_services, 2005)).draft
    assert (draft["category"], draft["category_other"]) == (
        "inne",
        "Uszkodzona latarnia przy przystanku",
    )
