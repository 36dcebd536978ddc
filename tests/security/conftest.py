"""The report tests' fixtures (the Konin sample on SQLite, services, a clock) for attack tests."""

from tests.usecases.officers.conftest import (  # noqa: F401 - fixtures, found by name
    migrated_template,
    officer_engine,
    officer_services,
    shared,
    world,
)
from tests.usecases.report.conftest import (  # noqa: F401 - fixtures, found by name
    clock,
    report_engine,
    report_services,
    sample_database,
)
