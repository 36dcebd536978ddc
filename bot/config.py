"""Load and validate the configuration: config.toml, environment overrides, secrets."""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

DEFAULT_CONFIG_PATH = Path("config.toml")
ENV_PREFIX = "RDB_"
# Telegram allows 1-256 characters A-Z, a-z, 0-9, _ and -; fewer than 32 can be guessed.
WEBHOOK_SECRET_MIN = 32
WEBHOOK_SECRET_MAX = 256
_WEBHOOK_SECRET_CHARS = re.compile(r"^[A-Za-z0-9_-]+$")


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class BotSection(_Section):
    languages: tuple[str, ...] = ("pl", "uk", "en")
    timezone: str = "Europe/Warsaw"
    directory_dir: Path = Path("data/konin")
    categories_file: Path = Path("data/categories.csv")


class TelegramSection(_Section):
    api_base_url: str = "https://api.telegram.org/bot"
    file_base_url: str = "https://api.telegram.org/file/bot"
    poll_timeout: int = Field(30, ge=0, le=50)
    request_timeout: float = Field(20, gt=0)
    ops_chat_id: int = 0


class WebhookSection(_Section):
    listen: str = "127.0.0.1"
    port: int = Field(8443, ge=0, le=65535)
    path: str = "/telegram"
    public_url: str = ""


class DatabaseSection(_Section):
    sqlite_path: Path = Path("var/bot.sqlite3")
    sqlite_busy_timeout: float = Field(10, gt=0)
    pool_size: int = Field(5, ge=1)
    echo: bool = False


class PipelineSection(_Section):
    max_chats_in_flight: int = Field(16, ge=1)
    max_attempts: int = Field(3, ge=1)
    inbox_retention_hours: int = Field(48, ge=1)
    polling_alert_after_minutes: float = Field(5, gt=0)


class DeliverySection(_Section):
    global_per_second: float = Field(30, gt=0)
    private_chat_per_second: float = Field(1, gt=0)
    private_chat_burst: int = Field(3, ge=1)
    group_per_minute: float = Field(20, gt=0)
    max_age_hours: float = Field(24, gt=0)
    backoff_max_seconds: float = Field(60, gt=0)
    late_after_minutes: float = Field(5, gt=0)
    max_attempts: int = Field(8, ge=1)
    poll_interval: float = Field(1.0, gt=0)


class PrivacySection(_Section):
    controller: str = "Komendant Miejski Policji w Koninie (PRZYKŁAD)"
    dpo_contact: str = "iod.kmp@konin.przyklad.invalid"
    report_retention_days: int = Field(365, ge=1)
    report_max_age_days: int = Field(730, ge=1)
    user_retention_days: int = Field(365, ge=1)
    outbox_retention_days: int = Field(30, ge=1)
    retention_interval_minutes: float = Field(60, gt=0)
    public_grid_m: float = Field(200, ge=10)
    sensitive_categories: tuple[str, ...] = (
        "drugs",
        "youth_groups",
        "public_drinking",
        "begging",
        "homeless_person",
        "animal_cruelty",
    )
    duplicate_lookups_per_day: int = Field(10, ge=0)


class LookupSection(_Section):
    border_tolerance_m: float = Field(30, ge=0)
    default_locality: str = "Konin"
    streets_per_page: int = Field(40, ge=1)
    crossing_max_m: float = Field(800, ge=0)
    geocoding_enabled: bool = False
    nominatim_domain: str = "nominatim.openstreetmap.org"
    geocoding_user_agent: str = "razem-dla-bezpieczenstwa-konin"
    geocoding_min_interval: float = Field(1.0, ge=0)
    geocoding_timeout: float = Field(5.0, gt=0)
    geocoding_cache_size: int = Field(1000, ge=1)
    geocoding_cache_hours: float = Field(24, ge=0)
    # A shared pin's coordinates link here; {lat} and {lon} are filled in.
    map_link: str = Field(
        "https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=18/{lat}/{lon}",
        pattern=r"^https://.*\{lat\}.*\{lon\}|^https://.*\{lon\}.*\{lat\}",
    )


