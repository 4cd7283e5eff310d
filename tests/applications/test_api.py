"""The public API: same validation, routing and notifications as the web form."""

import json

import pytest
from django.test import Client

from cases.models import Case, Notification

from .factories import EMPLOYER_CODE, api_mediation

pytestmark = pytest.mark.usefixtures("routing_data")


def post(path, payload, **headers):
    body = payload if isinstance(payload, (bytes, str)) else json.dumps(payload)
    return Client().post(f"/api/v1{path}", body, content_type="application/json", headers=headers)


def errors(response):
    return {error["field"]: error["message"] for error in response.json()["errors"]}


def test_mediation_is_created_routed_and_notified(run_on_commit, mailoutbox):
    response = post("/applications", api_mediation())
    assert response.status_code == 201
    body = response.json()
    case = Case.objects.get()
    assert body["reference"] == case.reference and body["status"] == "submitted"
    assert body["agency"] == {"code": "hrss-zengdu", "name": case.agency.name}
    assert (
        body["routing"]["rule"].startswith("80.") and "案前调解" in body["routing"]["explanation"]
    )
    assert case.source == "api"
    assert Notification.objects.filter(status="sent").count() == 3
    assert {m.to[0] for m in mailoutbox} == {
        "hrss-zengdu-liaison@example.invalid",
        "worker@example.invalid",
    }


def test_union_setup():
    payload = {
        "type": "union_setup",
        "region": "guangshui",
        "enterprise": {
            "name": "示例企业",
            "credit_code": EMPLOYER_CODE,
            "employee_count": 30,
            "union_status": "none",
            "contact_name": "李示例",
            "phone": "139 0000 0002",
        },
        "consent": True,
    }
    response = post("/applications", payload)
    assert response.status_code == 201, response.json()
    assert response.json()["agency"]["code"] == "union_federation-guangshui"
    assert Case.objects.get().applicant_phone == "13900000002"


def test_union_setup_without_a_credit_code_but_not_a_committee():
    enterprise = {
        "name": "示例企业",
        "employee_count": 30,
        "union_status": "none",
        "contact_name": "李示例",
        "phone": "139 0000 0002",
    }
    union = {"type": "union_setup", "region": "guangshui", "enterprise": enterprise}
    response = post("/applications", {**union, "consent": True})
    assert response.status_code == 201, response.json()
    assert Case.objects.get().answers["enterprise"].get("credit_code", "") == ""
    committee = {"type": "committee_setup", "region": "city", "consent": True}
    response = post("/applications", {**committee, "enterprise": enterprise})
    assert response.status_code == 422
    fields = {error["field"] for error in response.json()["errors"]}
    assert fields == {"enterprise.credit_code"}
    assert Case.objects.count() == 1


def test_committee_setup_by_organization_code():
    payload = {
        "type": "committee_setup",
        "region": "city",
        "enterprise": {
            "name": "示例企业",
            "credit_code": EMPLOYER_CODE,
            "employee_count": 300,
            "union_status": "committee",
            "has_mediation_committee": False,
            "contact_name": "王示例",
            "phone": "13900000003",
        },
        "consent": True,
    }
    response = post("/applications", payload)
    assert response.json()["agency"]["code"] == "hrss-city"
    assert Case.objects.get().answers["enterprise"]["has_union"] is True


def test_every_invalid_field_is_named_by_its_path_in_chinese():
    payload = api_mediation(region="mars")
    payload["applicant"]["id_number"] = "110105194912310021"
    payload["applicant"]["phone"] = "12345"
    payload["dispute"]["amount_claimed"] = "-1"
    payload["dispute"]["categories"] = ["pay", "gossip"]
    payload["respondent"]["credit_code"] = "91110000600037341M"
    payload["consent"] = False
    response = post("/applications", payload)
    assert response.status_code == 422
    found = errors(response)
    assert set(found) == {
        "region",
        "consent",
        "applicant.id_number",
        "applicant.phone",
        "respondent.credit_code",
        "dispute.amount_claimed",
        "dispute.categories",
    }
    assert found["applicant.id_number"] == "身份证号码有误，请逐位核对。"
    assert found["region"] == "地区代码不存在。"
    assert Case.objects.count() == 0


def test_missing_sections_and_wrong_types():
    response = post(
        "/applications", {"type": "mediation", "region": "city", "consent": True, "applicant": "x"}
    )
    assert set(errors(response)) == {"applicant", "respondent", "dispute"}
    response = post("/applications", {"type": "fax", "region": "city", "consent": True})
    assert "type" in errors(response)
    payload = api_mediation()
    payload["dispute"]["workers_involved"] = "many"
    payload["dispute"]["categories"] = "pay"
    assert {"dispute.workers_involved", "dispute.categories"} <= set(
        errors(post("/applications", payload))
    )
    assert Case.objects.count() == 0


