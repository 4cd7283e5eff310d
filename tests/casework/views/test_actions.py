"""Every workflow action through its admin form, and every way one is refused: illegal
status, wrong role, stale version, transfer to one's own agency, an agreement without
terms, bad field values. A refusal shows an error summary and changes nothing."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.utils import timezone

from cases.choices import CaseStatus as S
from cases.models import Case
from casework.models import AgreementTerm, AuditEntry, MediationSession
from casework.services.actions import perform
from directory.models import Agency, MediationOrganization, Mediator
from tests.casework.factories import make_case, staff, union_payload


def action_url(case, name):
    return f"/admin/cases/{case.reference}/actions/{name}/"


def state(case):
    """Everything an action could change, to assert that a refusal changed nothing."""
    fresh = Case.objects.get(pk=case.pk)
    return (
        fresh.status,
        fresh.version,
        fresh.agency_id,
        fresh.assigned_to_id,
        fresh.mediator_id,
        fresh.organization_id,
        fresh.mediation_extension_days,
        fresh.events.count(),
        fresh.audit_entries.count(),
        fresh.sessions.count(),
        AgreementTerm.objects.filter(outcome__case=fresh).count(),
        hasattr(fresh, "outcome"),
    )


def post(client, case, name, data=None, version=None):
    case.refresh_from_db()
    payload = {"version": case.version if version is None else version, **(data or {})}
    return client.post(action_url(case, name), payload)


def run(case, name, username, data=None):
    case.refresh_from_db()
    return perform(case, name, staff(username), data or {}, case.version)


def refused(client, case, name, data, *expected, version=None, status=200):
    """POST, expect the error summary with each expected message, and no change."""
    before = state(case)
    response = post(client, case, name, data, version)
    assert response.status_code == status, response.content.decode()[:2000]
    html = response.content.decode()
    assert 'id="error-summary"' in html
    assert "案件没有任何改动" in html
    for message in expected:
        assert message in html, message
    assert state(case) == before
    return html


def done(client, case, name, data=None):
    response = post(client, case, name, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    case.refresh_from_db()
    return response


def test_accept_through_the_form(login, hrss_case):
    client = login("hrss-zengdu")
    form = client.get(action_url(hrss_case, "accept")).content.decode()
    assert f'name="version" value="{hrss_case.version}"' in form
    assert "告知申请人的说明（选填）" in form
    response = done(client, hrss_case, "accept", {"public_note": "请等待调解员联系。"})
    assert response["Location"] == f"/admin/cases/{hrss_case.reference}/"
    assert hrss_case.status == S.ACCEPTED
    assert hrss_case.assigned_to == staff("hrss-zengdu")
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert messages == [f"{hrss_case.reference}：案件已受理。"]
    page = client.get(f"/admin/cases/{hrss_case.reference}/").content.decode()
    assert "请等待调解员联系。" in page


def test_accept_twice_is_refused_as_illegal_in_the_new_status(login, hrss_case):
    client = login("hrss-zengdu")
    done(client, hrss_case, "accept")
    refused(client, hrss_case, "accept", {}, "不能执行此操作", status=409)
    # GET of an action that is not possible now leads back to the case with the reason.
    response = client.get(action_url(hrss_case, "accept"))
    assert response.status_code == 302
    assert response["Location"] == f"/admin/cases/{hrss_case.reference}/"


def test_decline_needs_a_head_and_a_reason_and_advice(login, hrss_case):
    handler = login("hrss-zengdu")
    response = handler.get(action_url(hrss_case, "decline"))
    assert response.status_code == 302
    data = {"grounds": "not_labor_dispute", "reason": "不属于劳动争议", "advice": "可向法院起诉"}
    refused(handler, hrss_case, "decline", data, "负责人", status=403)
    head = login("hrss-zengdu-head")
    refused(head, hrss_case, "decline", {"reason": "", "advice": ""}, 'href="#id_reason"')
    refused(head, hrss_case, "decline", {**data, "reason": "太长" * 80}, "#id_reason")
    refused(head, hrss_case, "decline", {**data, "grounds": ""}, 'href="#id_grounds"')
    bogus = {**data, "grounds": "bogus"}
    refused(head, hrss_case, "decline", bogus, "请从列表中选择不予受理的理由")
    done(head, hrss_case, "decline", data)
    assert hrss_case.status == S.REJECTED
    assert hrss_case.outcome.grounds == "not_labor_dispute"
    assert hrss_case.outcome.summary == "不属于劳动争议"
    assert hrss_case.outcome.advice == "可向法院起诉"


def test_transfer_moves_the_case_between_queues(login, hrss_case):
    sender = login("hrss-zengdu")
    form = sender.get(action_url(hrss_case, "transfer")).content.decode()
    own = Agency.objects.get(code="hrss-zengdu")
    target = Agency.objects.get(code="hrss-suixian")
    assert f'<option value="{own.pk}">' not in form  # one's own agency is not offered
    assert f'<option value="{target.pk}">' in form
    refused(sender, hrss_case, "transfer", {"agency": own.pk, "reason": "x"}, "案件已在本机构")
    refused(sender, hrss_case, "transfer", {"agency": target.pk, "reason": ""}, "#id_reason")
    refused(sender, hrss_case, "transfer", {"agency": 999999, "reason": "x"}, "请从列表中选择机构")
    response = done(
        sender, hrss_case, "transfer", {"agency": target.pk, "reason": "用人单位在随县"}
    )
    assert response["Location"] == "/admin/cases/"  # the sender can no longer see it
    assert hrss_case.agency == target and hrss_case.status == S.SUBMITTED
    row = f'class="casework-reference">{hrss_case.reference}<'
    assert row not in sender.get("/admin/cases/").content.decode()
    assert sender.get(f"/admin/cases/{hrss_case.reference}/").status_code == 404
    receiver = login("hrss-suixian")
    assert row in receiver.get("/admin/cases/").content.decode()
    page = receiver.get(f"/admin/cases/{hrss_case.reference}/").content.decode()
    assert "用人单位在随县" in page  # the timeline shows both sides and the reason
    assert AuditEntry.objects.filter(case=hrss_case, action=AuditEntry.Action.TRANSFER).exists()


def test_assign_changes_only_what_changed(login, hrss_case):
    client = login("hrss-zengdu-head")
    handler = staff("hrss-zengdu")
    mediator = Mediator.objects.filter(status="active").order_by("name").first()
    organization = MediationOrganization.objects.order_by("name").first()
    form = client.get(action_url(hrss_case, "assign")).content.decode()
    assert f'<option value="{staff("hrss-suixian").pk}"' not in form  # other agency's staff
    assert f'<option value="{staff("hrss-zengdu-liaison").pk}"' not in form  # not a handler
    refused(
        client, hrss_case, "assign", {"assigned_to": staff("hrss-suixian").pk}, "请从列表中选择"
    )
    refused(client, hrss_case, "assign", {"mediator": 999999}, "请从列表中选择")
    refused(client, hrss_case, "assign", {}, "没有任何变化")
    done(client, hrss_case, "assign", {"assigned_to": handler.pk, "mediator": mediator.pk})
    assert (hrss_case.assigned_to, hrss_case.mediator) == (handler, mediator)
    done(
        client,
        hrss_case,
        "assign",
        {"assigned_to": handler.pk, "mediator": mediator.pk, "organization": organization.pk},
    )
    assert hrss_case.organization == organization and hrss_case.mediator == mediator
    event = hrss_case.events.filter(kind="assigned").last()
    assert "handler" not in event.staff_note and organization.name in event.staff_note


def test_schedule_a_session_and_record_its_minutes(login, hrss_case):
    client = login("hrss-zengdu")
    run(hrss_case, "accept", "hrss-zengdu")
    day = (timezone.localdate() + datetime.timedelta(days=3)).isoformat()
    refused(
        client,
        hrss_case,
        "schedule_session",
        {"date": "2026-02-30", "time": "09:30", "place": "调解室"},
        "#id_date",
    )
    refused(
        client,
        hrss_case,
        "schedule_session",
        {"date": day, "time": "25:61", "place": "调解室"},
        "请输入有效的时间",
    )
    refused(
        client,
        hrss_case,
        "schedule_session",
        {"date": day, "time": "09:30", "place": ""},
        "请填写地点",
    )
    refused(
        client,
        hrss_case,
        "schedule_session",
        {"date": "2020-01-01", "time": "09:30", "place": "调解室"},
        "不能早于案件提交日期",
    )
    done(
        client,
        hrss_case,
        "schedule_session",
        {"date": day, "time": "09:30", "place": "线上会议号 123", "is_online": "on"},
    )
    assert hrss_case.status == S.IN_MEDIATION
    session = hrss_case.sessions.get()
    assert session.is_online and timezone.localtime(session.starts_at).strftime("%H:%M") == "09:30"

    other = make_case(region="zengdu")
    run(other, "accept", "hrss-zengdu")
    run(
        other, "schedule_session", "hrss-zengdu", {"starts_at": timezone.now(), "place": "别的案件"}
    )
    foreign = MediationSession.objects.get(case=other)
    refused(
        client,
        hrss_case,
        "record_minutes",
        {"session": foreign.pk, "minutes": "x"},
        "请选择本案的调解会",
    )
    refused(
        client,
        hrss_case,
        "record_minutes",
        {"session": session.pk, "minutes": ""},
        "请填写调解笔录",
    )
    minutes = {"session": session.pk, "minutes": "双方到场。"}
    refused(client, hrss_case, "record_minutes", minutes, "请先记录被申请人同意调解")
    run(
        hrss_case,
        "record_consent",
        "hrss-zengdu",
        {"given_on": timezone.localdate(), "channel": "phone"},
    )
    done(client, hrss_case, "record_minutes", minutes)
    session.refresh_from_db()
    assert session.minutes == "双方到场。" and session.minutes_recorded_at


@pytest.mark.parametrize(
    ("days", "agreed", "message"),
    [
        ("0", "on", "1 到 30 天"),
        ("31", "on", "1 到 30 天"),
        ("abc", "on", "整数天数"),
        ("10", "", "只有双方当事人同意"),
    ],
)
def test_extend_refuses_bad_values(login, hrss_case, days, agreed, message):
    run(hrss_case, "accept", "hrss-zengdu")
    client = login("hrss-zengdu")
    refused(client, hrss_case, "extend", {"days": days, "parties_agreed": agreed}, message)


@pytest.mark.parametrize(
    ("accepted_at", "due_before", "due_after"),
    [
        # Accepted Fri 4 Dec 2026: 15 days end Sat 19 Dec, a rest day, so Mon 21 Dec
        # (民法典 art. 203). Extended by 10, the 25-day period counted from acceptance ends
        # Tue 29 Dec (not 10 days after the moved end date).
        ("2026-12-04T10:00:00+08:00", datetime.date(2026, 12, 21), datetime.date(2026, 12, 29)),
        # Accepted Wed 16 Sep 2026: 15 days end Thu 1 Oct, in the National Day holiday
        # (1-7 Oct), so Thu 8 Oct; 25 days end Sun 11 Oct, a rest day: Mon 12 Oct.
        ("2026-09-16T10:00:00+08:00", datetime.date(2026, 10, 8), datetime.date(2026, 10, 12)),
        # Accepted Tue 15 Sep 2026: 15 days end Wed 30 Sep; 25 days end Sat 10 Oct, a
        # make-up working day after National Day: it stays.
        ("2026-09-15T10:00:00+08:00", datetime.date(2026, 9, 30), datetime.date(2026, 10, 10)),
    ],
)
def test_extend_with_both_parties_agreeing(login, hrss_case, accepted_at, due_before, due_after):
    import time_machine

    with time_machine.travel(datetime.datetime.fromisoformat(accepted_at), tick=False):
        run(hrss_case, "accept", "hrss-zengdu")
        assert Case.objects.get(pk=hrss_case.pk).mediation_due == due_before
        client = login("hrss-zengdu")
        agreed = {"days": "10", "parties_agreed": "on", "note": "书面同意"}
        done(client, hrss_case, "extend", agreed)
    assert hrss_case.mediation_extension_days == 10
    assert hrss_case.mediation_due == due_after


def test_no_agreement_withdrawal_and_close(login, hrss_case):
    run(hrss_case, "accept", "hrss-zengdu")
    client = login("hrss-zengdu")
    form = client.get(action_url(hrss_case, "record_no_agreement")).content.decode()
    assert "一年" in form  # the arbitration advice is offered
    refused(client, hrss_case, "record_no_agreement", {"summary": "", "advice": "x"}, "请填写概述")
    done(client, hrss_case, "record_no_agreement", {"summary": "分歧过大", "advice": "可申请仲裁"})
    assert hrss_case.status == S.NO_AGREEMENT
    refused(client, hrss_case, "close", {}, "负责人", status=403)
    head = login("hrss-zengdu-head")
    done(head, hrss_case, "close", {"note": "归档"})
    assert hrss_case.status == S.CLOSED and hrss_case.closed_at

    withdrawn = make_case(region="zengdu")
    refused(client, withdrawn, "withdraw", {"summary": ""}, "请填写概述")
    done(client, withdrawn, "withdraw", {"summary": "申请人电话撤回"})
    assert withdrawn.status == S.WITHDRAWN


def test_setup_help_cases_start_work_and_complete(login, case_staff):
    case = make_case(union_payload(region="suixian"))
    client = login("union_federation-suixian")
    assert client.get(action_url(case, "schedule_session")).status_code == 302  # not for setup
    refused(
        client,
        case,
        "schedule_session",
        {"date": "2030-01-01", "time": "09:00", "place": "x"},
        "不适用",
        status=409,
    )
    done(client, case, "accept")
    done(client, case, "start_work", {"public_note": "已联系企业"})
    assert case.status == S.IN_PROGRESS
    done(client, case, "complete", {"summary": "指导召开会员大会"})
    assert case.status == S.COMPLETED


def test_a_stale_version_is_refused_and_the_fresh_state_shown(login, hrss_case):
    client = login("hrss-zengdu")
    old_version = hrss_case.version
    run(
        hrss_case,
        "assign",
        "hrss-zengdu-head",
        {"mediator": Mediator.objects.filter(status="active").first()},
    )
    html = refused(
        client, hrss_case, "accept", {}, "其他人已修改了此案件", version=old_version, status=409
    )
    fresh = Case.objects.get(pk=hrss_case.pk)
    assert f'name="version" value="{fresh.version}"' in html  # retry works on the fresh case
    assert fresh.mediator.name in html
    done(client, hrss_case, "accept")


def test_a_stale_version_whose_action_is_gone_returns_to_the_case(login, hrss_case):
    client = login("hrss-zengdu")
    old_version = hrss_case.version
    run(hrss_case, "accept", "hrss-zengdu-head")
    before = state(hrss_case)
    response = post(client, hrss_case, "accept", {}, version=old_version)
    assert response.status_code in (302, 409)
    assert state(hrss_case) == before


def test_missing_or_forged_version_and_unknown_action(login, hrss_case):
    client = login("hrss-zengdu")
    before = state(hrss_case)
    response = client.post(action_url(hrss_case, "accept"), {})
    assert "此页面已过期" in response.content.decode()
    response = client.post(action_url(hrss_case, "accept"), {"version": "abc"})
    assert "此页面已过期" in response.content.decode()
    assert client.get(action_url(hrss_case, "delete")).status_code == 404
    assert client.post(action_url(hrss_case, "delete"), {"version": 1}).status_code == 404
    assert state(hrss_case) == before


def test_every_workflow_action_is_declared_whole():
    """One declaration per action (casework/actions/): handler, form and message in it."""
    from casework.actions import ACTIONS
    from casework.forms.actions import ActionForm

    for name, action in ACTIONS.items():
        assert action.name == name
        assert callable(action.handler), name
        assert issubclass(action.form, ActionForm), name
        assert str(action.done) and str(action.label), name
