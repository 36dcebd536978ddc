"""/pomoc for officers, coordinators and duty officers: their own commands, one line each."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.i18n import Raw
from bot.services import Services
from bot.usecases.command_menus import RESIDENT_COMMANDS, listed_commands
from db.models.people import Role, User

OFFICER_ROLES = (Role.OFFICER, Role.COORDINATOR, Role.ADMIN)


def officer_help(services: Services, user: User, lang: str) -> tuple[str, Mapping[str, Any]] | None:
    """Return the help paragraph listing an officer's commands (None for residents)."""
    if user.role not in OFFICER_ROLES:
        return None
    own = [c for c in listed_commands(user.role) if c not in RESIDENT_COMMANDS]
    lines = [
        services.catalog.render(
            lang,
            "desk-help-command",
            {
                "command": command.name(lang),
                "description": services.catalog.render(lang, command.key),
            },
        )
        for command in own
    ]
    key = "desk-help-coordinator" if user.role is not Role.OFFICER else "desk-help-officer"
    # Rendered (and escaped) line by line already: the list goes in as it is.
    return key, {"commands": Raw("\n".join(lines))}
