"""Everything the bot holds about one person, as a JSON document and as readable text.

Built from the database when it is sent (or written by the CLI), so it is complete at that
moment: the account, the conversation in progress, the reports (with the reporter's identity,
photos, history and officers' notes to them), followed reports, stored incoming and outgoing
messages, audit entries naming the person, and rate marks.
"""

from __future__ import annotations

import base64
import json
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from bot.i18n import Catalog, Dated
from bot.services import Services
from bot.usecases.report.categories import Categories
from bot.usecases.rights import queries
from bot.usecases.rights.erasure import THREAD_ACTIONS
from db.models.conversation import Conversation
from db.models.directory import District
from db.models.people import Reporter, User
from db.models.reports import Report

# Audit row of a copy handed out (in the chat or by the CLI).
ACCESS_ACTION = "privacy_access"
# Photos travel inside the JSON file up to this many bytes in all (Telegram takes 50 MB per
# file); past it, a photo is listed with its checksum and the IOD sends it on request.
PHOTO_BUDGET_BYTES = 30_000_000
FORMAT_VERSION = 1


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


async def personal_data(
    services: Services, session: AsyncSession, user: User, lang: str = "pl"
) -> dict[str, Any]:
    """Collect everything stored about a person, as a JSON-ready document.

    Category names are given in `lang`, the language the person reads.
    """
    reports = await queries.reports_of(session, user.id)
    budget = [PHOTO_BUDGET_BYTES]
    conversation = await session.get(Conversation, user.id)
    officer = await queries.officer_of(session, user.id)
    return {
        "format": FORMAT_VERSION,
        "generated_at": _iso(services.clock()),
        "controller": services.config.privacy.controller,
        "dpo_contact": services.config.privacy.dpo_contact,
        "account": {
            "channel": user.channel,
            "telegram_user_id": user.external_id,
            "chat_id": user.chat_id,
            "language": user.language,
            "role": user.role.value,
            "officer_code": officer.code if officer is not None else None,
            "blocked": user.blocked,
            "undeliverable": user.undeliverable,
            "failed_invite_attempts": user.invite_failures,
            "first_contact": _iso(user.created_at),
            "last_contact": _iso(user.last_seen_at),
        },
        "conversation": None
        if conversation is None or not conversation.flow
        else {
            "flow": conversation.flow,
            "step": conversation.step,
            "draft": conversation.draft,
            "updated_at": _iso(conversation.updated_at),
            "expires_at": _iso(conversation.expires_at),
        },
        "reports": [await _report(services, session, report, budget, lang) for report in reports],
        "followed_reports": await _followed(services, session, user, lang),
        "district_subscriptions": [
            {"district": code, "district_name": name, "since": _iso(since), "language": language}
            for code, name, since, language in await queries.subscribed_districts(session, user.id)
        ],
        "meetings_attending": [
            {"meeting": number, "starts_at": _iso(starts), "place": place, "since": _iso(since)}
            for number, starts, place, since in await queries.meetings_attending(session, user.id)
        ],
        "messages_received": await _inbox(session, user),
        "messages_to_send_or_sent": await _outbox(session, user),
        "audit_entries": await _audit(session, user),
        "rate_marks": [
            {"kind": kind, "at": _iso(at)}
            for kind, at in await queries.rate_marks_of(session, user.id)
        ],
    }


async def _report(
    services: Services, session: AsyncSession, report: Report, budget: list[int], lang: str
) -> dict[str, Any]:
    district = await session.get(District, report.district_id) if report.district_id else None
    reporter = await session.get(Reporter, report.reporter_id) if report.reporter_id else None
    photos = []
    for photo in await queries.report_photos(session, report.id):
        entry: dict[str, Any] = {
            "position": photo.position,
            "width": photo.width,
            "height": photo.height,
            "sha256": photo.sha256,
            "mime_type": photo.mime_type,
        }
        if len(photo.content) <= budget[0]:
            budget[0] -= len(photo.content)
            entry["content_base64"] = base64.b64encode(photo.content).decode("ascii")
        else:
            entry["content_base64"] = None
        photos.append(entry)
    events = await queries.report_story(session, report.id, THREAD_ACTIONS)
    return {
        "reference": report.reference,
        "category": report.category,
        "category_name": _categories(services).name(report.category, lang),
        "category_other": report.category_other,
        "status": report.status.value,
        "sent_at": _iso(report.created_at),
        "updated_at": _iso(report.updated_at),
        "closed_at": _iso(report.closed_at),
        "district": district.name if district is not None else None,
        "place": {
            "source": report.location_source,
            "lat": report.lat,
            "lon": report.lon,
            "address": report.address,
        },
        "when": report.occurred,
        "description": report.description,
        "anonymous": report.anonymous,
        "reporter_identity": None
        if reporter is None
        else {
            "name": reporter.display_name,
            "phone": reporter.phone,
            "phone_consent_at": _iso(reporter.phone_consent_at),
        },
        "photos": photos,
        "history": [
            {
                "at": _iso(event.at),
                "action": event.action,
                "status": event.to_status,
                # Officers' notes and comments were written to this person, and their own
                # answers are theirs; other notes are internal.
                "note_to_you": event.note if event.action in THREAD_ACTIONS else None,
            }
            for event in events
        ],
        "anonymised_at": _iso(report.anonymised_at),
    }


def _categories(services: Services) -> Categories:
    if services.categories is None:
        # `python -m bot privacy access` runs without the bot's start-up.
        from bot.usecases.report.categories import load_categories

        services.categories = load_categories(services.config.bot.categories_file)
    return services.categories


