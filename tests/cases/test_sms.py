"""SMS backends (ADR 0042): the HTTP gateway against a local fake provider, the backend that
sends nothing and says so, and the configuration checks."""

import json

import pytest
from django.core.checks import run_checks

from cases import sms
from cases.models import Notification
from cases.sms.gateway import sign
from cases.tasks import deliver_notification
from tests.applications.smtp_server import free_port

from .sms_gateway_server import FakeGateway

pytestmark = pytest.mark.django_db

GATEWAY = "cases.sms.gateway.HttpGatewayBackend"


def notification(purpose="confirmation", body="您的申请已收到，编号 SZ-2026-0001。"):
    return Notification.objects.create(
        channel="sms", purpose=purpose, recipient="13800000001", body=body
    )


@pytest.fixture
def gateway(settings):
    with FakeGateway() as fake:
        settings.SMS_BACKEND = GATEWAY
        settings.SMS_GATEWAY_URL = fake.url
        settings.SMS_GATEWAY_ACCOUNT = "suizhou-center"
        settings.SMS_GATEWAY_SECRET = "gateway-secret"  # noqa: S105
        settings.SMS_GATEWAY_SIGNATURE = "随州劳动争议调解中心"
        settings.SMS_GATEWAY_TEMPLATES = "confirmation=T1001, progress=T1002"
        settings.SMS_GATEWAY_TIMEOUT = 5
        yield fake


def test_gateway_delivers_a_signed_message_with_its_template(gateway):
    record = notification()
    assert deliver_notification.call(record.pk) == "sent"
    record.refresh_from_db()
    assert record.status == "sent" and record.sent_at is not None and record.last_error == ""
    [request] = gateway.requests
    payload = json.loads(request["body"])
    assert payload["mobile"] == "13800000001"
    assert payload["content"] == "您的申请已收到，编号 SZ-2026-0001。"
    assert payload["template_id"] == "T1001"
    assert payload["account"] == "suizhou-center"
    assert payload["signature"] == "随州劳动争议调解中心"
    headers = request["headers"]
    assert headers["X-Sms-Account"] == "suizhou-center"
    expected = sign("gateway-secret", headers["X-Sms-Timestamp"], request["body"])
    assert headers["X-Sms-Signature"] == expected


def test_purpose_without_a_template_is_sent_as_free_text(gateway):
    record = notification(purpose="one_time_code", body="验证码 123456")
    assert deliver_notification.call(record.pk) == "sent"
    assert "template_id" not in gateway.payloads()[0]


def test_server_error_is_retried_later(gateway):
    gateway.status = 503
    gateway.answer = b"busy"
    record = notification()
    assert deliver_notification.call(record.pk) == "retrying"
    record.refresh_from_db()
    assert record.status == "retrying" and record.next_attempt_at is not None
    assert "503" in record.last_error and record.sent_at is None


@pytest.mark.parametrize(
    ("status", "answer", "error"),
    [
        (400, b'{"code": "400", "message": "bad mobile"}', "HTTP 400"),
        (200, b'{"code": "E102", "message": "template not approved"}', "E102"),
    ],
)
def test_refusal_fails_at_once_without_retrying(gateway, status, answer, error):
    gateway.status, gateway.answer = status, answer
    record = notification()
    assert deliver_notification.call(record.pk) == "failed"
    record.refresh_from_db()
    assert record.status == "failed" and record.next_attempt_at is None
    assert error in record.last_error
    assert len(gateway.requests) == 1
    assert deliver_notification.call(record.pk) == "failed"  # final: not sent again
    assert len(gateway.requests) == 1


def test_an_answer_that_is_not_json_is_retried(gateway):
    gateway.answer = b"<html>proxy error</html>"
    record = notification()
    assert deliver_notification.call(record.pk) == "retrying"


