import pytest


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, tmp_path_factory):
    """On SQLite, benchmark a database file (as production runs), not pytest's in-memory
    database; WAL and the busy timeout come from the normal settings."""
    from django.conf import settings

    default = settings.DATABASES["default"]
    if default["ENGINE"].endswith("sqlite3"):
        path = tmp_path_factory.mktemp("casework-bench") / "bench.sqlite3"
        default.setdefault("TEST", {})["NAME"] = str(path)
