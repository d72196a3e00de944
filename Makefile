# The documented entry points. `make demo` and `make test` work on a fresh machine.
SHELL := /bin/bash
UV := $(shell command -v uv 2>/dev/null || echo $(HOME)/.local/bin/uv)
RUN := $(UV) run --locked
DEMO_ENV := DEBUG=1

.PHONY: help install demo serve test test-fast lint format eval bench clean messages cli-docs

help:
	@echo "make demo    install, migrate the SQLite database, load demo data, serve on :8000"
	@echo "make test    install, lint and run the whole suite (SQLite, then PostgreSQL)"
	@echo "make lint    ruff check and format check"
	@echo "make format  ruff format and fix"
	@echo "make eval    evaluate the coach on ../shared/data, write docs/coach-evaluation.md"
	@echo "make bench   speed and memory benchmarks against named peers"

install:
	@command -v uv >/dev/null 2>&1 || test -x $(HOME)/.local/bin/uv || python3 -m pip install --user --quiet uv
	$(UV) sync --locked

demo: install
	$(DEMO_ENV) $(RUN) confiance migrate
	$(DEMO_ENV) $(RUN) confiance demo-data --if-empty
	$(DEMO_ENV) $(RUN) confiance serve --host 127.0.0.1 --port 8000

serve: install
	$(DEMO_ENV) $(RUN) confiance serve

test: install
	$(RUN) python scripts/run_tests.py $(PYTEST_ARGS)

test-fast: install
	$(RUN) pytest -x -q $(PYTEST_ARGS)

lint: install
	$(RUN) ruff check .
	$(RUN) ruff format --check .

format: install
	$(RUN) ruff format .
	$(RUN) ruff check --fix .

eval: install
	$(RUN) python -m confiance.coach.evaluate --data ../shared/data --out docs/coach-evaluation.md

bench: install
	$(RUN) python scripts/bench.py

clean:
	rm -rf var/*.sqlite3* .pytest_cache .ruff_cache artifacts

messages: install
	$(RUN) python scripts/messages.py

cli-docs: install
	$(RUN) python scripts/cli_reference.py
