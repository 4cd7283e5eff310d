"""Every action of the state machine from every status, through the actions service.

The table of legal moves below is written out by hand (not read from workflow.py), so a
change to the declared workflow that breaks a legal rule fails here.
"""

import datetime

import pytest
from django.db import transaction
from django.utils import timezone

from cases.choices import CaseStatus as S
from cases.models import CaseEvent
from casework.models import AgreementTerm, AuditEntry, CaseOutcome, MediationSession
from casework.services.actions import ActionRefused, perform
from directory.models import Agency, Mediator

from .factories import make_case, staff, union_payload

# (type, status) -> the actions a head may run; handlers may run the same except decline/close.
LEGAL = {
    ("mediation", S.SUBMITTED): {"accept", "decline", "transfer", "assign", "withdraw"},
    ("mediation", S.ACCEPTED): {
        "transfer",
        "assign",
        "record_consent",
        "record_refusal",
        "schedule_session",
        "extend",
        "record_no_agreement",
        "withdraw",
    },
    ("mediation", S.IN_MEDIATION): {  # the consent is on record: not again (ADR 0046)
        "assign",
        "schedule_session",
        "record_minutes",
        "extend",
        "record_agreement",
        "record_no_agreement",
        "record_refusal",
        "withdraw",
    },
    ("mediation", S.AGREEMENT): {"close"},
    ("mediation", S.NO_AGREEMENT): {"close"},
    ("mediation", S.WITHDRAWN): {"close"},
    ("mediation", S.REJECTED): {"close"},
    ("mediation", S.CLOSED): set(),
    ("union_setup", S.SUBMITTED): {"accept", "decline", "transfer", "assign", "withdraw"},
    ("union_setup", S.ACCEPTED): {"transfer", "assign", "start_work", "withdraw"},
    ("union_setup", S.IN_PROGRESS): {"assign", "complete", "withdraw"},
    ("union_setup", S.COMPLETED): {"close"},
    ("union_setup", S.CLOSED): set(),
}
TARGET = {
    "accept": S.ACCEPTED,
    "decline": S.REJECTED,
    "transfer": S.SUBMITTED,
    "schedule_session": S.IN_MEDIATION,
    "record_agreement": S.AGREEMENT,
    "record_no_agreement": S.NO_AGREEMENT,
    "record_refusal": S.NO_AGREEMENT,
    "withdraw": S.WITHDRAWN,
    "start_work": S.IN_PROGRESS,
    "complete": S.COMPLETED,
    "close": S.CLOSED,
}
ALL_ACTIONS = sorted({name for names in LEGAL.values() for name in names} | {"record_minutes"})
SENIOR_ONLY = {"decline", "close"}

PATHS = {  # how to bring a new case to each status: (action, actor suffix)
    S.SUBMITTED: [],
    S.ACCEPTED: [("accept", "")],
    S.IN_MEDIATION: [
        ("accept", ""),
        ("record_consent", ""),
        ("assign", ""),
        ("schedule_session", ""),
        ("record_minutes", ""),
    ],
    S.AGREEMENT: [
        ("accept", ""),
        ("record_consent", ""),
        ("assign", ""),
        ("schedule_session", ""),
        ("record_minutes", ""),
        ("record_agreement", ""),
    ],
    S.NO_AGREEMENT: [("accept", ""), ("record_no_agreement", "")],
    S.WITHDRAWN: [("withdraw", "")],
    S.REJECTED: [("decline", "-head")],
    S.CLOSED: [("withdraw", ""), ("close", "-head")],
    S.IN_PROGRESS: [("accept", ""), ("start_work", "")],
    S.COMPLETED: [("accept", ""), ("start_work", ""), ("complete", "")],
}


def data_for(name, case):
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    if name == "decline":
        return {
            "grounds": "not_labor_dispute",
            "reason": "不属于劳动争议",
            "advice": "请向人民法院起诉",
        }
    if name == "transfer":
        return {
            "agency": Agency.objects.exclude(pk=case.agency_id).get(code="justice-zengdu"),
            "reason": "更适合人民调解",
        }
    if name == "assign":  # a mediator of the handling agency (agreements require one)
        return {"mediator": Mediator.objects.filter(agency=case.agency).first()}
    if name == "schedule_session":
        return {"starts_at": tomorrow, "place": "中心第一调解室", "is_online": False}
    if name == "record_minutes":
        session = case.sessions.first() or MediationSession.objects.create(
            case=case, starts_at=tomorrow, place="中心第一调解室"
        )
        return {"session": session, "minutes": "双方陈述了意见。"}
    if name in ("record_consent", "record_refusal"):
        return {"given_on": timezone.localdate(), "channel": "phone"}
    if name == "extend":
        return {"days": 5, "parties_agreed": True, "note": "双方同意"}
    if name == "record_agreement":
        return {
            "summary": "达成协议",
            "terms": [
                {
                    "text": "被申请人支付工资12000元",
                    "amount": "12000.00",
                    "due_date": datetime.date(2026, 12, 31),
                    "payment_method": "bank_transfer",
                },
                {"text": "双方无其他争议"},
            ],
        }
    if name in ("record_no_agreement", "withdraw", "complete"):
        return {"summary": "情况说明"}
    return {}


