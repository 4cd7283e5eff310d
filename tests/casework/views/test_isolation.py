"""Agency isolation of every casework admin URL: queues (each tab), the case page, each
action (GET and POST), reveal, evidence download and documents, walked as a handler of
another agency, as a liaison of the case's own agency, as an admin user of no agency and
anonymously. Nobody outside sees the case, and nothing changes."""

import pytest
from django.urls import reverse

from casework.actions import ACTIONS
from casework.listing import TABS
from casework.models import AuditEntry

from .test_actions import state
from .test_case_page import add_evidence


def object_urls(case, evidence):
    """(method, url, data) for every URL of one case."""
    urls = [
        ("get", reverse("casework:case", args=[case.reference]), None),
        ("post", reverse("casework:reveal", args=[case.reference]), {"path": "applicant.phone"}),
        ("get", reverse("casework:evidence", args=[case.reference, evidence.pk]), None),
    ]
    for name in ACTIONS:
        url = reverse("casework:action", args=[case.reference, name])
        urls.append(("get", url, None))
        urls.append(("post", url, {"version": case.version, "reason": "x", "summary": "x"}))
    for kind in ("acceptance", "decline", "agreement"):
        urls.append(("get", reverse("casework:document", args=[case.reference, kind]), None))
    return urls


@pytest.fixture
def hrss_case_with_evidence(hrss_case):
    return hrss_case, add_evidence(hrss_case)


def _walk(client, case, evidence, expected):
    before = state(case)
    for method, url, data in object_urls(case, evidence):
        response = getattr(client, method)(url, data or {})
        assert response.status_code in expected, (method, url, response.status_code)
        body = response.content.decode() if not response.streaming else ""
        assert case.applicant_phone not in body
    assert state(case) == before
    assert not AuditEntry.objects.filter(case=case).exists()


def test_a_handler_of_another_agency_sees_nothing_and_changes_nothing(
    login, hrss_case_with_evidence
):
    case, evidence = hrss_case_with_evidence
    client = login("union_federation-zengdu")
    for tab in TABS:
        html = client.get(reverse("casework:queue"), {"tab": tab}).content.decode()
        assert case.reference not in html
    search = client.get(reverse("casework:queue"), {"q": case.reference}).content.decode()
    assert case.reference not in search.split('id="result-count"')[1]
    assert "案件数： 0" in search
    dashboard = client.get("/admin/").content.decode()
    assert '<span class="w-summary__count casework-dashboard-count">0</span>未分配' in dashboard
    _walk(client, case, evidence, expected={404})


def test_a_head_of_another_region_sees_nothing(login, hrss_case_with_evidence):
    case, evidence = hrss_case_with_evidence
    _walk(login("hrss-suixian-head"), case, evidence, expected={404})


def test_a_liaison_of_the_cases_own_agency_does_not_browse_cases(login, hrss_case_with_evidence):
    case, evidence = hrss_case_with_evidence
    client = login("hrss-zengdu-liaison")
    response = client.get(reverse("casework:queue"))
    assert response.status_code == 302 and response["Location"] == "/admin/"
    _walk(client, case, evidence, expected={404})


def test_an_admin_user_of_no_agency_sees_nothing(client, outsider, hrss_case_with_evidence):
    case, evidence = hrss_case_with_evidence
    client.force_login(outsider)
    response = client.get(reverse("casework:queue"))
    assert response.status_code == 302 and response["Location"] == "/admin/"
    _walk(client, case, evidence, expected={404})


def test_anonymous_visitors_are_sent_to_log_in(client, hrss_case_with_evidence):
    case, evidence = hrss_case_with_evidence
    _walk(client, case, evidence, expected={302})


def test_the_cases_own_staff_and_center_admins_do_get_in(login, hrss_case_with_evidence):
    case, evidence = hrss_case_with_evidence
    for username in ("hrss-zengdu", "hrss-zengdu-head", "center-city-head"):
        client = login(username)
        assert client.get(reverse("casework:case", args=[case.reference])).status_code == 200
        url = reverse("casework:evidence", args=[case.reference, evidence.pk])
        assert client.get(url).status_code == 200
    assert AuditEntry.objects.filter(case=case, action="download").count() == 3
    assert {entry.actor.username for entry in AuditEntry.objects.filter(case=case)} == {
        "hrss-zengdu",
        "hrss-zengdu-head",
        "center-city-head",
    }
