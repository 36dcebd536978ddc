"""The report form: the draft of one conversation, its questions, and which question comes next."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot.conversation import Answer, Option
from bot.usecases.flow import FlowContext
from bot.usecases.places import alternative_numbers, place_label
from bot.usecases.report.album import photo_limit_megabytes as album_limit_megabytes
from bot.usecases.report.categories import OTHER, categories
from bot.usecases.report.draft import DAYS, TIMES_OF_DAY, ReportDraft
from bot.usecases.report.duplicates import (
    Duplicate,
    find_duplicates,
    lookup_allowed,
    may_show_duplicates,
)
from bot.usecases.report.when import describe_when

FLOW = "report"
SCOPE = "rp"
# A plain-text button label (category names and addresses are data, not catalog texts).
LABEL = "report-label"
# Reports.category_other is a VARCHAR(200).
OTHER_MAX_LENGTH = 200


@dataclass(frozen=True)
class FormPress:
    """A button of the report form (scope "rp"): built and parsed only as this.

    `kind` is the answer ("send", "keep", "back"...) or, where a button chooses one of many,
    what it chooses, with `arg` the choice: a group (`grp`), a category (`cat`), an address
    (`alt`, its index), a similar report (`same`, its id), when (`when`), days ago (`date`), a
    weekday (`day`), days at once (`days`), a time of day (`time`), a field to change (`edit`),
    or yes and no (`danger`, `anon`, `cancel`). `parse` never fails: the form refuses, as
    expired, whatever its current question does not offer.
    """

    kind: str
    arg: str | None = None

    def encode(self) -> str:
        """Return the button's value: "<kind>" or "<kind>.<arg>"."""
        return self.kind if self.arg is None else f"{self.kind}.{self.arg}"

    @classmethod
    def parse(cls, value: str) -> FormPress:
        """Decode a button's value (`arg` None without a dot)."""
        kind, dot, arg = value.partition(".")
        return cls(kind, arg if dot else None)

    @property
    def number(self) -> int | None:
        """Return `arg` as a whole number (an index, a report's id, days ago), else None."""
        return int(self.arg) if self.arg is not None and self.arg.isdigit() else None


class Form:
    """One resident's report draft during one turn; `save` stores it with the step."""

    def __init__(self, ctx: FlowContext) -> None:
        self.ctx = ctx
        self.draft = ReportDraft.from_json(ctx.conversation.draft or {})

    @property
    def step(self) -> str:
        """Return the step the resident is at."""
        return self.ctx.conversation.step or ""

    def save(self, step: str | None = None) -> None:
        """Store the draft at a step; buttons offered before stop working."""
        self.ctx.goto(FLOW, step or self.step, self.draft.to_json())

    def save_quietly(self) -> None:
        """Store the draft without a new version, so the buttons on screen keep working.

        Photos of an album arrive one update each; every reply offers "Done", and pressing it
        on any of them must still work.
        """
        self.ctx.conversation.draft = self.draft.to_json()

    def answer(
        self,
        key: str,
        options: Sequence[Sequence[Option]] = (),
        *,
        keyboard: str = "inline",
        replaces: str | None = None,
        **args: Any,
    ) -> Answer:
        """Build an answer whose buttons belong to this flow at the current version."""
        return self.ctx.answer(
            key, options, scope=SCOPE, keyboard=keyboard, replaces=replaces, **args
        )

    def text(self, key: str, **args: Any) -> str:
        """Render a catalog fragment in the resident's language as plain text (see
        FlowContext.fragment: escaped exactly once, when the answer carrying it is rendered)."""
        return self.ctx.fragment(key, **args)

    def local(self, moment: datetime) -> datetime:
        """Return a moment in the bot's time zone, for dates shown to people."""
        return moment.astimezone(ZoneInfo(self.ctx.services.config.bot.timezone))


# ---- which question comes next ------------------------------------------------------------


async def advance(form: Form, before: Sequence[Answer] = ()) -> list[Answer]:
    """Go to the first unanswered question (or the summary) and ask it."""
    draft = form.draft
    if not draft.danger_checked:
        step = "danger"
    elif draft.category is None:
        step = "category"
    elif draft.place is None:
        step = "where"
    elif not draft.duplicates_checked:
        step = "duplicates"
    elif draft.when is None:
        step = "when"
    elif not draft.description_done:
        step = "description"
    elif not draft.photos_done:
        step = "photos"
    elif draft.anonymous is None:
        step = "anonymous"
    elif draft.anonymous is False and not draft.phone_done:
        step = "phone"
    else:
        step = "summary"
    if step == "summary":
        draft.editing = False
    form.save(step)
    return [*before, *await ask(form, step)]


