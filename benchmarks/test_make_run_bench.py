"""`make run` under a burst: 50 simultaneous submissions against the stack `make run`
starts (prepare_site, then the Procfile under honcho: gunicorn, worker, scheduler) on
SQLite, and the time of a second start until /healthz answers.

Bursts of 50 at once (each client posts one submission), five bursts after a warm-up.
Figures go to docs/performance.md between the make-run markers. Targets: p95 under
300 ms with zero errors; a second start under 20 s.
"""

import os
import statistics
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.applications.factories import distinct_api_mediations
from tests.applications.server_process import JsonClient
from tests.portal.test_make_run import Instance, group_alive, wait_for

REPORT = Path(
    os.environ.get("BENCH_MAKE_RUN_REPORT")
    or Path(__file__).resolve().parent.parent / "docs" / "performance.md"
)
START, END = "<!-- make-run:start -->", "<!-- make-run:end -->"
BURST, BURSTS = 50, 5


def burst(url, first_index):
    def one(payload):
        client = JsonClient(url)
        try:
            return client.post(payload)
        finally:
            client.close()

    payloads = distinct_api_mediations(BURST, phone_prefix="137", start=first_index)
    with ThreadPoolExecutor(max_workers=BURST) as pool:
        return list(pool.map(one, payloads))


@pytest.mark.timeout(1800)
def test_make_run_burst_and_restart(tmp_path):
    site = Instance(tmp_path)
    first_start = time.perf_counter()
    site.start()
    first_start = time.perf_counter() - first_start
    try:
        url = site.url + "/api/v1/applications"
        burst(url, 0)  # warm-up: every worker's connection, caches, templates
        load = os.getloadavg()
        results = [r for n in range(BURSTS) for r in burst(url, (n + 1) * 1000)]
        errors = sum(1 for status, _body, _s in results if status != 201)
        timings = [seconds for _status, _body, seconds in results]
        pgid = site.process.pid
        site.stop()
        wait_for(lambda: not group_alive(pgid), "every process to stop", timeout=60)
        second_start = time.perf_counter()
        site.start()
        second_start = time.perf_counter() - second_start
    finally:
        site.stop()
    figures = {
        "load": load,
        "requests": len(results),
        "errors": errors,
        "median": statistics.median(timings),
        "p95": statistics.quantiles(timings, n=20)[18],
        "max": max(timings),
        "first_start": first_start,
        "second_start": second_start,
    }
    write_report(figures)
    assert errors == 0  # correctness; the timings are reported, not asserted


def write_report(f):
    load = "/".join(f"{value:.1f}" for value in f["load"])
    lines = [
        START,
        "## `make run` under a burst of 50 simultaneous submissions (`make bench`)",
        "",
        "The stack `make run` starts (prepare_site, then the Procfile under honcho: gunicorn",
        "with gunicorn.conf.py's sync workers, the task worker and the scheduler; demo",
        f"settings, SQLite), {BURSTS} bursts of {BURST} simultaneous API submissions after a",
        "warm-up burst, each client a new connection; the worker delivers the notifications",
        "meanwhile. Start times: `prepare_site` plus the Procfile until /healthz answers 200",
        "(the first on an empty database, the second on the same data, as a second",
        "`make run`). Load average (1/5/15 min) taken before the bursts.",
        "",
        "| requests | errors | median | p95 | max | first start | second start | load before "
        "| p95 < 300 ms | second start < 20 s |",
        "|---|---|---|---|---|---|---|---|---|---|",
        f"| {f['requests']} | {f['errors']} | {f['median'] * 1000:.0f} ms | "
        f"{f['p95'] * 1000:.0f} ms | {f['max'] * 1000:.0f} ms | {f['first_start']:.1f} s | "
        f"{f['second_start']:.1f} s | {load} | {'yes' if f['p95'] < 0.3 else 'no'} | "
        f"{'yes' if f['second_start'] < 20 else 'no'} |",
        END,
    ]
    text = REPORT.read_text(encoding="utf-8") if REPORT.exists() else "# Performance\n"
    if START in text:
        head, rest = text.split(START, 1)
        text = head + "\n".join(lines) + rest.split(END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + "\n".join(lines) + "\n"
    REPORT.write_text(text, encoding="utf-8")
