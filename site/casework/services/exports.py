"""The feedback of referred cases as an XLSX workbook, for upload to the court's platform.

Values come from referral_feedback.describe (the API's description), so the file and the
API never disagree. No ID numbers or phones: the parties' names only.
"""

from django.utils.translation import gettext as _

from casework.models import CourtReferral
from casework.services import referral_feedback
from home import spreadsheets


def _headers():
    return [
        _("Court"),
        _("Court case number"),
        _("Referral kind"),
        _("Procedure"),
        _("Received from the court"),
        _("Reference"),
        _("Applicant"),
        _("Respondent"),
        _("Handling agency"),
        _("Mediation organization"),
        _("Mediator"),
        _("Status"),
        _("Outcome"),
        _("Outcome summary"),
        _("Agreement terms"),
        _("Accepted"),
        _("Outcome date"),
        _("Closed"),
        _("Feedback due"),
        _("Claims"),
        _("Facts and reasons"),
    ]


def _date(value) -> str:
    return (value or "")[:10]


def feedback_rows(cases):
    kinds = dict(CourtReferral.Kind.choices)
    procedures = dict(CourtReferral.Procedure.choices)
    for case in referral_feedback.with_feedback(cases).order_by("referral__received_at", "pk"):
        item = referral_feedback.describe(case)
        outcome = item["outcome"] or {}
        yield [
            case.referral.court.name,
            item["court_case_number"],
            str(kinds.get(item["kind"], item["kind"])),
            str(procedures.get(item["procedure"], "")) if item["procedure"] else "",
            (item["dates"]["received"] or "")[:16].replace("T", " "),
            item["reference"],
            case.applicant_name,
            case.respondent_name,
            item["agency"]["name"],
            item["organization"] or "",
            item["mediator"] or "",
            item["status_label"],
            outcome.get("label", ""),
            outcome.get("summary", ""),
            item["terms_summary"],
            _date(item["dates"]["accepted"]),
            _date(item["dates"]["outcome"]),
            _date(item["dates"]["closed"]),
            item["feedback_due"] or "",
            item["dispute"]["claims"],
            item["dispute"]["facts"],
        ]


def feedback_xlsx(cases) -> tuple[bytes, int]:
    return spreadsheets.write_xlsx(_("Court feedback"), _headers(), feedback_rows(cases))
