"""Record an oral application (walk-in or phone, 劳动争议调解仲裁法 art. 12) as a case: the
same submit() as the online form, routed by the same rules, with the source, the channel
and the time of the oral application recorded."""

from django.utils import timezone
from django.utils.translation import gettext as _

from cases.choices import ApplicationType, CaseSource
from cases.models import Case, CaseEvent
from cases.services.submission import Application, submit
from casework.forms.walk_in import Channel


def record(user, details: dict, sections: dict) -> tuple[Case, bool]:
    """`details`: the WalkInForm's cleaned data; `sections`: applicant, respondent, dispute.
    A form sent twice (same form key) returns the case the first one created."""
    application = Application(
        application_type=ApplicationType.MEDIATION,
        region=details["region"],
        applicant=sections["applicant"],
        respondent=sections["respondent"],
        dispute=sections["dispute"],
        preferred_organization=details.get("preferred_organization"),
        source=CaseSource.WALK_IN,
        submission_key=f"walk_in:{details['form_key']}",
        after_create=lambda case: _note(case, user, details),
    )
    return submit(application)


def _note(case: Case, user, details: dict) -> None:
    applied_at = details["applied_at"]
    channel = dict(Channel.CHOICES)[details["channel"]]
    case.answers = {
        **case.answers,
        "oral_application": {
            "channel": details["channel"],
            "applied_at": timezone.localtime(applied_at).isoformat(),
            "recorded_by": user.get_username(),
        },
    }
    case.save(update_fields=["answers"])
    CaseEvent.objects.create(
        case=case,
        kind=CaseEvent.Kind.NOTE,
        agency=case.agency,
        staff_note=_("Oral application (%(channel)s) made at %(time)s, recorded by %(user)s.")
        % {
            "channel": channel,
            "time": timezone.localtime(applied_at).strftime("%Y-%m-%d %H:%M"),
            "user": user.get_full_name() or user.get_username(),
        },
        actor=user,
    )
