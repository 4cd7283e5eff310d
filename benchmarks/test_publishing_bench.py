"""Publishing benchmark (`make bench`): site search and the policy library over 10,000
policy pages, and the time from publishing to searchable through the task worker.

Run once with SQLite and once with DATABASE_URL pointing at PostgreSQL; the figures go to
docs/performance.md between the publishing markers of that database, with the machine's
load average (the machine is shared). Query counts are asserted in tests/, not here.

Building: the 10,000 pages are bulk-inserted (tests/guidance/factories.py) and indexed
through the real backend (`add_bulk`: jieba segmentation + full-text index). Their bodies
repeat 20 paragraphs of the seed document, so while building, the segmentation of a text
already seen is memoised (this benchmark only); the real indexing throughput is measured
separately on INDEX_SAMPLE pages without the memo and reported.
"""

import functools
import gc
import io
import os
import resource
import statistics
import time
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.guidance.factories import bulk_policies

N_POLICIES = 10_000
CHUNK = 500
INDEX_SAMPLE = 300
REPEAT = 30
TARGET_P95_MS = 150
QUERIES = [
    "调解",  # in every title: 10,000 matches
    "一站式",  # in the bodies only: 10,000 body matches
    "调解委员会",
    "劳动争议",
    "57号",
    "工会 25人",
    "诉讼服务站 立案",
    "区块链",  # nothing
]
REPORT = Path(__file__).resolve().parent.parent / "docs" / "performance.md"


def markers():
    return (
        f"<!-- publishing:{connection.vendor}:start -->",
        f"<!-- publishing:{connection.vendor}:end -->",
    )


def cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def timings(client, url, repeat=REPEAT, cold=False):
    """(p50 ms, p95 ms, median CPU ms of this process, queries) of GET `url`.

    The CPU column is what one request costs this process (with SQLite, the database
    work too), whatever the other work on the shared machine; wall time includes waiting.
    `cold`: Django's cache is cleared before every request (the policy library caches its
    filter choices per content version; a cold request is the first one after a change).
    """
    client.get(url)
    samples, cpu = [], []
    for _ in range(repeat):
        if cold:
            cache.clear()
        cpu_started, started = cpu_seconds(), time.perf_counter()
        response = client.get(url)
        samples.append((time.perf_counter() - started) * 1000)
        cpu.append((cpu_seconds() - cpu_started) * 1000)
        assert response.status_code == 200, url
    if cold:
        cache.clear()
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    cuts = statistics.quantiles(samples, n=20)
    return statistics.median(samples), cuts[18], statistics.median(cpu), len(queries)


def row(label, median, p95, cpu, queries):
    return f"| {label} | {median:.0f} ms | {p95:.0f} ms | {cpu:.0f} ms | {queries} |"


