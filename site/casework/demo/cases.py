"""Demo cases in every stage of the workflow, so the queues, the case page, the documents
and the digest have something to show after `make run`. Created through the real services
(intake validation, routing, the actions service, court referral registration); people,
enterprises and numbers are fictional and marked 示例. Each case is found again by its
submission key (or court case number), so running twice changes nothing."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone
from stdnum.cn import ric, uscc

from cases import deadlines
from cases.models import Case
from cases.services import intake
from cases.services.submission import submit
from casework.services import referrals
from casework.services.actions import perform
from directory.models import Agency, MediationOrganization, Mediator


def _id_number(sequence: int) -> str:
    body = f"42130219{80 + sequence % 20:02d}0{1 + sequence % 9}1{sequence % 10}{sequence:03d}"[:17]
    return body + ric.calc_check_digit(body + "0")


def _credit_code(sequence: int) -> str:
    body = f"91421300MA4F{sequence:04d}0"[:17]
    return body + uscc.calc_check_digit(body + "0")


def _mediation(n, region, stage="pre_case", workers=1, amount="8600.00", claims=None):
    dispute = {
        "stage": stage,
        "employment_start": "2023-03-01",
        "employment_end": "2026-09-30",
        "categories": ["pay"],
        "amount_claimed": amount,
        "workers_involved": workers,
        "claims": claims or f"支付拖欠工资{amount}元（示例）",
        "facts": "2026年7月至9月工资未按时发放（示例）。",
    }
    if stage == "arbitration_pending":
        dispute["arbitration_case_number"] = f"随劳人仲案字〔2026〕{n}号"
    if workers >= 10:
        dispute["representative"] = "周示例"
    return {
        "type": "mediation",
        "region": region,
        "applicant": {
            "kind": "worker",
            "name": f"示例申请人{n:02d}",
            "id_number": _id_number(n),
            "phone": f"1380000{n:04d}",
            "address": "随州市曾都区示例路1号",
        },
        "respondent": {
            "kind": "employer",
            "name": f"随州示例企业{n:02d}有限公司",
            "credit_code": _credit_code(n),
        },
        "dispute": dispute,
        "consent": True,
    }


def _setup(n, kind, region):
    return {
        "type": kind,
        "region": region,
        "enterprise": {
            "name": f"随州示例企业{n:02d}有限公司",
            "credit_code": _credit_code(n),
            "employee_count": 40,
            "union_status": "none",
            "has_union": "yes",
            "contact_name": "李示例",
            "phone": f"1390000{n:04d}",
        },
        "consent": True,
    }


def _tomorrow_at_nine():
    day = timezone.localdate() + datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))


def _backdate(case, days):
    """Pretend the case arrived `days` ago, so queues show due-soon and overdue cases."""
    arrived = timezone.now() - datetime.timedelta(days=days)
    Case.objects.filter(pk=case.pk).update(submitted_at=arrived, arrived_at=arrived)
    case.refresh_from_db()
    fields = deadlines.refresh(case)
    case.save(update_fields=fields)


def _terms():
    return {
        "summary": "双方自愿达成调解协议（示例）",
        "terms": [
            {
                "text": "被申请人于2026年12月20日前一次性支付申请人工资8600元（示例）",
                "amount": "8600.00",
                "due_date": datetime.date(2026, 12, 20),
                "payment_method": "bank_transfer",
            },
            {"text": "双方劳动关系于2026年9月30日解除，再无其他劳动争议（示例）"},
        ],
    }


def _consent():
    """The respondent agreed to mediate, by phone (mediation is voluntary: ADR 0046)."""
    return {
        "given_on": timezone.localdate(),
        "channel": "phone",
        "note": "电话联系，同意调解（示例）",
    }


def _refusal():
    return {
        "given_on": timezone.localdate(),
        "channel": "writing",
        "note": "书面回复不同意调解（示例）",
    }


def _session():
    return {"starts_at": _tomorrow_at_nine(), "place": "中心第一调解室（示例）"}


def _minutes(case):
    """An agreement follows the respondent's consent and a recorded session with a mediator
    (casework/actions/mediation.py, consent.py)."""
    return {
        "session": case.sessions.latest("pk"),
        "minutes": "双方陈述意见，经调解员释法说理，自愿协商一致（示例）。",
    }


# (number, payload, days since arrival, [(action, actor suffix, data factory)])
PLAN = [
    (1, lambda: _mediation(1, "zengdu"), 0, []),
    (2, lambda: _mediation(2, "zengdu", amount="15000.00"), 15, []),
    (3, lambda: _mediation(3, "zengdu"), 2, [("accept", "", dict)]),
    (
        4,
        lambda: _mediation(4, "zengdu"),
        5,
        [
            ("accept", "", dict),
            ("record_consent", "", _consent),
            ("schedule_session", "", _session),
        ],
    ),
    (
        5,
        lambda: _mediation(5, "zengdu"),
        8,
        [
            ("accept", "", dict),
            ("record_consent", "", _consent),
            ("schedule_session", "", _session),
            ("record_minutes", "", _minutes),
            ("record_agreement", "", _terms),
        ],
    ),
    (
        6,
        lambda: _mediation(6, "zengdu"),
        20,
        [
            ("accept", "", dict),
            ("record_no_agreement", "", lambda: {"summary": "双方对赔偿数额分歧较大（示例）"}),
        ],
    ),
    (7, lambda: _mediation(7, "suixian"), 1, []),
    (
        15,
        lambda: _mediation(15, "zengdu"),
        4,
        [("accept", "", dict), ("record_refusal", "", _refusal)],
    ),
    (
        8,
        lambda: _setup(8, "union_setup", "suixian"),
        3,
        [("accept", "", dict), ("start_work", "", dict)],
    ),
    (9, lambda: _setup(9, "committee_setup", "hitech_zone"), 1, []),
    (10, lambda: _mediation(10, "city", workers=12, amount="96000.00"), 1, []),
    (11, lambda: _mediation(11, "guangshui", stage="arbitration_pending"), 2, []),
    (
        12,
        lambda: _mediation(12, "zengdu"),
        1,
        [
            (
                "transfer",
                "",
                lambda: {
                    "agency": Agency.objects.get(code="justice-zengdu"),
                    "reason": "双方同意由人民调解委员会调解（示例）",
                },
            ),
        ],
    ),
]
REFERRALS = [
    ("（2026）鄂1302民初示例101号", "court-zengdu", "court_delegated", "", 13, None),
    ("（2026）鄂13民初示例7号", "court-city", "court_entrusted", "simple", 14, "organization"),
]


def _run(case, steps):
    User = get_user_model()
    for name, suffix, data in steps:
        actor = User.objects.get(username=f"{case.agency.code}{suffix}")
        payload = data(case) if data is _minutes else data()
        perform(case, name, actor, payload, case.version)
        mediator = Mediator.objects.filter(agency=case.agency, status="active").first()
        if name == "accept" and mediator is not None:
            perform(case, "assign", actor, {"mediator": mediator}, case.version)


def load(stdout):
    changes = []
    for number, payload, days, steps in PLAN:
        key = f"demo-case-{number}"
        if Case.objects.filter(submission_key=key).exists():
            continue
        application = intake.parse(payload())
        application.submission_key = key
        case, _created = submit(application)
        _backdate(case, days)
        _run(case, steps)
        changes.append(f"case {case.reference} ({case.get_status_display()}, {case.agency.code})")
    for court_case_number, court, kind, procedure, number, organization in REFERRALS:
        court_agency = Agency.objects.get(code=court)
        if referrals.existing_case(court_agency, court_case_number):
            continue
        target = None
        if organization:
            target = MediationOrganization.objects.filter(accepts_online_applications=True).first()
        referral = referrals.Referral(
            court=court_agency,
            court_case_number=court_case_number,
            kind=kind,
            procedure=procedure,
            received_at=timezone.now() - datetime.timedelta(days=3),
            target_organization=target,
        )
        application = intake.parse(
            referrals.intake_payload(_mediation(number, "zengdu")), case_number_on_file=True
        )
        case, _created = referrals.register(referral, application)
        changes.append(f"court referral {case.reference} ({court_case_number})")
    return changes
