"""The deadline digest: one mail per agency liaison per day, overdue and due-soon cases
grouped, no personal data, constant queries, delivered through real SMTP."""

import datetime
import io
from email.header import decode_header, make_header

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cases import deadlines
from cases.models import Case, Notification
from casework.models import DeadlineDigest
from casework.services import digest
from casework.services.actions import perform
from tests.applications.smtp_server import SMTPServer

from .factories import make_case, staff


def due(case, day):
    Case.objects.filter(pk=case.pk).update(acceptance_due=day, next_due=day)
    case.refresh_from_db()
    return case


def days(n):
    return deadlines.today() + datetime.timedelta(days=n)


@pytest.fixture
def cases(casework_data):
    """HRSS Zengdu: two overdue, one due soon, one not yet due, one finished; HRSS Suixian:
    one overdue."""
    made = {
        "late": due(make_case(region="zengdu"), days(-5)),
        "later": due(make_case(region="zengdu"), days(-1)),
        "soon": due(make_case(region="zengdu"), days(2)),
        "far": due(make_case(region="zengdu"), days(20)),
        "suixian": due(make_case(region="suixian"), days(-3)),
    }
    finished = make_case(region="zengdu")
    perform(finished, "accept", staff("hrss-zengdu"))
    perform(finished, "withdraw", staff("hrss-zengdu"), {"summary": "撤回"})
    made["finished"] = finished
    assert finished.next_due is None
    return made


def mails(mailoutbox):
    return {message.to[0]: message for message in mailoutbox}


def test_each_agency_gets_its_own_cases_grouped(
    cases, mailoutbox, django_capture_on_commit_callbacks
):
    other_agency = cases["suixian"].agency.code
    with django_capture_on_commit_callbacks(execute=True):
        sent = digest.send(deadlines.today())
    assert {record.agency.code for record in sent} == {"hrss-zengdu", other_agency}
    received = mails(mailoutbox)
    assert set(received) == {
        "hrss-zengdu-liaison@example.invalid",
        f"{other_agency}-liaison@example.invalid",
    }
    message = received["hrss-zengdu-liaison@example.invalid"]
    short_name = cases["late"].agency.short_name
    today = deadlines.today()
    assert message.subject == f"{short_name}案件期限提醒（{today}）：逾期2件，即将到期1件"
    body = message.body
    overdue, soon = body.split("3日内到期")
    assert overdue.index(cases["late"].reference) < overdue.index(cases["later"].reference)
    assert "逾期5天" in overdue and "逾期1天" in overdue
    assert cases["soon"].reference in soon and "还剩2天" in soon
    assert f"/admin/cases/{cases['late'].reference}/" in body
    for absent in ("far", "finished", "suixian"):
        assert cases[absent].reference not in body
    # No personal data: no phone, ID number or name of a party.
    for case in (cases["late"], cases["soon"]):
        assert case.applicant_phone not in body
        assert case.answers["applicant"]["id_number"] not in body
        assert case.applicant_name not in body
    notifications = Notification.objects.filter(purpose="deadline_digest")
    assert notifications.count() == 2 and set(notifications.values_list("status", flat=True)) == {
        "sent"
    }
    assert not notifications.exclude(case=None).exists()


def test_running_again_the_same_day_sends_nothing_twice(cases, mailoutbox):
    first = digest.send(deadlines.today())
    count = Notification.objects.filter(purpose="deadline_digest").count()
    assert len(first) == 2 and count == 2
    assert digest.send(deadlines.today()) == []
    assert Notification.objects.filter(purpose="deadline_digest").count() == count
    record = DeadlineDigest.objects.get(agency__code="hrss-zengdu", day=deadlines.today())
    assert (record.overdue, record.due_soon, record.recipients) == (2, 1, 1)
    # The next day is a new digest.
    assert len(digest.send(days(1))) == 2


def test_a_concurrent_run_that_lost_the_race_sends_nothing(cases):
    found = {d.agency.code: d for d in digest.collect(deadlines.today())}
    assert digest._send_one(found["hrss-zengdu"], deadlines.today()) is not None
    before = Notification.objects.count()
    # A second run that read "not sent yet" before the first committed: the unique
    # (agency, day) constraint refuses it, and nothing of it is kept.
    assert digest._send_one(found["hrss-zengdu"], deadlines.today()) is None
    assert Notification.objects.count() == before
    assert DeadlineDigest.objects.filter(agency__code="hrss-zengdu").count() == 1


