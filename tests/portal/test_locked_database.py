"""A database locked beyond the busy timeout: readers still read, writers get a 503 with
Retry-After (JSON on the API, the plain styled page elsewhere), nothing half-stored, and
the site works again as soon as the lock goes. Real gunicorn on a SQLite file."""

import http.cookiejar
import json
import re
import sqlite3
import urllib.error
import urllib.parse
import urllib.request

import pytest

from tests.applications.factories import api_mediation
from tests.applications.server_process import live_server, post_json

pytestmark = pytest.mark.timeout(300)


@pytest.fixture
def server(tmp_path, monkeypatch):
    monkeypatch.setenv("SQLITE_BUSY_TIMEOUT", "1")
    with live_server("sqlite", tmp_path, workers=2, threads=1) as running:
        running.shell(
            "from django.contrib.auth import get_user_model; "
            "get_user_model().objects.create_superuser('boss', 'b@example.invalid', 'Pw-123456!')"
        )
        yield running, tmp_path / "load.sqlite3"


def hold_write_lock(path):
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("BEGIN IMMEDIATE")
    return connection


def count_cases(server) -> str:
    return server.shell("from cases.models import Case; print(Case.objects.count())")


def test_api_writer_gets_json_503_while_readers_read(server):
    running, path = server
    lock = hold_write_lock(path)
    try:
        with urllib.request.urlopen(running.url + "/healthz", timeout=30) as response:  # noqa: S310
            assert response.status == 200  # a reader is not blocked by the writer
        request = urllib.request.Request(  # noqa: S310
            running.url + "/api/v1/applications",
            data=json.dumps(api_mediation()).encode(),
            headers={"Content-Type": "application/json"},
            method="POST",
        )
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=30)  # noqa: S310
        assert refused.value.code == 503
        assert refused.value.headers["Retry-After"] == "10"
        assert refused.value.headers["Content-Type"] == "application/json"
        body = json.loads(refused.value.read())
        assert body["errors"] == [] and "繁忙" in body["detail"]
    finally:
        lock.rollback()
        lock.close()
    assert count_cases(running) == "0"
    status, body, _seconds = post_json(running.url + "/api/v1/applications", api_mediation())
    assert status == 201 and body["reference"]


def test_page_writer_gets_the_styled_503(server):
    running, path = server
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    with opener.open(running.url + "/admin/login/", timeout=30) as response:
        token = re.search(
            r'name="csrfmiddlewaretoken" value="([^"]+)"', response.read().decode()
        ).group(1)
    form = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token, "username": "boss", "password": "Pw-123456!"}
    ).encode()
    lock = hold_write_lock(path)
    try:
        with pytest.raises(urllib.error.HTTPError) as refused:
            opener.open(running.url + "/admin/login/", form, timeout=30)
        assert refused.value.code == 503
        assert refused.value.headers["Retry-After"] == "10"
        html = refused.value.read().decode()
        assert "服务繁忙" in html and "<!DOCTYPE html>" in html and "Traceback" not in html
    finally:
        lock.rollback()
        lock.close()
    with opener.open(running.url + "/admin/login/", form, timeout=30) as response:
        assert response.status == 200 and response.url.endswith("/admin/")
