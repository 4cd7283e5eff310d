"""What happens next for an application, said as the law says it for the dispute's stage.

One list of short sentences, each with its legal basis and a guide to read, used by the
confirmation page, the confirmation SMS/email, tracking and the API (`next_steps`). The
rules (docs/architecture.md, "Legal clocks"; /work/shared/DESIGN.md):

- Pre-case mediation: 15 days from the day the organization RECEIVED the application
  without an agreement, a party may apply for arbitration (劳动争议调解仲裁法 art. 14); the
  one-year time limit for arbitration (art. 27) is interrupted by asking for mediation.
- Arbitration pending: an agreement reached becomes the commission's mediation statement
  (调解书), binding once signed for (art. 42); otherwise the tribunal decides within 45 days
  of accepting the case, extendable by 15 (art. 43).
- Award issued: a worker may sue within 15 days of receiving the award (art. 48 for a final
  award, art. 50 otherwise); an employer may sue within 15 days against a non-final award
  (art. 50) and, against a final award (art. 47), may only apply to the intermediate
  people's court within 30 days to set it aside (art. 49). Mediation does not stop these
  periods. The litigation service station at the center files the suit.
- In litigation: the court may entrust the case to mediation, which ends within 15 days
  (ordinary procedure) or 7 days (simple) (最高人民法院关于人民法院特邀调解的规定 art. 27).
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.utils import formats
from django.utils.translation import gettext as _

from cases.choices import ApplicationType, CaseStatus, DisputeStage, PartyKind
from cases.deadlines import ENTRUSTED_DAYS, arbitration_open_after, counts_art_14

# Guides the steps point to (guidance pages by slug; the guidance index if one is missing).
GUIDES = {
    "mediation": "apply-for-mediation",
    "award": "sue-after-arbitral-award",
    "court": "court-referred-mediation",
    "union": "union-setup",
    "committee": "committee-setup",
    "arbitration": "apply-for-arbitration",
}
# Steps that point to one of the site's tools rather than a guide (URL names, resolved late
# so cases does not import the intake app).
TOOLS = {"time_limit": "applications:time_limit"}
GUIDANCE_INDEX = "/guidance/"


@dataclass(frozen=True)
class NextStep:
    text: str
    basis: str = ""  # the law, e.g. 《劳动争议调解仲裁法》第十四条
    guide: str = ""  # a key of GUIDES
    url: str = ""  # filled by with_links()


def _date(day: datetime.date) -> str:
    return formats.date_format(day, "Y年n月j日")


def _case_number(case, key: str) -> str:
    dispute = (case.answers or {}).get("dispute") or {}
    return str(dispute.get(key) or "").strip()


def _litigation_station() -> str:
    from directory.models import MediationOrganization

    station = (
        MediationOrganization.objects.filter(kind="litigation_station", is_public=True)
        .only("name", "address", "phone")
        .order_by("pk")
        .first()
    )
    if station is None:
        return ""
    parts = [station.name, station.address, station.phone]
    return "，".join(part for part in parts if part)


def _pre_case(case) -> list[NextStep]:
    steps = []
    if case.status in ("", CaseStatus.SUBMITTED):  # not yet accepted
        steps.append(
            NextStep(
                _(
                    "The agency checks your application and tells you within %(days)s "
                    "working days whether it is accepted."
                )
                % {"days": settings.CASE_ACCEPTANCE_WORKING_DAYS},
            )
        )
    steps += [
        NextStep(
            _(
                "If no mediation agreement is reached by %(date)s (15 days from the day your "
                "application was received), you may apply for labor arbitration."
            )
            % {"date": _date(arbitration_open_after(case))},
            _("Labor Dispute Mediation and Arbitration Law, art. 14"),
            "arbitration",
        ),
        NextStep(
            _(
                "The time limit for arbitration is one year from the day you knew or should "
                "have known of the infringement; asking for mediation interrupts it."
            ),
            _("Labor Dispute Mediation and Arbitration Law, art. 27"),
            "time_limit",  # the calculator counts the year as art. 27 does
        ),
    ]
    return steps


def _arbitration_pending(case) -> list[NextStep]:
    number = _case_number(case, "arbitration_case_number")
    first = (
        _("Your arbitration case %(number)s goes on while you mediate.") % {"number": number}
        if number
        else _("Your arbitration case goes on while you mediate.")
    )
    return [
        NextStep(first),
        NextStep(
            _(
                "If you agree, the arbitration commission writes the agreement into a "
                "mediation statement, which is binding once both sides sign for it."
            ),
            _("Labor Dispute Mediation and Arbitration Law, art. 42"),
        ),
        NextStep(
            _(
                "If you do not agree, the tribunal decides: normally within 45 days of "
                "accepting the case, at most 15 days more for a complex case."
            ),
            _("Labor Dispute Mediation and Arbitration Law, art. 43"),
        ),
    ]


def _award_issued(case) -> list[NextStep]:
    # "final" (art. 47), "non_final" or "" when the applicant does not know: then both.
    kind = _case_number(case, "award_kind")
    steps = []
    if case.applicant_kind == PartyKind.EMPLOYER:
        if kind != "final":
            steps.append(
                NextStep(
                    _(
                        "Against an award that is not final you may sue in the people's court "
                        "within 15 days of receiving it; after that it takes legal effect."
                    ),
                    _("Labor Dispute Mediation and Arbitration Law, art. 50"),
                    "award",
                )
            )
        if kind != "non_final":
            steps.append(
                NextStep(
                    _(
                        "Against a final award (small claims, labor standards) an employer "
                        "cannot sue: it may apply to the Intermediate People's Court to set it "
                        "aside within 30 days of receiving it."
                    ),
                    _("Labor Dispute Mediation and Arbitration Law, arts. 47 and 49"),
                    "award",
                )
            )
    else:
        # A worker sues within 15 days either way: art. 48 (final), art. 50 (not final).
        basis = {
            "final": _("Labor Dispute Mediation and Arbitration Law, arts. 47 and 48"),
            "non_final": _("Labor Dispute Mediation and Arbitration Law, art. 50"),
        }.get(kind, _("Labor Dispute Mediation and Arbitration Law, arts. 48 and 50"))
        steps.append(
            NextStep(
                _(
                    "If you disagree with the award, you may sue in the people's court "
                    "within 15 days of receiving it; after that it takes legal effect."
                ),
                basis,
                "award",
            )
        )
    steps.append(
        NextStep(
            _("Mediation does not stop these periods: file in time even while you mediate."),
            guide="award",
        )
    )
    station = _litigation_station()
    if station:
        steps.append(
            NextStep(_("Where to file: %(station)s.") % {"station": station}, guide="award")
        )
    return steps


def _in_litigation(case) -> list[NextStep]:
    number = _case_number(case, "court_case_number")
    first = (
        _("Your court case %(number)s stays with the court.") % {"number": number}
        if number
        else _("Your case stays with the court.")
    )
    return [
        NextStep(first),
        NextStep(
            _(
                "The court may entrust it to mediation, which ends within %(ordinary)s days "
                "(ordinary procedure) or %(simple)s days (simple procedure); an agreement can "
                "then be confirmed by the court."
            )
            % {"ordinary": ENTRUSTED_DAYS["ordinary"], "simple": ENTRUSTED_DAYS["simple"]},
            _("Provisions on Specially Invited Mediation by People's Courts, art. 27"),
            "court",
        ),
    ]


def _setup_help(case) -> list[NextStep]:
    if case.application_type == ApplicationType.UNION_SETUP:
        return [
            NextStep(
                _(
                    "The union federation contacts you within %(days)s working days to guide "
                    "the preparation: recruiting members, the founding meeting and the election."
                )
                % {"days": settings.CASE_SETUP_RESPONSE_WORKING_DAYS},
                guide="union",
            )
        ]
    return [
        NextStep(
            _("The agency contacts you within %(days)s working days to guide the setup.")
            % {"days": settings.CASE_SETUP_RESPONSE_WORKING_DAYS},
            guide="committee",
        )
    ]


BY_STAGE = {
    DisputeStage.ARBITRATION_PENDING: _arbitration_pending,
    DisputeStage.AWARD_ISSUED: _award_issued,
    DisputeStage.IN_LITIGATION: _in_litigation,
}


def next_steps(case) -> list[NextStep]:
    if case.application_type != ApplicationType.MEDIATION:
        return _setup_help(case)
    return BY_STAGE.get(case.dispute_stage, _pre_case)(case)


def with_links(steps: list[NextStep]) -> list[NextStep]:
    """The steps with the URL of their guide (one query for all of them)."""
    from django.urls import NoReverseMatch, reverse

    from guidance.models import GuidancePage

    slugs = {GUIDES[step.guide] for step in steps if step.guide in GUIDES}
    urls = {
        page.slug: page.url for page in GuidancePage.objects.live().public().filter(slug__in=slugs)
    }

    def url_of(guide: str) -> str:
        if not guide:
            return ""
        if guide in TOOLS:
            try:
                return reverse(TOOLS[guide])
            except NoReverseMatch:
                return GUIDANCE_INDEX
        return urls.get(GUIDES.get(guide), "") or GUIDANCE_INDEX

    return [NextStep(step.text, step.basis, step.guide, url_of(step.guide)) for step in steps]


def headline(steps: list[NextStep]) -> str:
    """The one step an SMS has room for: the first that carries a legal time limit."""
    for step in steps:
        if step.basis:
            return step.text
    return steps[0].text if steps else ""


def as_text(steps: list[NextStep]) -> list[str]:
    """The sentences, each followed by its basis: the API's `next_steps` and the SMS."""
    return [f"{step.text}（{step.basis}）" if step.basis else step.text for step in steps]


@dataclass(frozen=True)
class PublicClock:
    label: str
    date: datetime.date
    basis: str


def public_clocks(case) -> list[PublicClock]:
    """The two clocks of a mediation, each for what it is: the applicant's right to go to
    arbitration (15 days from receipt, art. 14) and the organization's working limit (15
    days from acceptance, longer only with both parties' recorded agreement)."""
    if case.application_type != ApplicationType.MEDIATION:
        return []
    clocks = []
    if counts_art_14(case):
        clocks.append(
            PublicClock(
                _("If there is no agreement by this day, you may apply for arbitration"),
                arbitration_open_after(case),
                _("15 days from receipt; Labor Dispute Mediation and Arbitration Law, art. 14"),
            )
        )
    if case.mediation_due:
        clocks.append(
            PublicClock(
                _("The mediation organization aims to finish by"),
                case.mediation_due,
                _(
                    "Working limit: 15 days from acceptance, longer only if both sides agree; "
                    "Provisions on Consultation and Mediation of Enterprise Labor Disputes"
                ),
            )
        )
    return clocks