class ReportsSection(_Section):
    reference_prefix: str = Field("KN", pattern=r"^[A-Z]{1,6}$")
    description_max_length: int = Field(1000, ge=1, le=3500)
    max_photos: int = Field(3, ge=0, le=10)
    reply_window_hours: float = Field(48, gt=0)
    max_photo_bytes: int = Field(20_000_000, ge=1)
    photo_max_side: int = Field(2560, ge=64)
    photo_decode_memory_mb: int = Field(1024, ge=1)
    duplicate_radius_m: float = Field(250, ge=0)
    duplicate_max_age_days: int = Field(30, ge=0)
    duplicate_house_numbers: int = Field(10, ge=0)
    draft_ttl_days: int = Field(7, ge=1)
    max_reports_per_day: int = Field(3, ge=1)
    flood_messages: int = Field(20, ge=1)
    flood_presses: int = Field(60, ge=1)
    max_reopens_per_report: int = Field(3, ge=0)
    max_reopens_per_day: int = Field(3, ge=0)
    flood_window_seconds: float = Field(60, gt=0)


class OfficersSection(_Section):
    invite_ttl_hours: float = Field(24, gt=0)
    max_invite_failures: int = Field(5, ge=1)
    bot_username: str = Field("", pattern=r"^@?([A-Za-z0-9_]{5,32})?$")


class DeadlinesSection(_Section):
    take_within_hours: float = Field(48, gt=0)
    verify_within_days: float = Field(5, gt=0)
    scan_interval_minutes: float = Field(10, gt=0)
    digest_hour: int = Field(8, ge=0, le=23)
    partner_answer_hours: float = Field(24, gt=0)


class WebchatSection(_Section):
    port: int = Field(8090, ge=0, le=65535)
    sqlite_path: Path = Path("var/webchat.sqlite3")


class Config(BaseSettings):
    """Every non-secret setting; config.toml values, overridden by RDB_SECTION__KEY variables."""

    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX,
        env_nested_delimiter="__",
        extra="forbid",
        frozen=True,
    )

    bot: BotSection = BotSection()
    telegram: TelegramSection = TelegramSection()
    webhook: WebhookSection = WebhookSection()
    database: DatabaseSection = DatabaseSection()
    pipeline: PipelineSection = PipelineSection()
    delivery: DeliverySection = DeliverySection()
    privacy: PrivacySection = PrivacySection()
    lookup: LookupSection = LookupSection()
    reports: ReportsSection = ReportsSection()
    officers: OfficersSection = OfficersSection()
    deadlines: DeadlinesSection = DeadlinesSection()
    webchat: WebchatSection = WebchatSection()

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # The file's values arrive as init arguments; the environment must win over them.
        return (env_settings, init_settings)


@dataclass(frozen=True)
class Secrets:
    """Secrets, read from the environment only."""

    bot_token: str | None
    database_url: str | None
    webhook_secret: str | None

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Secrets:
        """Read the secret variables; empty values count as unset."""
        env = os.environ if environ is None else environ
        return cls(
            bot_token=env.get("TELEGRAM_BOT_TOKEN") or None,
            database_url=env.get("DATABASE_URL") or None,
            webhook_secret=env.get("WEBHOOK_SECRET") or None,
        )

    def masked(self) -> dict[str, str]:
        """Describe which secrets are set without revealing them."""
        return {
            "TELEGRAM_BOT_TOKEN": _mask(self.bot_token),
            "DATABASE_URL": _mask_url(self.database_url),
            "WEBHOOK_SECRET": _mask(self.webhook_secret),
        }


