"""The mediation wizard end to end through Django's test client."""

import pytest
from django.test import Client
from django.urls import reverse

from cases.models import Case, CaseEvent, EvidenceFile, Notification, PurgeRecord

from .factories import MEDIATION_STEPS, WORKER_ID
from .files import EXE, PDF, big_upload, upload
from .wizard_client import fill, step_url, submit

pytestmark = pytest.mark.usefixtures("routing_data")


@pytest.fixture
def client():
    return Client(enforce_csrf_checks=False)


def test_a_worker_applies_and_gets_a_reference(client, run_on_commit, mailoutbox):
    fill(client, "mediation", MEDIATION_STEPS)
    response, _key = submit(client, "mediation")
    assert response.status_code == 302
    done = client.get(response["Location"])
    case = Case.objects.get()
    assert case.reference in done.content.decode()
    assert "申请已提交" in done.content.decode()
    assert case.applicant_phone == "13800000001"  # +86 and dashes normalized
    assert case.answers["applicant"]["id_number"] == WORKER_ID
    assert str(case.amount_claimed) == "12000.50"
    assert case.agency.code == "hrss-zengdu"
    assert case.routing_rule.priority == 80
    assert "案前调解" in case.routing_explanation
    assert case.consent_at is not None and case.privacy_notice_version
    assert list(case.events.values_list("kind", flat=True)) == ["submitted", "routed"]
    # Liaison notified, applicant confirmed by email and SMS, all delivered by the task.
    sent = {(n.channel, n.recipient, n.status) for n in Notification.objects.all()}
    assert ("email", "hrss-zengdu-liaison@example.invalid", "sent") in sent
    assert ("email", "worker@example.invalid", "sent") in sent
    assert ("sms", "13800000001", "sent") in sent
    assert sorted(m.to[0] for m in mailoutbox) == [
        "hrss-zengdu-liaison@example.invalid",
        "worker@example.invalid",
    ]
    liaison_mail = next(m for m in mailoutbox if m.to[0].startswith("hrss"))
    assert case.reference in liaison_mail.subject
    assert WORKER_ID not in liaison_mail.body and "张示例" not in liaison_mail.body


