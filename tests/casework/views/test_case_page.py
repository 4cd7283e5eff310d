"""The case page: answers with masked personal data, the logged reveal, evidence downloads,
routing, clocks, the arbitration notice, sessions, outcome, documents, history, queries."""

import datetime
import decimal
import hashlib
import json
import logging

import pytest
from django.core.files.base import ContentFile
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from cases.models import Case, CaseEvent, EvidenceFile
from casework.models import AuditEntry
from casework.services import audit
from casework.services.actions import perform
from directory.models import Mediator
from tests.applications.factories import WORKER_ID
from tests.casework.factories import make_case, ready_for_agreement, staff, union_payload

PDF = b"%PDF-1.4\n% test evidence\n"


def page_url(case):
    return f"/admin/cases/{case.reference}/"


def add_evidence(case, name="劳动合同（示例）.pdf", data=PDF):
    record = EvidenceFile(
        case=case,
        original_name=name,
        content_type="application/pdf",
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
    )
    record.file.save("contract.pdf", ContentFile(data), save=False)
    record.save()
    return record


def run(case, name, username, data=None):
    case.refresh_from_db()
    return perform(case, name, staff(username), data or {}, case.version)


def test_answers_are_shown_with_personal_data_masked(login, hrss_case):
    html = login("hrss-zengdu").get(page_url(hrss_case)).content.decode()
    assert "张示例" in html  # the applicant's name is not masked
    assert WORKER_ID not in html
    assert WORKER_ID[:4] + "*" * 10 + WORKER_ID[-4:] in html
    assert hrss_case.applicant_phone not in html
    assert "138****" + hrss_case.applicant_phone[-4:] in html
    assert "worker@example.invalid" not in html
    assert html.count('name="path" value="') == 3  # ID number, mobile, email
    assert "支付工资" in html and "拖欠三个月工资" in html  # claims, facts
    assert "劳动报酬" in html  # the category, in words
    # routing explanation, clocks, history
    assert hrss_case.routing_explanation in html
    assert 'data-clock="acceptance"' in html
    assert hrss_case.acceptance_due.isoformat() in html
    assert "已提交，等待受理" in html
    assert html.count("casework-timeline__events") == 2  # submitted, routed


def test_setup_cases_show_the_enterprise(login, case_staff):
    case = make_case(union_payload(region="suixian"))
    html = login("union_federation-suixian").get(page_url(case)).content.decode()
    assert "随州示例科技有限公司" in html
    assert case.applicant_phone not in html
    assert 'name="path" value="enterprise.phone"' in html
    assert 'data-clock="mediation"' not in html


def test_reveal_without_javascript_shows_the_value_and_logs_who_saw_what(login, hrss_case, caplog):
    client = login("hrss-zengdu")
    url = reverse("casework:reveal", args=[hrss_case.reference])
    with caplog.at_level(logging.DEBUG):
        response = client.post(url, {"path": "applicant.id_number"})
    assert response.status_code == 200
    html = response.content.decode()
    assert WORKER_ID in html
    assert hrss_case.applicant_phone not in html  # only the one value asked for
    assert "no-store" in response["Cache-Control"]
    entry = AuditEntry.objects.get(case=hrss_case, action=AuditEntry.Action.REVEAL)
    assert entry.actor == staff("hrss-zengdu")
    assert entry.detail == "applicant.id_number"
    assert WORKER_ID not in caplog.text
    assert WORKER_ID not in url
    # The case history shows the reveal, naming the field, not the value.
    history = client.get(page_url(hrss_case) + "?history=audit").content.decode()
    assert "查看个人信息" in history or "个人信息" in history
    assert WORKER_ID not in history


def test_reveal_with_javascript_answers_json(login, hrss_case):
    client = login("hrss-zengdu-head")
    response = client.post(
        reverse("casework:reveal", args=[hrss_case.reference]),
        {"path": "applicant.phone"},
        headers={"accept": "application/json"},
    )
    assert response.status_code == 200
    assert json.loads(response.content) == {
        "path": "applicant.phone",
        "value": hrss_case.applicant_phone,
    }
    assert "no-store" in response["Cache-Control"]
    assert AuditEntry.objects.filter(case=hrss_case, detail="applicant.phone").count() == 1


