"""Notifications: delivered by background tasks, recorded, retried, never blocking intake."""

from email.header import decode_header, make_header

import pytest
from django.core.management import call_command
from django.test import Client

from cases import sms
from cases.models import Case, Notification
from cases.services.submission import submit
from cases.tasks import MAX_ATTEMPTS, backoff, deliver_notification

from .factories import MEDIATION_STEPS, application
from .smtp_server import SMTPServer, free_port
from .wizard_client import fill
from .wizard_client import submit as submit_form

pytestmark = pytest.mark.usefixtures("routing_data")


@pytest.fixture
def smtp(settings):
    with SMTPServer() as server:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = server.port
        settings.EMAIL_TIMEOUT = 5
        yield server


@pytest.fixture
def dead_smtp(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = free_port()  # nothing listens there
    settings.EMAIL_TIMEOUT = 2


def subject(message):
    return str(make_header(decode_header(message["message"]["Subject"])))


def test_form_submission_mails_liaison_and_applicant_through_real_smtp(smtp, run_on_commit):
    client = Client()
    fill(client, "mediation", MEDIATION_STEPS)
    submit_form(client, "mediation")
    case = Case.objects.get()
    received = {message["to"][0]: message for message in smtp.inbox.messages}
    assert set(received) == {"hrss-zengdu-liaison@example.invalid", "worker@example.invalid"}
    assert subject(received["worker@example.invalid"]) == f"已收到您的申请 {case.reference}"
    body = received["worker@example.invalid"]["message"].get_payload(decode=True).decode()
    assert case.reference in body and "/track/" in body
    assert Notification.objects.filter(channel="email", status="sent").count() == 2


def test_committee_setup_copies_the_union_federation(smtp, run_on_commit):
    from .factories import COMMITTEE_STEPS

    client = Client()
    fill(client, "committee-setup", COMMITTEE_STEPS)
    submit_form(client, "committee-setup")
    recipients = {message["to"][0] for message in smtp.inbox.messages}
    assert recipients == {
        "hrss-city-liaison@example.invalid",
        "union_federation-city-liaison@example.invalid",
    }
    copy = Notification.objects.get(purpose="copy")
    assert copy.recipient.startswith("union_federation-city")


def test_mail_server_down_never_fails_or_loses_a_submission(dead_smtp, run_on_commit):
    client = Client()
    fill(client, "mediation", MEDIATION_STEPS)
    response, _key = submit_form(client, "mediation")
    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200
    case = Case.objects.get()
    emails = Notification.objects.filter(case=case, channel="email")
    assert emails.count() == 2
    for notification in emails:
        assert notification.status == "retrying" and notification.attempts == 1
        assert "ConnectionRefusedError" in notification.last_error
        assert notification.next_attempt_at is not None


def test_retries_back_off_and_end_as_a_visible_failure(dead_smtp):
    case, _created = submit(
        application(applicant={**application().applicant, "email": "a@example.invalid"})
    )
    notification = Notification.objects.get(case=case, purpose="confirmation", channel="email")
    delays = []
    for attempt in range(1, MAX_ATTEMPTS + 1):
        status = deliver_notification.call(notification.pk)
        notification.refresh_from_db()
        assert notification.attempts == attempt
        if attempt < MAX_ATTEMPTS:
            assert status == "retrying"
            delays.append(backoff(attempt).total_seconds())
    assert notification.status == "failed" and notification.next_attempt_at is None
    assert delays == sorted(delays) and delays[0] == 60 and delays[-1] > delays[0]
    # A failed record is final: running again does not send or count.
    assert deliver_notification.call(notification.pk) == "failed"


def test_retry_command_delivers_once_the_server_is_back(settings, run_on_commit):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_TIMEOUT = 2
    server = SMTPServer()  # not started yet: the mail server is down
    settings.EMAIL_PORT = server.port
    case, _created = submit(application())
    notification = Notification.objects.get(case=case, channel="email")
    assert notification.status == "retrying"
    Notification.objects.filter(pk=notification.pk).update(next_attempt_at=notification.created_at)
    with server:
        call_command("retry_notifications", stdout=open("/dev/null", "w"))  # noqa: SIM115
        notification.refresh_from_db()
        assert notification.status == "sent"
        assert [message["to"] for message in server.inbox.messages] == [
            ["hrss-zengdu-liaison@example.invalid"]
        ]


def test_sms_backend_records_the_confirmation(run_on_commit):
    sms.outbox.clear()
    case, _created = submit(application())
    record = Notification.objects.get(case=case, channel="sms")
    assert record.status == "sent" and record.recipient == "13800000001"
    assert sms.outbox == [("13800000001", record.body)]
    assert case.reference in record.body


def test_liaison_without_email_and_inactive_liaisons_are_skipped(run_on_commit):
    from django.contrib.auth import get_user_model

    get_user_model().objects.filter(username="hrss-zengdu-liaison").update(is_active=False)
    case, _created = submit(application())
    assert not Notification.objects.filter(case=case, purpose="new_case").exists()
