# flashpoint — two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
DEMO_DB ?= flashpoint.db

.PHONY: install system-deps demo serve test bench clean-demo

## install: create .venv if missing and install flashpoint with its test dependencies
install: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

## system-deps: Debian packages the tests use for real (PostgreSQL server)
system-deps:
	@bash scripts/install-system-deps.sh

## demo: ingest the bundled demo corpus into the embedded database; print its timeline, chains, alerts
demo: install
	$(BIN)/flashpoint ingest examples/corpus --db $(DEMO_DB)
	$(BIN)/flashpoint timeline --db $(DEMO_DB)
	$(BIN)/flashpoint chains --db $(DEMO_DB)
	$(BIN)/flashpoint alerts --db $(DEMO_DB)

## serve: the dashboard and REST API on the demo database (http://127.0.0.1:8000/)
serve: demo
	$(BIN)/flashpoint serve --db $(DEMO_DB) --host 127.0.0.1 --port 8000

## test: the whole suite, against real SQLite, PostgreSQL and the real spaCy model
test: install system-deps
	$(BIN)/python -m pytest -q

## bench: throughput against bare spaCy on the same texts
bench: install
	$(BIN)/python bench/throughput.py

clean-demo:
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
