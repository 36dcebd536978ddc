"""The command line as a new user meets it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(
    *args: str, env: dict[str, str] | None = None, cwd: Path = ROOT
) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if k not in {"TELEGRAM_BOT_TOKEN", "DATABASE_URL"}}
    base.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        capture_output=True,
        text=True,
        env=base,
        cwd=cwd,
        check=False,
        timeout=120,
    )


def test_help_lists_the_subcommands() -> None:
    result = _run("--help")
    assert result.returncode == 0
    for command in ("run", "webhook", "db", "check-config"):
        assert command in result.stdout


def test_run_without_token_explains_and_exits_2() -> None:
    result = _run("run")
    assert result.returncode == 2
    assert "TELEGRAM_BOT_TOKEN" in result.stderr and "@BotFather" in result.stderr


def test_webhook_without_secrets_names_both(tmp_path: Path) -> None:
    result = _run("webhook")
    assert result.returncode == 2
    assert "TELEGRAM_BOT_TOKEN" in result.stderr and "WEBHOOK_SECRET" in result.stderr


def test_bad_config_lists_every_problem_and_starts_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[telegram]\npoll_timeout = 'x'\nwhat = 1\n", encoding="utf-8")
    result = _run("--config", str(bad), "run", env={"TELEGRAM_BOT_TOKEN": "1:x"})
    assert result.returncode == 2
    assert "telegram.poll_timeout" in result.stderr and "telegram.what" in result.stderr


def test_check_config_masks_secrets() -> None:
    token = "987654:SECRETSECRETSECRETSECRETSECRET"
    result = _run("check-config", env={"TELEGRAM_BOT_TOKEN": token})
    assert result.returncode == 0, result.stderr
    assert "SECRETSECRET" not in result.stdout
    assert '"api_base_url": "https://api.telegram.org/bot"' in result.stdout


def test_db_upgrade_and_current_on_a_fresh_sqlite_file(tmp_path: Path) -> None:
    env = {"RDB_DATABASE__SQLITE_PATH": str(tmp_path / "new.sqlite3")}
    assert _run("db", "upgrade", env=env).returncode == 0
    result = _run("db", "current", env=env)
    assert result.returncode == 0
    head = result.stdout.split()[0]
    assert head != "base" and f"(newest: {head})" in result.stdout
