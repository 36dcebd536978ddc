# The two commands a new machine needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run trial test lint typecheck pytest drill fuzz bench install clean

# Some machines set PYTHONDONTWRITEBYTECODE=1; then every Python process (each test worker, each
# bot process a test starts) compiles the project and rewrites the tests' asserts anew: about
# 5 s of CPU per test worker. Compiled files go to __pycache__/ (ignored by git).
unexport PYTHONDONTWRITEBYTECODE

$(STAMP): pyproject.toml devtools/pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]' -e ./devtools
	touch $(STAMP)

install: $(STAMP)

# With TELEGRAM_BOT_TOKEN: applies migrations and starts the bot with long polling.
# Without it: the local web chat (devtools/webchat) on 127.0.0.1, [webchat] port of config.toml.
run: $(STAMP)
	@if [ -n "$$TELEGRAM_BOT_TOKEN" ]; then \
		$(BIN)/python -m bot db upgrade && exec $(BIN)/python -m bot run; \
	else \
		exec $(BIN)/python -m devtools.webchat; \
	fi

# A local trial without Telegram: the bot talks to the project's local Bot API server and you type
# as a resident (">label" presses a button, "@52.2275,18.2614" shares a location). Own database.
TRIAL_ENV := TELEGRAM_BOT_TOKEN=100000:local-trial-token \
	RDB_TELEGRAM__API_BASE_URL=http://127.0.0.1:8089/bot \
	RDB_TELEGRAM__FILE_BASE_URL=http://127.0.0.1:8089/file/bot \
	RDB_TELEGRAM__POLL_TIMEOUT=1 RDB_DATABASE__SQLITE_PATH=var/trial.sqlite3
trial: $(STAMP)
	@mkdir -p var
	@env $(TRIAL_ENV) $(BIN)/python -m bot run > var/trial-bot.log 2>&1 & bot=$$!; \
	trap 'kill $$bot 2>/dev/null' EXIT INT TERM; \
	env $(TRIAL_ENV) sh -c '$(BIN)/python -m devtools.localapi --port 8089 --token "$$TELEGRAM_BOT_TOKEN" --user-id 7'

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

# MYPY_NICE: a command put before mypy (make test gives it the lowest CPU priority).
MYPY_NICE ?=
typecheck: $(STAMP)
	$(MYPY_NICE) $(BIN)/mypy

# Tests in TEST_WORKERS processes (most of a test's time is spent waiting for the bot or the
# local server, so more workers than cores pay; idle workers take tests queued for busy ones);
# the slowest are listed at the end.
TEST_WORKERS ?= 4
pytest: $(STAMP)
	$(BIN)/pytest -n $(TEST_WORKERS) --dist worksteal --durations=15

# The type check (17-21 s of CPU on a new clone, without its cache) runs beside the tests at the
# lowest priority (nice 19), so it takes only the CPU they leave idle while they wait for bots and
# servers; its findings are printed when it ends. At the same priority it slowed them down more
# than it took: `make test` 121 and 125 s against 107 and 107 s niced (docs/benchmarks.md).
test: lint
	@$(MAKE) --no-print-directory -j2 typecheck pytest MYPY_NICE="nice -n 19"

# The reliability drills, full size (minutes): bot processes killed, Telegram unreachable,
# connections cut, bad webhook bodies; prints the figures of docs/reliability.md.
# One drill: make drill DRILL=two-webhooks. PostgreSQL drills need TEST_DATABASE_URL.
drill: $(STAMP)
	$(BIN)/python -m drills $(DRILL)

# The long run of the hostile-input test (make test runs 20 examples; docs/security.md).
FUZZ_EXAMPLES ?= 500
fuzz: $(STAMP)
	FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/pytest tests/security/test_fuzz.py -p no:cacheprovider

# The performance figures of docs/benchmarks.md, each printed beside its goal (minutes; a quiet
# machine gives steadier figures): conversations beside a bare python-telegram-bot echo bot,
# the alert drain under Telegram's limits, the national-scale look-up, start-up and memory.
# PostgreSQL too when TEST_DATABASE_URL is set. BENCH_ARGS go to the conversation benchmark,
# e.g. BENCH_ARGS="--profile bench/profiles" records flame graphs.
BENCH_ARGS ?=
bench: $(STAMP)
	$(BIN)/python bench/conversation_bench.py $(BENCH_ARGS)
	$(BIN)/python bench/drain_bench.py
	$(BIN)/python bench/lookup_bench.py --rules 300000 --districts 8100 --seed 1
	$(BIN)/python bench/memory_bench.py --rules 300000 --districts 8100 --seed 1
	$(BIN)/python bench/startup_bench.py

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache
