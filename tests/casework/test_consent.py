"""The respondent's consent to mediate (ADR 0046), walked through every state: consent then
agreement; refusal before any session; consent withdrawn later; every attempt out of order
and every bad value refused with nothing changed."""

import datetime

import pytest
from django.utils import timezone

from cases.choices import CaseStatus as S
from cases.models import Notification
from casework.models import AuditEntry, RespondentConsent
from casework.services.actions import ActionRefused, perform

from .factories import make_case, staff
from .test_workflow import case_in, data_for, snapshot

pytestmark = pytest.mark.usefixtures("casework_data")


def act(case, name, data=None):
    data = data_for(name, case) if data is None else data
    perform(case, name, staff(case.agency.code), data, case.version)


def refused(case, name, data, message):
    before = (snapshot(case), case.consents.count(), case.notifications.count())
    with pytest.raises(ActionRefused, match=message or None) as refusal:
        perform(case, name, staff(case.agency.code), data, case.version)
    assert refusal.value.message
    assert (snapshot(case), case.consents.count(), case.notifications.count()) == before


def answer(**changes):
    return {"given_on": timezone.localdate(), "channel": "phone", **changes}


def progress_sms(case):
    return list(
        Notification.objects.filter(
            case=case, purpose=Notification.Purpose.PROGRESS, channel="sms"
        ).order_by("pk")
    )


def test_consent_then_session_then_agreement():
    case = case_in(S.ACCEPTED)
    act(case, "assign")
    act(case, "schedule_session")
    session = case.sessions.get()
    refused(case, "record_minutes", {"session": session, "minutes": "陈述"}, "同意调解")
    refused(case, "record_agreement", data_for("record_agreement", case), "同意调解")
    sent_before = len(progress_sms(case))
    act(case, "record_consent", answer(channel="in_person", note="当面同意"))
    consent = case.consents.get()
    assert consent.answer == RespondentConsent.Answer.AGREED
    assert consent.channel == "in_person" and consent.given_on == timezone.localdate()
    assert consent.recorded_by == staff(case.agency.code)
    event = case.events.latest("pk")
    assert event.is_public and event.public_note == "被申请人同意调解。"
    assert "当面" in event.staff_note and "当面同意" in event.staff_note
    assert AuditEntry.objects.filter(case=case, detail__startswith="record_consent:").exists()
    assert len(progress_sms(case)) == sent_before  # an internal step: no message
    refused(case, "record_consent", answer(), "已记录被申请人同意调解")
    act(case, "record_minutes")
    act(case, "record_agreement")
    assert case.status == S.AGREEMENT


def test_refusal_ends_mediation_with_advice_and_tells_the_applicant():
    from applications.services.tracking import public_view

    case = case_in(S.ACCEPTED)
    act(case, "record_refusal", answer(channel="sms", note="短信回复不同意"))
    assert case.status == S.NO_AGREEMENT
    consent = case.consents.get()
    assert consent.answer == RespondentConsent.Answer.REFUSED and consent.channel == "sms"
    outcome = case.outcome
    assert outcome.kind == S.NO_AGREEMENT
    assert "被申请人不同意调解" in outcome.summary and "短信回复不同意" in outcome.summary
    assert "仲裁" in outcome.advice and "一年" in outcome.advice and "第五条" in outcome.advice
    [sms] = progress_sms(case)[-1:]
    assert "对方当事人不同意调解" in sms.body and "仲裁" in sms.body
    notes = [entry["note"] for entry in public_view(case).timeline]
    assert any("无需等待调解期限届满" in note for note in notes)
    for name in ("record_consent", "record_refusal", "schedule_session", "record_agreement"):
        refused(case, name, {**answer(), **data_for(name, case)}, "")


def test_consent_withdrawn_in_mediation_ends_it():
    case = case_in(S.IN_MEDIATION)
    act(case, "record_refusal", answer(advice="可申请仲裁，时效一年"))
    assert case.status == S.NO_AGREEMENT
    assert case.outcome.advice == "可申请仲裁，时效一年"
    assert list(case.consents.values_list("answer", flat=True)) == ["agreed", "refused"]


def test_no_consent_before_acceptance_or_after_the_end():
    case = make_case()
    refused(case, "record_consent", answer(), "")
    refused(case, "record_refusal", answer(), "")
    withdrawn = case_in(S.WITHDRAWN)
    refused(withdrawn, "record_consent", answer(), "")


@pytest.mark.parametrize("name", ["record_consent", "record_refusal"])
@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"given_on": None}, "答复的日期"),
        ({"channel": ""}, "答复的方式"),
        ({"channel": "pigeon"}, "答复的方式"),
        ({"given_on": datetime.date(2020, 1, 1)}, "答复日期应在"),
        ({"given_on": "tomorrow"}, "答复日期应在"),
    ],
)
def test_bad_answers_are_refused(name, changes, message):
    case = case_in(S.ACCEPTED)
    if changes.get("given_on") == "tomorrow":
        changes = {"given_on": timezone.localdate() + datetime.timedelta(days=1)}
    refused(case, name, answer(**changes), message)
