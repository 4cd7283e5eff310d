# The README's two commands: `make run` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check -q
MANAGE := $(PY) manage.py
TEST_ENV := DJANGO_SETTINGS_MODULE=portal.settings.test
PORT ?= 8000

.PHONY: run test lint check bench translations clean-venv

$(PY):
	$(PYTHON) -m venv $(VENV)

$(VENV)/.runtime-installed: requirements.txt | $(PY)
	$(PIP) install -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt | $(PY)
	$(PIP) install -r requirements-dev.txt
	touch $(VENV)/.runtime-installed $@

translations: $(VENV)/.runtime-installed
	$(MANAGE) build_translations -v0

run: $(VENV)/.runtime-installed translations
	$(MANAGE) migrate --noinput -v0
	$(MANAGE) load_demo
	$(MANAGE) run_dev --addr 127.0.0.1:$(PORT)

lint: $(VENV)/.dev-installed
	$(VENV)/bin/ruff check .

check: $(VENV)/.dev-installed translations
	$(TEST_ENV) $(MANAGE) check
	$(TEST_ENV) $(MANAGE) makemigrations --check --dry-run

test: lint check
	$(PY) -m pytest $(PYTEST_ARGS)

bench: $(VENV)/.dev-installed translations
	$(PY) -m pytest benchmarks -p no:cacheprovider $(PYTEST_ARGS)

clean-venv:
	rm -rf $(VENV)