async def ask(form: Form, step: str) -> list[Answer]:
    """Ask a step's question (also after an expired button, on resume, or after bad input)."""
    asker = QUESTIONS.get(step)
    if asker is None:
        # A step this version no longer has (draft from an older release): find the next one.
        return await advance(form)
    return await asker(form)


def keep_row(form: Form) -> list[list[Option]]:
    """Offer "keep as it is" while changing a field from the summary."""
    return [[Option("report-keep", FormPress("keep").encode())]] if form.draft.editing else []


# ---- the questions ------------------------------------------------------------------------


async def ask_danger(form: Form) -> list[Answer]:
    """Ask whether someone is in danger right now (112 first)."""
    options = [
        [Option("report-danger-yes", FormPress("danger", "yes").encode())],
        [Option("report-danger-no", FormPress("danger", "no").encode())],
    ]
    return [form.answer("report-danger-question", options)]


async def ask_category(form: Form, replaces: str | None = None) -> list[Answer]:
    """Offer the category groups, then "other" (in place of the group's list, after "back")."""
    cats = categories(form.ctx.services)
    rows = [
        [Option(f"report-group-{group}", FormPress("grp", group).encode())] for group in cats.groups
    ]
    rows.append([Option("report-category-other", FormPress("cat", OTHER).encode())])
    rows = [*rows, *keep_row(form)]
    return [form.answer("report-category-question", rows, replaces=replaces)]


async def ask_category_group(form: Form, replaces: str | None = None) -> list[Answer]:
    """Offer the categories of the group the resident opened (in place of the groups)."""
    cats = categories(form.ctx.services)
    members = cats.groups.get(form.draft.group or "")
    if not members:
        return await ask_category(form, replaces)
    lang = form.ctx.lang
    rows = [
        [Option(LABEL, FormPress("cat", c.code).encode(), {"text": c.name(lang)})] for c in members
    ]
    rows.append([Option("report-back", FormPress("back").encode())])
    group = form.text(f"report-group-{form.draft.group}")
    return [form.answer("report-category-pick", rows, replaces=replaces, group=group)]


async def ask_category_other(form: Form) -> list[Answer]:
    """Ask what the threat is, in the resident's own words."""
    rows = [[Option("report-back", FormPress("back").encode())]]
    return [form.answer("report-category-other-question", rows, max=OTHER_MAX_LENGTH)]


def where_options(editing: bool = False) -> list[list[Option]]:
    """The reply keyboard of the "where" question: share a location, or type an address."""
    rows = [
        [Option("report-where-share", kind="location")],
        [Option("report-where-type")],
    ]
    return [*rows, [Option("report-keep")]] if editing else rows


async def ask_where(form: Form) -> list[Answer]:
    """Ask where: a shared location or venue, or a typed address."""
    options = where_options(form.draft.editing)
    return [form.answer("report-where-question", options, keyboard="reply")]


async def ask_where_pick(form: Form, key: str = "report-where-pick", **args: Any) -> list[Answer]:
    """Offer the addresses an ambiguous one could mean (or the sections of a long street)."""
    rows = [
        [Option(LABEL, FormPress("alt", str(i)).encode(), {"text": _alternative_label(form, alt)})]
        for i, alt in enumerate(form.draft.alternatives)
    ]
    if not rows:
        return await ask_where(form)
    return [form.answer(key, rows, **args)]


def _alternative_label(form: Form, alt: dict[str, Any]) -> str:
    if alt.get("label"):
        # A landmark: "🚏 Europejska, Konin — Rejon 1 …".
        return f"{alt['label']} — {alt.get('district_name') or ''}".strip(" —")
    numbers = alternative_numbers(form.text, alt)
    street = " ".join(p for p in (alt.get("street") or alt.get("locality"), numbers) if p)
    return f"{street} — {alt.get('district_name') or ''}".strip(" —")


