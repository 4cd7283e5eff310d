"""Valid identity numbers and complete answers for the application tests."""

from stdnum.cn import ric, uscc

from cases.choices import CaseSource
from cases.services.submission import Application


def resident_id(area="421302", birth="19850312", sequence="123") -> str:
    body = f"{area}{birth}{sequence}"
    return body + ric.calc_check_digit(body + "0")


def credit_code(body="91421300MA4F0000") -> str:
    body = (body + "00")[:17]
    return body + uscc.calc_check_digit(body + "0")


WORKER_ID = resident_id()
EMPLOYER_CODE = credit_code()

MEDIATION_STEPS = {
    "about": {"relationship": "employment", "region": "zengdu"},
    "stage": {"stage": "pre_case"},
    "applicant": {
        "kind": "worker",
        "name": "张示例",
        "id_number": WORKER_ID,
        "phone": "+86 138-0000-0001",
        "email": "worker@example.invalid",
    },
    "respondent": {"kind": "employer", "name": "随州示例制造有限公司"},
    "dispute": {
        "employment_start": "2022-03-01",
        "employment_end": "2024-05-31",
        "categories": ["pay"],
        "amount_claimed": "12000.50",
        "workers_involved": "1",
        "claims": "支付拖欠工资12000.50元",
        "facts": "2024年3月至5月工资未发放。",
    },
    "organization": {"preferred_organization": ""},
    "evidence": {},
}

UNION_STEPS = {
    "enterprise": {
        "name": "随州示例科技有限公司",
        "credit_code": EMPLOYER_CODE,
        "region": "suixian",
        "employee_count": "40",
    },
    "union": {"union_status": "none", "questions": "如何召开会员大会？"},
    "contact": {"contact_name": "李示例", "phone": "13900000002", "email": "hr@example.invalid"},
}

COMMITTEE_STEPS = {
    "enterprise": {
        "name": "随州示例物流有限公司",
        "credit_code": EMPLOYER_CODE,
        "region": "hitech_zone",
        "employee_count": "120",
    },
    "union": {"has_union": "yes"},
    "contact": {"contact_name": "王示例", "phone": "13900000003"},
}


def api_mediation(**overrides) -> dict:
    payload = {
        "type": "mediation",
        "region": "zengdu",
        "applicant": {
            "kind": "worker",
            "name": "张示例",
            "id_number": WORKER_ID,
            "phone": "13800000001",
            "email": "worker@example.invalid",
        },
        "respondent": {
            "kind": "employer",
            "name": "随州示例制造有限公司",
            "credit_code": EMPLOYER_CODE,
        },
        "dispute": {
            "stage": "pre_case",
            "categories": ["pay"],
            "amount_claimed": "12000.00",
            "workers_involved": 1,
            "claims": "支付工资",
            "facts": "拖欠三个月工资",
        },
        "consent": True,
    }
    for key, value in overrides.items():
        payload[key] = value
    return payload


def distinct_api_mediations(count: int, phone_prefix: str, start: int = 0) -> list[dict]:
    """`count` intake API bodies from different applicants (distinct mobiles, no email), as
    a crowd submitting at once would send them."""
    payloads = []
    for index in range(start, start + count):
        payload = api_mediation()
        payload["applicant"]["phone"] = f"{phone_prefix}{index:08d}"
        payload["applicant"].pop("email", None)
        payloads.append(payload)
    return payloads


def application(**overrides) -> Application:
    """A validated mediation Application for service-level tests."""
    values = dict(  # noqa: C408
        application_type="mediation",
        region="zengdu",
        applicant={
            "kind": "worker",
            "name": "张示例",
            "id_number": WORKER_ID,
            "phone": "13800000001",
            "email": "",
        },
        respondent={"kind": "employer", "name": "随州示例制造有限公司"},
        dispute={
            "stage": "pre_case",
            "categories": ["pay"],
            "amount_claimed": None,
            "workers_involved": 1,
            "claims": "c",
            "facts": "f",
        },
        source=CaseSource.ONLINE,
    )
    values.update(overrides)
    return Application(**values)
