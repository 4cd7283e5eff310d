"""The respondent's consent to mediate (ADR 0046). Mediation is voluntary (劳动争议调解仲裁法
art. 5): a session's minutes and an agreement are recorded only after the respondent agreed;
a refusal, or consent withdrawn later, ends the mediation without agreement and gives the
applicant the advice to apply for arbitration."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cases.choices import CaseStatus as S
from casework.forms.consent import RecordConsentForm, RecordRefusalForm
from casework.models import RespondentConsent, latest_consent
from casework.services.action_rules import REFUSAL_ADVICE, ActionRefused, record_outcome, required
from casework.workflow import MEDIATION, Action

MEDIATING = frozenset({S.ACCEPTED, S.IN_MEDIATION})


def has_consent(case) -> bool:
    consent = latest_consent(case)
    return consent is not None and consent.answer == RespondentConsent.Answer.AGREED


def check_consent(case) -> None:
    """Refuse unless the respondent's latest answer is that they agree to mediate."""
    if not has_consent(case):
        raise ActionRefused(
            _("Record the respondent's consent to mediate first: mediation is voluntary.")
        )


def _record(case, user, data, answer) -> RespondentConsent:
    given_on = required(data, "given_on", _("Enter the date the respondent answered."))
    channel = required(data, "channel", _("Choose how the respondent answered."))
    if channel not in RespondentConsent.Channel.values:
        raise ActionRefused(_("Choose how the respondent answered."))
    if given_on > timezone.localdate() or given_on < timezone.localdate(case.submitted_at):
        raise ActionRefused(_("The date of the answer must be between submission and today."))
    return RespondentConsent.objects.create(
        case=case,
        answer=answer,
        channel=channel,
        given_on=given_on,
        note=data.get("note", ""),
        recorded_by=user,
        recorded_at=timezone.now(),
    )


def _described(consent: RespondentConsent) -> str:
    return _("%(answer)s (%(channel)s, %(date)s)") % {
        "answer": consent.get_answer_display(),
        "channel": consent.get_channel_display(),
        "date": consent.given_on.strftime("%Y-%m-%d"),
    }


def record_consent(case, user, data):
    if has_consent(case):
        raise ActionRefused(_("The respondent's consent is already recorded."))
    consent = _record(case, user, data, RespondentConsent.Answer.AGREED)
    return {
        "public": _("The respondent agreed to mediation."),
        "staff": " ".join(filter(None, [_described(consent), data.get("note", "")])),
    }


def record_refusal(case, user, data):
    consent = _record(case, user, data, RespondentConsent.Answer.REFUSED)
    advice = (data.get("advice") or "").strip() or str(REFUSAL_ADVICE)
    summary = _("The respondent declined to mediate: %(how)s") % {"how": _described(consent)}
    if consent.note:
        summary = f"{summary}\n{consent.note}"
    record_outcome(case, user, S.NO_AGREEMENT, summary, advice)
    return {"public": advice, "staff": summary}


RECORD_CONSENT = Action(
    "record_consent",
    gettext_lazy("Record the respondent's consent to mediate"),
    MEDIATING,
    types=MEDIATION,
    handler=record_consent,
    form=RecordConsentForm,
    done=gettext_lazy("The respondent's consent was recorded."),
    offered=lambda case: not has_consent(case),
)
RECORD_REFUSAL = Action(
    "record_refusal",
    gettext_lazy("Record that the respondent declined mediation"),
    MEDIATING,
    S.NO_AGREEMENT,
    types=MEDIATION,
    tells_applicant=True,
    style="warning",
    handler=record_refusal,
    form=RecordRefusalForm,
    done=gettext_lazy("Recorded: the respondent declined, and the mediation has ended."),
)