async def ask_duplicates(form: Form) -> list[Answer]:
    """Show similar open reports nearby, each with "I see it too", or go on when there are none."""
    ctx = form.ctx
    draft = form.draft
    place = draft.place_obj
    found: list[Duplicate] = []
    config = ctx.services.config
    # "Other" is free text: two of them need not be the same problem at all. Sensitive
    # categories never take part; past the daily searches, the report simply goes on as new.
    if (
        place is not None
        and draft.category is not None
        and draft.category != OTHER
        and may_show_duplicates(config, draft.category)
        # Showing the same search again (resume, a stale button) is not a new search.
        and (
            bool(draft.duplicates)
            or await lookup_allowed(ctx.session, config, ctx.user.id, ctx.turn.now)
        )
    ):
        found = await find_duplicates(
            ctx.session, config, draft.category, place, ctx.turn.now, ctx.user.id
        )
    draft.duplicates = [d.report_id for d in found]
    if not found:
        draft.duplicates_checked = True
        return await advance(form)
    form.save("duplicates")
    cats = categories(ctx.services)
    lines = []
    rows = []
    for number, dup in enumerate(found, start=1):
        # Calendar days where the residents live: "yesterday" at 00:30 means yesterday.
        age = max((form.local(ctx.turn.now).date() - form.local(dup.created_at).date()).days, 0)
        # Never a distance: a few pins and distances would locate the other reporter.
        where = form.text(
            "report-duplicate-same-street" if dup.same_street else "privacy-duplicate-nearby"
        )
        lines.append(
            form.text(
                "report-duplicate-line",
                number=number,
                category=cats.name(dup.category, ctx.lang),
                where=where,
                days=age,
                status=form.text(f"report-status-{dup.status.value}"),
            )
        )
        rows.append(
            [
                Option(
                    "report-duplicate-same",
                    FormPress("same", str(dup.report_id)).encode(),
                    {"number": number},
                )
            ]
        )
    rows.append([Option("report-duplicate-new", FormPress("new").encode())])
    return [form.answer("report-duplicates", rows, reports="\n".join(lines))]


async def ask_when(form: Form) -> list[Answer]:
    """Ask when it happens (optional, like KMZB)."""
    rows = [
        [
            Option("report-when-now", FormPress("when", "now").encode()),
            Option("report-when-today", FormPress("when", "today").encode()),
        ],
        [Option("report-when-other-day", FormPress("when", "other_day").encode())],
        [Option("report-when-recurring", FormPress("when", "recurring").encode())],
        [Option("report-when-skip", FormPress("when", "unknown").encode())],
    ]
    return [form.answer("report-when-question", [*rows, *keep_row(form)])]


async def ask_when_date(form: Form) -> list[Answer]:
    """Ask which day (typed), with yesterday and the day before as buttons."""
    rows = [
        [
            Option("report-when-yesterday", FormPress("date", "1").encode()),
            Option("report-when-2-days", FormPress("date", "2").encode()),
        ]
    ]
    return [form.answer("report-when-date-question", rows)]


async def ask_when_days(form: Form, replaces: str | None = None) -> list[Answer]:
    """Offer the days of the week to tick, with shortcuts (a tick redraws the same message)."""
    chosen = set(form.draft.when_partial.get("days") or [])
    day_buttons = [
        Option(
            "report-day-on" if day in chosen else "report-day-off",
            FormPress("day", str(day)).encode(),
            {"day": form.text(f"report-day-{day}")},
        )
        for day in DAYS
    ]
    rows = [
        day_buttons[:4],
        day_buttons[4:],
        [
            Option("report-days-all", FormPress("days", "all").encode()),
            Option("report-days-weekdays", FormPress("days", "weekdays").encode()),
            Option("report-days-weekend", FormPress("days", "weekend").encode()),
        ],
        [Option("report-days-done", FormPress("days", "done").encode())],
    ]
    return [form.answer("report-when-days-question", rows, replaces=replaces)]


async def ask_when_time(form: Form) -> list[Answer]:
    """Ask the time of day."""
    rows = [
        [Option(f"report-time-{t}", FormPress("time", t).encode())]
        for t in TIMES_OF_DAY
        if t != "unknown"
    ]
    rows.append([Option("report-time-dont-know", FormPress("time", "unknown").encode())])
    return [form.answer("report-when-time-question", rows)]


async def ask_description(form: Form) -> list[Answer]:
    """Ask for a description (optional)."""
    limit = form.ctx.services.config.reports.description_max_length
    rows = [[Option("report-skip", FormPress("skip").encode())], *keep_row(form)]
    return [form.answer("report-description-question", rows, max=limit)]


def photos_options(form: Form) -> list[list[Option]]:
    """Buttons under the photos question and under every "photo added"."""
    done = "report-photos-done" if form.draft.photos else "report-photos-none"
    rows = [[Option(done, FormPress("done").encode())]]
    if form.draft.photos:
        rows.append([Option("report-photos-clear", FormPress("clear").encode())])
    return rows


def photo_limit_megabytes(form: Form) -> float:
    """Return the size limit of one photo in MB, as people read it (0.4, 20)."""
    return album_limit_megabytes(form.ctx.services.config.reports)


async def ask_photos(form: Form) -> list[Answer]:
    """Ask for up to N photos (optional)."""
    settings = form.ctx.services.config.reports
    return [
        form.answer(
            "report-photos-question",
            photos_options(form),
            max=settings.max_photos,
            count=len(form.draft.photos),
            megabytes=photo_limit_megabytes(form),
        )
    ]


