"""Secrets stay secret: the database password is masked, a guessable webhook secret is refused.

Attacks: read the database password from `check-config` output (pasted into a ticket), from
the process list while `db backup` runs pg_dump; guess a short webhook secret and post forged
updates.
"""

from __future__ import annotations

import pytest

from bot.config import Secrets, check_secrets
from bot.pipeline.webhook import WebhookServer
from db.backup import _libpq_env, _libpq_url
from tests.program import RunCommand

PASSWORD = "hunter2-Secret"
URLS = (
    f"postgresql+asyncpg://bot:{PASSWORD}@db:5432/bot",
    f"postgresql+asyncpg://bot@db/bot?password={PASSWORD}&ssl=require",
    f"postgresql+asyncpg://bot:{PASSWORD}@db/bot?sslpassword={PASSWORD}",
    # A URL SQLAlchemy cannot read may still carry the password: nothing of it is shown.
    f"not a url but {PASSWORD}",
)
LONG_SECRET = "a" * 31 + "B"


@pytest.mark.parametrize("url", URLS)
def test_check_config_never_prints_the_database_password(url: str, bot_command: RunCommand) -> None:
    result = bot_command("check-config", env={"DATABASE_URL": url})
    assert result.returncode == 0, result.stderr
    assert PASSWORD not in result.stdout + result.stderr
    assert "DATABASE_URL" in result.stdout


def test_masked_url_still_says_where_the_database_is() -> None:
    masked = Secrets(None, URLS[1], None).masked()["DATABASE_URL"]
    assert masked == "postgresql+asyncpg://bot@db/bot?password=***&ssl=require"


def test_pg_tools_get_the_password_in_their_environment_not_on_the_command_line() -> None:
    url = URLS[0]
    assert PASSWORD not in _libpq_url(url)
    assert _libpq_url(url) == "postgresql://bot@db:5432/bot"
    assert _libpq_env(url)["PGPASSWORD"] == PASSWORD


@pytest.mark.parametrize("secret", ["s3cret", "x" * 31])
def test_a_short_webhook_secret_is_refused_before_anything_starts(
    secret: str, bot_command: RunCommand
) -> None:
    result = bot_command("webhook", env={"TELEGRAM_BOT_TOKEN": "1:x", "WEBHOOK_SECRET": secret})
    assert result.returncode == 2
    assert "WEBHOOK_SECRET" in result.stderr and "at least 32" in result.stderr
    assert secret not in result.stderr
    checked = bot_command("check-config", env={"WEBHOOK_SECRET": secret})
    assert checked.returncode == 2 and "at least 32" in checked.stderr


def test_a_webhook_secret_telegram_would_refuse_is_named() -> None:
    (problem,) = check_secrets(Secrets("1:x", None, "ä" * 40), "webhook")
    assert "A-Z, a-z, 0-9" in problem
    assert check_secrets(Secrets("1:x", None, LONG_SECRET), "webhook") == []
    # Polling does not use it: a leftover short secret does not stop `run`.
    assert check_secrets(Secrets("1:x", None, "short"), "run") == []


def test_the_webhook_server_itself_refuses_a_short_secret() -> None:
    async def store(payload: bytes) -> None:
        raise AssertionError("never called")

    with pytest.raises(ValueError, match="32"):
        WebhookServer(
            listen="127.0.0.1",
            port=0,
            path="/t",
            secret="short",
            store=store,  # type: ignore[arg-type]
            check=lambda: None,  # type: ignore[arg-type,return-value]
            ready=lambda: None,  # type: ignore[arg-type,return-value]
        )
