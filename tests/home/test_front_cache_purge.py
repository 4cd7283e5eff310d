"""A content change purges a front cache too (FRONTEND_CACHE_PURGE_URL): every live page's
URL gets a PURGE request, from the task worker. A real HTTP server receives them."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from guidance.models import NoticePage
from home.page_cache.tasks import purge_front_cache


class Recorder(BaseHTTPRequestHandler):
    received: list = []

    def do_PURGE(self):  # noqa: N802 (the HTTP method's name)
        self.received.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def proxy(settings):
    Recorder.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_address[1]}",
        }
    }
    yield Recorder.received
    server.shutdown()


def test_publishing_purges_every_live_page_at_the_proxy(
    demo_site, proxy, django_capture_on_commit_callbacks
):
    notice = NoticePage.objects.live().first()
    with django_capture_on_commit_callbacks(execute=True):
        notice.title = "前端缓存也要清除"
        notice.save_revision().publish()

    paths = {path for _host, path in proxy}
    assert {"/", "/notices/", notice.url, "/policies/", "/organizations/"} <= paths
    assert {host for host, _path in proxy} == {demo_site.get_site().hostname}


def test_without_a_front_cache_nothing_is_sent(demo_site, settings):
    assert not getattr(settings, "WAGTAILFRONTENDCACHE", None)
    assert purge_front_cache.call() == 0
