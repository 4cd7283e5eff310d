import pytest
from django.core.cache import cache
from django.utils.functional import empty


@pytest.fixture(autouse=True)
def _fresh_cache_and_private_storage(settings, tmp_path):
    """Rate-limit counters and evidence files never leak between tests."""
    from cases.storage import private_storage

    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    private_storage._wrapped = empty
    cache.clear()
    yield
    cache.clear()
    private_storage._wrapped = empty


@pytest.fixture
def routing_data(db, settings, tmp_path, monkeypatch):
    """The page skeleton, agencies, organizations, demo liaisons and the default routing rules
    (not the full demo content: much faster).

    It asks for `db` in its signature: asked for later (getfixturevalue), pytest-django had
    already decided the test needs no test database, and a file run alone wrote to the
    development database. With `run_on_commit` (which asks for `transactional_db`) in the
    same test, pytest-django makes the database transactional all the same."""
    import io

    from cases.demo import liaisons, routing_rules
    from demo import site_tree
    from directory.demo import agencies, organizations

    settings.VAR_DIR = tmp_path
    monkeypatch.setenv("DEMO_PASSWORD", "demo-Password-123")
    sink = io.StringIO()
    for step in (site_tree, agencies, organizations, liaisons, routing_rules):
        step.load(sink)


@pytest.fixture
def run_on_commit(transactional_db):
    """Real commits, so on-commit work (queuing notifications, removing pending files)
    runs as in production; the immediate task backend then delivers at once."""