async def ask_anonymous(form: Form) -> list[Answer]:
    """Explain honestly who sees what, then ask: anonymous or with contact details."""
    rows = [
        [Option("report-anonymous-yes", FormPress("anon", "yes").encode())],
        [Option("report-anonymous-no", FormPress("anon", "no").encode())],
    ]
    return [form.answer("report-anonymous-question", rows)]


def phone_options() -> list[list[Option]]:
    """The reply keyboard of the phone question."""
    return [[Option("report-phone-share", kind="contact")], [Option("report-phone-skip")]]


async def ask_phone(form: Form) -> list[Answer]:
    """Ask for a phone number through Telegram's "share my number" button (optional)."""
    return [form.answer("report-phone-question", phone_options(), keyboard="reply")]


def summary_args(form: Form) -> dict[str, Any]:
    """Describe every field of the draft for the summary (plain text, escaped when rendered)."""
    draft = form.draft
    ctx = form.ctx
    cats = categories(ctx.services)
    category = cats.name(draft.category or "", ctx.lang)
    if draft.category == OTHER and draft.category_other:
        category = f"{category}: {draft.category_other}"
    place = draft.place_obj
    where = ""
    district = ""
    if place is not None:
        where = place_label(
            ctx.services,
            ctx.lang,
            address=place.address,
            lat=place.lat,
            lon=place.lon,
            point=place.source == "point",
        )
        district = place.district_name or ""
    if draft.anonymous is not False:
        who = form.text("report-summary-anonymous")
    elif draft.phone:
        who = form.text("report-summary-named-phone", phone=mask_phone(draft.phone))
    else:
        who = form.text("report-summary-named")
    return {
        "category": category,
        "place": where,
        "district": district,
        "when": describe_when(draft.when, form.text),
        "description": draft.description or form.text("report-summary-none"),
        "photos": len(draft.photos),
        "who": who,
    }


def describe_draft(ctx: FlowContext, draft: ReportDraft) -> str:
    """Say in a few plain words what an unfinished report holds, for prompts that would
    discard it ("Nieprawidłowe parkowanie, ul. Kolejowa 12, Konin, 2 zdjęcia")."""
    parts = []
    if draft.category:
        parts.append(categories(ctx.services).name(draft.category, ctx.lang))
    place = draft.place_obj
    if place is not None:
        parts.append(place.address or ctx.fragment("report-draft-point"))
    if draft.photos:
        parts.append(ctx.fragment("report-draft-photos", count=len(draft.photos)))
    if draft.description:
        parts.append(ctx.fragment("report-draft-description"))
    return ", ".join(parts) or ctx.fragment("report-draft-empty")


def mask_phone(phone: str) -> str:
    """Show only the last three digits: enough to recognise, useless if the chat is seen."""
    digits = [c for c in phone if c.isdigit()]
    return "••• ••• " + "".join(digits[-3:])


async def ask_summary(form: Form) -> list[Answer]:
    """Show the whole report with Send / Change / Cancel."""
    rows = [
        [Option("report-send", FormPress("send").encode())],
        [Option("report-change", FormPress("edit").encode())],
        [Option("report-cancel", FormPress("cancel").encode())],
    ]
    return [form.answer("report-summary", rows, **summary_args(form))]


async def ask_cancel(form: Form) -> list[Answer]:
    """Ask before "Cancel" on the summary throws the report away, saying what it holds."""
    rows = [
        [Option("report-cancel-yes", FormPress("cancel", "yes").encode())],
        [Option("report-cancel-no", FormPress("cancel", "no").encode())],
    ]
    what = describe_draft(form.ctx, form.draft)
    return [form.answer("report-cancel-question", rows, what=what)]


EDITABLE = ("category", "where", "when", "description", "photos", "anonymous")


async def ask_edit(form: Form) -> list[Answer]:
    """Ask which field to change."""
    rows = [
        [Option(f"report-edit-{field}", FormPress("edit", field).encode())] for field in EDITABLE
    ]
    rows.append([Option("report-back", FormPress("back").encode())])
    return [form.answer("report-edit-question", rows)]


QUESTIONS = {
    "danger": ask_danger,
    "category": ask_category,
    "category_group": ask_category_group,
    "category_other": ask_category_other,
    "where": ask_where,
    "where_pick": ask_where_pick,
    "duplicates": ask_duplicates,
    "when": ask_when,
    "when_date": ask_when_date,
    "when_days": ask_when_days,
    "when_time": ask_when_time,
    "description": ask_description,
    "photos": ask_photos,
    "anonymous": ask_anonymous,
    "phone": ask_phone,
    "summary": ask_summary,
    "cancel": ask_cancel,
    "edit": ask_edit,
}
