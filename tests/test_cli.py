"""The command line as a new user meets it.

`--help` runs `python -m bot` as a program (the entry point itself); the rest call the same
`main` in this process, which is what the program does after its imports.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from app import run_cmd
from bot.cli import command_name, main
from bot.commands import registered_commands
from tests.program import ROOT, run_program


@pytest.fixture(autouse=True)
def environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No secrets from the machine; the repository's config.toml, as a user who cloned it."""
    for name in ("TELEGRAM_BOT_TOKEN", "DATABASE_URL", "WEBHOOK_SECRET"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(ROOT)


def run(*args: str) -> int:
    """Run `python -m bot ARGS` in this process; return its exit status."""
    return main(list(args), commands=[run_cmd, *registered_commands(command_name(list(args)))])


def test_help_lists_the_subcommands() -> None:
    result = run_program("--help")
    assert result.returncode == 0
    for command in ("run", "webhook", "db", "check-config"):
        assert command in result.stdout


def test_run_without_token_explains_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("run") == 2
    err = capsys.readouterr().err
    assert "TELEGRAM_BOT_TOKEN" in err and "@BotFather" in err


def test_webhook_without_secrets_names_both(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("webhook") == 2
    err = capsys.readouterr().err
    assert "TELEGRAM_BOT_TOKEN" in err and "WEBHOOK_SECRET" in err


def test_bad_config_lists_every_problem_and_starts_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[telegram]\npoll_timeout = 'x'\nwhat = 1\n", encoding="utf-8")
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "1:x")
    assert run("--config", str(bad), "run") == 2
    err = capsys.readouterr().err
    assert "telegram.poll_timeout" in err and "telegram.what" in err


def test_check_config_masks_secrets(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "987654:SECRETSECRETSECRETSECRETSECRET")
    assert run("check-config") == 0
    out = capsys.readouterr().out
    assert "SECRETSECRET" not in out
    assert '"api_base_url": "https://api.telegram.org/bot"' in out


def test_db_upgrade_and_current_on_a_fresh_sqlite_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("RDB_DATABASE__SQLITE_PATH", str(tmp_path / "new.sqlite3"))
    assert run("db", "upgrade") == 0
    capsys.readouterr()
    assert run("db", "current") == 0
    out = capsys.readouterr().out
    head = out.split()[0]
    assert head != "base" and f"(newest: {head})" in out