def build_library():
    """10,000 live policies, indexed; returns (real indexing seconds per page, total s)."""
    from wagtail.search.backends import get_search_backend

    import search.backend
    from directory.models import Agency
    from guidance.demo.seed_policy import document_html
    from guidance.models import PolicyIndexPage

    paragraphs = [p for p in document_html().split("</p>") if len(p) > 40]
    issuers = list(Agency.objects.filter(region="city"))
    index = PolicyIndexPage.objects.get()
    backend = get_search_backend()
    started = time.perf_counter()
    per_page = None
    real_index_text = search.backend.index_text
    try:
        for start in range(0, N_POLICIES, CHUNK):
            body = "</p>".join(paragraphs[(start // CHUNK) % len(paragraphs) :][:3]) + "</p>"
            policies = bulk_policies(index, CHUNK, issuers, body=body)
            if per_page is None:  # the real cost, without the memo below
                sample_started = time.perf_counter()
                backend.add_bulk(type(policies[0]), policies[:INDEX_SAMPLE])
                per_page = (time.perf_counter() - sample_started) / INDEX_SAMPLE
                policies = policies[INDEX_SAMPLE:]
                search.backend.index_text = functools.lru_cache(maxsize=4096)(real_index_text)
            backend.add_bulk(type(policies[0]), policies)
    finally:
        search.backend.index_text = real_index_text
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # what autovacuum does after a bulk load
    return per_page, time.perf_counter() - started


def publish_to_searchable(settings, monkeypatch):
    """Publish with the database task backend; the worker indexes it."""
    from django_tasks_db.management.commands import db_worker
    from wagtail.search.backends import get_search_backend

    # The worker runs in this process, inside the benchmark's transaction: its periodic
    # connection recycling would close that connection (PostgreSQL).
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)

    from directory.models import Agency
    from guidance.models import PolicyIndexPage, PolicyPage

    # As in production (django-tasks resets its backends when the setting changes).
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    page = PolicyPage(title="基准测试新发布文件", body="<p>关于基准测试暗号甲乙丙的说明。</p>")
    page.issuers = list(Agency.objects.filter(code="hrss-city"))
    index = PolicyIndexPage.objects.get()
    started = time.perf_counter()
    index.add_child(instance=page)
    page.save_revision().publish()
    publish_seconds = time.perf_counter() - started
    backend = get_search_backend()
    found_before = len(list(backend.search("暗号甲乙丙", PolicyPage.objects.live())))
    started = time.perf_counter()
    call_command("db_worker", "--batch", "--no-startup-delay", stdout=io.StringIO())
    worker_seconds = time.perf_counter() - started
    found_after = len(list(backend.search("暗号甲乙丙", PolicyPage.objects.live())))
    return publish_seconds, found_before, worker_seconds, found_after


def load():
    return "/".join(f"{value:.1f}" for value in os.getloadavg())


@pytest.mark.timeout(3600)
@pytest.mark.django_db
def test_publishing_benchmark(tmp_path, settings, monkeypatch):
    settings.VAR_DIR = tmp_path
    os.environ.setdefault("DEMO_PASSWORD", "bench-Password-1")
    call_command("load_demo", stdout=io.StringIO())
    load_before = load()
    per_page, build_seconds = build_library()
    # As a server process does after loading the application (portal/wsgi.py): drop the
    # build's garbage and freeze what is left, so that no full collection of the build's
    # leftovers lands inside a timed request.
    gc.collect()
    gc.freeze()
    client = Client()

    search_rows, misses = [], []
    for query in QUERIES:
        median, p95, cpu, queries = timings(client, f"/search/?q={query}")
        search_rows.append(
            f"| {query} | {median:.0f} ms | {p95:.0f} ms | {cpu:.0f} ms | {queries} |"
        )
        if p95 >= TARGET_P95_MS:
            misses.append(query)

    index_rows, library_misses = [], []
    for label, url in [
        ("policy index, page 1", "/policies/"),
        ("policy index, validity + year, page 3", "/policies/?validity=in_force&year=2020&page=3"),
        ("policy index, issuer + topic", "/policies/?issuer=hrss-city&topic=mediation"),
        ("policy index, keyword 调解委员会", "/policies/?q=调解委员会"),
    ]:
        for cold in (False, True):
            median, p95, cpu, queries = timings(client, url, cold=cold)
            state = "cold, caches cleared" if cold else "filter choices cached"
            index_rows.append(
                f"| {label} ({state}) | {median:.0f} ms | {p95:.0f} ms | {cpu:.0f} ms | {queries} |"
            )
            if p95 >= TARGET_P95_MS and not cold:
                library_misses.append(label)

    publish_seconds, before, worker_seconds, after = publish_to_searchable(settings, monkeypatch)
    assert before == 0 and after == 1
    load_after = load()

    met = "met" if not misses else "not met for " + ", ".join(misses)
    library_met = "met" if not library_misses else "not met for " + ", ".join(library_misses)
    start, end = markers()
    lines = [
        start,
        f"## Publishing and search ({connection.vendor}; `make bench`)",
        "",
        f"{N_POLICIES:,} live policy pages plus the demo content, built in "
        f"{build_seconds:.0f} s. Indexing (jieba segmentation + {connection.vendor} "
        f"full-text index) costs {per_page * 1000:.0f} ms per page measured on "
        f"{INDEX_SAMPLE} pages, i.e. about {per_page * N_POLICIES / 60:.0f} min for a full "
        f"`update_index` of {N_POLICIES:,} pages (the rest of the build memoised the "
        "segmentation of the repeated bodies). Load average (1/5/15 min) on the shared "
        f"2-core machine: {load_before} before, {load_after} after; {REPEAT} requests per "
        "row, Django test client (no network), one process. CPU: this process's CPU time "
        "per request (SQLite's work included, PostgreSQL's server not).",
        "",
        f"Search, target p95 < {TARGET_P95_MS} ms: {met}.",
        "",
        "| search `/search/?q=` | p50 | p95 | CPU (p50) | queries |",
        "|---|---|---|---|---|",
        *search_rows,
        "",
        f"Policy library, p95 < {TARGET_P95_MS} ms with the filter choices cached (every "
        f"request but the first after a change of content): {library_met}. Cold rows: "
        "Django's cache cleared before each request (the first request after a change).",
        "",
        "| policy library | p50 | p95 | CPU (p50) | queries |",
        "|---|---|---|---|---|",
        *index_rows,
        "",
        f"Publishing a policy took {publish_seconds * 1000:.0f} ms and it was not yet "
        f"searchable (indexing is a task); the worker (`db_worker --batch`, started cold) "
        f"indexed it in {worker_seconds:.2f} s, after which search found it.",
        end,
    ]
    section = "\n".join(lines)
    text = REPORT.read_text(encoding="utf-8") if REPORT.exists() else "# Performance\n"
    if start in text:
        before_text, rest = text.split(start, 1)
        text = before_text + section + rest.split(end, 1)[1]
    else:
        text = text.rstrip() + "\n\n" + section + "\n"
    REPORT.write_text(text, encoding="utf-8")
