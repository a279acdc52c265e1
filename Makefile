# The two commands: `make demo` and `make test`. Everything else is a helper for them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: demo test test-sqlite test-production lint format install clean messages bench

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/sahafa demo --host $(HOST) --port $(PORT)

# SQLite and local memory always; PostgreSQL and Redis too when their URLs are set.
test: $(STAMP)
	$(BIN)/ruff check sahafa tests bench
	$(BIN)/python -m pytest $(PYTEST_ARGS)
	@if [ -n "$$SAHAFA_TEST_DATABASE_URL" ]; then \
		echo "== again on PostgreSQL and Redis =="; \
		SAHAFA_TEST_BACKEND=production $(BIN)/python -m pytest -m "not browser" $(PYTEST_ARGS); \
	fi

lint: $(STAMP)
	$(BIN)/ruff check sahafa tests bench
	$(BIN)/ruff format --check sahafa tests bench

format: $(STAMP)
	$(BIN)/ruff check --fix sahafa tests bench
	$(BIN)/ruff format sahafa tests bench

# Rebuild the Arabic translation catalogues after changing UI strings (needs gettext).
messages: $(STAMP)
	for app in sahafa/*/; do \
		if [ -d $$app/locale ]; then (cd $$app && ../../$(BIN)/sahafa makemessages -l ar --no-obsolete); fi; \
	done
	$(BIN)/sahafa compilemessages -l ar

clean:
	rm -rf $(VENV) var test-artifacts .pytest_cache
