"""Configuration: file values, environment overrides, and every problem reported at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import ConfigError, Secrets, check_secrets, load_config


def test_shipped_config_is_valid_and_matches_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    config = load_config(Path("config.toml"))
    assert config.bot.languages == ("pl", "uk", "en")
    assert config.reports.description_max_length == 1000
    assert config.telegram.api_base_url == "https://api.telegram.org/bot"


def test_environment_overrides_any_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RDB_REPORTS__MAX_PHOTOS", "2")
    monkeypatch.setenv("RDB_TELEGRAM__API_BASE_URL", "http://127.0.0.1:9/bot")
    config = load_config(Path("config.toml"))
    assert config.reports.max_photos == 2
    assert config.telegram.api_base_url == "http://127.0.0.1:9/bot"


def test_every_problem_is_listed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(
        '[telegram]\npoll_timeout = "soon"\nno_such_key = 1\n[reports]\nmax_photos = -1\n'
        "[nonsense]\nx = 1\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError) as info:
        load_config(path)
    problems = "\n".join(info.value.problems)
    assert "telegram.poll_timeout" in problems
    assert "telegram.no_such_key" in problems
    assert "reports.max_photos" in problems
    assert "nonsense" in problems
    assert len(info.value.problems) == 4


def test_missing_secrets_are_named_for_the_mode() -> None:
    empty = Secrets(bot_token=None, database_url=None, webhook_secret=None)
    assert check_secrets(empty, "check-config") == []
    (problem,) = check_secrets(empty, "run")
    assert "TELEGRAM_BOT_TOKEN" in problem and "@BotFather" in problem
    assert len(check_secrets(empty, "webhook")) == 2


def test_masked_secrets_do_not_reveal_values() -> None:
    secrets = Secrets(
        bot_token="123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ",
        database_url="postgresql+asyncpg://bot:hunter2@db:5432/bot",
        webhook_secret="topsecretvalue",
    )
    masked = str(secrets.masked())
    assert "ABCDEFGHIJ" not in masked and "hunter2" not in masked and "topsecret" not in masked
    assert "bot:***@db:5432/bot" in masked


def test_the_privacy_notice_and_the_sample_station_give_the_same_postal_code() -> None:
    import re

    from lookup.files import read_directory

    config = load_config(Path("config.toml"))
    station = read_directory(config.bot.directory_dir).stations[0]
    postal = re.compile(r"\b\d{2}-\d{3}\b")
    assert postal.findall(config.privacy.controller) == postal.findall(station.address)
    assert postal.findall(station.address) == ["62-510"]
