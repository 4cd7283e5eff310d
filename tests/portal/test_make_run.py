"""What `make run` starts, started the same way: prepare_site, then the Procfile under
honcho with the demo settings, on a fresh SQLite database in a temporary VAR_DIR.

One server for the module (preparing the demo takes a while); each test checks one
promise of the production-shaped instance. Waits are for conditions, with deadlines.
"""

import contextlib
import http.cookiejar
import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.applications.factories import distinct_api_mediations
from tests.applications.server_process import post_concurrently, post_json
from tests.applications.smtp_server import free_port

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
PASSWORD = "Make-Run-Pass-1"

pytestmark = pytest.mark.timeout(900)


def _environment(var_dir: Path, port: int) -> dict:
    dropped = {"DATABASE_URL", "SECRET_KEY", "REDIS_URL"}  # the embedded default, as cloned
    env = {k: v for k, v in os.environ.items() if k not in dropped}
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.demo",
        VAR_DIR=str(var_dir),
        GUNICORN_BIND=f"127.0.0.1:{port}",
        WAGTAILADMIN_BASE_URL=f"http://127.0.0.1:{port}",
        DEMO_PASSWORD=PASSWORD,
        # 50 submissions from one address: lift the per-address limit for this test only.
        APPLICATION_RATE_LIMIT="1000/h",
        # A small tracking limit, to show it holds across the web workers.
        TRACK_RATE_LIMIT="6/h",
        PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        PYTHONUNBUFFERED="1",
    )
    return env


class Instance:
    def __init__(self, var_dir: Path):
        self.var_dir = var_dir
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = _environment(var_dir, self.port)
        self.process = None
        self.log = var_dir / "honcho.log"

    def manage(self, *args) -> str:
        result = subprocess.run(  # noqa: S603
            [sys.executable, str(ROOT / "manage.py"), *args],
            env=self.env,
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
            timeout=600,
        )
        return result.stdout

    def start(self):
        self.manage("prepare_site", "--addr", f"127.0.0.1:{self.port}")
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(  # noqa: S603
                [str(BIN / "honcho"), "--no-colour", "start", "-f", str(ROOT / "Procfile")],
                env=self.env,
                cwd=ROOT,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        wait_for(lambda: self.get("/healthz")[0] == 200, "the site to answer /healthz")

    def stop(self):
        """What one Ctrl-C does: SIGINT to honcho, which stops every process."""
        self.process.send_signal(signal.SIGINT)
        self.process.wait(timeout=60)

    def get(self, path, opener=None):
        try:
            with (opener or urllib.request.build_opener()).open(self.url + path, timeout=30) as r:
                return r.status, r.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()
        except OSError:
            return None, ""

    def shell(self, code: str) -> str:
        return self.manage("shell", "-v0", "-c", code).strip()


def wait_for(condition, what, timeout=120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.25)
    raise AssertionError(f"timed out waiting for {what}")


def group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.fixture(scope="module")
def instance(tmp_path_factory):
    site = Instance(tmp_path_factory.mktemp("make-run"))
    site.start()
    yield site
    if site.process.poll() is None:
        site.stop()
    with contextlib.suppress(ProcessLookupError):
        os.killpg(site.process.pid, signal.SIGKILL)


def test_debug_is_off_and_unknown_urls_get_the_styled_404(instance):
    status, html = instance.get("/no-such-page/")
    assert status == 404
    assert "页面不存在" in html and 'class="site-header"' in html
    assert "Using the URLconf" not in html and "DEBUG = True" not in html
    status, html = instance.get("/apply/no-such-form/")
    assert status == 404 and "页面不存在" in html


def test_static_files_are_fingerprinted_and_served_by_the_site(instance):
    _status, html = instance.get("/")
    stylesheet = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', html)
    assert stylesheet, "the manifest's fingerprinted name is used"
    assert instance.get(stylesheet.group(1))[0] == 200


def test_every_page_says_it_is_a_demonstration(instance):
    for path in ("/", "/apply/", "/admin/login/"):
        status, html = instance.get(path)
        assert status == 200, path
        assert "演示站点" in html, path


def test_the_secret_key_is_generated_once_and_private(instance):
    key_file = instance.var_dir / "secret-key"
    assert key_file.stat().st_mode & 0o777 == 0o600
    assert len(key_file.read_text().strip()) >= 50


def test_admin_sign_in_works_over_plain_http(instance):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    status, html = instance.get("/admin/login/", opener)
    assert status == 200
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    form = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token, "username": "admin", "password": PASSWORD, "next": "/admin/"}
    ).encode()
    with opener.open(instance.url + "/admin/login/", form, timeout=30) as response:
        assert response.status == 200
        assert response.url.endswith("/admin/")
        assert 'href="/admin/logout/"' in response.read().decode() or any(
            cookie.name == "sessionid" for cookie in jar
        )