def test_reveal_refuses_get_and_unknown_fields_and_logs_nothing(login, hrss_case):
    client = login("hrss-zengdu")
    url = reverse("casework:reveal", args=[hrss_case.reference])
    assert client.get(url, {"path": "applicant.id_number"}).status_code == 405
    assert client.post(url, {"path": "applicant.password"}).status_code == 400
    assert client.post(url, {}).status_code == 400
    assert not AuditEntry.objects.filter(case=hrss_case).exists()


def test_evidence_download_is_logged_and_not_cached(login, hrss_case):
    record = add_evidence(hrss_case)
    client = login("hrss-zengdu")
    html = client.get(page_url(hrss_case)).content.decode()
    url = reverse("casework:evidence", args=[hrss_case.reference, record.pk])
    assert f'href="{url}"' in html
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "no-store" in response["Cache-Control"]
    entry = AuditEntry.objects.get(case=hrss_case, action=AuditEntry.Action.DOWNLOAD)
    assert entry.actor == staff("hrss-zengdu")
    assert entry.detail.startswith(f"evidence:{record.pk}")
    history = client.get(page_url(hrss_case) + "?history=audit").content.decode()
    assert "劳动合同（示例）.pdf" in history.split('id="case-timeline"')[1]


def test_evidence_of_another_case_or_missing_file_answers_404(login, hrss_case):
    other = make_case(region="zengdu")
    foreign = add_evidence(other)
    client = login("hrss-zengdu")
    url = reverse("casework:evidence", args=[hrss_case.reference, foreign.pk])
    assert client.get(url).status_code == 404
    missing = add_evidence(hrss_case)
    missing.file.storage.delete(missing.file.name)
    url = reverse("casework:evidence", args=[hrss_case.reference, missing.pk])
    assert client.get(url).status_code == 404
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.DOWNLOAD).exists()


def test_arbitration_notice_when_art_14s_days_from_receipt_ran_out(login, hrss_case):
    """Art. 14 counts 15 days from receipt, not from acceptance: the notice shows although
    the organization's own working limit (from acceptance) has not run out."""
    client = login("hrss-zengdu")
    assert 'id="arbitration-notice"' not in client.get(page_url(hrss_case)).content.decode()
    run(hrss_case, "accept", "hrss-zengdu")
    Case.objects.filter(pk=hrss_case.pk).update(
        arrived_at=timezone.now() - datetime.timedelta(days=30),  # past any holiday move
        mediation_due=timezone.localdate() + datetime.timedelta(days=5),
    )
    html = client.get(page_url(hrss_case)).content.decode()
    assert 'id="arbitration-notice"' in html
    assert "当事人现在可以申请仲裁" in html
    assert 'data-clock="arbitration_open"' in html and 'data-clock="mediation"' in html


def test_sessions_outcome_terms_and_history_of_a_mediated_case(login, hrss_case):
    mediator = Mediator.objects.filter(status="active", agency=hrss_case.agency).first()
    starts = timezone.now() + datetime.timedelta(days=2)
    run(hrss_case, "accept", "hrss-zengdu")
    consent = {"given_on": timezone.localdate(), "channel": "in_person", "note": "当面表示同意"}
    run(hrss_case, "record_consent", "hrss-zengdu", consent)
    run(hrss_case, "assign", "hrss-zengdu", {"mediator": mediator})
    run(hrss_case, "schedule_session", "hrss-zengdu", {"starts_at": starts, "place": "三楼调解室"})
    session = hrss_case.sessions.get()
    run(hrss_case, "record_minutes", "hrss-zengdu", {"session": session, "minutes": "双方陈述。"})
    terms = [
        {"text": "支付工资", "amount": decimal.Decimal("8000.00"), "payment_method": "cash"},
        {"text": "出具离职证明", "amount": None, "payment_method": "none"},
    ]
    run(hrss_case, "record_agreement", "hrss-zengdu", {"summary": "达成一致", "terms": terms})
    html = login("hrss-zengdu").get(page_url(hrss_case)).content.decode()
    assert mediator.name in html.split('id="case-mediator"')[1].split("</dd>")[0]
    sessions = html.split('id="case-sessions"')[1].split("</table>")[0]
    assert "三楼调解室" in sessions and "双方陈述。" in sessions
    outcome = html.split('id="agreement-terms"')[1].split("</table>")[0]
    assert "支付工资" in outcome and "8000.00" in outcome and "现金" in outcome
    assert "出具离职证明" in outcome
    assert 'data-state="met"' in html  # the mediation clock stopped
    timeline = html.split('id="case-timeline"')[1]
    assert timeline.count("casework-timeline__audit") == 6  # one per action
    assert "调解会" in timeline and "被申请人同意调解" in timeline
    consent = html.split('id="case-consent"')[1].split("</table>")[0]
    assert "同意调解" in consent and "当面" in consent and "当面表示同意" in consent