def case_in(status, application_type="mediation"):
    case = make_case(union_payload() if application_type == "union_setup" else None)
    for name, suffix in PATHS[status]:
        perform(case, name, staff(case.agency.code + suffix), data_for(name, case), case.version)
    assert case.status == status
    return case


def snapshot(case):
    case.refresh_from_db()
    return (
        case.status,
        case.version,
        case.agency_id,
        case.events.count(),
        AuditEntry.objects.filter(case=case).count(),
        CaseOutcome.objects.filter(case=case).count(),
        case.sessions.count(),
        case.mediation_extension_days,
    )


class _Undo(Exception):
    pass


@pytest.mark.parametrize("key", list(LEGAL), ids=[f"{t}-{s}" for t, s in LEGAL])
def test_each_action_from_each_status(casework_data, key):
    """From one case in `key`'s status, try every action, each undone afterwards."""
    application_type, status = key
    case = case_in(status, application_type)
    head = staff(case.agency.code + "-head")
    for name in ALL_ACTIONS:
        case.refresh_from_db()
        data = data_for(name, case)
        if name not in LEGAL[key]:
            before = snapshot(case)
            with pytest.raises(ActionRefused) as refusal:
                perform(case, name, head, data, case.version)
            assert refusal.value.message, name
            assert snapshot(case) == before, name
            continue
        try:
            with transaction.atomic():
                before_events = case.events.count()
                perform(case, name, head, data, case.version)
                case.refresh_from_db()
                assert case.status == TARGET.get(name, status), name
                assert case.events.count() > before_events, name
                assert AuditEntry.objects.filter(case=case, detail__startswith=f"{name}:").exists()
                raise _Undo
        except _Undo:
            pass


@pytest.mark.parametrize("name", sorted(SENIOR_ONLY))
def test_handlers_cannot_decline_or_close(casework_data, name):
    case = case_in(S.SUBMITTED if name == "decline" else S.WITHDRAWN)
    before = snapshot(case)
    with pytest.raises(ActionRefused, match="角色"):
        perform(case, name, staff(case.agency.code), data_for(name, case), case.version)
    assert snapshot(case) == before


def test_other_agencies_and_liaisons_cannot_act(casework_data):
    case = case_in(S.SUBMITTED)
    before = snapshot(case)
    for username in ("union_federation-zengdu", "hrss-suixian-head", f"{case.agency.code}-liaison"):
        with pytest.raises(ActionRefused):
            perform(case, "accept", staff(username), {}, case.version)
    assert snapshot(case) == before


def test_center_admin_may_act_on_any_case(casework_data):
    case = case_in(S.SUBMITTED)
    perform(case, "decline", staff("center-city-head"), data_for("decline", case), case.version)
    assert case.status == S.REJECTED


def test_stale_version_is_refused_and_changes_nothing(casework_data):
    case = case_in(S.SUBMITTED)
    handler = staff(case.agency.code)
    seen = case.version
    perform(case, "assign", handler, {"mediator": Mediator.objects.first()}, seen)
    before = snapshot(case)
    with pytest.raises(ActionRefused) as refusal:
        perform(case, "accept", handler, {}, seen)
    assert refusal.value.stale
    assert snapshot(case) == before


def test_transfer_moves_the_case_and_restarts_acceptance(casework_data):
    case = case_in(S.ACCEPTED)
    sender = case.agency
    receiver = Agency.objects.get(code="justice-zengdu")
    perform(
        case, "transfer", staff(sender.code), {"agency": receiver, "reason": "更适合"}, case.version
    )
    case.refresh_from_db()
    assert case.agency == receiver
    assert case.status == S.SUBMITTED
    assert case.accepted_at is None and case.assigned_to is None
    assert case.acceptance_due is not None and case.mediation_due is None
    event = case.events.get(kind=CaseEvent.Kind.TRANSFERRED)
    assert sender.name in event.staff_note and receiver.name in event.staff_note
    purposes = set(case.notifications.values_list("purpose", "recipient"))
    assert ("transfer_in", f"{receiver.code}-liaison@example.invalid") in purposes
    assert ("transfer_out", f"{sender.code}-liaison@example.invalid") in purposes


