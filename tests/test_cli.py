"""The command line as a new user meets it.

`--help` runs `python -m bot` as a program (the entry point itself); the rest call the same
`main` in this process (the `bot_command` fixture), which is what the program does after its
imports.
"""

from __future__ import annotations

from pathlib import Path

from tests.program import RunCommand, run_program


def test_help_lists_the_subcommands() -> None:
    result = run_program("--help")
    assert result.returncode == 0
    for command in ("run", "webhook", "db", "check-config"):
        assert command in result.stdout


def test_run_without_token_explains_and_exits_2(bot_command: RunCommand) -> None:
    ran = bot_command("run")
    assert ran.returncode == 2
    assert "TELEGRAM_BOT_TOKEN" in ran.stderr and "@BotFather" in ran.stderr


def test_webhook_without_secrets_names_both(bot_command: RunCommand) -> None:
    ran = bot_command("webhook")
    assert ran.returncode == 2
    assert "TELEGRAM_BOT_TOKEN" in ran.stderr and "WEBHOOK_SECRET" in ran.stderr


def test_bad_config_lists_every_problem_and_starts_nothing(
    tmp_path: Path, bot_command: RunCommand
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[telegram]\npoll_timeout = 'x'\nwhat = 1\n", encoding="utf-8")
    ran = bot_command("--config", str(bad), "run", env={"TELEGRAM_BOT_TOKEN": "1:x"})
    assert ran.returncode == 2
    assert "telegram.poll_timeout" in ran.stderr and "telegram.what" in ran.stderr


def test_check_config_masks_secrets(bot_command: RunCommand) -> None:
    token = "987654:SECRETSECRETSECRETSECRETSECRET"
    ran = bot_command("check-config", env={"TELEGRAM_BOT_TOKEN": token})
    assert ran.returncode == 0, ran.stderr
    assert "SECRETSECRET" not in ran.stdout
    assert '"api_base_url": "https://api.telegram.org/bot"' in ran.stdout


def test_db_upgrade_and_current_on_a_fresh_sqlite_file(
    tmp_path: Path, bot_command: RunCommand
) -> None:
    env = {"RDB_DATABASE__SQLITE_PATH": str(tmp_path / "new.sqlite3")}
    assert bot_command("db", "upgrade", env=env).returncode == 0
    ran = bot_command("db", "current", env=env)
    assert ran.returncode == 0
    head = ran.stdout.split()[0]
    assert head != "base" and f"(newest: {head})" in ran.stdout
