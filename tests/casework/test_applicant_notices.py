"""The applicant hears about what happens to their case: accepted, declined (with reason and
advice), transferred, a session arranged, the outcome, a withdrawal, setup help started or
completed. Internal steps (assigning, minutes, extensions, closing) send nothing, and a
refused action sends nothing."""

import pytest
from django.urls import reverse

from cases import sms
from cases.models import Notification
from casework.actions import ACTIONS
from casework.services.actions import ActionRefused, perform

from .factories import make_case, mediation_payload, staff, union_payload
from .test_workflow import case_in, data_for

pytestmark = pytest.mark.usefixtures("casework_data")
PROGRESS = Notification.Purpose.PROGRESS


def progress(case) -> list[Notification]:
    return list(Notification.objects.filter(case=case, purpose=PROGRESS).order_by("pk"))


def run(case, name, suffix=""):
    perform(case, name, staff(case.agency.code + suffix), data_for(name, case), case.version)


def test_acceptance_is_sent_by_sms_and_email_and_delivered_after_commit(
    django_capture_on_commit_callbacks, mailoutbox
):
    case = make_case()
    sms.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        run(case, "accept")
    texts = {message.channel: message for message in progress(case)}
    assert set(texts) == {"sms", "email"}
    assert texts["sms"].recipient == case.applicant_phone
    assert texts["email"].recipient == case.applicant_email
    assert case.reference in texts["sms"].body and "已受理" in texts["sms"].body
    assert reverse("applications:track") in texts["sms"].body
    assert all(message.status == Notification.Status.SENT for message in progress(case))
    assert (case.applicant_phone, texts["sms"].body) in sms.outbox
    [mail] = [message for message in mailoutbox if message.to == [case.applicant_email]]
    assert mail.subject == f"您的申请 {case.reference}：已受理"
    assert case.agency.name in mail.body


def test_a_decline_carries_the_reason_and_the_advice():
    case = make_case()
    run(case, "decline", "-head")
    [text] = [message for message in progress(case) if message.channel == "sms"]
    assert "不予受理" in text.body
    assert "不属于劳动争议" in text.body and "请向人民法院起诉" in text.body


def test_a_session_gives_its_time_and_place_and_a_transfer_the_new_agency():
    case = case_in("accepted")
    run(case, "schedule_session")
    [session] = [message for message in progress(case) if message.channel == "sms"][-1:]
    assert "中心第一调解室" in session.body
    other = make_case()
    run(other, "transfer")
    [moved] = [message for message in progress(other) if message.channel == "sms"]
    other.refresh_from_db()
    assert other.agency.name in moved.body


@pytest.mark.parametrize(
    ("status", "name", "words"),
    [
        ("in_mediation", "record_agreement", "已达成调解协议"),
        ("accepted", "record_no_agreement", "未达成协议"),
        ("submitted", "withdraw", "撤回"),
    ],
)
def test_outcomes_are_told(status, name, words):
    case = case_in(status)
    before = len(progress(case))
    run(case, name)
    news = progress(case)[before:]
    assert {message.channel for message in news} == {"sms", "email"}
    assert all(words in message.body for message in news)


def test_setup_help_start_and_completion_are_told():
    case = case_in("accepted", "union_setup")
    before = len(progress(case))
    run(case, "start_work")
    run(case, "complete")
    bodies = [message.body for message in progress(case)[before:] if message.channel == "sms"]
    assert len(bodies) == 2
    assert "已开始办理" in bodies[0] and "已办结" in bodies[1]


@pytest.mark.parametrize("name", ["assign", "record_minutes", "extend"])
def test_internal_steps_send_nothing(name):
    case = case_in("in_mediation")
    before = len(progress(case))
    run(case, name)
    assert len(progress(case)) == before


def test_closing_sends_nothing_and_the_flag_matches_the_workflow():
    case = case_in("withdrawn")
    before = len(progress(case))
    run(case, "close", "-head")
    assert len(progress(case)) == before
    told = {name for name, action in ACTIONS.items() if action.tells_applicant}
    assert told == {
        "accept",
        "decline",
        "transfer",
        "schedule_session",
        "record_agreement",
        "record_no_agreement",
        "record_refusal",
        "withdraw",
        "start_work",
        "complete",
    }


def test_a_refused_action_sends_nothing():
    case = make_case()
    with pytest.raises(ActionRefused):
        perform(case, "decline", staff(case.agency.code), data_for("decline", case), case.version)
    with pytest.raises(ActionRefused):
        perform(case, "accept", staff(case.agency.code), {}, case.version - 1)
    assert progress(case) == []


def test_no_email_without_an_address_and_no_personal_numbers_in_any_text():
    payload = mediation_payload()
    payload["applicant"].pop("email", None)
    case = make_case(payload)
    run(case, "accept")
    [text] = progress(case)
    assert text.channel == "sms"
    id_number = case.answers["applicant"]["id_number"]
    assert id_number and id_number not in text.body
    assert case.applicant_phone not in text.body


def test_union_setup_applicants_are_told_on_the_contact_mobile():
    case = make_case(union_payload())
    run(case, "accept")
    assert [message.recipient for message in progress(case) if message.channel == "sms"] == [
        case.applicant_phone
    ]
