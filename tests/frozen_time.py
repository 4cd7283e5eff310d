"""Running the date-sensitive tests at a chosen instant (`make test-dates`).

Tests marked `dates` (deadlines, working days, referrals, tracking, scheduled publishing,
purges, opening hours, the digest, casework actions and queues) run with the clock moved
to the instant given by `--frozen-at` (ISO 8601, Beijing time when it has no offset), or
the PORTAL_TEST_NOW environment variable, or by default DEFAULT_INSTANT, never the real
clock; time then runs on from there (time-machine, tick=True), so sessions, timeouts and
"now" stay coherent within a test, and a plain `make test` gives the same dates every
day. A test that pins its own instant with `time_machine.travel(...)` inside keeps it: the
innermost travel wins.

Every test that asserts a date computed from "today" must hold at each of these instants:
`make test-dates` runs the marked tests once per instant in INSTANTS.
"""

import datetime
import os
from zoneinfo import ZoneInfo

import pytest
import time_machine

BEIJING = ZoneInfo("Asia/Shanghai")

# The instants `make test-dates` runs the marked tests at (Beijing time).
INSTANTS = {
    "friday-evening": "2026-11-27T17:30:00",
    "saturday": "2026-11-28T10:00:00",
    # 14 Feb 2026 is a Saturday and a make-up working day, the last before the holiday.
    "before-spring-festival": "2026-02-14T09:00:00",
    "after-spring-festival": "2026-02-24T09:00:00",
    "national-day-eve": "2026-09-30T23:59:00",
    # 07:30 on 1 Jan in Beijing is still 31 Dec (23:30) in UTC.
    "new-year-morning": "2027-01-01T07:30:00",
    # chinese-calendar 1.11 has no 2027 arrangement: the statutory-holiday fallback.
    "beyond-holiday-data": "2027-03-10T10:00:00",
}


def parse_instant(text: str) -> datetime.datetime:
    text = INSTANTS.get(text, text)
    moment = datetime.datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=BEIJING)
    return moment


# The date-sensitive test modules (paths from the repository root); each of their tests is
# marked `dates`. A test elsewhere can carry the marker itself.
DATE_SENSITIVE = (
    "tests/casework/test_deadlines.py",
    "tests/casework/test_workflow.py",
    "tests/casework/test_referral_api.py",
    "tests/casework/test_referral_feedback.py",
    "tests/casework/test_digest.py",
    "tests/casework/test_documents.py",
    "tests/casework/test_applicant_notices.py",
    "tests/casework/test_demo_cases.py",
    "tests/casework/views/test_actions.py",
    "tests/casework/views/test_queues.py",
    "tests/casework/views/test_case_page.py",
    "tests/casework/views/test_audit_log.py",
    "tests/casework/views/test_agreement_form.py",
    "tests/casework/test_consent.py",
    "tests/casework/views/test_consent_form.py",
    "tests/casework/test_agreement_document.py",
    "tests/casework/views/test_referral_list_export.py",
    "tests/applications/test_tracking.py",
    "tests/casework/test_tracking_every_status.py",
    "tests/applications/test_api_idempotency.py",
    "tests/applications/test_notifications.py",
    "tests/applications/test_mediation_form.py",
    "tests/applications/test_confirmation.py",
    "tests/applications/test_fitting_forms.py",
    "tests/cases/test_validators.py",
    "tests/directory/test_opening_hours.py",
    "tests/guidance/test_moderation.py",
    "tests/portal/test_scheduler.py",
)


def pytest_collection_modifyitems(config, items):
    root = config.rootpath
    for item in items:
        if str(item.path.relative_to(root)) in DATE_SENSITIVE:
            item.add_marker(pytest.mark.dates)


# Where `make test` runs the marked tests: an ordinary working day.
DEFAULT_INSTANT = "2026-12-02T10:00:00"


def pytest_addoption(parser):
    parser.addoption(
        "--frozen-at",
        default=os.environ.get("PORTAL_TEST_NOW", "") or DEFAULT_INSTANT,
        help="Run tests marked `dates` at this instant (ISO 8601, Beijing time without an "
        "offset, or a name from tests/frozen_time.INSTANTS).",
    )


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "dates: date-sensitive; `make test-dates` runs it at several instants"
    )


def pytest_report_header(config):
    instant = config.getoption("--frozen-at")
    return f"tests marked `dates` run at {parse_instant(instant).isoformat()}"


@pytest.fixture(autouse=True)
def _frozen_at(request):
    instant = request.config.getoption("--frozen-at")
    if request.node.get_closest_marker("dates") is None:
        yield None
        return
    with time_machine.travel(parse_instant(instant), tick=True):
        yield parse_instant(instant)
