"""Cases with known histories in March 2026 (Beijing time), for asserting every figure.

- A (zengdu, online): received Mon 2 Mar 10:00, accepted Tue 3 Mar, agreement Fri 13 Mar
  (12,000 claimed, 9,000 agreed).
- B (zengdu, online, 12 workers: collective): received 2 Mar, accepted Wed 4 Mar, extended
  by 10 days, no agreement Wed 25 Mar.
- C (zengdu): received Thu 5 Mar, declined Fri 6 Mar (not a labor dispute).
- D (zengdu): received 5 Mar, transferred to justice-zengdu Fri 6 Mar, withdrawn Tue 10 Mar.
- E (zengdu): received Tue 31 Mar 23:30 (15:30 UTC): still open, unanswered.
- F (city court, delegated): received 2 Mar 09:30, accepted 2 Mar, agreement Fri 20 Mar
  (feedback due 1 Apr: on time).
- G (city court, entrusted, simple procedure): received 2 Mar 09:30, accepted 2 Mar, no
  agreement Thu 12 Mar (feedback due 9 Mar: late).
- H (suixian, union setup): received Tue 3 Mar, work started, completed Tue 10 Mar.
- Z (zengdu): received Sat 28 Feb 23:59: outside the period, still open.

"Now" is Fri 10 Apr 2026 10:00 when the figures are read.
"""

import datetime
from zoneinfo import ZoneInfo

import time_machine
from django.utils import timezone

from cases.models import Case
from casework.services.actions import perform
from directory.models import Agency
from tests.casework.factories import make_case, mediation_payload, staff, union_payload
from tests.casework.referral_factories import api, issue_token, referral_payload

BEIJING = ZoneInfo("Asia/Shanghai")
NOW = datetime.datetime(2026, 4, 10, 10, 0, tzinfo=BEIJING)


def at(month, day, hour=10, minute=0, year=2026):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=BEIJING)


def act(case, name, when, data=None):
    with time_machine.travel(when, tick=False):
        perform(case, name, staff("center-city-head"), data or {}, case.version)


def made(when, payload=None, **kwargs):
    with time_machine.travel(when, tick=False):
        return make_case(payload, **kwargs)


def referral(kind, procedure=None):
    token = issue_token()
    payload = referral_payload(kind=kind, procedure=procedure)
    with time_machine.travel(at(3, 2, 9, 45), tick=False):
        response = api("post", "/referrals", token, payload)
    assert response.status_code == 201, response.content
    return Case.objects.get(reference=response.json()["reference"])


def mediated(case, when):
    """The respondent's consent, a session with its minutes and a mediator of the handling
    agency, at `when`: what an agreement needs first (casework/actions/mediation.py)."""
    from directory.models import Mediator

    mediator = (
        Mediator.objects.filter(agency=case.agency).first()
        or Mediator.objects.filter(organizations__host_agency=case.agency).first()
    )
    act(case, "record_consent", when, {"given_on": timezone.localdate(when), "channel": "phone"})
    act(case, "assign", when, {"mediator": mediator})
    act(case, "schedule_session", when, {"starts_at": when, "place": "调解室"})
    act(case, "record_minutes", when, {"session": case.sessions.latest("pk"), "minutes": "陈述"})


def agreement(amount):
    return {
        "summary": "达成协议",
        "terms": [{"text": "支付工资", "amount": amount}, {"text": "双方无其他争议"}],
    }


def build() -> dict:
    cases = {}
    cases["A"] = a = made(at(3, 2))
    act(a, "accept", at(3, 3))
    mediated(a, at(3, 13, 9))
    act(a, "record_agreement", at(3, 13), agreement("9000.00"))

    collective = mediation_payload(workers=12)
    collective["dispute"]["representative"] = "刘示例"
    cases["B"] = b = made(at(3, 2, 11), collective)
    act(b, "accept", at(3, 4))
    act(b, "extend", at(3, 10), {"days": 10, "parties_agreed": True})
    act(b, "record_no_agreement", at(3, 25), {"summary": "分歧较大"})

    cases["C"] = c = made(at(3, 5))
    act(c, "decline", at(3, 6), {"grounds": "not_labor_dispute", "reason": "x", "advice": "y"})

    cases["D"] = d = made(at(3, 5, 11))
    target = Agency.objects.get(code="justice-zengdu")
    act(d, "transfer", at(3, 6), {"agency": target, "reason": "更适合人民调解"})
    act(d, "withdraw", at(3, 10), {"summary": "申请人撤回"})

    cases["E"] = made(at(3, 31, 23, 30))

    cases["F"] = f = referral("court_delegated")
    act(f, "accept", at(3, 2, 14))
    mediated(f, at(3, 20, 9))
    act(f, "record_agreement", at(3, 20), agreement("3000.00"))

    cases["G"] = g = referral("court_entrusted", "simple")
    act(g, "accept", at(3, 2, 14))
    act(g, "record_no_agreement", at(3, 12), {"summary": "未达成"})

    cases["H"] = h = made(at(3, 3), union_payload(region="suixian"))
    act(h, "accept", at(3, 4))
    act(h, "start_work", at(3, 5))
    act(h, "complete", at(3, 10), {"summary": "已指导建会"})

    cases["Z"] = made(datetime.datetime(2026, 2, 28, 23, 59, tzinfo=BEIJING), mediation_payload())
    for case in cases.values():
        case.refresh_from_db()
    return cases