def test_wrong_id_number_shows_error_summary_and_keeps_answers(client):
    fill(client, "mediation", {k: MEDIATION_STEPS[k] for k in ("about", "stage")})
    data = dict(
        MEDIATION_STEPS["applicant"],
        id_number="110105194912310021",
        name="<script>alert(1)</script>",
    )
    response = client.post(step_url("mediation", "applicant"), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "error-summary" in html and "存在问题" in html or "There is a problem" not in html
    assert 'href="#id_id_number"' in html
    assert "身份证号码有误，请逐位核对。" in html
    assert response.context["form"]["phone"].value() == "+86 138-0000-0001"
    assert 'value="110105194912310021"' in html
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
    assert html.count('aria-invalid="true"') == 1
    assert "<title>错误：" in html


def test_radio_errors_link_to_the_first_option(client):
    response = client.post(step_url("mediation", "about"), {})
    html = response.content.decode()
    assert 'href="#id_relationship_0"' in html and 'id="id_relationship_0"' in html


def test_steps_cannot_be_skipped(client):
    response = client.get(step_url("mediation", "dispute"))
    assert response.status_code == 302 and response["Location"] == step_url("mediation", "about")
    response = client.get(reverse("applications:check", args=["mediation"]))
    assert response["Location"] == step_url("mediation", "about")


def test_going_back_shows_previous_answers(client):
    fill(client, "mediation", {k: MEDIATION_STEPS[k] for k in ("about", "stage", "applicant")})
    response = client.get(step_url("mediation", "applicant"))
    assert response.context["form"]["name"].value() == "张示例"
    assert response.context["form"]["kind"].value() == "worker"


def test_respondent_defaults_to_the_other_kind(client):
    fill(client, "mediation", {k: MEDIATION_STEPS[k] for k in ("about", "stage", "applicant")})
    response = client.get(step_url("mediation", "respondent"))
    assert response.context["form"]["kind"].value() == "employer"


def test_change_link_returns_to_the_summary(client):
    fill(client, "mediation", MEDIATION_STEPS)
    check = client.get(reverse("applications:check", args=["mediation"]))
    html = check.content.decode()
    assert step_url("mediation", "dispute") + "?change=1" in html
    assert "支付拖欠工资12000.50元" in html and "劳动报酬" in html
    changed = dict(MEDIATION_STEPS["dispute"], claims="改后的请求")
    response = client.post(step_url("mediation", "dispute") + "?change=1", changed)
    assert response["Location"] == reverse("applications:check", args=["mediation"])
    assert "改后的请求" in client.get(response["Location"]).content.decode()


def test_dispute_rules(client):
    fill(
        client,
        "mediation",
        {k: MEDIATION_STEPS[k] for k in ("about", "stage", "applicant", "respondent")},
    )
    bad = dict(
        MEDIATION_STEPS["dispute"],
        employment_start="2024-05-01",
        employment_end="2024-04-01",
        amount_claimed="-5",
        workers_involved="12",
        representative="",
        categories=["nonsense"],
    )
    response = client.post(step_url("mediation", "dispute"), bad)
    errors = response.context["form"].errors
    assert set(errors) == {"employment_end", "amount_claimed", "representative", "categories"}
    assert errors["amount_claimed"] == ["金额不能为负数。"]


def test_arbitration_pending_needs_a_case_number(client):
    fill(client, "mediation", {"about": MEDIATION_STEPS["about"]})
    response = client.post(step_url("mediation", "stage"), {"stage": "arbitration_pending"})
    assert response.context["form"].errors == {
        "arbitration_case_number": ["请填写仲裁案号，或勾选“我还没有案号”。"]
    }


@pytest.mark.parametrize("relationship", ["labor_service", "no_employer"])
def test_not_a_labor_dispute_is_screened_out_with_advice(client, relationship):
    response = client.post(
        step_url("mediation", "about"), {"relationship": relationship, "region": "city"}
    )
    advice = client.get(response["Location"])
    assert "这可能不属于劳动争议" in advice.content.decode()
    assert "12348" in advice.content.decode()
    assert client.get(step_url("mediation", "stage")).status_code == 302  # cannot go on


def test_double_submission_creates_one_case(client):
    fill(client, "mediation", MEDIATION_STEPS)
    first, key = submit(client, "mediation")
    again = client.post(
        reverse("applications:check", args=["mediation"]),
        {"consent": "on", "submission_key": key, "website": ""},
    )
    assert again.status_code == 302 and again["Location"] == first["Location"]
    assert Case.objects.count() == 1


def test_consent_is_required(client):
    fill(client, "mediation", MEDIATION_STEPS)
    check = client.get(reverse("applications:check", args=["mediation"]))
    key = check.context["review"]["submission_key"].value()
    response = client.post(
        reverse("applications:check", args=["mediation"]), {"submission_key": key}
    )
    assert response.status_code == 200
    assert "请勾选同意隐私声明。" in response.content.decode()
    assert Case.objects.count() == 0


def test_honeypot_creates_nothing(client):
    fill(client, "mediation", MEDIATION_STEPS)
    check = client.get(reverse("applications:check", args=["mediation"]))
    key = check.context["review"]["submission_key"].value()
    response = client.post(
        reverse("applications:check", args=["mediation"]),
        {"consent": "on", "submission_key": key, "website": "http://spam.example"},
    )
    assert response.status_code == 200 and Case.objects.count() == 0


def test_organization_parameter_preselects_and_routes_to_it(client):
    response = client.get(
        reverse("applications:start", args=["mediation"])
        + "?organization=center-litigation-station"
    )
    assert "曾都区人民法院驻中心诉讼服务站" in response.content.decode()
    # The station takes cases after an award (arbitration comes first, art. 5).
    answers = dict(MEDIATION_STEPS, stage={"stage": "award_issued"})
    fill(client, "mediation", {k: answers[k] for k in list(answers)[:5]})
    step = client.get(step_url("mediation", "organization"))
    assert step.context["form"]["preferred_organization"].value() == "center-litigation-station"
    steps = dict(answers, organization={"preferred_organization": "center-litigation-station"})
    fill(client, "mediation", {k: steps[k] for k in ("organization", "evidence")})
    submit(client, "mediation")
    case = Case.objects.get()
    assert (
        case.agency.code == "court-zengdu" and case.organization.code == "center-litigation-station"
    )
    assert case.routing_rule.priority == 10


def test_unknown_organization_parameter_is_ignored(client):
    response = client.get(reverse("applications:start", args=["mediation"]) + "?organization=nope")
    assert response.status_code == 200 and response.context["organization"] is None


class TestEvidence:
    def _to_evidence(self, client):
        fill(client, "mediation", {k: MEDIATION_STEPS[k] for k in list(MEDIATION_STEPS)[:6]})

    def test_pdf_is_kept_between_steps_and_attached_privately(
        self, client, settings, run_on_commit
    ):
        self._to_evidence(client)
        response = client.post(
            step_url("mediation", "evidence"),
            {"files": [upload("合同.pdf", PDF)], "action": "upload"},
        )
        assert response.status_code == 302
        page = client.get(step_url("mediation", "evidence")).content.decode()
        assert "合同.pdf" in page
        client.post(step_url("mediation", "evidence"), {"action": "continue"})
        submit(client, "mediation")
        evidence = EvidenceFile.objects.get()
        assert evidence.content_type == "application/pdf" and evidence.size == len(PDF)
        path = evidence.file.path
        assert path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
        assert not path.startswith(str(settings.MEDIA_ROOT))
        with open(path, "rb") as stored:
            assert stored.read() == PDF
        with pytest.raises(ValueError):
            evidence.file.url  # noqa: B018 - private files have no URL
        pending = settings.PRIVATE_MEDIA_ROOT / "pending"
        assert not any(p.is_file() for p in pending.rglob("*"))

    def test_exe_renamed_pdf_is_refused(self, client):
        self._to_evidence(client)
        response = client.post(
            step_url("mediation", "evidence"),
            {"files": [upload("证据.pdf", EXE)], "action": "continue"},
        )
        assert response.status_code == 200
        assert "只能上传PDF、JPEG或PNG文件。" in response.content.decode()

    def test_pdf_renamed_jpg_is_stored_as_pdf(self, client, run_on_commit):
        self._to_evidence(client)
        client.post(
            step_url("mediation", "evidence"),
            {"files": [upload("photo.jpg", PDF, "image/jpeg")], "action": "continue"},
        )
        submit(client, "mediation")
        evidence = EvidenceFile.objects.get()
        assert evidence.content_type == "application/pdf" and evidence.file.name.endswith(".pdf")

    def test_30_mb_upload_is_refused_with_a_field_message(self, client):
        self._to_evidence(client)
        response = client.post(
            step_url("mediation", "evidence"),
            {"files": [big_upload("big.pdf", 30)], "action": "continue"},
        )
        assert response.status_code == 200
        assert "每个文件不能超过10MB" in response.content.decode()

    def test_at_most_five_files(self, client):
        self._to_evidence(client)
        files = [upload(f"{i}.pdf", PDF) for i in range(6)]
        response = client.post(
            step_url("mediation", "evidence"), {"files": files, "action": "continue"}
        )
        assert "最多只能上传5个文件。" in response.content.decode()

    def test_removing_a_file(self, client, settings):
        self._to_evidence(client)
        client.post(
            step_url("mediation", "evidence"), {"files": [upload("a.pdf", PDF)], "action": "upload"}
        )
        token = client.session["apply:mediation"]["files"][0]["token"]
        client.post(step_url("mediation", "evidence"), {"remove": token})
        assert client.session["apply:mediation"]["files"] == []


def test_oversized_body_is_refused_before_reading(client, settings):
    settings.APPLICATION_MAX_BODY_BYTES = 1000
    response = client.post(step_url("mediation", "about"), {"relationship": "x" * 2000})
    assert response.status_code == 413 and "上传的内容过大" in response.content.decode()


def test_truncated_multipart_body_is_a_400_and_creates_nothing(client):
    fill(client, "mediation", {k: MEDIATION_STEPS[k] for k in list(MEDIATION_STEPS)[:6]})
    body = (
        b"--BOUNDARY\r\n"
        b'Content-Disposition: form-data; name="files"; filename="a.pdf"\r\n'
        b"Content-Type: application/pdf\r\n\r\n%PDF-1.4 trunc"
    )
    response = client.generic(
        "POST",
        step_url("mediation", "evidence"),
        body,
        content_type="multipart/form-data; boundary=BOUNDARY",
    )
    assert response.status_code == 400
    assert "上传没有完成" in response.content.decode()
    assert client.session["apply:mediation"]["files"] == []
    assert Case.objects.count() == 0


def test_rate_limit_answers_429_in_chinese(client, settings):
    settings.APPLICATION_RATE_LIMIT = "1/h"
    fill(client, "mediation", MEDIATION_STEPS)
    submit(client, "mediation")
    fill(client, "mediation", MEDIATION_STEPS)
    response, _key = submit(client, "mediation")
    assert response.status_code == 429
    assert "操作过于频繁" in response.content.decode()
    assert Case.objects.count() == 1


def test_csrf_is_enforced():
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(step_url("mediation", "about"), MEDIATION_STEPS["about"])
    assert response.status_code == 403


@pytest.mark.parametrize("step", list(MEDIATION_STEPS))
def test_each_step_renders_in_at_most_10_queries(client, step, django_assert_max_num_queries):
    steps = list(MEDIATION_STEPS)
    fill(client, "mediation", {k: MEDIATION_STEPS[k] for k in steps[: steps.index(step)]})
    with django_assert_max_num_queries(10):
        response = client.get(step_url("mediation", step))
    assert response.status_code == 200


def test_check_page_renders_in_at_most_10_queries(client, django_assert_max_num_queries):
    fill(client, "mediation", MEDIATION_STEPS)
    with django_assert_max_num_queries(10):
        assert client.get(reverse("applications:check", args=["mediation"])).status_code == 200


def test_no_partial_case_when_notification_planning_fails(client, monkeypatch):
    from cases.services import notify

    def broken(planned):
        raise RuntimeError("boom")

    # Recording the messages is the last write of the case's transaction.
    monkeypatch.setattr(notify, "record", broken)
    fill(client, "mediation", MEDIATION_STEPS)
    with pytest.raises(RuntimeError):
        submit(client, "mediation")
    assert Case.objects.count() == 0 and CaseEvent.objects.count() == 0


def test_abandoned_uploads_are_purged(client, settings):
    import datetime
    import io

    import time_machine
    from django.core.management import call_command
    from django.utils import timezone

    fill(client, "mediation", {k: MEDIATION_STEPS[k] for k in list(MEDIATION_STEPS)[:6]})
    client.post(
        step_url("mediation", "evidence"), {"files": [upload("a.pdf", PDF)], "action": "upload"}
    )
    folder = next((settings.PRIVATE_MEDIA_ROOT / "pending").iterdir())
    uploaded = timezone.now()
    with time_machine.travel(uploaded + datetime.timedelta(hours=23)):
        call_command("purge_pending_evidence", stdout=io.StringIO())
    assert folder.exists()  # not yet 24 hours
    with time_machine.travel(uploaded + datetime.timedelta(hours=24, minutes=1)):
        call_command("purge_pending_evidence", stdout=io.StringIO())
    assert not folder.exists()
    record = PurgeRecord.objects.latest("pk")
    assert (record.kind, record.count) == (PurgeRecord.Kind.ABANDONED_UPLOADS, 1)
