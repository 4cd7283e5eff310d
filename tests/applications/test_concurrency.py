"""50 applications at once against a real server process: every one stored, none lost."""

import pytest

from .factories import distinct_api_mediations
from .server_process import live_server, post_concurrently, postgres_url

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


@pytest.mark.timeout(600)
@pytest.mark.parametrize("kind", DATABASES)
def test_50_concurrent_submissions(kind, tmp_path):
    with live_server(kind, tmp_path) as server:
        payloads = distinct_api_mediations(50, phone_prefix="138")
        results = post_concurrently(server.url + "/api/v1/applications", payloads)
        statuses = [status for status, _body, _seconds in results]
        assert statuses == [201] * 50, [body for status, body, _s in results if status != 201][:3]
        references = {body["reference"] for _status, body, _seconds in results}
        assert len(references) == 50
        counts = server.shell(
            "from cases.models import Case, Notification; "
            "print(Case.objects.count(), Case.objects.values('reference').distinct().count(), "
            "Notification.objects.filter(status='sent').count())"
        )
        # 50 cases, 50 distinct references, and for each the liaison mail and the SMS sent.
        assert counts.split() == ["50", "50", "100"]
