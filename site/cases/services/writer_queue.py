"""SQLite writers one at a time, each woken as soon as the one before it commits.

SQLite admits one writer; the others retry through its busy handler, which sleeps between
attempts in steps that grow to 100 ms. Under load a waiting writer keeps missing its turn
(the writers of its own process, woken at once, get there first), so its latency grows by
whole sleeps: the tail of the submission latency. Queueing first on a lock that wakes the
next writer at once removes that: a thread lock among this process's threads, then an
`flock` on a file beside the database among the processes (gunicorn workers) that write
to it. Other databases queue their writers themselves and need nothing.

The wait for the turn is bounded by the same busy timeout as SQLite's own wait: when the
database stays locked (a backup, a long transaction elsewhere), each queued writer would
otherwise wait out the busy timeout of every writer ahead of it, past the server's worker
timeout. A writer that does not get its turn in time fails with OperationalError, which
the site answers with a 503 and Retry-After (portal.errors). The first attempt blocks on
nothing; only a writer that finds the turn taken polls, every 0.5 ms growing to 5 ms.
A process that dies releases its flock with it.
"""

import contextlib
import os
import threading
import time

from django.db import OperationalError

try:
    import fcntl
except ImportError:  # not POSIX: the thread lock alone, other processes poll as before
    fcntl = None

_THREADS = threading.Lock()
_lock_files: dict[tuple[int, str], int] = {}


def lock_path(connection) -> str | None:
    """The lock file shared by every process writing to this SQLite database, or None when
    no other process can reach it (in-memory database) or the platform has no flock."""
    if fcntl is None or connection.is_in_memory_db():
        return None
    return f"{connection.settings_dict['NAME']}.writer-lock"


def _descriptor(path: str) -> int:
    # Opened once per process: a descriptor inherited across fork() would share its lock
    # with the parent, so the process id is part of the key.
    key = (os.getpid(), path)
    if key not in _lock_files:
        _lock_files[key] = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    return _lock_files[key]


def busy_timeout(connection) -> float:
    return float(connection.settings_dict.get("OPTIONS", {}).get("timeout", 5))


def _take_file_turn(descriptor: int, deadline: float) -> bool:
    delay = 0.0005
    while True:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            if time.monotonic() >= deadline:
                return False
        time.sleep(delay)
        delay = min(delay * 2, 0.005)


def _refuse(waited: float):
    raise OperationalError(f"database is locked: no writer turn within {waited:.0f} s")


@contextlib.contextmanager
def one_writer(connection):
    """Hold the database's writer turn for the duration of the block (SQLite only).

    Inside a transaction already open on this connection nothing is taken: with
    `transaction_mode=IMMEDIATE` that transaction holds SQLite's write lock already, and
    waiting for the queue while holding it could only deadlock."""
    if connection.vendor != "sqlite" or connection.in_atomic_block:
        yield
        return
    path = lock_path(connection)
    timeout = busy_timeout(connection)
    deadline = time.monotonic() + timeout
    if not _THREADS.acquire(timeout=timeout):
        _refuse(timeout)
    try:
        if path is None:
            yield
            return
        descriptor = _descriptor(path)
        if not _take_file_turn(descriptor, deadline):
            _refuse(timeout)
        try:
            yield
        finally:
            fcntl.flock(descriptor, fcntl.LOCK_UN)
    finally:
        _THREADS.release()