async def _followed(
    services: Services, session: AsyncSession, user: User, lang: str
) -> list[dict[str, Any]]:
    # Another resident's report: its reference, category and status, never its content.
    rows = await queries.followed_reports(session, user.id)
    names = _categories(services)
    return [
        {
            "reference": ref,
            "category": cat,
            "category_name": names.name(cat, lang),
            "status": status.value,
            "since": _iso(since),
        }
        for ref, cat, status, since in rows
    ]


async def _inbox(session: AsyncSession, user: User) -> list[dict[str, Any]]:
    if user.chat_id is None:
        return []
    rows = await queries.inbox_of_chat(session, user.chat_id)
    return [
        {"received_at": _iso(row.received_at), "status": row.status.value, "update": row.payload}
        for row in rows
    ]


async def _outbox(session: AsyncSession, user: User) -> list[dict[str, Any]]:
    rows = await queries.outbox_of(session, user.id, user.chat_id)
    return [
        {
            "queued_at": _iso(row.created_at),
            "status": row.status.value,
            "kind": row.kind,
            "content": row.payload,
        }
        for row in rows
    ]


async def _audit(session: AsyncSession, user: User) -> list[dict[str, Any]]:
    rows = await queries.audit_about(session, user.id)
    return [{"at": _iso(at), "action": action, "report": ref} for at, action, ref in rows]


def as_json(data: dict[str, Any]) -> str:
    """Return the document as the JSON file the person receives."""
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def as_text(data: dict[str, Any], catalog: Catalog, lang: str, timezone: str) -> str:
    """Return the document as readable text in the person's language (no photos inside)."""

    def t(key: str, **args: Any) -> str:
        # This is a plain text file, not Telegram HTML.
        return catalog.plain(lang, f"privacy-data-{key}", args)

    def when(value: str | None) -> str:
        if not value:
            return "—"
        return catalog.dated(
            lang, Dated.moment(datetime.fromisoformat(value).astimezone(ZoneInfo(timezone)))
        )

    def yes(flag: bool) -> str:
        return t("yes") if flag else t("no")

    def status(code: str | None) -> str:
        key = f"report-status-{code}"
        # A status this version has no name for shows as its code.
        return catalog.plain(lang, key) if catalog.has(key, lang) else code or ""

    lines: list[str] = [
        t("title", at=when(data["generated_at"])),
        t("controller", controller=data["controller"], dpo=data["dpo_contact"]),
        "",
    ]
    account = data["account"]
    lines += [
        f"== {t('account')} ==",
        f"{t('telegram-id')}: {account['telegram_user_id']}",
        f"{t('language')}: {account['language'] or '—'}",
        f"{t('role')}: {account['role']}",
        f"{t('blocked')}: {yes(account['blocked'])}",
        f"{t('first-contact')}: {when(account['first_contact'])}",
        f"{t('last-contact')}: {when(account['last_contact'])}",
        "",
        f"== {t('conversation')} ==",
    ]
    conversation = data["conversation"]
    if conversation is None:
        lines.append(t("none"))
    else:
        lines.append(json.dumps(conversation["draft"], ensure_ascii=False))
    lines += ["", f"== {t('reports', count=len(data['reports']))} =="]
    for report in data["reports"]:
        place = report["place"]
        point = f"{place['lat']}, {place['lon']}" if place["lat"] is not None else ""
        lines += [
            f"{report['reference']} — {report['category_name']} — {status(report['status'])} — "
            f"{when(report['sent_at'])}",
            f"  {t('place')}: {place['address'] or point or '—'}",
            f"  {t('description')}: {report['description'] or '—'}",
            f"  {t('anonymous')}: {yes(report['anonymous'])}",
            f"  {t('photos')}: {len(report['photos'])}",
        ]
        identity = report["reporter_identity"]
        if identity is not None:
            lines.append(
                f"  {t('identity')}: {identity['name'] or '—'}, {identity['phone'] or '—'}"
            )
        for event in report["history"]:
            note = f" — {event['note_to_you']}" if event["note_to_you"] else ""
            what = status(event["status"]) if event["status"] else event["action"]
            lines.append(f"  · {when(event['at'])} {what}{note}")
    lines += ["", f"== {t('followed', count=len(data['followed_reports']))} =="]
    lines += [
        f"{f['reference']} — {f['category_name']} — {status(f['status'])} — {when(f['since'])}"
        for f in data["followed_reports"]
    ]
    subscribed = data.get("district_subscriptions", [])
    lines += ["", f"== {t('subscriptions', count=len(subscribed))} =="]
    lines += [f"{s['district_name']} ({s['district']}) — {when(s['since'])}" for s in subscribed]
    meetings = data.get("meetings_attending", [])
    lines += ["", f"== {t('meetings', count=len(meetings))} =="]
    lines += [f"{when(m['starts_at'])} — {m['place'] or '—'}" for m in meetings]
    lines += [
        "",
        f"== {t('messages')} ==",
        t(
            "messages-count",
            received=len(data["messages_received"]),
            sent=len(data["messages_to_send_or_sent"]),
        ),
        "",
        f"== {t('audit', count=len(data['audit_entries']))} ==",
    ]
    lines += [
        f"{when(e['at'])} {e['action']} {e['report'] or ''}".rstrip() for e in data["audit_entries"]
    ]
    lines += ["", t("footer")]
    return "\n".join(lines) + "\n"
