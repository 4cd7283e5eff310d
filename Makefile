# The README's two commands: `make run` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check -q
MANAGE := $(PY) manage.py
TEST_ENV := DJANGO_SETTINGS_MODULE=portal.settings.test
PORT ?= 8000

# Machine-wide caches outside the clone (ADR 0018): a wheelhouse per set of requirements
# and Python, so later clones install without asking the package index, and the migrated
# development schema (portal/schema_cache.py). Deleting the folder only costs time.
PORTAL_CACHE_DIR ?= $(or $(XDG_CACHE_HOME),$(HOME)/.cache)/suizhou-portal
export PORTAL_CACHE_DIR
WHEELHOUSE := $(PORTAL_CACHE_DIR)/wheels/$(shell $(PYTHON) -c 'import hashlib, sys, sysconfig; h = hashlib.sha256(f"{sys.version} {sysconfig.get_platform()}".encode()); [h.update(open(name, "rb").read()) for name in sys.argv[1:]]; print(h.hexdigest()[:16])' requirements.txt requirements-dev.txt)

.PHONY: run dev test test-dates lint check bench translations clean-venv

# No pip in the virtualenv yet: it comes from the wheelhouse with everything else.
$(PY):
	$(PYTHON) -m venv --without-pip $(VENV)

# $(call install,<requirements file>): the first time on a machine, fill the wheelhouse
# from the package index (what a plain install would download anyway); then install from
# it alone, without byte-compiling (Python compiles what it imports, once). When the
# wheelhouse cannot be filled, install from the index as usual.
define install
	@wheels='$(WHEELHOUSE)'; done="$$wheels/$(basename $(1)).complete"; \
	if [ ! -f "$$done" ]; then \
	  echo "Filling the wheelhouse $$wheels (once per machine and requirements)"; \
	  $(PY) -m pip --version >/dev/null 2>&1 || $(PY) -m ensurepip --default-pip >/dev/null || exit 1; \
	  partial="$$wheels.partial-$$$$"; \
	  if mkdir -p "$$partial" && $(PIP) wheel -w "$$partial" pip -r $(1) \
	      && mkdir -p "$$wheels" && mv -f "$$partial"/*.whl "$$wheels"/; then \
	    touch "$$done"; \
	  fi; \
	  rm -rf "$$partial"; \
	fi; \
	if [ -f "$$done" ]; then \
	  $(PY) "$$(ls "$$wheels"/pip-*.whl | tail -n 1)/pip" install --disable-pip-version-check \
	    -q --no-index --find-links "$$wheels" --no-compile pip -r $(1); \
	else \
	  echo "No wheelhouse: installing from the package index"; \
	  $(PIP) install -r $(1); \
	fi
endef

$(VENV)/.runtime-installed: requirements.txt | $(PY)
	$(call install,requirements.txt)
	touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt | $(PY)
	$(call install,requirements-dev.txt)
	touch $(VENV)/.runtime-installed $@

translations: $(VENV)/.runtime-installed
	$(MANAGE) build_translations -v0

# Production-shaped on the embedded default (ADR 0021): portal.settings.demo (DEBUG off,
# a secret key generated once into var/), prepared in one process, then the Procfile's
# gunicorn, task worker and scheduler under honcho; one Ctrl-C stops them all.
RUN_ENV := DJANGO_SETTINGS_MODULE=portal.settings.demo GUNICORN_BIND=127.0.0.1:$(PORT) \
	WAGTAILADMIN_BASE_URL=http://127.0.0.1:$(PORT) PATH="$(CURDIR)/$(VENV)/bin:$$PATH"
run: $(VENV)/.runtime-installed
	$(RUN_ENV) $(MANAGE) prepare_site --addr 127.0.0.1:$(PORT)
	$(RUN_ENV) exec $(VENV)/bin/honcho --no-colour start -f Procfile

# Development: runserver with autoreload and DEBUG, the task worker and the scheduler.
dev: $(VENV)/.runtime-installed
	$(MANAGE) run_dev --addr 127.0.0.1:$(PORT)

lint: $(VENV)/.dev-installed
	$(VENV)/bin/ruff check .

check: $(VENV)/.dev-installed translations
	$(TEST_ENV) $(MANAGE) check
	$(TEST_ENV) $(MANAGE) makemigrations --check --dry-run

test: lint check
	$(PY) -m pytest $(PYTEST_ARGS)

# The date-sensitive tests (marked `dates`, tests/frozen_time.py) once at each instant of
# tests/frozen_time.INSTANTS: weekends, the Spring Festival, National Day, New Year's
# morning (another date in UTC) and a year beyond the holiday package's data.
DATE_INSTANTS := friday-evening saturday before-spring-festival after-spring-festival \
	national-day-eve new-year-morning beyond-holiday-data
test-dates: $(VENV)/.dev-installed translations
	@set -e; for instant in $(DATE_INSTANTS); do \
	  echo "== tests marked dates at $$instant"; \
	  $(PY) -m pytest -m dates --frozen-at=$$instant -q $(PYTEST_ARGS); \
	done

bench: $(VENV)/.dev-installed translations
	$(PY) -m pytest benchmarks -p no:cacheprovider $(PYTEST_ARGS)

clean-venv:
	rm -rf $(VENV)