@pytest.mark.parametrize("body", [b"{not json", b"[1, 2]", b'"text"', b"null"])
def test_body_that_is_not_a_json_object_is_a_4xx(body):
    response = post("/applications", body)
    assert response.status_code in (400, 422)
    assert response.json()["detail"]
    assert Case.objects.count() == 0


def test_html_payload_is_stored_as_text():
    payload = api_mediation()
    payload["dispute"]["facts"] = "<script>alert('x')</script><b>粗体</b>"
    response = post("/applications", payload)
    assert response.status_code == 201
    assert (
        Case.objects.get().answers["dispute"]["facts"] == "<script>alert('x')</script><b>粗体</b>"
    )


def test_unknown_preferred_organization():
    response = post("/applications", api_mediation(preferred_organization="no-such-org"))
    assert response.status_code == 422 and "preferred_organization" in errors(response)


def test_preferred_organization_by_code_routes_to_it():
    payload = api_mediation(preferred_organization="center-litigation-station")
    payload["dispute"]["stage"] = "award_issued"
    response = post("/applications", payload)
    assert response.json()["agency"]["code"] == "court-zengdu"


def test_an_organization_that_cannot_take_the_stage_or_region_is_refused():
    # Before arbitration a labor dispute cannot go to the court's station (arbitration
    # comes first), and Guangshui's workroom does not take a Suixian case.
    for organization, region in (
        ("center-litigation-station", "zengdu"),
        ("hrss-guangshui-workroom", "suixian"),
    ):
        payload = api_mediation(preferred_organization=organization, region=region)
        response = post("/applications", payload)
        assert response.status_code == 422
        assert "不受理该地区此阶段" in errors(response)["preferred_organization"]
    assert not Case.objects.exists()


def test_idempotency_key_returns_the_same_case():
    first = post("/applications", api_mediation(), **{"Idempotency-Key": "abc-123"})
    second = post("/applications", api_mediation(), **{"Idempotency-Key": "abc-123"})
    assert first.status_code == 201 and second.status_code == 200
    assert first.json()["reference"] == second.json()["reference"]
    assert Case.objects.count() == 1


def test_oversized_json_body_is_refused(settings):
    payload = api_mediation()
    payload["dispute"]["facts"] = "x" * (settings.API_MAX_BODY_BYTES + 1)
    response = post("/applications", payload)
    assert response.status_code == 413 and Case.objects.count() == 0


def test_rate_limited_per_phone(settings):
    settings.APPLICATION_RATE_LIMIT = "2/h"
    assert post("/applications", api_mediation()).status_code == 201
    assert post("/applications", api_mediation()).status_code == 201
    response = post("/applications", api_mediation())
    assert response.status_code == 429
    assert response.json()["detail"] == "操作过于频繁，请稍后再试。"
    assert Case.objects.count() == 2


class TestTrack:
    def _case(self):
        return post("/applications", api_mediation()).json()["reference"]

    def test_reference_and_phone_show_the_public_timeline(self):
        reference = self._case()
        response = post("/track", {"reference": reference.lower(), "phone": "+86 138 0000 0001"})
        assert response.status_code == 200
        body = response.json()
        assert body["reference"] == reference and body["status"] == "submitted"
        assert body["status_label"] == "已提交，等待受理"
        assert [entry["label"] for entry in body["timeline"]][0] == "已收到申请"
        text = json.dumps(body, ensure_ascii=False)
        assert "张示例" not in text and "随州示例制造有限公司" not in text and "110105" not in text
        assert "案前调解" not in text  # the staff-side routing explanation stays internal

    def test_wrong_pairing_and_unknown_reference_answer_alike(self):
        reference = self._case()
        wrong_phone = post("/track", {"reference": reference, "phone": "13900000009"})
        from cases import references

        unknown = post("/track", {"reference": references.generate(), "phone": "13800000001"})
        assert wrong_phone.status_code == unknown.status_code == 404
        assert wrong_phone.json() == unknown.json()

    def test_rate_limited(self, settings):
        settings.TRACK_RATE_LIMIT = "3/h"
        for _ in range(3):
            post("/track", {"reference": "SZ-2222-2222-2", "phone": "13800000001"})
        response = post("/track", {"reference": "SZ-2222-2222-2", "phone": "13800000001"})
        assert response.status_code == 429

    def test_wrong_body(self):
        assert post("/track", b"[]").status_code == 400
        assert post("/track", b"{oops").status_code == 400


def test_openapi_document_and_docs_page():
    client = Client()
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/applications" in schema["paths"] and "/api/v1/track" in schema["paths"]
    request_body = schema["paths"]["/api/v1/applications"]["post"]["requestBody"]
    assert "application/json" in request_body["content"]
    docs = client.get("/api/v1/docs")
    assert docs.status_code == 200
    html = docs.content.decode()
    assert "cdn" not in html.lower() and "/static/ninja/" in html
