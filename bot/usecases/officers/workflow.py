"""The report status workflow as data: which action moves which status where, and who is told.

NEW → TAKEN → VERIFYING → CONFIRMED → ELIMINATED; VERIFYING → NOT_CONFIRMED; any open status →
FORWARDED (final) or reassigned to another district; ELIMINATED / NOT_CONFIRMED → REOPENED by the
resident ("Still happening"), then back to the officer as TAKEN.
"""

from __future__ import annotations

from dataclasses import dataclass

from db.models.directory import Officer
from db.models.reports import OPEN_STATUSES, ReportStatus
from lookup.directory import OfficerRole

S = ReportStatus

# Officer button actions (callback value "<report id>.<action>[.<argument>]").
TAKE = "take"
VERIFY = "verify"
CONFIRM = "confirm"
NOT_CONFIRMED = "notconf"
ELIMINATE = "elim"
FORWARD = "fwd"
REASSIGN = "move"
REASSIGN_TO = "to"
NOTE = "note"
PHONE = "phone"
# A comment on a closed report (told to the reporter, kept in the history).
COMMENT = "comment"
# Back from a menu (an institution, another district) to the view's own buttons.
BACK = "back"


@dataclass(frozen=True)
class Transition:
    """An officer's action that changes the status."""

    action: str
    sources: frozenset[ReportStatus]
    target: ReportStatus


TRANSITIONS: tuple[Transition, ...] = (
    Transition(TAKE, frozenset({S.NEW, S.REOPENED}), S.TAKEN),
    Transition(VERIFY, frozenset({S.TAKEN}), S.VERIFYING),
    Transition(CONFIRM, frozenset({S.VERIFYING}), S.CONFIRMED),
    Transition(NOT_CONFIRMED, frozenset({S.VERIFYING}), S.NOT_CONFIRMED),
    Transition(ELIMINATE, frozenset({S.CONFIRMED}), S.ELIMINATED),
    Transition(FORWARD, OPEN_STATUSES, S.FORWARDED),
)
BY_ACTION = {t.action: t for t in TRANSITIONS}

# Bodies a report can be handed to (final); labels: officers-body-<code>.
FORWARD_BODIES: tuple[str, ...] = ("city_guard", "road_manager", "other")

# Closing steps the resident is told of at once: the first press only asks "sure?" (a menu in
# place of the buttons, with Back), the press of its answer (argument SURE) carries it out. A slip
# of the thumb between ✅ and ❌, which sit side by side, could otherwise not be taken back.
ASK_FIRST = frozenset({NOT_CONFIRMED, ELIMINATE})
SURE = "sure"

# The resident may say "Still happening" after these.
REOPENABLE = frozenset({S.ELIMINATED, S.NOT_CONFIRMED})

# Statuses after which the report is closed (closed_at is set).
CLOSED = frozenset({S.ELIMINATED, S.NOT_CONFIRMED, S.FORWARDED, S.WITHDRAWN})


def status_actions(status: ReportStatus) -> list[str]:
    """Return the status-changing actions offered for a status, in the order shown."""
    return [t.action for t in TRANSITIONS if status in t.sources]


def can_reassign(status: ReportStatus) -> bool:
    """Tell whether a report in this status can go to another district."""
    return status in OPEN_STATUSES


def target_of(action: str, status: ReportStatus) -> ReportStatus | None:
    """Return where an action moves a report from `status` (None: not allowed now)."""
    transition = BY_ACTION.get(action)
    if transition is None or status not in transition.sources:
        return None
    return transition.target


def told_as(officer: Officer | None) -> str:
    """Name who acted as the residents' messages do: `district` when their dzielnicowy (any
    district officer) did, `police` for a coordinator, the duty group or the system."""
    return "district" if officer is not None and officer.role is OfficerRole.OFFICER else "police"