def test_long_lists_are_cut_and_counted(cases, monkeypatch):
    monkeypatch.setattr(digest, "LIST_LIMIT", 1)
    found = {d.agency.code: d for d in digest.collect(deadlines.today())}
    hrss = found["hrss-zengdu"]
    assert [entry.reference for entry in hrss.overdue] == [cases["late"].reference]
    assert hrss.overdue_total == 2 and hrss.overdue_unlisted == 1
    _subject, body = digest.render(hrss, deadlines.today())
    assert "未列出的其他逾期案件: 1" in body and "tab=overdue" in body


def test_which_clock_is_named(cases):
    referral_like = cases["soon"]
    Case.objects.filter(pk=referral_like.pk).update(feedback_due=days(2))
    collected = digest.collect(deadlines.today())
    entries = {e.reference: e for d in collected for e in d.overdue + d.due_soon}
    assert entries[cases["late"].reference].clock == "受理决定"
    assert entries[referral_like.reference].clock == "向法院反馈"


def test_pre_case_mediations_also_give_the_applicants_art_14_date(cases):
    late = cases["late"]
    hrss = {d.agency.code: d for d in digest.collect(deadlines.today())}["hrss-zengdu"]
    entry = next(e for e in hrss.overdue if e.reference == late.reference)
    assert entry.arbitration_open == deadlines.arbitration_open_after(late)
    _subject, body = digest.render(hrss, deadlines.today())
    assert f"申请人可申请仲裁的日期（此日后）: {entry.arbitration_open:%Y-%m-%d}" in body
    assert "第十四条，自收到申请之日起15日" in body


def test_agencies_without_liaisons_get_nothing(cases):
    from directory.models import AgencyMembership

    AgencyMembership.objects.filter(agency__code="hrss-zengdu", role="liaison").delete()
    sent = digest.send(deadlines.today())
    assert [record.agency.code for record in sent] == [cases["suixian"].agency.code]


def test_queries_do_not_grow_with_the_number_of_cases(casework_data):
    for _index in range(2):
        due(make_case(region="zengdu"), days(-1))
    with CaptureQueriesContext(connection) as few:
        assert len(digest.send(deadlines.today())) == 1
    for _index in range(20):
        due(make_case(region="zengdu"), days(-1))
        due(make_case(region="zengdu"), days(1))
    with CaptureQueriesContext(connection) as many:
        sent = digest.send(days(1))
    # The day after: 2 + 20 overdue, 20 due today.
    assert (sent[0].overdue, sent[0].due_soon) == (22, 20)
    assert len(many.captured_queries) == len(few.captured_queries)


def test_the_command_and_the_worker_task(cases, mailoutbox, django_capture_on_commit_callbacks):
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_deadline_digest", stdout=out)
    assert "hrss-zengdu: 2 overdue, 1 due soon, 1 recipient(s)" in out.getvalue()
    assert "Sent 2 digest(s)." in out.getvalue()
    again = io.StringIO()
    call_command("send_deadline_digest", stdout=again)
    assert "Sent 0 digest(s)." in again.getvalue()
    DeadlineDigest.objects.all().delete()
    queued = io.StringIO()
    # The immediate backend of the tests runs the task at once; db_worker runs it later.
    call_command("send_deadline_digest", "--enqueue", stdout=queued)
    assert "Queued the deadline digest task" in queued.getvalue()
    assert DeadlineDigest.objects.count() == 2


@pytest.fixture
def smtp(settings):
    with SMTPServer() as server:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = server.port
        settings.EMAIL_TIMEOUT = 5
        yield server


def test_the_digest_is_delivered_through_a_real_smtp_server(casework_data_committed, smtp):
    late = due(make_case(region="zengdu"), deadlines.today() - datetime.timedelta(days=2))
    smtp.inbox.messages.clear()  # the new-case mails
    sent = digest.send()
    assert [record.agency.code for record in sent] == ["hrss-zengdu"]
    [message] = smtp.inbox.messages
    assert message["to"] == ["hrss-zengdu-liaison@example.invalid"]
    subject = str(make_header(decode_header(message["message"]["Subject"])))
    assert "案件期限提醒" in subject and "逾期1件" in subject
    body = message["message"].get_payload(decode=True).decode()
    assert late.reference in body and late.applicant_phone not in body
    assert Notification.objects.get(purpose="deadline_digest").status == "sent"
