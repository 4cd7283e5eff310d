"""SQLite writers queue on a lock shared by threads and processes (ADR 0020)."""

import subprocess
import sys
import threading

import pytest
from django.db.utils import ConnectionHandler

from cases.services import writer_queue
from portal.settings.database import sqlite_database

fcntl = pytest.importorskip("fcntl")

# Exit status 1 when another process holds the lock, 0 when it was free.
PROBE = (
    "import fcntl, os, sys\n"
    "fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o600)\n"
    "try:\n"
    "    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)\n"
    "except BlockingIOError:\n"
    "    sys.exit(1)\n"
)


def another_process_can_take(path) -> bool:
    result = subprocess.run([sys.executable, "-c", PROBE, str(path)], check=False)  # noqa: S603
    return result.returncode == 0


@pytest.fixture
def file_database(tmp_path):
    """A connection to a SQLite file with the project's settings."""
    handler = ConnectionHandler({"default": sqlite_database(tmp_path / "db.sqlite3")})
    database = handler["default"]
    yield database
    database.close()


def test_other_processes_wait_while_a_writer_holds_its_turn(file_database, tmp_path):
    path = writer_queue.lock_path(file_database)
    assert path == f"{tmp_path / 'db.sqlite3'}.writer-lock"
    with writer_queue.one_writer(file_database):
        assert not another_process_can_take(path)
    assert another_process_can_take(path)


def test_threads_of_one_process_take_turns(file_database):
    inside, overlaps = [], []

    def write():
        with writer_queue.one_writer(file_database):
            inside.append(1)
            overlaps.append(len(inside))
            threading.Event().wait(0.01)
            inside.pop()

    threads = [threading.Thread(target=write) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert overlaps == [1] * 6


def test_a_writer_already_in_a_transaction_takes_nothing(file_database):
    # Its IMMEDIATE transaction holds SQLite's write lock: waiting for the queue as well
    # could deadlock with a writer that holds the queue and waits for SQLite.
    path = writer_queue.lock_path(file_database)
    file_database.in_atomic_block = True
    try:
        with writer_queue.one_writer(file_database):
            assert another_process_can_take(path)
    finally:
        file_database.in_atomic_block = False


def test_an_in_memory_database_queues_its_threads_only():
    # No other process can open it, so there is no lock file to share.
    handler = ConnectionHandler(
        {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
    )
    database = handler["default"]
    assert writer_queue.lock_path(database) is None
    with writer_queue.one_writer(database):
        assert writer_queue._THREADS.locked()
    assert not writer_queue._THREADS.locked()
