"""The flows of this bot, assembled into the router (one line per flow)."""

from __future__ import annotations

from bot.usecases.flow import Flow
from bot.usecases.router import Router


def build_router() -> Router:
    """Build the router with every flow; the home flow also answers outside any flow."""
    from bot.usecases.community.announcements import AnnounceFlow
    from bot.usecases.community.meeting_changes import MeetingsFlow
    from bot.usecases.community.meetings import AnnouncementsFlow
    from bot.usecases.community.notifications import NotificationsFlow
    from bot.usecases.community.stats_flow import StatsFlow
    from bot.usecases.home import HelpFlow, HomeFlow, PrivacyFlow
    from bot.usecases.language import LanguageFlow
    from bot.usecases.lookup_flow import LookupFlow
    from bot.usecases.offer import OfferFlow
    from bot.usecases.officers.linking import OfficersFlow
    from bot.usecases.operations.banning import BanningFlow
    from bot.usecases.operations.leave_flow import LeaveFlow
    from bot.usecases.operations.quiet_hours import QuietHoursFlow
    from bot.usecases.report import MineFlow, ReportFlow
    from bot.usecases.report.follow_up import FollowUpFlow
    from bot.usecases.rights import RightsFlow

    home = HomeFlow()
    flows: list[Flow] = [home]
    flows.append(HelpFlow())
    flows.append(PrivacyFlow())
    flows.append(LanguageFlow(home))
    flows.append(ReportFlow())
    flows.append(MineFlow())
    flows.append(FollowUpFlow())
    flows.append(OfficersFlow())
    flows.append(LeaveFlow())
    flows.append(QuietHoursFlow())
    flows.append(BanningFlow())
    flows.append(LookupFlow())
    flows.append(RightsFlow())
    flows.append(OfferFlow())
    flows.append(NotificationsFlow())
    flows.append(AnnounceFlow())
    flows.append(AnnouncementsFlow())
    flows.append(MeetingsFlow())
    flows.append(StatsFlow())
    return Router(flows, home)
