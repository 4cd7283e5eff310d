import pytest
from django.db.migrations.recorder import MigrationRecorder

pytestmark = pytest.mark.django_db


def test_healthy_when_database_reachable_and_migrated(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_unavailable_when_a_migration_is_pending(client):
    MigrationRecorder.Migration.objects.filter(app="home").delete()
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["pending_migrations"] >= 1


def test_unavailable_when_database_unreachable():
    from django.db import connection
    from django.db.utils import load_backend

    from portal.health import database_status

    broken = dict(connection.settings_dict)
    if connection.vendor == "sqlite":
        broken["NAME"] = "/nonexistent-dir/db.sqlite3"
    else:
        broken.update(HOST="127.0.0.1", PORT="1")
    wrapper = load_backend(broken["ENGINE"]).DatabaseWrapper(broken, alias="broken")
    try:
        status, body = database_status(wrapper)
    finally:
        wrapper.close()
    assert status == 503
    assert body == {"status": "error", "database": "unreachable"}
