"""Fixtures of the report and officers' tests for attack tests, and the fuzz figures' summary."""

import pytest

from tests.usecases.officers.conftest import (  # noqa: F401 - fixtures, found by name
    officer_engine,
    officer_services,
    shared,
    world,
)
from tests.usecases.report.conftest import (  # noqa: F401 - fixtures, found by name
    clock,
    report_engine,
    report_services,
)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print the fuzz figures (docs/security.md quotes them) when the fuzz test ran."""
    from tests.security.fuzz import STATS

    if not STATS.cases:
        return
    kinds = ", ".join(f"{kind} {count}" for kind, count in sorted(STATS.actions.items()))
    terminalreporter.write_sep("-", "hostile input (tests/security/test_fuzz.py)")
    terminalreporter.write_line(
        f"fuzz: {STATS.cases} cases, {STATS.updates} updates "
        f"({STATS.private_updates} private, {STATS.dropped_by_flood} dropped by the flood rules), "
        f"{STATS.reports} reports with fuzzed photos, failures: {STATS.failures}"
    )
    terminalreporter.write_line(f"fuzz actions: {kinds}")
