"""SQLite writers one at a time, each woken as soon as the one before it commits.

SQLite admits one writer; the others retry through its busy handler, which sleeps between
attempts in steps that grow to 100 ms. Under load a waiting writer keeps missing its turn
(the writers of its own process, woken at once, get there first), so its latency grows by
whole sleeps: the tail of the submission latency. Queueing first on a lock that wakes the
next writer at once removes that: a thread lock among this process's threads, then an
`flock` on a file beside the database among the processes (gunicorn workers) that write
to it. Other databases queue their writers themselves and need nothing.

The wait has no timeout of its own: the writer ahead holds the turn only for its
transaction, whose statements SQLite's busy timeout bounds, and a process that dies (a
worker gunicorn's timeout ended) releases its flock with it.
"""

import contextlib
import os
import threading

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
    with _THREADS:
        if path is None:
            yield
            return
        descriptor = _descriptor(path)
        fcntl.flock(descriptor, fcntl.LOCK_EX)  # blocks without holding the GIL
        try:
            yield
        finally:
            fcntl.flock(descriptor, fcntl.LOCK_UN)
