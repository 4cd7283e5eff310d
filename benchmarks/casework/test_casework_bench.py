"""Casework benchmark: 100,000 cases and 1,000,000 timeline events (`make bench`).

Measures the server time (Django test client, p50/p95) and query counts of the queue pages
and the case page, and the time of the deadline digest for all agencies, and writes them to
docs/performance.md between the casework markers. Query-count bounds are asserted in
tests/casework; here they are only reported.
"""

import datetime
import gc
import os
import random
import statistics
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

N_CASES = int(os.environ.get("BENCH_CASES", 100_000))
EVENTS_PER_CASE = 10
REPEAT = 30
BATCH = 5_000
REPORT = Path(__file__).resolve().parents[2] / "docs" / "performance.md"
START, END = "<!-- casework:start -->", "<!-- casework:end -->"


def build_cases():
    from cases import deadlines, references
    from cases.choices import CaseStatus
    from cases.models import Case, CaseEvent
    from directory.models import Agency, Mediator

    rng = random.Random(20261129)  # noqa: S311 - reproducible data, not secrets
    agencies = list(Agency.objects.all())
    mediators = list(Mediator.objects.all()[:50])
    statuses = [
        CaseStatus.SUBMITTED,
        CaseStatus.ACCEPTED,
        CaseStatus.IN_MEDIATION,
        CaseStatus.AGREEMENT,
        CaseStatus.NO_AGREEMENT,
        CaseStatus.CLOSED,
    ]
    today = timezone.localdate()
    now = timezone.now()
    seen = set(Case.objects.values_list("reference", flat=True))
    created = 0
    while created < N_CASES:
        batch = []
        for n in range(created, min(created + BATCH, N_CASES)):
            reference = references.generate()
            while reference in seen:
                reference = references.generate()
            seen.add(reference)
            status = statuses[n % len(statuses)]
            open_case = status in (
                CaseStatus.SUBMITTED,
                CaseStatus.ACCEPTED,
                CaseStatus.IN_MEDIATION,
            )
            due = today + datetime.timedelta(days=rng.randint(-10, 20)) if open_case else None
            batch.append(
                Case(
                    reference=reference,
                    application_type="mediation",
                    source="online",
                    status=status,
                    region="zengdu",
                    applicant_kind="worker",
                    applicant_name=f"基准申请人{n}",
                    applicant_phone=f"139{n:08d}",
                    respondent_name=f"基准企业{n % 5000}有限公司",
                    dispute_stage="pre_case",
                    categories=["pay"],
                    answers={"applicant": {"name": f"基准申请人{n}", "id_number": "", "phone": ""}},
                    agency=agencies[n % len(agencies)],
                    mediator=mediators[n % len(mediators)] if mediators and n % 3 else None,
                    arrived_at=now,
                    acceptance_due=due,
                    next_due=due,
                )
            )
        cases = Case.objects.bulk_create(batch)
        if connection.vendor == "sqlite" or cases[0].pk is None:
            first = Case.objects.get(reference=batch[0].reference).pk
            ids = range(first, first + len(batch))
        else:
            ids = [case.pk for case in cases]
        events = [
            CaseEvent(case_id=pk, kind="note", staff_note=f"基准记录{k}", is_public=k % 2 == 0)
            for pk in ids
            for k in range(EVENTS_PER_CASE)
        ]
        CaseEvent.objects.bulk_create(events, batch_size=10_000)
        created += len(batch)
    assert deadlines  # the clocks are stored values here; the digest reads them


def settle():
    """Drop the garbage of the data build and freeze what is left, as a server process
    does after loading the application (portal/wsgi.py): otherwise a full collection of
    the build's leftovers lands inside some timed request."""
    gc.collect()
    gc.freeze()


def timed(client, url):
    client.get(url)
    timings = []
    for _ in range(REPEAT):
        started = time.perf_counter()
        response = client.get(url)
        timings.append(time.perf_counter() - started)
        assert response.status_code == 200, url
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    quantiles = statistics.quantiles(timings, n=20)
    return statistics.median(timings) * 1000, quantiles[18] * 1000, len(queries)


@pytest.mark.django_db(transaction=True)
def test_casework_benchmark(tmp_path, settings):
    settings.VAR_DIR = tmp_path
    os.environ.setdefault("DEMO_PASSWORD", "bench-Password-1")
    with open(os.devnull, "w") as sink:
        call_command("load_demo", stdout=sink)
    started = time.perf_counter()
    build_cases()
    build_seconds = time.perf_counter() - started
    from django.contrib.auth import get_user_model

    from cases.models import Case, CaseEvent

    User = get_user_model()
    handler, admin = Client(), Client()
    handler.force_login(User.objects.get(username="hrss-zengdu"))
    admin.force_login(User.objects.get(username="center-city-head"))
    sample = Case.objects.filter(agency__code="hrss-zengdu").order_by("pk")[N_CASES // 100]
    settle()
    rows = []
    for label, client, url in [
        ("queue, agency tab (handler)", handler, "/admin/cases/"),
        ("queue, overdue tab (handler)", handler, "/admin/cases/?tab=overdue"),
        ("queue, status filter + page 20", handler, "/admin/cases/?status=accepted&p=20"),
        ("queue, search by name", handler, "/admin/cases/?q=基准申请人4242"),
        ("queue, search by phone", handler, "/admin/cases/?q=13900004242"),
        ("queue, all cases (center admin)", admin, "/admin/cases/"),
        ("queue, due soon (center admin)", admin, "/admin/cases/?tab=due_soon"),
        ("case page (10 events)", handler, f"/admin/cases/{sample.reference}/"),
    ]:
        median, p95, queries = timed(client, url)
        rows.append((label, median, p95, queries))

    from casework.services import digest

    started = time.perf_counter()
    digests = digest.collect()
    digest_seconds = time.perf_counter() - started
    assert digests

    engine = connection.vendor
    load = os.getloadavg()[0]
    queue_p95 = max(p95 for label, _m, p95, _q in rows if label.startswith("queue"))
    lines = [
        START,
        f"## Casework ({engine}, {Case.objects.count():,} cases, "
        f"{CaseEvent.objects.count():,} timeline events; `make bench`)",
        "",
        "Server time through Django's test client (no network), 30 requests each.",
        "",
        "| page | median | p95 | queries |",
        "|---|---|---|---|",
        *[f"| {label} | {m:.0f} ms | {p:.0f} ms | {q} |" for label, m, p, q in rows],
        "",
        f"Targets: queue p95 under 300 ms ({'met' if queue_p95 < 300 else 'NOT met'}: worst "
        f"{queue_p95:.0f} ms), queue at most 15 queries, case page under 20 queries "
        "(both asserted in tests/casework). Deadline digest collection for all "
        f"{len(digests)} agencies with due cases: {digest_seconds:.2f} s (target under 10 s: "
        f"{'met' if digest_seconds < 10 else 'NOT met'}). Building the data took "
        f"{build_seconds:.0f} s. Load average during the run: {load:.1f} on {os.cpu_count()} "
        "CPUs (figures grow with other work on the machine).",
        END,
    ]
    section = "\n".join(lines)
    text = REPORT.read_text(encoding="utf-8") if REPORT.exists() else "# Performance\n"
    if START in text:
        before, rest = text.split(START, 1)
        text = before + section + rest.split(END, 1)[1]
    else:
        text = text.rstrip() + "\n\n" + section + "\n"
    REPORT.write_text(text, encoding="utf-8")
