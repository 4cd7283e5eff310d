"""Directory benchmark: 5,000 mediators and 500 organizations (`make bench`).

Measures p95 of filtered list pages (public and admin) and the time to export and to
dry-run import the whole register, and writes the figures to docs/performance.md between
the directory markers. Query counts are asserted in tests/directory, not here.
"""

import os
import statistics
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

N_ORGANIZATIONS = 500
N_MEDIATORS = 5000
REPEAT = 30
REPORT = Path(__file__).resolve().parent.parent / "docs" / "performance.md"
START, END = "<!-- directory:start -->", "<!-- directory:end -->"


def build_register():
    from directory.models import Agency, MediationOrganization, Mediator, Specialty
    from directory.regions import Region

    agencies = list(Agency.objects.exclude(kind="center"))
    regions = [Region.CITY, Region.ZENGDU, Region.SUIXIAN, Region.GUANGSHUI]
    organizations = MediationOrganization.objects.bulk_create(
        MediationOrganization(
            code=f"bench-{n}",
            name=f"基准调解工作室{n}",
            kind="workroom",
            host_agency=agencies[n % len(agencies)],
            region=regions[n % 4],
            address=f"示例路{n}号",
            phone="0722-0000000",
        )
        for n in range(N_ORGANIZATIONS)
    )
    specialties = list(Specialty.objects.all())
    mediators = Mediator.objects.bulk_create(
        Mediator(
            code=f"B{n:05d}",
            name=f"调解员{n}",
            category=["lawyer", "retired_judge", "union_expert", "notary"][n % 4],
            agency=agencies[n % len(agencies)],
            is_public=n % 3 != 0,
            certificate_number=f"C{n}" if n % 2 else "",
            certificate_issuer="随州市人社局" if n % 2 else "",
            phone=f"1390000{n:04d}",
        )
        for n in range(N_MEDIATORS)
    )
    Through = Mediator.organizations.through
    Through.objects.bulk_create(
        Through(mediator_id=m.pk, mediationorganization_id=organizations[i % N_ORGANIZATIONS].pk)
        for i, m in enumerate(mediators)
    )
    SpecThrough = Mediator.specialties.through
    SpecThrough.objects.bulk_create(
        SpecThrough(mediator_id=m.pk, specialty_id=specialties[i % len(specialties)].pk)
        for i, m in enumerate(mediators)
    )


def p95(client, url):
    client.get(url)
    timings = []
    for _ in range(REPEAT):
        started = time.perf_counter()
        response = client.get(url)
        timings.append(time.perf_counter() - started)
        assert response.status_code == 200, url
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return statistics.quantiles(timings, n=20)[18] * 1000, len(queries)


@pytest.mark.django_db
def test_directory_benchmark(tmp_path, settings):
    settings.VAR_DIR = tmp_path
    os.environ.setdefault("DEMO_PASSWORD", "bench-Password-1")
    with open(os.devnull, "w") as sink:
        call_command("load_demo", stdout=sink)
    build_register()
    from django.contrib.auth import get_user_model

    from directory.register import export, importer, reader

    admin = get_user_model().objects.get(username="admin")
    public, staff = Client(), Client()
    staff.force_login(admin)
    rows = []
    for label, client, url in [
        (
            "public organizations, region + kind",
            public,
            "/organizations/?region=zengdu&kind=workroom",
        ),
        ("public organizations, page 10", public, "/organizations/?page=10"),
        (
            "public mediators, specialty + region",
            public,
            "/organizations/mediators/?specialty=wages&region=zengdu",
        ),
        ("public mediators, category", public, "/organizations/mediators/?category=lawyer"),
        ("admin mediators, agency filter", staff, "/admin/directory/mediators/?agency=2"),
        ("admin mediators, search", staff, "/admin/directory/mediators/?q=调解员12"),
    ]:
        millis, queries = p95(client, url)
        rows.append((label, f"{millis:.0f} ms", str(queries)))

    started = time.perf_counter()
    csv_content, count = export.write_csv()
    csv_seconds = time.perf_counter() - started
    started = time.perf_counter()
    xlsx_content, _ = export.write_xlsx()
    xlsx_seconds = time.perf_counter() - started
    assert count >= N_MEDIATORS
    started = time.perf_counter()
    plan = importer.plan(reader.read(xlsx_content, "xlsx"), admin)
    plan_seconds = time.perf_counter() - started
    assert plan.count_unchanged == count

    engine = connection.vendor
    lines = [
        START,
        f"## Directory ({engine}, {N_MEDIATORS} mediators, {N_ORGANIZATIONS} extra "
        f"organizations; `make bench`)",
        "",
        "| page | p95 | queries |",
        "|---|---|---|",
        *[f"| {label} | {millis} | {queries} |" for label, millis, queries in rows],
        "",
        f"Export of all {count} rows: CSV {csv_seconds:.2f} s, XLSX {xlsx_seconds:.2f} s "
        f"(target under 5 s: {'met' if max(csv_seconds, xlsx_seconds) < 5 else 'NOT met'}). "
        f"Dry-run import plan of the XLSX export: {plan_seconds:.2f} s. "
        f"Load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs "
        "(figures grow with other work on the machine).",
        END,
    ]
    section = "\n".join(lines)
    text = REPORT.read_text(encoding="utf-8") if REPORT.exists() else "# Performance\n"
    if START in text:
        before, rest = text.split(START, 1)
        text = before + section + rest.split(END, 1)[1]
    else:
        text = text.rstrip() + "\n\n" + section + "\n"
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(text, encoding="utf-8")
