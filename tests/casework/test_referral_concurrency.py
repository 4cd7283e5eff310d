"""The same court case pushed at once, many times, against a real server process: one case,
one 201, every other answer a 200 with the same reference (the unique court case number
decides, not timing)."""

import json
import subprocess
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.applications.server_process import ROOT, live_server, postgres_url

from .referral_factories import referral_payload

DATABASES = [
    "sqlite",
    pytest.param(
        "postgres",
        marks=pytest.mark.skipif(
            postgres_url() is None,
            reason="PostgreSQL runs when DATABASE_URL points at it (CI does)",
        ),
    ),
]
PUSHES = 12


def push(url, token, payload):
    request = urllib.request.Request(  # noqa: S310
        url,
        data=json.dumps(payload).encode(),
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


@pytest.mark.timeout(600)
@pytest.mark.parametrize("kind", DATABASES)
def test_concurrent_pushes_of_one_court_case_make_one_case(kind, tmp_path):
    with live_server(kind, tmp_path) as server:
        token = subprocess.run(  # noqa: S603
            [*server.manage, "issue_referral_token", "court-city"],
            env=server.env,
            check=True,
            capture_output=True,
            text=True,
            cwd=ROOT,
        ).stdout.strip()
        same = referral_payload(number="（2026）鄂13民诉前调500号")
        others = [referral_payload(number=f"（2026）鄂13民诉前调{600 + i}号") for i in range(4)]
        jobs = [same] * PUSHES + others
        with ThreadPoolExecutor(max_workers=len(jobs)) as pool:
            results = list(
                pool.map(lambda p: push(server.url + "/api/v1/referrals", token, p), jobs)
            )
        same_results, other_results = results[:PUSHES], results[PUSHES:]
        statuses = sorted(status for status, _body in same_results)
        assert statuses == [200] * (PUSHES - 1) + [201], same_results
        assert len({body["reference"] for _status, body in same_results}) == 1
        assert [status for status, _body in other_results] == [201] * 4
        counts = server.shell(
            "from cases.models import Case; from casework.models import CourtReferral; "
            "print(Case.objects.count(), CourtReferral.objects.count(), "
            "CourtReferral.objects.filter(court_case_number='（2026）鄂13民诉前调500号').count())"
        )
        assert counts.split() == ["5", "5", "1"]
