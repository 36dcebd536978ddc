"""Every table, imported so that Base.metadata is complete for Alembic."""

from db.models.community import (
    Announcement,
    AnnouncementKind,
    Audience,
    DistrictSubscription,
    MeetingAttendee,
)
from db.models.conversation import Conversation
from db.models.directory import (
    District,
    Officer,
    Station,
    StationChat,
    StreetRule,
    officer_districts,
)
from db.models.officers import Invite
from db.models.operations import JobRun, OfficerAbsence
from db.models.partners import Handover, HandoverState, Partner
from db.models.people import RateMark, Reporter, Role, User
from db.models.pipeline import InboxStatus, InboxUpdate, OutboxMessage, OutboxStatus
from db.models.reports import (
    OPEN_STATUSES,
    AlertMessage,
    AuditEvent,
    Report,
    ReportFollower,
    ReportPhoto,
    ReportStatus,
)

__all__ = [
    "OPEN_STATUSES",
    "AlertMessage",
    "Announcement",
    "AnnouncementKind",
    "Audience",
    "AuditEvent",
    "Conversation",
    "District",
    "DistrictSubscription",
    "Handover",
    "HandoverState",
    "InboxStatus",
    "InboxUpdate",
    "Invite",
    "JobRun",
    "MeetingAttendee",
    "Officer",
    "OfficerAbsence",
    "OutboxMessage",
    "OutboxStatus",
    "Partner",
    "RateMark",
    "Report",
    "ReportFollower",
    "ReportPhoto",
    "ReportStatus",
    "Reporter",
    "Role",
    "Station",
    "StationChat",
    "StreetRule",
    "User",
    "officer_districts",
]
