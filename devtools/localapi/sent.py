"""Record what the bot sent, edited or deleted, in a shape tests can assert on."""

from dataclasses import dataclass, field
from typing import Any


@dataclass
class SentMessage:
    """Describe one successful bot call that produced, edited or deleted a message."""

    method: str
    chat_id: int
    message_id: int | None
    text: str | None = None
    plain_text: str | None = None
    caption: str | None = None
    parse_mode: str | None = None
    reply_markup: dict[str, Any] | None = None
    disable_notification: bool = False
    reply_to_message_id: int | None = None
    photo: bytes | None = None
    document: bytes | None = None
    file_name: str | None = None
    file_id: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    title: str | None = None
    address: str | None = None
    phone_number: str | None = None
    first_name: str | None = None
    media: list[dict[str, Any]] = field(default_factory=list)
    params: dict[str, Any] = field(default_factory=dict)
    message: dict[str, Any] | None = None

    def buttons(self) -> list[list[str]]:
        """Return the texts of the inline keyboard, row by row (empty without one)."""
        rows = (self.reply_markup or {}).get("inline_keyboard") or []
        return [[str(button.get("text", "")) for button in row] for row in rows]

    def button_data(self, text: str) -> str:
        """Return the callback_data of the inline button labelled `text`."""
        for row in (self.reply_markup or {}).get("inline_keyboard") or []:
            for button in row:
                if button.get("text") == text and "callback_data" in button:
                    return str(button["callback_data"])
        raise AssertionError(f"no inline button {text!r}; buttons are {self.buttons()}")

    def reply_keyboard(self) -> list[list[dict[str, Any]]]:
        """Return the reply keyboard's buttons as dicts ({"text": ..., ...}), row by row."""
        rows = (self.reply_markup or {}).get("keyboard") or []
        return [
            [button if isinstance(button, dict) else {"text": str(button)} for button in row]
            for row in rows
        ]

    def summary(self) -> str:
        """Return a one-line description for assertion messages."""
        content = self.text if self.text is not None else self.caption
        if content is None and self.latitude is not None:
            content = f"location {self.latitude},{self.longitude}"
        extra = f" buttons={self.buttons()}" if self.buttons() else ""
        return f"{self.method} chat={self.chat_id} id={self.message_id}: {content!r}{extra}"