def test_50_concurrent_submissions_are_all_stored_and_notified(instance):
    payloads = distinct_api_mediations(50, phone_prefix="139")
    results = post_concurrently(instance.url + "/api/v1/applications", payloads)
    statuses = [status for status, _body, _seconds in results]
    assert statuses == [201] * 50, [body for status, body, _s in results if status != 201][:3]
    references = {body["reference"] for _status, body, _seconds in results}
    assert len(references) == 50
    stored = instance.shell(
        "from cases.models import Case; "
        f"print(Case.objects.filter(reference__in={sorted(references)!r}).count())"
    )
    assert stored == "50"

    # The task worker handles each case's SMS to the applicant: the demo has no gateway,
    # so each ends "not sent" (ADR 0042), never "sent".
    def handled():
        counts = instance.shell(
            "from cases.models import Notification; "
            "sms = Notification.objects.filter(channel='sms'); "
            "print(sms.filter(status='not_sent').count(), sms.filter(status='sent').count())"
        )
        not_sent, sent = map(int, counts.split())
        assert sent == 0
        return not_sent >= 50

    wait_for(handled, "the worker to handle 50 SMS notifications")


def headers_of(url: str) -> tuple[int, dict, str]:
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 (local test URL)
        return response.status, dict(response.headers), response.read().decode()


def test_a_change_published_from_another_process_shows_on_the_next_request(instance):
    """The page cache lives in the shared cache (files under var/): a page stored by one
    worker is a hit in every worker, and a publish from `manage.py shell` (another process)
    purges it for all of them."""
    for _ in range(4):  # enough requests to reach more than one of the workers
        headers_of(instance.url + "/notices/")
    status, headers, _html = headers_of(instance.url + "/notices/")
    assert status == 200 and headers["X-Page-Cache"] == "hit"
    assert headers["Cache-Control"].startswith("public")

    instance.shell(
        "from guidance.models import NoticePage; "
        "page = NoticePage.objects.live().order_by('pk').first(); "
        "page.title = '跨进程发布的新标题'; page.save_revision().publish()"
    )
    for _ in range(4):
        status, headers, html = headers_of(instance.url + "/notices/")
        assert status == 200
        assert "跨进程发布的新标题" in html


def test_the_tracking_limit_holds_across_the_web_workers(instance):
    """TRACK_RATE_LIMIT is 6/h here; three gunicorn workers share one count."""
    statuses = []
    for index in range(8):
        body = {"reference": "SZ-2345-6789-A", "phone": f"137{index:08d}"}
        status, _body, _seconds = post_json(instance.url + "/api/v1/track", body)
        statuses.append(status)
    assert statuses[:6] == [404] * 6, statuses
    assert statuses[6:] == [429, 429], statuses


def test_the_scheduler_runs_and_its_jobs_run_in_the_worker(instance):
    wait_for(lambda: "Scheduler running" in instance.log.read_text(), "the scheduler to start")
    output = instance.manage("run_scheduler", "--enqueue", "publish_scheduled")
    task_id = output.strip().rsplit(" ", 1)[-1]

    def finished():
        return (
            instance.shell(
                "from django_tasks_db.models import DBTaskResult; "
                f"print(DBTaskResult.objects.get(id='{task_id}').status)"
            )
            == "SUCCESSFUL"
        )

    wait_for(finished, "the worker to run the scheduled job")


def test_ctrl_c_stops_everything_and_a_second_start_keeps_the_data(instance):
    count = instance.shell("from cases.models import Case; print(Case.objects.count())")
    pgid = instance.process.pid
    instance.stop()
    wait_for(lambda: not group_alive(pgid), "every process to stop", timeout=60)
    assert instance.get("/healthz")[0] is None
    instance.start()
    again = instance.shell("from cases.models import Case; print(Case.objects.count())")
    assert again == count
    body = json.loads(instance.get("/healthz")[1])
    assert body["status"] == "ok"
