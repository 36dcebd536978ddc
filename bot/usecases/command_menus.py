"""The command lists Telegram shows in its menu, per language and role (texts from the catalog)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.i18n import Catalog
from db.models.people import Role


@dataclass(frozen=True)
class ListedCommand:
    """One command in Telegram's menu: its name in Polish and for the other languages."""

    polish: str
    # Ukrainian and English speakers get the English alias (commands are Latin letters only).
    other: str
    # Catalog key of the description (plain text, 1-256 characters).
    key: str

    def name(self, lang: str) -> str:
        """Return the command's name as listed in a language."""
        return self.polish if lang == "pl" else self.other


# Every resident's menu, in the order shown. Flows add their own commands here (one line each),
# with the same names their Flow.commands accept and a description key in their catalog.
RESIDENT_COMMANDS: tuple[ListedCommand, ...] = (
    ListedCommand("start", "start", "command-start"),
    ListedCommand("zglos", "report", "command-report"),
    ListedCommand("dzielnicowy", "officer", "command-lookup"),
    ListedCommand("moje", "my", "command-mine"),
    ListedCommand("powiadomienia", "notifications", "command-notifications"),
    ListedCommand("pomoc", "help", "command-help"),
    ListedCommand("jezyk", "language", "command-language"),
    ListedCommand("prywatnosc", "privacy", "command-privacy"),
    ListedCommand("moje_dane", "my_data", "command-my-data"),
    ListedCommand("usun_dane", "delete_my_data", "command-delete-my-data"),
    ListedCommand("anuluj", "cancel", "command-cancel"),
)

# Added after the residents' commands for officers and coordinators (officers' feature: add
# lines here; coordinator-only commands go to COORDINATOR_COMMANDS).
OFFICER_COMMANDS: tuple[ListedCommand, ...] = (
    # Officers are Polish police: the same Polish names in every language.
    ListedCommand("zgloszenia", "zgloszenia", "command-officer-list"),
    ListedCommand("zgloszenie", "zgloszenie", "command-officer-details"),
    ListedCommand("urlop", "urlop", "command-leave"),
    ListedCommand("cisza", "cisza", "command-quiet"),
    ListedCommand("ogloszenie", "ogloszenie", "command-announce"),
    ListedCommand("ogloszenia", "ogloszenia", "command-announcements"),
    ListedCommand("spotkania", "spotkania", "command-meetings"),
)
COORDINATOR_COMMANDS: tuple[ListedCommand, ...] = (
    ListedCommand("zastepstwa", "zastepstwa", "command-station-leave"),
    ListedCommand("blokuj", "blokuj", "command-block"),
    ListedCommand("odblokuj", "odblokuj", "command-unblock"),
    ListedCommand("statystyki", "statystyki", "command-stats"),
)


def listed_commands(role: Role | str) -> tuple[ListedCommand, ...]:
    """Return the commands a role sees, in order."""
    role = Role(role)
    listed = RESIDENT_COMMANDS
    if role in (Role.OFFICER, Role.COORDINATOR, Role.ADMIN):
        listed += OFFICER_COMMANDS
    if role in (Role.COORDINATOR, Role.ADMIN):
        listed += COORDINATOR_COMMANDS
    return listed


def command_list(catalog: Catalog, lang: str, role: Role | str) -> list[tuple[str, str]]:
    """Return (command, description) pairs for setMyCommands in a language."""
    lang = catalog.language(lang)
    return [
        (command.name(lang), catalog.render(lang, command.key)) for command in listed_commands(role)
    ]
