"""Shared fixtures: the demo site, built once per test session and restored for each test.

`demo_site` used to run `load_demo` for every test that asked for it (seconds each). Now
`load_demo` runs once per session, its rows are captured (tests/database_snapshot.py) and
rolled back, and each test gets exactly those rows back in milliseconds. Tests that do not
ask for the demo keep an empty database. `database_snapshots` does the same for any other
data set a conftest wants to build once (see `DatabaseSnapshots.install`).
"""

import io
import os
import time
from contextlib import contextmanager

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.test import override_settings

from tests.database_snapshot import TableSnapshot, project_tables, row_counts

pytest_plugins = ["tests.frozen_time"]

DEMO_PASSWORD = "demo-Password-123"


@contextmanager
def demo_environment(var_dir, password=DEMO_PASSWORD):
    """What `load_demo` reads besides the database: credentials stay out of var/."""
    previous = os.environ.get("DEMO_PASSWORD")
    os.environ["DEMO_PASSWORD"] = password
    try:
        with override_settings(VAR_DIR=var_dir):
            yield
    finally:
        if previous is None:
            os.environ.pop("DEMO_PASSWORD", None)
        else:
            os.environ["DEMO_PASSWORD"] = previous


def clear_process_caches():
    """Restored rows bypass model signals: drop what processes cache about the database."""
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()
    for cache in caches.all(initialized_only=True):
        cache.clear()


class DatabaseSnapshots:
    """Data sets built once per session, then restored into each test that wants one.

    `restore(name, build)` runs `build()` the first time (inside a transaction that is
    rolled back afterwards, keeping its rows), and from then on replaces the database's
    content with those rows. A restore replaces every project table, so it only happens
    while the database holds nothing beyond what migrations put there (no rows added by
    this test so far); otherwise it returns False and the caller builds in place, exactly
    as before.
    """

    def __init__(self, baseline_counts):
        self.baseline_counts = baseline_counts
        self.snapshots = {}
        self.stats = {}

    def restore(self, name, build, using=DEFAULT_DB_ALIAS) -> bool:
        connection = connections[using]
        stats = self.stats.setdefault(name, {"built": 0.0, "restored": 0, "declined": 0})
        if not self._untouched(connection):
            stats["declined"] += 1
            return False
        if name not in self.snapshots:
            started = time.monotonic()
            with transaction.atomic(using=using):
                build()
                self.snapshots[name] = TableSnapshot.capture(connection)
                transaction.set_rollback(True, using=using)
            stats["built"] = time.monotonic() - started
        self.snapshots[name].restore(connection)
        clear_process_caches()
        stats["restored"] += 1
        return True

    def _untouched(self, connection):
        counts = row_counts(connection, list(self.baseline_counts))
        return all(counts[table] <= baseline for table, baseline in self.baseline_counts.items())


def pytest_sessionstart(session):
    """Plain `pytest` on a fresh clone works: compile the Chinese catalogue (.mo files are
    built, not committed) before any test translates a string. `make` does it too."""
    from pathlib import Path

    from django.utils.translation import reloader

    from portal.catalogue import compile_catalogues

    compile_catalogues()
    # Django may have read the catalogue while starting (empty if the .mo was missing):
    # drop what it cached, as its autoreloader does when a .mo changes.
    reloader.translation_file_changed(None, Path("django.mo"))


@pytest.fixture(scope="session")
def database_snapshots(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        connection = connections[DEFAULT_DB_ALIAS]
        snapshots = DatabaseSnapshots(row_counts(connection, project_tables(connection)))
    _SESSION_SNAPSHOTS.append(snapshots)
    return snapshots


_SESSION_SNAPSHOTS = []


def load_demo_content():
    call_command("load_demo", stdout=io.StringIO())


@pytest.fixture(autouse=True)
def _demo_before_other_rows(request):
    """A test that uses the demo gets it before any other fixture adds rows, so that the
    fast restore applies (it replaces whole tables)."""
    for name in ("demo_site", "live_demo"):
        if name in request.fixturenames:
            request.getfixturevalue(name)


@pytest.fixture
def demo_site(db, database_snapshots, tmp_path, settings, monkeypatch):
    """The demo site as `load_demo` builds it (DEMO_PASSWORD "demo-Password-123"), with
    credentials kept out of var/. Returns the HomePage."""
    settings.VAR_DIR = tmp_path
    monkeypatch.setenv("DEMO_PASSWORD", DEMO_PASSWORD)
    with demo_environment(tmp_path):
        if not database_snapshots.restore("demo", load_demo_content):
            load_demo_content()
    from home.models import HomePage

    return HomePage.objects.get()


def pytest_terminal_summary(terminalreporter):
    for snapshots in _SESSION_SNAPSHOTS:
        for name, stats in snapshots.stats.items():
            terminalreporter.write_line(
                f"database snapshot {name!r}: built in {stats['built']:.1f} s, restored "
                f"{stats['restored']} times, built in place {stats['declined']} times"
            )
