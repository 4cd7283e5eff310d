"""Statistics benchmark: 100,000 cases and 300 mediators (`make bench`); it lives here for
the file-based SQLite database of conftest.py.

Measures the server time (Django test client, p50/p95) and queries of every section of the
statistics page (one section per request) for this year, two years and last month, and of
every export, and writes them to docs/performance.md
between the statistics markers. Target: p95 under 500 ms on SQLite and PostgreSQL.
Query-count constancy is asserted in tests/reporting; here it is only reported.
"""

import io
import os
import statistics
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

N_CASES = int(os.environ.get("BENCH_CASES", 100_000))
N_MEDIATORS = 300
REPEAT = 10
REPORT = Path(__file__).resolve().parents[2] / "docs" / "performance.md"
START, END = "<!-- statistics:start -->", "<!-- statistics:end -->"


def add_mediators():
    from directory.models import Agency, Mediator

    agencies = list(Agency.objects.exclude(kind="court"))
    missing = N_MEDIATORS - Mediator.objects.count()
    Mediator.objects.bulk_create(
        Mediator(
            code=f"bench{n:05d}",
            name=f"基准调解员{n}",
            category="professional",
            agency=agencies[n % len(agencies)],
            certificate_number=f"C{n}" if n % 3 else "",
            certificate_issuer="随州市人社局" if n % 3 else "",
        )
        for n in range(max(missing, 0))
    )


def timed(client, url):
    times, queries = [], 0
    for _ in range(REPEAT):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, url
        queries = len(captured)
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))], queries


@pytest.mark.timeout(1800)
@pytest.mark.django_db(transaction=True)
def test_statistics_at_volume(django_db_setup, settings, tmp_path, monkeypatch):
    from django.contrib.auth import get_user_model

    from directory.demo import agencies, mediators, organizations

    sink = io.StringIO()
    for step in (agencies, organizations, mediators):
        step.load(sink)
    add_mediators()
    started = time.perf_counter()
    call_command("generate_cases", str(N_CASES), "--days", "730", stdout=sink)
    built = time.perf_counter() - started
    admin = get_user_model().objects.create_superuser("bench-admin", "b@example.invalid", "x")
    client = Client()
    client.force_login(admin)
    rows = []
    ranges = {
        "this year": "",
        "two years": "period=&date_from=2025-01-01&date_to=2026-12-31&",
        "last month": "period=last_month&",
    }
    from reporting.report import SECTIONS, TABLE_SECTIONS

    for range_name, query in ranges.items():
        for section, _title, _figures in SECTIONS:
            url = f"/admin/statistics/?{query}section={section}"
            rows.append((f"page {section}, {range_name}", *timed(client, url)))
    for table in TABLE_SECTIONS:
        for fmt in ("csv", "xlsx"):
            url = f"/admin/statistics/export/?table={table}&format={fmt}"
            rows.append((f"export {table}.{fmt}", *timed(client, url)))
    # Every table at once is prepared by the task worker, not in a request: timed here for
    # information (the target is for requests).
    from reporting import workbooks
    from reporting.models import StatisticsWorkbook

    task_times = []
    for _ in range(REPEAT):
        record = StatisticsWorkbook.objects.create(
            requested_by=admin, query={}, description="bench"
        )
        started = time.perf_counter()
        assert workbooks.build(record.pk) == "ready"
        task_times.append((time.perf_counter() - started) * 1000)
    task_times.sort()
    task = (statistics.median(task_times), task_times[int(0.95 * (len(task_times) - 1))])
    engine = connection.vendor
    worst = max(row[2] for row in rows)
    lines = [
        f"Statistics, {engine}, {N_CASES:,} cases, {N_MEDIATORS} mediators "
        f"(Django test client, {REPEAT} requests each; data built in {built:.0f} s):",
        "",
        "| request | p50 ms | p95 ms | queries |",
        "|---|---|---|---|",
        *(f"| {name} | {p50:.0f} | {p95:.0f} | {queries} |" for name, p50, p95, queries in rows),
        "",
        f"Target: p95 under 500 ms ({'met' if worst < 500 else 'NOT met'}: worst {worst:.0f} ms).",
        "",
        f"Task worker, not a request: the workbook of every table (this year) "
        f"p50 {task[0]:.0f} ms, p95 {task[1]:.0f} ms.",
    ]
    write_report(engine, "\n".join(lines))


def write_report(engine, text):
    start, end = (
        START.replace("statistics", f"statistics-{engine}"),
        END.replace("statistics", f"statistics-{engine}"),
    )
    content = REPORT.read_text(encoding="utf-8")
    block = f"{start}\n{text}\n{end}"
    if start in content:
        head, rest = content.split(start, 1)
        content = head + block + rest.split(end, 1)[1]
    else:
        content = content.rstrip() + "\n\n## Statistics\n\n" + block + "\n"
    REPORT.write_text(content, encoding="utf-8")
    print(text)
