"""Submission throughput and p95 latency at 16 concurrent clients, on SQLite and PostgreSQL.

A real gunicorn process with the production settings of gunicorn.conf.py (sync workers,
one per core plus one; ADR 0020) on a fresh database receives API submissions from 16
client threads in a closed loop (each posts its next submission as soon as the last is
answered, over a kept connection where the server keeps it). Figures, with the CPU spent
per submission by the server and by the clients and the load average before the run, go
to docs/performance.md between the applications markers (BENCH_APPLICATIONS_REPORT sends
a trial run's figures elsewhere). Target: p95 under 300 ms on SQLite on a 2-core machine.
"""

import os
import resource
import statistics
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.applications.factories import api_mediation
from tests.applications.server_process import JsonClient, live_server, postgres_url

REPORT = Path(
    os.environ.get("BENCH_APPLICATIONS_REPORT")
    or Path(__file__).resolve().parent.parent / "docs" / "performance.md"
)
START, END = "<!-- applications:start -->", "<!-- applications:end -->"
CLIENTS = 16
PER_CLIENT = int(os.environ.get("BENCH_SUBMISSIONS_PER_CLIENT", "25"))
RESULTS = {}


def payload(index):
    data = api_mediation()
    data["applicant"]["phone"] = f"139{index:08d}"
    data["applicant"].pop("email")
    return data


def client_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def run_clients(url):
    def client(number):
        timings = []
        connection = JsonClient(url)
        try:
            for n in range(PER_CLIENT):
                status, body, seconds = connection.post(payload(number * 1000 + n))
                assert status == 201, body
                timings.append(seconds)
        finally:
            connection.close()
        return timings

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
        timings = [t for result in pool.map(client, range(CLIENTS)) for t in result]
    return timings, time.perf_counter() - started


@pytest.mark.timeout(1200)
@pytest.mark.parametrize(
    "kind",
    [
        "sqlite",
        pytest.param(
            "postgres", marks=pytest.mark.skipif(postgres_url() is None, reason="no PostgreSQL")
        ),
    ],
)
def test_submission_throughput(kind, tmp_path):
    with live_server(
        kind, tmp_path, workers=None, threads=None, settings_module="portal.settings.loadtest"
    ) as server:
        url = server.url + "/api/v1/applications"
        warm_up = JsonClient(url)
        for n in range(20):  # every worker's connection, caches and templates
            assert warm_up.post(payload(900000 + n))[0] == 201
        warm_up.close()
        load_before = os.getloadavg()
        server_cpu, client_cpu = server.cpu_seconds(), client_cpu_seconds()
        timings, elapsed = run_clients(url)
        server_cpu = server.cpu_seconds() - server_cpu if server_cpu is not None else None
        client_cpu = client_cpu_seconds() - client_cpu
    count = len(timings)
    RESULTS[kind] = {
        "load": load_before,
        "workers": _workers(),
        "requests": count,
        "throughput": count / elapsed,
        "median": statistics.median(timings),
        "p95": statistics.quantiles(timings, n=20)[18],
        "server_cpu": server_cpu / count if server_cpu is not None else None,
        "client_cpu": client_cpu / count,
    }
    write_report()
    # Timings are reported, not asserted: the target is read against the machine's load.
    assert count == CLIENTS * PER_CLIENT


def _workers() -> str:
    """The worker shape gunicorn.conf.py gives on this machine."""
    import runpy

    config = runpy.run_path(str(Path(__file__).resolve().parent.parent / "gunicorn.conf.py"))
    return f"{config['workers']} x {config['threads']}"


def _ms(seconds) -> str:
    return "n/a" if seconds is None else f"{seconds * 1000:.1f} ms"


def write_report():
    lines = [
        START,
        f"## Applications: submissions at {CLIENTS} concurrent clients (`make bench`)",
        "",
        "POST /api/v1/applications (validation, routing, then case, events, notification records",
        "and their queued delivery tasks in one transaction, as in production) against gunicorn",
        "with the production settings of gunicorn.conf.py (sync workers; ADR 0020) on a fresh",
        f"database, from {CLIENTS} client threads in a closed loop on the same machine. CPU per",
        "submission: the server's processes (with SQLite, the database's work included; with",
        "PostgreSQL, its server's work not) and the client threads. Load average (1/5/15 min)",
        "taken before the run; other work on the machine slows the figures.",
        "",
        "| database | workers x threads | requests | throughput | median | p95 "
        "| server CPU | client CPU | load before | p95 < 300 ms |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for kind, figures in sorted(RESULTS.items()):
        load = "/".join(f"{value:.1f}" for value in figures["load"])
        lines.append(
            f"| {kind} | {figures['workers']} | {figures['requests']} | "
            f"{figures['throughput']:.1f}/s | {figures['median'] * 1000:.0f} ms | "
            f"{figures['p95'] * 1000:.0f} ms | {_ms(figures['server_cpu'])} | "
            f"{_ms(figures['client_cpu'])} | {load} | "
            f"{'yes' if figures['p95'] < 0.3 else 'no'} |"
        )
    lines.append(END)
    section = "\n".join(lines)
    text = REPORT.read_text(encoding="utf-8") if REPORT.exists() else "# Performance\n"
    if START in text:
        before, rest = text.split(START, 1)
        text = before + section + rest.split(END, 1)[1]
    else:
        text = text.rstrip() + "\n\n" + section + "\n"
    REPORT.write_text(text, encoding="utf-8")