class ConfigError(Exception):
    """The configuration is unusable; `problems` lists every reason, one per line."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def config_path(explicit: str | Path | None = None) -> Path:
    """Choose the config file: the explicit one, RDB_CONFIG, or ./config.toml."""
    if explicit:
        return Path(explicit)
    return Path(os.environ.get("RDB_CONFIG") or DEFAULT_CONFIG_PATH)


def load_config(path: Path | None = None) -> Config:
    """Read the TOML file (if present), apply environment overrides, validate everything."""
    path = config_path(path)
    data: dict[str, Any] = {}
    problems: list[str] = []
    if path.exists():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError([f"{path}: not valid TOML: {exc}"]) from exc
    elif path != DEFAULT_CONFIG_PATH:
        raise ConfigError([f"{path}: config file not found"])
    try:
        return Config(**data)
    except ValidationError as exc:
        for err in exc.errors():
            where = ".".join(str(part) for part in err["loc"])
            problems.append(f"{where}: {err['msg']}")
        raise ConfigError(problems) from None


def check_secrets(secrets: Secrets, mode: str) -> list[str]:
    """List the secrets missing or unsafe for a mode ('run', 'webhook', 'check-config', ...)."""
    problems = []
    if mode in {"run", "webhook"} and not secrets.bot_token:
        problems.append(
            "TELEGRAM_BOT_TOKEN is not set: create a bot with @BotFather in Telegram "
            "(/newbot), then `export TELEGRAM_BOT_TOKEN=...` and start again. "
            "To try the bot without Telegram: `make run` without a token opens a local web chat."
        )
    if mode == "webhook" and not secrets.webhook_secret:
        problems.append(
            "WEBHOOK_SECRET is not set: choose a random string of 1-256 characters "
            "(A-Z, a-z, 0-9, _ and -), e.g. `export WEBHOOK_SECRET=$(openssl rand -hex 32)`."
        )
    if mode in {"webhook", "check-config"} and secrets.webhook_secret:
        problems += webhook_secret_problems(secrets.webhook_secret)
    return problems


def webhook_secret_problems(secret: str) -> list[str]:
    """Say why a webhook secret is unsafe or unusable (its value is never repeated)."""
    if len(secret) < WEBHOOK_SECRET_MIN:
        return [
            f"WEBHOOK_SECRET has {len(secret)} characters; at least {WEBHOOK_SECRET_MIN} are "
            "needed so it cannot be guessed, e.g. `export WEBHOOK_SECRET=$(openssl rand -hex 32)`."
        ]
    if len(secret) > WEBHOOK_SECRET_MAX or not _WEBHOOK_SECRET_CHARS.match(secret):
        return [
            f"WEBHOOK_SECRET must be at most {WEBHOOK_SECRET_MAX} characters of A-Z, a-z, 0-9, "
            "_ and - (Telegram refuses others)."
        ]
    return []


def _mask(value: str | None) -> str:
    if not value:
        return "(not set)"
    return "***" + (value[-2:] if len(value) > 8 else "")


# Query parameters of a database URL that carry a secret (asyncpg and libpq accept them).
_SECRET_QUERY_KEYS = ("password", "passfile", "sslpassword", "sslkey", "secret", "token")


def _mask_url(url: str | None) -> str:
    """Show where the database is, never its password (in the userinfo or the query)."""
    if not url:
        return "(not set: SQLite file from [database] sqlite_path)"
    # Imported here: only check-config shows the URL, and SQLAlchemy is a third of a second of
    # start-up that commands without a database (or with their own engine later) need not pay.
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        # Unparseable: it may still hold a password, so show nothing of it.
        return "(set, but not a valid database URL)"
    if parsed.password is not None:
        parsed = parsed.set(password="***")
    query = {
        key: "***" if any(word in key.lower() for word in _SECRET_QUERY_KEYS) else value
        for key, value in parsed.query.items()
    }
    rendered = parsed.set(query=query).render_as_string(hide_password=False)
    # The URL renderer percent-encodes the stars; people read them better as they are.
    return rendered.replace("%2A%2A%2A", "***")
