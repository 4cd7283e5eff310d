"""The demo cases: every stage represented, made through the real services, isolated."""

from django.contrib.auth import get_user_model

from cases.choices import CaseSource, CaseStatus
from cases.models import Case
from casework import permissions
from casework.documents import available_documents
from casework.models import RespondentConsent
from casework.services.handling_organization import handling_organization
from reporting.demo import history


def test_demo_has_cases_in_every_stage_and_court_referrals(demo_site):
    # The live demo cases (the statistics history is reporting/demo/history.py, all ended).
    live = Case.objects.exclude(applicant_name__startswith=history.LABEL)
    statuses = set(live.values_list("status", flat=True))
    assert {
        CaseStatus.SUBMITTED,
        CaseStatus.ACCEPTED,
        CaseStatus.IN_MEDIATION,
        CaseStatus.AGREEMENT,
        CaseStatus.NO_AGREEMENT,
        CaseStatus.IN_PROGRESS,
    } <= statuses
    referrals = live.filter(source=CaseSource.COURT_REFERRAL)
    assert referrals.count() == 2
    assert all(case.feedback_due for case in referrals)
    from cases.deadlines import today

    assert live.filter(next_due__lt=today()).exists()  # an overdue case to show
    agreement = live.get(status=CaseStatus.AGREEMENT)
    kinds = [d.kind for d in available_documents(agreement)]
    assert kinds == ["agreement", "acceptance", "arbitration_application"]
    # Every demo agreement follows the respondent's consent, a recorded session and a
    # mediator of the handling workroom (ADR 0045, 0046); one respondent declined.
    assert agreement.consents.get().answer == RespondentConsent.Answer.AGREED
    assert agreement.sessions.filter(minutes_recorded_at__isnull=False).exists()
    assert agreement.mediator is not None and handling_organization(agreement) is not None
    in_mediation = live.filter(status=CaseStatus.IN_MEDIATION)
    assert all(case.consents.filter(answer="agreed").exists() for case in in_mediation)
    declined = live.get(consents__answer=RespondentConsent.Answer.REFUSED)
    assert declined.status == CaseStatus.NO_AGREEMENT and "仲裁" in declined.outcome.advice
    transferred = live.get(events__kind="transferred")
    assert transferred.agency.code == "justice-zengdu"
    for case in Case.objects.all():
        assert "示例" in case.applicant_name


def test_demo_handlers_see_only_their_agency(demo_site):
    User = get_user_model()
    hrss = User.objects.get(username="hrss-zengdu")
    union = User.objects.get(username="union_federation-zengdu")
    visible = permissions.visible_cases(hrss)
    assert visible.count() == Case.objects.filter(agency__code="hrss-zengdu").count() >= 6
    assert not permissions.visible_cases(union).filter(agency__code="hrss-zengdu").exists()
    assert permissions.visible_cases(User.objects.get(username="admin")).count() == (
        Case.objects.count()
    )
