"""gunicorn settings for production and the benchmarks: `.venv/bin/gunicorn -c gunicorn.conf.py`
from the repository root (ADR 0020).

The site is CPU-bound Python: a request spends almost all its time computing (forms,
routing, the ORM, templates) and very little waiting. Python threads share one interpreter
lock, so threads add no CPU to a worker; they only take turns, and a thread holding
SQLite's write lock then waits for the others' turns, which stretches every writer's
transaction. So: one request at a time per process (sync workers), one process per core
plus one to cover the moments a worker waits (PostgreSQL round trips, disk). Requests
beyond that wait in the listen queue, first come, first served. Sync workers must sit
behind a buffering reverse proxy (nginx's defaults), which receives slow uploads and
sends slow responses, so a worker is never held by a slow phone connection.

Environment: WEB_CONCURRENCY (workers), GUNICORN_THREADS, GUNICORN_BIND,
GUNICORN_TIMEOUT.
"""

import gc
import os
from pathlib import Path


def _cores() -> int:
    # The CPUs this process may run on (a container's limit), not the host's count.
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


chdir = str(Path(__file__).resolve().parent / "site")
wsgi_app = "portal.wsgi"
bind = [os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")]
workers = int(os.environ.get("WEB_CONCURRENCY") or _cores() + 1)
threads = int(os.environ.get("GUNICORN_THREADS") or 1)
timeout = int(os.environ.get("GUNICORN_TIMEOUT") or 30)
graceful_timeout = 30
# gunicorn's control socket lives in the user's home by default, one path for every
# instance on the machine (the tests run several); nothing here uses it.
control_socket_disable = True


def post_worker_init(worker):
    """Once a worker has loaded the application, load the search dictionary (jieba: half a
    million words, about a second) and move everything alive (modules, classes, URL
    patterns, the dictionary) out of the garbage collector's reach: it lives as long as the
    process, and every full collection would otherwise walk it all, a pause of up to 300 ms
    paid by whichever request triggers it. Done here, in the server's start-up, never as a
    side effect of importing or first using a module (ADR 0019, ADR 0023)."""
    from search.segmentation import tokenizer

    tokenizer()
    gc.collect()
    gc.freeze()
