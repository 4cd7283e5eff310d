"""A real server process (gunicorn) on its own database, for load tests and benchmarks.

SQLite: a fresh file. PostgreSQL: a fresh database next to the one in DATABASE_URL,
dropped afterwards. Data: agencies, organizations, liaisons and the routing rules.
"""

import contextlib
import http.client
import json
import os
import secrets
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .smtp_server import free_port

ROOT = Path(__file__).resolve().parents[2]
GUNICORN_CONFIG = ROOT / "gunicorn.conf.py"
SEED = (
    "import io; from directory.demo import agencies, organizations; "
    "from cases.demo import liaisons, routing_rules; "
    "[m.load(io.StringIO()) for m in (agencies, organizations, liaisons, routing_rules)]"
)


def postgres_url():
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else None


@contextlib.contextmanager
def database(kind, tmp_path):
    if kind == "sqlite":
        yield f"sqlite:///{tmp_path / 'load.sqlite3'}"
        return
    import psycopg

    base = postgres_url()
    name = f"portal_load_{secrets.token_hex(4)}"
    admin = base.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield base.rsplit("/", 1)[0] + "/" + name
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _environment(database_url, tmp_path, settings_module):
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE=settings_module,
        DATABASE_URL=database_url,
        VAR_DIR=str(tmp_path),
        DEMO_PASSWORD="Load-Test-Pass-1",
        DB_CONN_MAX_AGE="60",
    )
    return env


@contextlib.contextmanager
def live_server(kind, tmp_path, workers=2, threads=8, settings_module="portal.settings.test"):
    """gunicorn with gunicorn.conf.py. The default shape (2 workers x 8 threads) puts 16
    requests in flight at once, to stress concurrent writers; workers=None, threads=None
    keep the production shape of the config file."""
    with database(kind, tmp_path) as url:
        env = _environment(url, tmp_path, settings_module)
        manage = [sys.executable, str(ROOT / "manage.py")]
        subprocess.run([*manage, "migrate", "--noinput", "-v0"], env=env, check=True, cwd=ROOT)  # noqa: S603
        subprocess.run([*manage, "shell", "-v0", "-c", SEED], env=env, check=True, cwd=ROOT)  # noqa: S603
        port = free_port()
        gunicorn = Path(sys.executable).with_name("gunicorn")
        shape = []
        if workers is not None:
            shape += ["--workers", str(workers)]
        if threads is not None:
            shape += ["--threads", str(threads)]
        process = subprocess.Popen(  # noqa: S603
            [
                str(gunicorn),
                "--config",
                str(GUNICORN_CONFIG),
                "--bind",
                f"127.0.0.1:{port}",
                *shape,
                "--log-level",
                "warning",
            ],
            env=env,
            cwd=ROOT,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            _wait_until_up(base, process)
            yield Server(base, env, manage, process.pid)
        finally:
            process.terminate()
            process.wait(timeout=20)


class Server:
    def __init__(self, url, env, manage, pid):
        self.url, self.env, self.manage, self.pid = url, env, manage, pid

    def cpu_seconds(self) -> float | None:
        """CPU time used so far by gunicorn's master and its live workers (Linux /proc;
        None elsewhere)."""
        processes = Path("/proc")
        if not (processes / str(self.pid)).exists():
            return None
        tick = os.sysconf("SC_CLK_TCK")
        total = 0.0
        for entry in processes.iterdir():
            if not entry.name.isdigit():
                continue
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:  # the process ended meanwhile
                continue
            if int(entry.name) == self.pid or int(fields[1]) == self.pid:
                total += (int(fields[11]) + int(fields[12])) / tick  # utime + stime
        return total

    def shell(self, code: str) -> str:
        result = subprocess.run(  # noqa: S603
            [*self.manage, "shell", "-v0", "-c", code],
            env=self.env,
            check=True,
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        return result.stdout.strip()


def _wait_until_up(base, process, timeout=120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("the server process exited")
        with contextlib.suppress(OSError):
            urllib.request.urlopen(base + "/healthz", timeout=2)  # noqa: S310
            return
        time.sleep(0.3)
    raise RuntimeError("the server did not start")


def post_json(url, payload, timeout=60):
    """(status, body, seconds) for a JSON POST."""
    request = urllib.request.Request(  # noqa: S310
        url,
        data=json.dumps(payload).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return response.status, json.loads(response.read()), time.perf_counter() - started
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}"), time.perf_counter() - started


class JsonClient:
    """One HTTP connection, kept open while the server allows (gthread workers do, sync
    workers close after each response, and the next request reconnects): a light client
    for load tests that share the CPU with the server."""

    def __init__(self, url, timeout=60):
        parts = urllib.parse.urlsplit(url)
        self.path = parts.path or "/"
        self.connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)

    def post(self, payload) -> tuple[int, dict, float]:
        """(status, body, seconds) for a JSON POST."""
        data = json.dumps(payload).encode()
        started = time.perf_counter()
        self.connection.request("POST", self.path, data, {"Content-Type": "application/json"})
        response = self.connection.getresponse()
        body = response.read()
        seconds = time.perf_counter() - started
        if response.will_close:
            self.connection.close()
        return response.status, json.loads(body or b"{}"), seconds

    def close(self):
        self.connection.close()


def post_concurrently(url: str, payloads: list[dict]) -> list:
    """POST every body at once (one thread each): [(status, body, seconds), ...]."""
    with ThreadPoolExecutor(max_workers=len(payloads)) as pool:
        return list(pool.map(lambda payload: post_json(url, payload), payloads))
