"""Report a threat: emergency first, then what, where, when, details, who; summary and send.

Every answer is stored in the conversation draft in the turn's transaction, so a resident who
comes back days later, or after a restart, continues at the same question.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Awaitable, Callable, Sequence
from datetime import timedelta
from typing import Any

from bot.conversation import (
    REPLACE_PRESSED,
    Answer,
    Choice,
    Contact,
    Location,
    Media,
    Option,
    Step,
    Text,
)
from bot.i18n import Dated
from bot.outbox import queue_kind, reply
from bot.usecases.alerts import notify_confirmation
from bot.usecases.flow import FlowContext
from bot.usecases.places import (
    Place,
    PlaceLookup,
    alternative_json,
    candidates_json,
    chosen_place,
    place_from_point,
    place_from_text,
    place_label,
)
from bot.usecases.report import queries
from bot.usecases.report.album import Notice, answer_once_per_album, keep_photos, with_caption
from bot.usecases.report.categories import OTHER, categories
from bot.usecases.report.draft import DAYS, TIMES_OF_DAY, WEEKDAYS, WEEKEND, Photo, ReportDraft
from bot.usecases.report.duplicates import confirm_report
from bot.usecases.report.form import (
    FLOW,
    OTHER_MAX_LENGTH,
    SCOPE,
    Form,
    FormPress,
    advance,
    ask,
    ask_category,
    ask_category_group,
    ask_when_days,
    ask_where_pick,
    describe_draft,
    phone_options,
    photos_options,
    where_options,
)
from bot.usecases.report.submit import (
    LimitReached,
    PhotosRefused,
    Submitted,
    limit_reached_until,
    submit_report,
)
from bot.usecases.report.when import DateRefused, parse_day
from db.models.reports import OPEN_STATUSES, Report
from lookup.gazetteer import MatchQuality
from lookup.house_numbers import parse_house_number
from lookup.normalize import street_key

# The outbox kind that sends 112 as a contact card (handlers/report.py), to call with one tap.
EMERGENCY_KIND = "emergency_contact"
# What a resident sent outside any conversation waits in this flow (bot/usecases/offer.py).
OFFER_FLOW = "offer"
# The lookup flow ("Mój dzielnicowy") keeps the place it found under "place" in its draft and
# offers "report a threat here" as a press in our scope with this value.
LOOKUP_FLOW = "lookup"
HERE = "here"
# Longer than any address; a resident pasting a paragraph gets a clear answer, not a search.
ADDRESS_MAX_LENGTH = 200
PHONE_MAX_LENGTH = 32

Handler = Callable[[Form, Step], Awaitable[list[Answer]]]


class ReportFlow:
    """The "Zgłoś zagrożenie" conversation (/zglos, /report)."""

    name = FLOW
    commands = frozenset({"zglos", "report"})
    scopes = frozenset({SCOPE})
    deep_links: frozenset[str] = frozenset()
    resumable = True

    async def begin(self, ctx: FlowContext, args: str) -> Sequence[Answer]:
        """Start a report, or carry on with the unfinished one (offering to start over)."""
        if ctx.conversation.flow == FLOW:
            form = Form(ctx)
            what = describe_draft(ctx, form.draft)
            question = await ask(form, form.step)
            # Built after the question, which may store the draft (and so change the version).
            restart = [[Option("report-start-over", FormPress("restart").encode())]]
            return [form.answer("report-continuing", restart, what=what), *question]
        if ctx.conversation.flow == OFFER_FLOW:
            # Photos, a place or words sent just before: the report starts with them.
            return await start(ctx, None, offered_draft(ctx.conversation.draft or {}))
        return await start(ctx, None)

    async def on_step(self, ctx: FlowContext) -> Sequence[Answer]:
        """Apply what the resident sent to the current question."""
        step = ctx.step
        if isinstance(step, Choice):
            if ctx.conversation.flow != FLOW:
                return await _press_outside(ctx, step)
            if not ctx.is_current(step):
                return await expired(Form(ctx))
            if FormPress.parse(step.value) == FormPress("restart"):
                return await start(ctx, None)
        form = Form(ctx)
        handler = HANDLERS.get(form.step)
        if handler is None:
            return await advance(form)
        return await handler(form, step)

    async def current_question(self, ctx: FlowContext) -> Sequence[Answer]:
        """Ask the current question again."""
        if ctx.conversation.flow != FLOW:
            return []
        form = Form(ctx)
        return await ask(form, form.step)

    def describe(self, ctx: FlowContext, draft: dict[str, Any]) -> str:
        """Say what an unfinished report holds (for prompts that would discard it)."""
        return describe_draft(ctx, ReportDraft.from_json(draft))

    def parked_notice(self, ctx: FlowContext) -> Answer:
        """Said when /dzielnicowy puts the unfinished report aside."""
        parked = ctx.conversation.parked or {}
        what = describe_draft(ctx, ReportDraft.from_json(dict(parked.get("draft") or {})))
        return ctx.answer("report-parked", what=what)


async def start(
    ctx: FlowContext, place: dict[str, Any] | None, draft: ReportDraft | None = None
) -> list[Answer]:
    """Open a new draft and ask; it may already hold a place (from the officer's card) or what
    the resident sent before starting (photos, a description, a place: bot.usecases.offer)."""
    until = await limit_reached_until(ctx.session, ctx.services, ctx.user.id, ctx.turn.now)
    if until is not None:
        form = Form(ctx)
        when = Dated.moment(form.local(until))
        return [ctx.answer("report-limit-reached", until=when)]
    ctx.goto(FLOW, "danger", (draft or ReportDraft(place=place)).to_json())
    return await advance(Form(ctx))


async def _press_outside(ctx: FlowContext, choice: Choice) -> list[Answer]:
    """A press in our scope while no report is open: "report here" from the lookup, or stale."""
    here = FormPress.parse(choice.value) == FormPress(HERE)
    if here and ctx.conversation.flow == LOOKUP_FLOW and ctx.is_current(choice):
        raw = (ctx.conversation.draft or {}).get("place")
        try:
            place = Place.from_json(raw) if isinstance(raw, dict) else None
        except TypeError:
            place = None
        if place is not None and place.district_code:
            if ctx.parked_flow == FLOW:
                return await _back_from_lookup(ctx, place)
            return await start(ctx, place.to_json())
    return await _finished_form(ctx, choice)


async def _finished_form(ctx: FlowContext, choice: Choice) -> list[Answer]:
    """A button of a report form that is over: say where that report stands now.

    "I see it too" on a report the resident follows tells its status; any other button tells
    the status of the resident's latest report. Only reports of this resident are named.
    """
    mine = [[Option("report-my-reports", "mine")]]
    press = FormPress.parse(choice.value)
    report = None
    if press.kind == "same" and press.number is not None:
        followed = await queries.followed_report_id(ctx.session, press.number, ctx.user.id)
        report = await ctx.session.get(Report, followed) if followed is not None else None
        if report is not None:
            status = ctx.fragment(f"report-status-{report.status.value}")
            answer = ctx.answer(
                "report-followed-status", mine, scope="m",
                reference=report.reference, status=status,
            )  # fmt: skip
            return [answer]
    latest = await queries.latest_report_of(ctx.session, ctx.user.id)
    if latest is None:
        return [ctx.answer("button-expired"), ctx.answer("report-not-open")]
    status = ctx.fragment(f"report-status-{latest.status.value}")
    return [
        ctx.answer("report-form-closed", mine, scope="m", reference=latest.reference, status=status)
    ]


async def _back_from_lookup(ctx: FlowContext, place: Place) -> list[Answer]:
    """ "Report here" while a report waits aside: that report goes on, at this place if it
    had none yet (a place already given is kept; the summary can change it)."""
    ctx.unpark()
    form = Form(ctx)
    placed = form.draft.place is None
    if placed:
        form.draft.place = place.to_json()
        form.draft.duplicates_checked = False
    notice = form.answer("report-resumed", placed="yes" if placed else "no")
    return await advance(form, [notice])


async def expired(form: Form) -> list[Answer]:
    """Answer an old or forged button: say so, then the current question."""
    return [form.ctx.answer("button-expired"), *await ask(form, form.step)]


async def retry(form: Form, hint: str, **args: Any) -> list[Answer]:
    """Explain what this question expects, then ask it again (nothing entered is lost)."""
    return [form.answer(hint, **args), *await ask(form, form.step)]


async def wrong_kind(form: Form, step: Step, hint: str = "report-hint-buttons") -> list[Answer]:
    """Answer a message of the wrong kind, or a press this question never offered."""
    if isinstance(step, Choice):
        return await expired(form)
    return await retry(form, hint)


# A text of at least this many words where a button is expected, before the description was
# asked, is a description typed early (residents often describe first): "wczoraj ok. 22" is not.
DESCRIBED_EARLY_WORDS = 4


async def _text_before_description(form: Form, step: Step) -> list[Answer]:
    """Keep a description typed where a button is expected (the questions after the place).

    Otherwise the resident would type it again two questions later. It is the description (the
    summary can change it); the question is asked again. Anything else gets the usual hint.
    """
    draft = form.draft
    limit = form.ctx.services.config.reports.description_max_length
    if (
        isinstance(step, Text)
        and not draft.description_done
        and len(step.value.split()) >= DESCRIBED_EARLY_WORDS
        and len(step.value) <= limit
    ):
        draft.description = step.value
        draft.description_done = True
        form.save_quietly()
        return await retry(form, "report-description-kept")
    return await wrong_kind(form, step)


# ---- emergency and category -----------------------------------------------------------------


async def on_danger(form: Form, step: Step) -> list[Answer]:
    """Someone in danger: 112 now, and the report ends. Otherwise go on."""
    press = FormPress.parse(step.value) if isinstance(step, Choice) else None
    if press == FormPress("danger", "yes"):
        form.ctx.reset()
        return [form.ctx.answer("report-emergency")]
    if press == FormPress("danger", "no"):
        form.draft.danger_checked = True
        return await advance(form)
    return await wrong_kind(form, step)


async def on_category(form: Form, step: Step) -> list[Answer]:
    """Open a group, or choose "other"."""
    if not isinstance(step, Choice):
        return await wrong_kind(form, step)
    press = FormPress.parse(step.value)
    if press == FormPress("keep") and form.draft.editing:
        return await advance(form)
    if press == FormPress("cat", OTHER):
        form.save("category_other")
        return await ask(form, "category_other")
    group = press.arg if press.kind == "grp" else None
    if group is not None and group in categories(form.ctx.services).groups:
        form.draft.group = group
        form.save("category_group")
        return await ask_category_group(form, REPLACE_PRESSED)
    return await expired(form)


async def on_category_group(form: Form, step: Step) -> list[Answer]:
    """Choose a category of the open group, or go back to the groups."""
    if not isinstance(step, Choice):
        return await wrong_kind(form, step)
    press = FormPress.parse(step.value)
    if press == FormPress("back"):
        form.save("category")
        return await ask_category(form, REPLACE_PRESSED)
    cats = categories(form.ctx.services)
    code = press.arg if press.kind == "cat" else None
    category = cats.selectable(code) if code is not None else None
    members = cats.groups.get(form.draft.group or "", [])
    if category is None or category not in members:
        return await expired(form)
    _set_category(form.draft, category.code, None)
    # Changed from the summary to an urgent category of something happening now: 112 first.
    return await urgent_first(form, await advance(form))


async def on_category_other(form: Form, step: Step) -> list[Answer]:
    """Take the resident's own name for the threat."""
    if isinstance(step, Choice) and FormPress.parse(step.value) == FormPress("back"):
        form.save("category")
        return await ask(form, "category")
    if not isinstance(step, Text):
        return await wrong_kind(form, step, "report-hint-text")
    if len(step.value) > OTHER_MAX_LENGTH:
        return await retry(form, "report-too-long", length=len(step.value), max=OTHER_MAX_LENGTH)
    _set_category(form.draft, OTHER, step.value)
    return await advance(form)


def _set_category(draft: ReportDraft, code: str, other: str | None) -> None:
    if draft.category != code:
        # Similar reports are of the same category: look again for the new one.
        draft.duplicates_checked = False
        draft.duplicates = []
    draft.category = code
    draft.category_other = other


async def urgent_first(form: Form, answers: list[Answer]) -> list[Answer]:
    """An urgent category (categories.csv: urgent) happening now: repeat the 112 advice, with
    the number as a contact card to call with one tap, before going on (once per report).

    Telegram's inline buttons open only http(s) and tg:// links, never tel:, so the tap-to-call
    is a contact card (the apps offer "Call" on it). Both are queued here, ahead of the turn's
    other answers, so they arrive before the next question.
    """
    ctx = form.ctx
    draft = form.draft
    now = (draft.when or {}).get("kind") == "now"
    if draft.urgent_told or not now or not categories(ctx.services).urgent(draft.category):
        return answers
    draft.urgent_told = True
    form.save_quietly()
    advice = ctx.answer("report-urgent")
    if reply(ctx.uow, ctx.user, advice, ctx.lang) is not None and ctx.user.chat_id is not None:
        payload = {"lang": ctx.lang}
        queue_kind(ctx.uow, ctx.user.chat_id, EMERGENCY_KIND, payload, user_id=ctx.user.id)
    return answers


# ---- where ----------------------------------------------------------------------------------


async def on_where(form: Form, step: Step) -> list[Answer]:
    """Take a shared location or venue, or a typed address; explain what did not work."""
    ctx = form.ctx
    if isinstance(step, Location):
        return await _placed(
            form, place_from_point(ctx.services, step.lat, step.lon, step.title, step.address)
        )
    if isinstance(step, Choice):
        press = FormPress.parse(step.value)
        if form.step == "where_pick" and press.kind == "alt" and press.arg is not None:
            return await _picked(form, press.arg)
        return await expired(form)
    if not isinstance(step, Text):
        return [_where_answer(form, "report-hint-where")]
    if step.value == form.text("report-where-type"):
        return [_where_answer(form, "report-where-type-hint")]
    if form.draft.editing and step.value == form.text("report-keep"):
        return await advance(form, [form.answer("report-place-kept", keyboard="remove")])
    if len(step.value) > ADDRESS_MAX_LENGTH:
        return [_where_answer(form, "report-where-too-long")]
    return await _placed(form, place_from_text(ctx.services, step.value), typed=step.value)


def _where_answer(form: Form, key: str, **args: Any) -> Answer:
    """An answer that keeps the "send my location / type an address" keyboard."""
    return form.answer(key, where_options(form.draft.editing), keyboard="reply", **args)


async def _placed(form: Form, lookup: PlaceLookup, typed: str | None = None) -> list[Answer]:
    """Act on a resolved place: accept it, offer alternatives, or explain."""
    if lookup.found and lookup.place is not None:
        return await _accept_place(form, lookup.place)
    if lookup.quality is MatchQuality.OUTSIDE_AREA:
        return [_where_answer(form, "report-where-outside")]
    crossing = lookup.crossing
    if crossing is not None:
        # Two streets that do not meet, or one unknown: ask again, the draft stays as it was.
        if crossing.quality is MatchQuality.NO_CROSSING and len(crossing.streets) == 2:
            first, second = crossing.streets
            return [_where_answer(form, "places-crossing-apart", first=first, second=second)]
        return [_where_answer(form, "places-crossing-unknown")]
    if lookup.stops_street is not None and not lookup.landmarks:
        return [_where_answer(form, "places-stops-none", street=lookup.stops_street)]
    if lookup.landmarks:
        # A landmark is never taken on a near name: the resident picks it (or the street).
        number = getattr(lookup.result, "house_number", None)
        form.draft.alternatives = candidates_json(lookup)
        form.draft.typed_number = number.raw if number is not None else None
        form.save("where_pick")
        if lookup.stops_street is not None:
            return await ask_where_pick(form, "places-stops-near", street=lookup.stops_street)
        return await ask_where_pick(form, "places-landmark-pick")
    if lookup.alternatives and lookup.quality in (
        MatchQuality.AMBIGUOUS,
        MatchQuality.STREET_ONLY,
    ):
        result = lookup.result
        number = getattr(result, "house_number", None)
        form.draft.alternatives = [alternative_json(alt) for alt in lookup.alternatives]
        form.draft.typed_number = number.raw if number is not None else None
        form.save("where_pick")
        if lookup.quality is MatchQuality.STREET_ONLY:
            return await ask_where_pick(form, "report-where-street-only")
        return await ask_where_pick(form)
    return [_where_answer(form, "report-where-not-found")]


async def _picked(form: Form, index: str) -> list[Answer]:
    """Take the alternative the resident chose."""
    alternatives = form.draft.alternatives
    if not index.isdigit() or int(index) >= len(alternatives):
        return await expired(form)
    alt = alternatives[int(index)]
    landmark = chosen_place(alt)
    if landmark is not None:
        return await _accept_place(form, landmark)
    number = form.draft.typed_number
    street = alt.get("street") or ""
    locality = alt.get("locality") or ""
    label = " ".join(p for p in (street, number) if p)
    # Looking the chosen street up again gives its representative point when it is unique now.
    found = place_from_text(form.ctx.services, f"{label}, {locality}" if label else locality)
    if (
        found.found
        and found.place is not None
        and found.place.district_code == alt.get("district_code")
    ):
        return await _accept_place(form, found.place)
    parsed = parse_house_number(number) if number else None
    place = Place(
        source="address",
        lat=None,
        lon=None,
        address=f"{label}, {locality}" if label else locality,
        district_code=alt.get("district_code"),
        district_name=alt.get("district_name"),
        street_key=street_key(street) if street else None,
        house_number=parsed.number if parsed is not None else None,
    )
    return await _accept_place(form, place)


async def _accept_place(form: Form, place: Place) -> list[Answer]:
    draft = form.draft
    draft.place = place.to_json()
    draft.alternatives = []
    draft.typed_number = None
    draft.duplicates_checked = False
    draft.duplicates = []
    where = place_label(
        form.ctx.services,
        form.ctx.lang,
        address=place.address,
        lat=place.lat,
        lon=place.lon,
        point=place.source == "point",
    )
    found = form.answer(
        "report-where-found", keyboard="remove", place=where, district=place.district_name or ""
    )
    return await advance(form, [found])


# ---- similar reports ------------------------------------------------------------------------


async def on_duplicates(form: Form, step: Step) -> list[Answer]:
    """ "I see it too" on a shown report, or "it is something else"."""
    if not isinstance(step, Choice):
        return await wrong_kind(form, step)
    press = FormPress.parse(step.value)
    if press == FormPress("new"):
        form.draft.duplicates_checked = True
        return await advance(form)
    report_id = press.number if press.kind == "same" else None
    if report_id is None:
        return await expired(form)
    if report_id not in form.draft.duplicates:
        # Only reports we showed this resident can be confirmed (forged ids are not).
        return await expired(form)
    ctx = form.ctx
    report = await ctx.session.get(Report, report_id)
    if report is None or report.status not in OPEN_STATUSES:
        return [form.answer("report-duplicate-closed"), *await ask(form, "duplicates")]
    added = await confirm_report(ctx.session, report, ctx.user.id, ctx.turn.now)
    if added:
        await notify_confirmation(ctx.uow, ctx.services, report)
    ctx.reset()
    key = "report-confirmed" if added else "report-confirmed-already"
    return [ctx.answer(key, reference=report.reference)]


# ---- when -----------------------------------------------------------------------------------


async def on_when(form: Form, step: Step) -> list[Answer]:
    """Now, earlier today, another day, recurring, or not given."""
    if not isinstance(step, Choice):
        return await _text_before_description(form, step)
    press = FormPress.parse(step.value)
    draft = form.draft
    if press == FormPress("keep") and draft.editing:
        return await advance(form)
    kind = press.arg if press.kind == "when" else None
    if kind is None:
        return await expired(form)
    if kind in ("now", "unknown"):
        draft.when = {"kind": kind}
        return await urgent_first(form, await advance(form))
    following = {"today": "when_time", "other_day": "when_date", "recurring": "when_days"}
    if kind not in following:
        return await expired(form)
    draft.when_partial = {"kind": kind, "days": []} if kind == "recurring" else {"kind": kind}
    form.save(following[kind])
    return await ask(form, following[kind])


async def on_when_date(form: Form, step: Step) -> list[Answer]:
    """Take the day: typed, or yesterday / the day before."""
    today = form.local(form.ctx.turn.now).date()
    if isinstance(step, Choice):
        press = FormPress.parse(step.value)
        if press.kind != "date" or press.arg not in ("1", "2") or press.number is None:
            return await expired(form)
        day = today - timedelta(days=press.number)
    elif isinstance(step, Text):
        try:
            day = parse_day(step.value, today)
        except DateRefused as refused:
            if refused.reason == "future" and refused.day is not None:
                yesterday = Dated.day_month(today - timedelta(days=1))
                typed = Dated.day(refused.day)
                return await retry(form, "report-date-future", day=typed, example=yesterday)
            return await retry(form, f"report-date-{refused.reason.replace('_', '-')}")
        # "25.12" typed on 2 December is last Christmas: say which day was taken.
        taken = form.answer("report-date-taken", day=Dated.day(day))
        form.draft.when_partial = {**form.draft.when_partial, "date": day.isoformat()}
        form.save("when_time")
        return [taken, *await ask(form, "when_time")]
    else:
        return await retry(form, "report-hint-date")
    form.draft.when_partial = {**form.draft.when_partial, "date": day.isoformat()}
    form.save("when_time")
    return await ask(form, "when_time")


async def on_when_days(form: Form, step: Step) -> list[Answer]:
    """Tick days of the week, or take a shortcut; then the time of day."""
    if not isinstance(step, Choice):
        return await _text_before_description(form, step)
    partial = form.draft.when_partial
    chosen = {int(d) for d in partial.get("days") or []}
    shortcuts = {"all": DAYS, "weekdays": WEEKDAYS, "weekend": WEEKEND}
    press = FormPress.parse(step.value)
    if press.kind == "days" and press.arg in shortcuts:
        chosen = set(shortcuts[press.arg])
    elif press.kind == "day" and press.arg in {str(d) for d in DAYS} and press.number is not None:
        chosen ^= {press.number}
        form.draft.when_partial = {**partial, "days": sorted(chosen)}
        form.save("when_days")
        return await ask_when_days(form, REPLACE_PRESSED)
    elif press == FormPress("days", "done"):
        if not chosen:
            return await retry(form, "report-days-none")
    else:
        return await expired(form)
    form.draft.when_partial = {**partial, "days": sorted(chosen)}
    form.save("when_time")
    return await ask(form, "when_time")


async def on_when_time(form: Form, step: Step) -> list[Answer]:
    """Take the time of day; the "when" answer is complete."""
    if not isinstance(step, Choice):
        return await _text_before_description(form, step)
    press = FormPress.parse(step.value)
    time = press.arg if press.kind == "time" else None
    partial = form.draft.when_partial
    if time is None or time not in TIMES_OF_DAY or not partial.get("kind"):
        return await expired(form)
    form.draft.when = {**partial, "time": time}
    form.draft.when_partial = {}
    return await advance(form)


# ---- description and photos -----------------------------------------------------------------


async def on_description(form: Form, step: Step) -> list[Answer]:
    """Take the description (optional, up to the configured length)."""
    draft = form.draft
    limit = form.ctx.services.config.reports.description_max_length
    if isinstance(step, Choice):
        press = FormPress.parse(step.value)
        if press == FormPress("skip"):
            draft.description = None
        elif press != FormPress("keep") or not draft.editing:
            return await expired(form)
        draft.description_done = True
        return await advance(form)
    if isinstance(step, Media):
        return await _photos_first(form, step)
    if not isinstance(step, Text):
        return await retry(form, "report-hint-text")
    if len(step.value) > limit:
        return await retry(form, "report-too-long", length=len(step.value), max=limit)
    draft.description = step.value
    draft.description_done = True
    return await advance(form)


async def on_photos(form: Form, step: Step) -> list[Answer]:
    """Collect photos (up to the limit); "done" goes on."""
    draft = form.draft
    settings = form.ctx.services.config.reports
    if isinstance(step, Choice):
        press = FormPress.parse(step.value)
        if press == FormPress("done"):
            draft.photos_done = True
            return await advance(form)
        if press == FormPress("clear"):
            draft.photos = []
            form.save("photos")
            return await ask(form, "photos")
        return await expired(form)
    if not isinstance(step, Media):
        return await retry(form, "report-hint-photos")
    before = len(draft.photos)
    notices = keep_photos(settings, draft.photos, step)
    notices += _keep_caption(form, step.caption)
    if step.group is None and len(draft.photos) == before:
        # Nothing was kept (too big, or over the limit): say why and ask again.
        form.save_quietly()
        return [*(form.answer(key, **args) for key, args in notices), *await ask(form, "photos")]
    added = form.answer(
        "report-photo-added",
        photos_options(form),
        count=len(draft.photos),
        max=settings.max_photos,
    )
    if step.group is None:
        # A single photo: its notices first, each a message, as before any album existed.
        form.save_quietly()
        return [*(form.answer(key, **args) for key, args in notices), added]
    added = dataclasses.replace(added, also=tuple(notices))
    answers, draft.album = await answer_once_per_album(form.ctx, draft.album, step.group, [added])
    form.save_quietly()
    return answers


def _keep_caption(form: Form, caption: str | None) -> list[Notice]:
    """Add a photo's caption to the description; say so (or that it was too long to add)."""
    if not caption:
        return []
    draft = form.draft
    limit = form.ctx.services.config.reports.description_max_length
    joined = with_caption(draft.description, caption, limit)
    if joined is None:
        return [("report-caption-too-long", {"max": limit})]
    draft.description = joined
    return [("report-caption-kept", {})]


async def _photos_first(form: Form, step: Media) -> list[Answer]:
    """Photos sent instead of a description: keep them (and a caption as the description)."""
    draft = form.draft
    settings = form.ctx.services.config.reports
    notices = keep_photos(settings, draft.photos, step)
    if step.caption:
        notices += _keep_caption(form, step.caption)
        draft.description_done = draft.description is not None
    if draft.description_done:
        answers = await advance(form, [form.answer(k, **a) for k, a in notices])
    else:
        form.save_quietly()
        rows = [[Option("report-skip", FormPress("skip").encode())]]
        kept = form.answer(
            "report-photos-kept-describe",
            rows,
            count=len(draft.photos),
            max=settings.max_photos,
        )
        answers = [dataclasses.replace(kept, also=tuple(notices))]
    answers, draft.album = await answer_once_per_album(form.ctx, draft.album, step.group, answers)
    form.save_quietly()
    return answers


# ---- who ------------------------------------------------------------------------------------


async def on_anonymous(form: Form, step: Step) -> list[Answer]:
    """Anonymous, or with contact details (then the phone question)."""
    draft = form.draft
    press = FormPress.parse(step.value) if isinstance(step, Choice) else None
    if press is not None and press.kind == "anon" and press.arg in ("yes", "no"):
        draft.anonymous = press.arg == "yes"
        draft.phone = None
        draft.phone_consent_at = None
        draft.phone_done = draft.anonymous
        return await advance(form)
    return await wrong_kind(form, step)


async def on_phone(form: Form, step: Step) -> list[Answer]:
    """Take the resident's own number (shared with the button), or go on without one."""
    draft = form.draft
    ctx = form.ctx
    if isinstance(step, Contact):
        if not step.own:
            # Someone else's number: we cannot ask them whether they agree.
            return [form.answer("report-phone-not-own", phone_options(), keyboard="reply")]
        draft.phone = step.phone[:PHONE_MAX_LENGTH]
        # Sharing after reading who will see it is the consent; its time is what we record.
        draft.phone_consent_at = ctx.turn.now.isoformat()
        draft.phone_done = True
        return await advance(form, [form.answer("report-phone-saved", keyboard="remove")])
    if isinstance(step, Text) and step.value == form.text("report-phone-skip"):
        draft.phone = None
        draft.phone_consent_at = None
        draft.phone_done = True
        return await advance(form, [form.answer("report-phone-skipped", keyboard="remove")])
    if isinstance(step, Choice):
        return await expired(form)
    return [form.answer("report-hint-phone", phone_options(), keyboard="reply")]


# ---- summary --------------------------------------------------------------------------------


async def on_summary(form: Form, step: Step) -> list[Answer]:
    """Send, change a field, or cancel."""
    if not isinstance(step, Choice):
        return await wrong_kind(form, step)
    ctx = form.ctx
    press = FormPress.parse(step.value)
    if press == FormPress("edit"):
        form.save("edit")
        return await ask(form, "edit")
    if press == FormPress("cancel"):
        form.save("cancel")
        return await ask(form, "cancel")
    if press != FormPress("send"):
        return await expired(form)
    outcome = await submit_report(
        ctx.uow,
        ctx.services,
        ctx.user,
        form.draft,
        ctx.lang,
        ctx.turn.now,
        display_name=ctx.turn.display_name,
    )
    if isinstance(outcome, LimitReached):
        until = Dated.moment(form.local(outcome.until))
        days = ctx.services.config.reports.draft_ttl_days
        return [form.answer("report-limit-reached-draft", until=until, days=days)]
    if isinstance(outcome, PhotosRefused):
        positions = set(outcome.positions)
        form.draft.photos = [
            p for i, p in enumerate(form.draft.photos, start=1) if i not in positions
        ]
        form.draft.photos_done = False
        form.save("photos")
        refused = ", ".join(str(p) for p in outcome.positions)
        return [form.answer("report-photos-refused", positions=refused), *await ask(form, "photos")]
    assert isinstance(outcome, Submitted)
    ctx.reset()
    deadlines = ctx.services.config.deadlines
    mine = [[Option("report-my-reports", "mine")]]
    if categories(ctx.services).urgent(outcome.report.category):
        # Danger to life or health is not a matter of days: no promise of when it is read.
        return [
            ctx.answer("report-sent-urgent", mine, scope="m", reference=outcome.report.reference)
        ]
    return [
        ctx.answer(
            "report-sent",
            mine,
            scope="m",
            reference=outcome.report.reference,
            by=outcome.read_by,
            read_days=max(round(deadlines.take_within_hours / 24), 1),
            verify_days=round(deadlines.verify_within_days),
        )
    ]


async def on_cancel(form: Form, step: Step) -> list[Answer]:
    """Throw the report away only when confirmed; "no" turns the question back into the summary."""
    if not isinstance(step, Choice):
        return await wrong_kind(form, step)
    press = FormPress.parse(step.value)
    if press == FormPress("cancel", "yes"):
        form.ctx.reset()
        return [form.ctx.answer("report-cancelled")]
    if press != FormPress("cancel", "no"):
        return await expired(form)
    *before, summary = await advance(form)
    return [*before, dataclasses.replace(summary, replaces=REPLACE_PRESSED)]


async def on_edit(form: Form, step: Step) -> list[Answer]:
    """Open the question of the field to change; answering it returns to the summary."""
    if not isinstance(step, Choice):
        return await wrong_kind(form, step)
    press = FormPress.parse(step.value)
    if press == FormPress("back"):
        return await advance(form)
    target = press.arg if press.kind == "edit" else None
    if target is None or target not in EDIT_STEPS:
        return await expired(form)
    draft = form.draft
    draft.editing = True
    if target == "photos":
        draft.photos_done = False
    form.save(EDIT_STEPS[target])
    return await ask(form, EDIT_STEPS[target])


EDIT_STEPS = {
    "category": "category",
    "where": "where",
    "when": "when",
    "description": "description",
    "photos": "photos",
    "anonymous": "anonymous",
}

HANDLERS: dict[str, Handler] = {
    "danger": on_danger,
    "category": on_category,
    "category_group": on_category_group,
    "category_other": on_category_other,
    "where": on_where,
    "where_pick": on_where,
    "duplicates": on_duplicates,
    "when": on_when,
    "when_date": on_when_date,
    "when_days": on_when_days,
    "when_time": on_when_time,
    "description": on_description,
    "photos": on_photos,
    "anonymous": on_anonymous,
    "phone": on_phone,
    "summary": on_summary,
    "cancel": on_cancel,
    "edit": on_edit,
}


def offered_draft(kept: dict[str, Any]) -> ReportDraft:
    """Start a report with what was sent outside a conversation (see bot.usecases.offer)."""
    photos = [Photo(**p) for p in kept.get("photos") or [] if isinstance(p, dict)]
    description = kept.get("description") or None
    place = kept.get("place") if isinstance(kept.get("place"), dict) else None
    # A description given is an answer (changeable in the summary); photos are asked about
    # anyway, showing how many are already there.
    return ReportDraft(
        place=place,
        photos=photos,
        description=description,
        description_done=description is not None,
    )
