"""Describe Bot API errors in the shape Telegram answers them."""

from typing import Any


class ApiError(Exception):
    """Fail a Bot API call with Telegram's error code and description."""

    def __init__(
        self, code: int, description: str, parameters: dict[str, Any] | None = None
    ) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.parameters = parameters

    def payload(self) -> dict[str, Any]:
        """Return the JSON body Telegram sends for this error."""
        body: dict[str, Any] = {
            "ok": False,
            "error_code": self.code,
            "description": self.description,
        }
        if self.parameters:
            body["parameters"] = self.parameters
        return body


def bad_request(detail: str) -> ApiError:
    """Build a 400 error with Telegram's "Bad Request: ..." description."""
    return ApiError(400, f"Bad Request: {detail}")


def forbidden_blocked() -> ApiError:
    """Build the 403 Telegram answers when a user blocked the bot."""
    return ApiError(403, "Forbidden: bot was blocked by the user")
