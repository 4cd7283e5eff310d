import datetime
import io
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.cache import cache
from django.utils.functional import empty


@pytest.fixture(autouse=True)
def _fresh_cache_and_private_storage(settings, tmp_path):
    from cases.storage import private_storage

    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    private_storage._wrapped = empty
    cache.clear()
    yield
    cache.clear()
    private_storage._wrapped = empty


def _build_casework_data():
    from cases.demo import liaisons, routing_rules
    from casework.demo import staff
    from demo import site_tree
    from directory.demo import agencies, mediators, organizations, staff_access

    sink = io.StringIO()
    steps = (site_tree, agencies, organizations, mediators, liaisons, routing_rules, staff)
    for step in (*steps, staff_access):
        step.load(sink)


def _load_casework_data(database_snapshots, settings, tmp_path, monkeypatch):
    """Built once per session, then restored into each test (tests/conftest.py)."""
    from tests.conftest import DEMO_PASSWORD, demo_environment

    settings.VAR_DIR = tmp_path
    monkeypatch.setenv("DEMO_PASSWORD", DEMO_PASSWORD)
    with demo_environment(tmp_path):
        if not database_snapshots.restore("casework", _build_casework_data):
            _build_casework_data()


@pytest.fixture
def casework_data(db, database_snapshots, settings, tmp_path, monkeypatch):
    """Agencies, organizations, mediators, routing rules, liaisons and the demo case staff
    (`<code>` handlers, `<code>-head` heads, password "demo-Password-123"): what casework
    needs, without the pages."""
    _load_casework_data(database_snapshots, settings, tmp_path, monkeypatch)


@pytest.fixture
def casework_data_committed(transactional_db, database_snapshots, settings, tmp_path, monkeypatch):
    """The same data, really committed (live-server and on-commit tests)."""
    _load_casework_data(database_snapshots, settings, tmp_path, monkeypatch)


@pytest.fixture
def after_the_referrals_arrive():
    """Referrals in the tests arrive on Monday 2 March 2026 at 09:30 (referral_payload),
    and the tests pin the deadlines the law gives from that day: "now" is that afternoon,
    whatever day the tests run on (or are frozen at by `make test-dates`)."""
    moment = datetime.datetime(2026, 3, 2, 15, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
    with time_machine.travel(moment, tick=True):
        yield moment
