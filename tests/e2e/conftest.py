"""Real-browser tests: Playwright drives the system Chromium against a live test server.

Without Chromium these tests skip with a message, or fail when CI is set.
"""

import os
import shutil

import pytest

# Playwright's sync API runs an event loop in this thread; Django's ORM refuses to run
# in a thread with a running loop unless told it is safe (the tests own the thread).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_CANDIDATES = ["chromium", "chromium-browser", "google-chrome", "chrome"]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"viewport": {"width": 375, "height": 740}, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}


def find_chromium():
    explicit = os.environ.get("CHROMIUM_PATH")
    if explicit:
        return explicit if os.path.exists(explicit) else None
    for name in CHROMIUM_CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium_browser():
    executable = find_chromium()
    if executable is None:
        message = (
            "Chromium was not found (set CHROMIUM_PATH or install the distribution's "
            "chromium package): the browser tests cannot run."
        )
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


class PageProbe:
    """A browser page that records console errors and failed requests."""

    def __init__(self, page):
        self.page = page
        self.errors = []
        page.on("console", lambda msg: msg.type == "error" and self.errors.append(msg.text))
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))


def _open(browser, options, java_script=True):
    context = browser.new_context(locale="zh-CN", java_script_enabled=java_script, **options)
    context.set_default_timeout(15000)
    return context


@pytest.fixture
def browser_context_factory(chromium_browser):
    contexts = []

    def make(options=DESKTOP, java_script=True):
        context = _open(chromium_browser, options, java_script)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


BROWSER_PASSWORD = "Demo-Browser-Pass-1"


@pytest.fixture
def live_demo(live_server, transactional_db, database_snapshots, tmp_path, settings, monkeypatch):
    """A live server with the demo content loaded (committed: the server's thread sees it).

    Demo users sign in with BROWSER_PASSWORD, as if `load_demo` had run with it."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password

    from tests.conftest import demo_environment, load_demo_content

    settings.VAR_DIR = tmp_path
    monkeypatch.setenv("DEMO_PASSWORD", BROWSER_PASSWORD)
    with demo_environment(tmp_path):
        restored = database_snapshots.restore("demo", load_demo_content)
    if restored:  # every user is a demo user
        get_user_model().objects.update(password=make_password(BROWSER_PASSWORD))
    else:
        with demo_environment(tmp_path, BROWSER_PASSWORD):
            load_demo_content()
    return live_server.url