def test_unreachable_gateway_is_retried(settings, gateway):
    settings.SMS_GATEWAY_URL = f"http://127.0.0.1:{free_port()}/api/send"  # nothing listens
    record = notification()
    assert deliver_notification.call(record.pk) == "retrying"
    record.refresh_from_db()
    assert "unreachable" in record.last_error


def test_not_sending_backend_marks_messages_not_sent_and_keeps_nothing(settings):
    settings.SMS_BACKEND = sms.NOT_SENDING
    sms.outbox.clear()
    record = notification()
    assert deliver_notification.call(record.pk) == "not_sent"
    record.refresh_from_db()
    assert record.status == "not_sent" and record.sent_at is None
    assert record.next_attempt_at is None and record.attempts == 1
    assert sms.outbox == []
    assert deliver_notification.call(record.pk) == "not_sent"  # final: never retried
    record.refresh_from_db()
    assert record.attempts == 1


def test_memory_backend_is_what_tests_read():
    sms.outbox.clear()
    record = notification()
    assert deliver_notification.call(record.pk) == "sent"
    assert sms.outbox == [("13800000001", record.body)]


def errors(ids=("cases.E010", "cases.E011")):
    return [message for message in run_checks(tags=["cases"]) if message.id in ids]


def test_checks_pass_for_a_complete_gateway(gateway):
    assert errors() == []


@pytest.mark.parametrize(
    ("setting", "value", "expected"),
    [
        ("SMS_GATEWAY_URL", "", "SMS_GATEWAY_URL"),
        ("SMS_GATEWAY_SECRET", "", "SMS_GATEWAY_SECRET"),
        ("SMS_GATEWAY_URL", "ftp://sms.example/", "http(s) URL"),
        ("SMS_GATEWAY_TEMPLATES", "confirmation", "purpose=template_id"),
    ],
)
def test_checks_name_what_is_wrong_with_the_gateway(gateway, settings, setting, value, expected):
    setattr(settings, setting, value)
    [error] = errors()
    assert error.id == "cases.E011" and expected in error.msg


def test_checks_refuse_a_backend_that_does_not_exist(settings):
    settings.SMS_BACKEND = "cases.sms.NoSuchBackend"
    [error] = errors()
    assert error.id == "cases.E010"


OTP_BODY = (
    "随州劳动争议调解中心：您的验证码为 482915，10 分钟内有效。核实网址 https://example.org/verify/"
)


def test_a_one_time_code_leaves_the_log_once_sent():
    sms.outbox.clear()
    record = notification(purpose="one_time_code", body=OTP_BODY)
    assert deliver_notification.call(record.pk) == "sent"
    assert sms.outbox == [("13800000001", OTP_BODY)]  # the applicant got the code
    record.refresh_from_db()
    assert "482915" not in record.body and "验证码为 ******" in record.body
    assert "/verify/" in record.body  # the rest of the message stays for the log


def test_a_one_time_code_is_kept_for_a_retry_and_removed_when_given_up(settings, gateway):
    gateway.status = 503
    record = notification(purpose="one_time_code", body=OTP_BODY)
    assert deliver_notification.call(record.pk) == "retrying"
    record.refresh_from_db()
    assert "482915" in record.body  # still needed for the next attempt
    gateway.status = 400  # the gateway refuses it for good
    assert deliver_notification.call(record.pk) == "failed"
    record.refresh_from_db()
    assert "482915" not in record.body


def test_a_code_not_sent_is_not_kept_either(settings):
    settings.SMS_BACKEND = sms.NOT_SENDING
    record = notification(purpose="one_time_code", body=OTP_BODY)
    assert deliver_notification.call(record.pk) == "not_sent"
    record.refresh_from_db()
    assert "482915" not in record.body


def test_other_messages_keep_their_numbers():
    record = notification(body="您的申请已收到，编号 SZ-2026-123456，电话 0722-3456789。")
    assert deliver_notification.call(record.pk) == "sent"
    record.refresh_from_db()
    assert record.body == "您的申请已收到，编号 SZ-2026-123456，电话 0722-3456789。"
