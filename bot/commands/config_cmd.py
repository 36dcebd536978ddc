"""`python -m bot check-config`: print the effective configuration, secrets masked."""

from __future__ import annotations

import argparse
import json

from bot.commands import Subparsers, add_parser
from bot.config import Config, Secrets


def register(subparsers: Subparsers) -> None:
    """Add `check-config`."""
    parser = add_parser(subparsers, "check-config", "validate and print the effective config")
    # Validates the secrets that are set, too (a short WEBHOOK_SECRET is a problem).
    parser.set_defaults(handler=_check_config, secrets_mode="check-config")


def _check_config(args: argparse.Namespace, config: Config, secrets: Secrets) -> int:
    effective = config.model_dump(mode="json")
    effective["secrets (environment)"] = secrets.masked()
    print(json.dumps(effective, indent=2, ensure_ascii=False))
    print("configuration OK")
    return 0
