"""The values of the buttons around a report: built and parsed only here, one class a scope.

- "o" (`OfficerPress`): officers' buttons on a report's alerts, cards and menus, also pressed
  in duty groups: "<report id>.<action>[.<argument>]" (`officers/buttons.py` answers them);
- "oq" (`QueryPress`): an officer's list of open reports and "Open the report" buttons
  (`officers/linking.py` answers them);
- "ro" (`ReopenPress`): a resident's "Still happening" under a status message
  (`officers/reopen.py` answers it).

These buttons outlive conversations (version 0), so a value is only a claim: the report, the
presser's role and the action are checked against the database on every press.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.callback_data import KindPress

# Callback scope of officers' buttons (the gatekeeper lets it through in groups).
OFFICER_SCOPE = "o"
# Callback scope of the officer's list of reports and of "Open the report".
QUERY_SCOPE = "oq"
# Callback scope of residents' "Still happening" buttons on status messages.
REOPEN_SCOPE = "ro"

# Marks a partner institution's id in a Forward button's argument ("p<id>").
PARTNER_MARK = "p"


@dataclass(frozen=True)
class OfficerPress:
    """An officer's button (scope "o"): report id, action, optional argument.

    The argument is a forward body ("police", ...), a partner ("p<id>", `for_partner`), a page
    of the districts' menu, a district's id (`number`) or the "sure" that answers a closing
    step's question (`workflow.ASK_FIRST`).
    """

    report_id: int
    action: str
    arg: str | None = None

    @classmethod
    def for_partner(cls, report_id: int, action: str, partner_id: int) -> OfficerPress:
        """Return the press that forwards a report to a partner institution."""
        return cls(report_id, action, f"{PARTNER_MARK}{partner_id}")

    def encode(self) -> str:
        """Return the button's value: "<report id>.<action>[.<argument>]"."""
        head = f"{self.report_id}.{self.action}"
        return head if self.arg is None else f"{head}.{self.arg}"

    @classmethod
    def parse(cls, value: str) -> OfficerPress | None:
        """Decode a button's value; None for anything this bot never made."""
        parts = value.split(".")
        if not 2 <= len(parts) <= 3 or not parts[0].isdigit() or not parts[1]:
            return None
        return cls(int(parts[0]), parts[1], parts[2] if len(parts) == 3 else None)

    @property
    def partner_id(self) -> int | None:
        """Return the partner institution's id of a Forward to a partner, else None."""
        arg = self.arg
        if arg and arg.startswith(PARTNER_MARK) and arg[1:].isdigit():
            return int(arg[1:])
        return None

    @property
    def number(self) -> int | None:
        """Return the argument as a whole number (a page, a district's id), else None."""
        return int(self.arg) if self.arg and self.arg.isdigit() else None


@dataclass(frozen=True)
class QueryPress(KindPress):
    """An officer's list button (scope "oq"): `PAGE` (page `number` of the open reports) or
    `DETAILS` (report `number`'s card and history)."""

    PAGE = "p"
    DETAILS = "d"


@dataclass(frozen=True)
class ReopenPress:
    """A resident's "Still happening" (scope "ro"): the report's id."""

    report_id: int

    def encode(self) -> str:
        """Return the button's value: the report's id."""
        return str(self.report_id)

    @classmethod
    def parse(cls, value: str) -> ReopenPress | None:
        """Decode a button's value; None for anything but an id."""
        return cls(int(value)) if value.isdigit() else None
