"""Logging set-up: no token, phone number or message text above DEBUG."""

from __future__ import annotations

import logging
import re

# Bot API URLs carry the token in the path: .../bot123456:ABC-DEF/sendMessage
_TOKEN_IN_URL = re.compile(r"(/(?:file/)?bot)\d+:[A-Za-z0-9_-]+")
_BARE_TOKEN = re.compile(r"\b\d{6,12}:[A-Za-z0-9_-]{30,}\b")


def redact(text: str) -> str:
    """Replace bot tokens in a log line."""
    return _BARE_TOKEN.sub("<token>", _TOKEN_IN_URL.sub(r"\1<token>", text))


class RedactingFormatter(logging.Formatter):
    """Format records, then strip anything that looks like a bot token."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def setup_logging(*, verbose: bool = False) -> None:
    """Configure the root logger once, in main."""
    handler = logging.StreamHandler()
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    # httpx logs every request URL (with the token) at INFO; keep it to warnings.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    # aiosqlite logs every statement at DEBUG, with parameters (personal data).
    logging.getLogger("aiosqlite").setLevel(logging.INFO)
