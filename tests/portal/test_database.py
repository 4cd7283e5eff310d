import pytest
from django.db import connection

pytestmark = pytest.mark.django_db


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite-specific settings")
def test_sqlite_options_queue_writers():
    options = connection.settings_dict["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] >= 5
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA foreign_keys")
        assert cursor.fetchone()[0] == 1


def test_wal_on_file_databases(tmp_path):
    from portal.settings.database import sqlite_database

    config = sqlite_database(tmp_path / "sub" / "db.sqlite3")
    assert (tmp_path / "sub").is_dir()
    assert "journal_mode=WAL" in config["OPTIONS"]["init_command"]


def test_database_url_selects_postgresql(monkeypatch, tmp_path):
    from portal.settings.database import database_from_environment

    monkeypatch.setenv("DATABASE_URL", "postgres://u:p@db.internal:5432/portal")
    config = database_from_environment(tmp_path)
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert config["NAME"] == "portal" and config["HOST"] == "db.internal"
    monkeypatch.delenv("DATABASE_URL")
    assert database_from_environment(tmp_path)["ENGINE"] == "django.db.backends.sqlite3"


def test_sqlite_connections_persist_like_postgresql_ones(monkeypatch, tmp_path):
    # One connection per request would redo its pragmas and, in WAL mode, checkpoint the
    # log whenever the last connection closes (ADR 0020).
    from portal.settings.database import database_from_environment, sqlite_database

    monkeypatch.delenv("DB_CONN_MAX_AGE", raising=False)
    assert sqlite_database(tmp_path / "db.sqlite3")["CONN_MAX_AGE"] == 60
    monkeypatch.setenv("DB_CONN_MAX_AGE", "0")
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'other.sqlite3'}")
    assert database_from_environment(tmp_path)["CONN_MAX_AGE"] == 0