def test_document_links_follow_the_status(login, hrss_case):
    try:
        reverse("casework:document", args=[hrss_case.reference, "agreement"])
    except NoReverseMatch:
        pytest.skip("the documents view (casework:document) is not installed yet")
    client = login("hrss-zengdu")

    def links():
        html = client.get(page_url(hrss_case)).content.decode()
        return {
            kind
            for kind in ("acceptance", "decline", "agreement")
            if f'href="{reverse("casework:document", args=[hrss_case.reference, kind])}"' in html
        }

    assert links() == set()
    run(hrss_case, "accept", "hrss-zengdu")
    assert links() == {"acceptance"}
    ready_for_agreement(hrss_case)
    terms = [{"text": "支付工资", "amount": decimal.Decimal("1.00"), "payment_method": "cash"}]
    run(hrss_case, "record_agreement", "hrss-zengdu", {"terms": terms})
    assert links() == {"acceptance", "agreement"}
    declined = make_case(region="zengdu")
    run(
        declined,
        "decline",
        "hrss-zengdu-head",
        {"reason": "不属于劳动争议", "advice": "向法院起诉"},
    )
    html = client.get(page_url(declined)).content.decode()
    assert reverse("casework:document", args=[declined.reference, "decline"]) in html
    assert reverse("casework:document", args=[declined.reference, "acceptance"]) not in html


def test_the_case_page_costs_under_20_queries_whatever_the_history(
    login, hrss_case, django_assert_max_num_queries, django_assert_num_queries
):
    add_evidence(hrss_case)
    ready_for_agreement(hrss_case)
    terms = [{"text": "支付工资", "amount": decimal.Decimal("1.00"), "payment_method": "cash"}]
    run(hrss_case, "record_agreement", "hrss-zengdu", {"terms": terms})
    client = login("hrss-zengdu")
    client.get(page_url(hrss_case))
    with django_assert_max_num_queries(19) as short:
        client.get(page_url(hrss_case))
    user = staff("hrss-zengdu")
    CaseEvent.objects.bulk_create(
        [CaseEvent(case=hrss_case, kind="note", staff_note=f"n{i}", actor=user) for i in range(80)]
    )
    for _number in range(40):
        audit.record(user, AuditEntry.Action.REVEAL, case=hrss_case, detail="applicant.phone")
    for number in range(5):
        add_evidence(hrss_case, name=f"证据{number}.pdf")
    with django_assert_num_queries(len(short.captured_queries)):
        response = client.get(page_url(hrss_case))
    assert response.content.decode().count("casework-timeline__") > 120


def test_the_respondents_contact_details_are_masked_too(login, case_staff):
    from tests.casework.factories import mediation_payload

    payload = mediation_payload(region="zengdu")
    payload["respondent"].update(phone="13911112222", email="boss@example.invalid")
    case = make_case(payload)
    html = login("hrss-zengdu").get(page_url(case)).content.decode()
    assert "13911112222" not in html and "boss@example.invalid" not in html
    assert "139****2222" in html
    assert 'name="path" value="respondent.email"' in html