def test_transfer_to_own_agency_and_without_reason_are_refused(casework_data):
    case = case_in(S.SUBMITTED)
    before = snapshot(case)
    handler = staff(case.agency.code)
    with pytest.raises(ActionRefused, match="案件已在本机构"):
        perform(case, "transfer", handler, {"agency": case.agency, "reason": "x"}, case.version)
    other = Agency.objects.get(code="justice-zengdu")
    with pytest.raises(ActionRefused):
        perform(case, "transfer", handler, {"agency": other, "reason": ""}, case.version)
    assert snapshot(case) == before


def test_agreement_needs_terms_and_records_them_numbered(casework_data):
    case = case_in(S.IN_MEDIATION)
    head = staff(case.agency.code + "-head")
    before = snapshot(case)
    for terms in ([], [{"text": "  "}]):
        with pytest.raises(ActionRefused, match="至少需要一项条款"):
            perform(case, "record_agreement", head, {"terms": terms}, case.version)
    assert snapshot(case) == before
    perform(case, "record_agreement", head, data_for("record_agreement", case), case.version)
    terms = AgreementTerm.objects.filter(outcome__case=case)
    assert [t.number for t in terms] == [1, 2]
    assert str(terms[0].amount) == "12000.00"


def test_an_agreement_needs_a_recorded_session_and_the_cases_own_mediator(casework_data):
    """Bad input of issue "Citizen journey": an agreement attempted without a session or a
    mediator is refused with a clear message and changes nothing; so is a mediator from
    another agency."""
    case = make_case()
    head = staff(case.agency.code + "-head")
    agreement = data_for("record_agreement", case)
    perform(case, "accept", head, {}, case.version)
    with pytest.raises(ActionRefused):  # accepted, no session yet: not even offered
        perform(case, "record_agreement", head, agreement, case.version)
    perform(case, "schedule_session", head, data_for("schedule_session", case), case.version)
    steps = [
        (None, "同意调解"),  # a session, but the respondent has not agreed to mediate
        ("record_consent", "调解笔录"),  # consent, but no minutes recorded
        ("record_minutes", "调解员"),  # minutes, but no mediator named
    ]
    for action, message in steps:
        if action:
            perform(case, action, head, data_for(action, case), case.version)
        before = snapshot(case)
        with pytest.raises(ActionRefused, match=message):
            perform(case, "record_agreement", head, agreement, case.version)
        assert snapshot(case) == before
    stranger = (
        Mediator.objects.exclude(agency=case.agency)
        .exclude(organizations__host_agency=case.agency)
        .first()
    )
    perform(case, "assign", head, {"mediator": stranger}, case.version)
    before = snapshot(case)
    with pytest.raises(ActionRefused, match="受理机构"):
        perform(case, "record_agreement", head, agreement, case.version)
    assert snapshot(case) == before
    perform(case, "assign", head, data_for("assign", case), case.version)
    perform(case, "record_agreement", head, agreement, case.version)
    assert case.status == S.AGREEMENT


def test_extension_needs_both_parties(casework_data):
    case = case_in(S.ACCEPTED)
    before = snapshot(case)
    with pytest.raises(ActionRefused, match="双方当事人同意"):
        perform(case, "extend", staff(case.agency.code), {"days": 5}, case.version)
    assert snapshot(case) == before
    due = case.mediation_due
    perform(case, "extend", staff(case.agency.code), data_for("extend", case), case.version)
    assert case.mediation_extension_days == 5 and case.mediation_due > due


def test_minutes_of_another_case_are_refused(casework_data):
    case = case_in(S.IN_MEDIATION)
    other = case_in(S.IN_MEDIATION)
    session = other.sessions.get()
    data = {"session": session, "minutes": "x"}
    with pytest.raises(ActionRefused, match="其他案件"):
        perform(case, "record_minutes", staff(case.agency.code), data, case.version)
    session.refresh_from_db()
    assert session.minutes == "双方陈述了意见。"


def test_public_timeline_shows_what_the_applicant_may_see(casework_data):
    from applications.services.tracking import public_view

    case = case_in(S.IN_MEDIATION)
    perform(
        case,
        "assign",
        staff(case.agency.code),
        {"mediator": Mediator.objects.first()},
        case.version,
    )
    labels = [entry["label"] for entry in public_view(case).timeline]
    assert S.ACCEPTED.label in labels
    assigned = case.events.filter(kind=CaseEvent.Kind.ASSIGNED)
    assert assigned.count() == 2 and not assigned.filter(is_public=True).exists()
