"""Public pages under load, side by side in one run, against the stack `make run` starts
(demo settings: gunicorn sync workers, DEBUG off, the file-based shared cache, SQLite).

Each target is hammered for a few seconds by 32 concurrent connections (4 client
processes x 8 threads, a new TCP connection per request as gunicorn's sync workers close
them): a fingerprinted static file (WhiteNoise), every public page type from the page
cache ("cached") and rendered ("uncached": an extra unknown query parameter makes the
page cache step aside), and search. Each figure is also given as a % of the static file's
requests per second in the same run. Targets (docs/performance.md): cached pages at
least 50% of the static file with p99 under 50 ms; uncached pages at least 15%; search at
least 10%. The client runs on the same 2 cores as the server: figures compare targets
with each other, not with another machine. Results go to docs/performance.md between the
public-pages markers.
"""

import http.client
import multiprocessing
import os
import re
import statistics
import threading
import time
import urllib.parse
from pathlib import Path

import pytest

from tests.portal.test_make_run import Instance

REPORT = Path(
    os.environ.get("BENCH_PUBLIC_PAGES_REPORT")
    or Path(__file__).resolve().parent.parent / "docs" / "performance.md"
)
START, END = "<!-- public-pages:start -->", "<!-- public-pages:end -->"
SECONDS = float(os.environ.get("BENCH_SECONDS", "4"))
PROCESSES, THREADS = 4, 8


def _client(url, seconds, results):
    parts = urllib.parse.urlsplit(url)
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    deadline = time.monotonic() + seconds
    latencies, errors = [], 0
    while time.monotonic() < deadline:
        started = time.perf_counter()
        try:
            connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
            connection.request("GET", target, headers={"Accept-Encoding": "gzip"})
            response = connection.getresponse()
            response.read()
            connection.close()
            if response.status != 200:
                errors += 1
        except OSError:
            errors += 1
        latencies.append(time.perf_counter() - started)
    results.append((latencies, errors))


def _process(url, seconds, queue):
    results = []
    threads = [
        threading.Thread(target=_client, args=(url, seconds, results)) for _ in range(THREADS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    queue.put(results)


def measure(url, seconds=SECONDS) -> dict:
    queue = multiprocessing.Queue()
    processes = [
        multiprocessing.Process(target=_process, args=(url, seconds, queue))
        for _ in range(PROCESSES)
    ]
    started = time.perf_counter()
    for process in processes:
        process.start()
    collected = [item for _ in processes for item in queue.get()]
    for process in processes:
        process.join()
    elapsed = time.perf_counter() - started
    latencies = sorted(value for values, _errors in collected for value in values)
    errors = sum(errors for _values, errors in collected)
    quantiles = statistics.quantiles(latencies, n=100)
    return {
        "rps": len(latencies) / elapsed,
        "p50": quantiles[49] * 1000,
        "p99": quantiles[98] * 1000,
        "errors": errors,
        "requests": len(latencies),
    }


def uncached(path):
    return path + ("&" if "?" in path else "?") + "bench=1"


@pytest.mark.timeout(1800)
def test_public_pages_cached_uncached_and_static(tmp_path):
    site = Instance(tmp_path)
    site.start()
    try:
        home = site.get("/")[1]
        static = re.search(r'href="(/static/[^"]+\.css)"', home).group(1)
        notice = re.search(r'href="(/notices/[^"/]+/)"', site.get("/notices/")[1]).group(1)
        guide = re.search(r'href="(/guidance/[^"/]+/)"', site.get("/guidance/")[1]).group(1)
        pages = [
            ("home", "/"),
            ("policy library", "/policies/"),
            ("policy", "/policies/sui-ren-she-han-2023-57/"),
            ("notices", "/notices/"),
            ("notice", notice),
            ("guidance", "/guidance/"),
            ("guide", guide),
            ("organizations", "/organizations/"),
            ("mediators", "/organizations/mediators/"),
            ("search", "/search/?q=" + urllib.parse.quote("调解")),
        ]
        for _name, path in pages:  # warm every worker's templates and the page cache
            for _ in range(6):
                site.get(path)
        rows = [("static file", static, measure(site.url + static))]
        for name, path in pages:
            rows.append((f"{name}, cached", path, measure(site.url + path)))
            rows.append((f"{name}, uncached", uncached(path), measure(site.url + uncached(path))))
    finally:
        site.stop()

    base = rows[0][2]["rps"]
    lines = [
        f"Run {time.strftime('%Y-%m-%d %H:%M')} · {os.cpu_count()} cores · "
        f"{PROCESSES}x{THREADS} connections · {SECONDS:g} s per target · load average "
        f"{os.getloadavg()[0]:.1f}",
        "",
        "| target | req/s | % of static | p50 ms | p99 ms | errors |",
        "|---|---|---|---|---|---|",
    ]
    for name, _path, result in rows:
        lines.append(
            f"| {name} | {result['rps']:.0f} | {100 * result['rps'] / base:.0f}% | "
            f"{result['p50']:.1f} | {result['p99']:.1f} | {result['errors']} |"
        )
    table = "\n".join(lines)
    print("\n" + table)
    text = REPORT.read_text(encoding="utf-8")
    if START in text and END in text:
        before, rest = text.split(START, 1)
        after = rest.split(END, 1)[1]
        REPORT.write_text(f"{before}{START}\n{table}\n{END}{after}", encoding="utf-8")
    assert all(result["errors"] == 0 for _name, _path, result in rows), table
