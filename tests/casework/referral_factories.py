"""Court referral payloads, tokens and API calls for the referral tests."""

import itertools
import json
from datetime import datetime

from django.test import Client
from django.utils import timezone

from cases.models import Case, CaseEvent, Notification
from casework.models import AuditEntry, CourtReferral, ReferralToken
from casework.services import referral_tokens
from directory.models import Agency
from tests.applications.factories import EMPLOYER_CODE, WORKER_ID

_numbers = itertools.count(1)
_phones = itertools.count(1)


def beijing(*args) -> datetime:
    return timezone.make_aware(datetime(*args))


def referral_payload(
    court="court-city",
    number=None,
    kind="court_delegated",
    procedure=None,
    received_at="2026-03-02T09:30:00+08:00",
    **overrides,
):
    payload = {
        "court_case_number": number or f"（2026）鄂13民诉前调{next(_numbers)}号",
        "court": court,
        "kind": kind,
        "received_at": received_at,
        "region": "zengdu",
        "applicant": {
            "kind": "worker",
            "name": "赵示例",
            "id_number": WORKER_ID,
            "phone": f"1370000{next(_phones):04d}",
        },
        "respondent": {
            "kind": "employer",
            "name": "随州示例机械有限公司",
            "credit_code": EMPLOYER_CODE,
        },
        "dispute": {
            "categories": ["pay"],
            "amount_claimed": "8000.00",
            "workers_involved": 1,
            "claims": "支付拖欠工资8000元",
            "facts": "2025年10月至12月工资未发放。",
        },
    }
    if procedure:
        payload["procedure"] = procedure
    payload.update(overrides)
    return payload


def issue_token(court_code="court-city", name="法院调解平台") -> str:
    _record, raw = referral_tokens.issue(Agency.objects.get(code=court_code), name)
    return raw


def api(method, path, token=None, payload=None, headers=None):
    headers = dict(headers or {})
    if token:
        headers["Authorization"] = f"Bearer {token}"
    client = Client()
    if method == "get":
        return client.get(f"/api/v1{path}", headers=headers)
    body = payload if isinstance(payload, (bytes, str)) else json.dumps(payload)
    return client.post(f"/api/v1{path}", body, content_type="application/json", headers=headers)


def errors(response) -> dict:
    return {error["field"]: error["message"] for error in response.json()["errors"]}


def snapshot() -> dict:
    """Row counts of everything a referral or an intake could create."""
    return {
        "cases": Case.objects.count(),
        "referrals": CourtReferral.objects.count(),
        "events": CaseEvent.objects.count(),
        "notifications": Notification.objects.count(),
        "audit": AuditEntry.objects.count(),
        "tokens": ReferralToken.objects.count(),
    }
