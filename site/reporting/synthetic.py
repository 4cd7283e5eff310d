"""Realistic synthetic case volumes: for benchmarks (`manage.py generate_cases N`) and, a few
hundred ended cases of the last two complete quarters, for the demo's statistics
(reporting/demo/history.py). Every row a real case has for the statistics: the case with
its clocks, its outcome (with agreement terms and decline grounds), court referrals,
transfer events, satisfaction ratings for some ended cases.
Written with bulk inserts in batches; reproducible with --seed."""

import datetime
import random
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from cases import deadlines, references
from cases.choices import ApplicationType, CaseSource, CaseStatus, DisputeStage, PartyKind
from cases.models import Case, CaseEvent, SatisfactionRating
from cases.timeliness import acceptance_working_days, outcome_facts
from casework.models import AgreementTerm, CaseOutcome, CourtReferral, DeclineGrounds
from directory.models import Agency
from directory.regions import AgencyKind, Region

BATCH = 2_000
TYPES = [ApplicationType.MEDIATION] * 17 + [
    ApplicationType.UNION_SETUP,
    ApplicationType.COMMITTEE_SETUP,
]
SOURCES = [CaseSource.ONLINE] * 11 + [CaseSource.API] * 2 + [CaseSource.WALK_IN] * 4
STAGES = [DisputeStage.PRE_CASE] * 6 + [
    DisputeStage.ARBITRATION_PENDING,
    DisputeStage.AWARD_ISSUED,
    DisputeStage.IN_LITIGATION,
]
REGIONS = [Region.ZENGDU] * 4 + [Region.SUIXIAN] * 2 + [Region.GUANGSHUI] * 2 + [Region.CITY]


def _agencies():
    handling = {}
    for agency in Agency.objects.exclude(kind=AgencyKind.COURT):
        handling.setdefault(agency.region, []).append(agency)
    courts = list(Agency.objects.filter(kind=AgencyKind.COURT))
    everyone = [agency for agencies in handling.values() for agency in agencies]
    return handling, everyone, courts


@dataclass(frozen=True)
class Shape:
    """What to generate: cases submitted over `days` before `until` (default now); with
    `ended_only`, every case has ended by `until` (history, nothing left open)."""

    days: int = 365
    until: datetime.datetime | None = None
    ended_only: bool = False
    label: str = "合成"  # names: 合成申请人12, 合成企业12有限公司


def generate(count: int, days: int = 365, seed: int = 2026, shape: Shape | None = None) -> int:
    rng = random.Random(seed)  # noqa: S311 - reproducible data, not secrets
    shape = shape or Shape(days=days)
    handling, everyone, courts = _agencies()
    seen = set(Case.objects.values_list("reference", flat=True))
    made = 0
    while made < count:
        size = min(BATCH, count - made)
        with transaction.atomic():
            _batch(rng, size, made, shape, handling, everyone, courts, seen)
        made += size
    return made


def _reference(seen):
    reference = references.generate()
    while reference in seen:
        reference = references.generate()
    seen.add(reference)
    return reference


@contextmanager
def _timestamps_as_given():
    """Insert the generated moments instead of "now" (auto_now_add fields)."""
    fields = [
        Case._meta.get_field("submitted_at"),
        CaseEvent._meta.get_field("created_at"),
        SatisfactionRating._meta.get_field("created_at"),
    ]
    for field in fields:
        field.auto_now_add = False
    try:
        yield
    finally:
        for field in fields:
            field.auto_now_add = True


def _batch(rng, size, offset, shape, handling, everyone, courts, seen):
    now = shape.until or timezone.now()
    days = shape.days
    cases, referrals, outcomes, events, terms_for = [], [], [], [], []
    ratings = []
    for n in range(offset, offset + size):
        region = rng.choice(REGIONS)
        kind = rng.choice(TYPES)
        referred = kind == ApplicationType.MEDIATION and courts and rng.random() < 0.12
        submitted = now - datetime.timedelta(seconds=rng.randint(0, days * 86400))
        workers = rng.choice([1] * 12 + [3, 15, 40])
        case = Case(
            reference=_reference(seen),
            application_type=kind,
            source=CaseSource.COURT_REFERRAL if referred else rng.choice(SOURCES),
            region=region,
            applicant_kind=PartyKind.WORKER if rng.random() < 0.9 else PartyKind.EMPLOYER,
            applicant_name=f"{shape.label}申请人{n}",
            applicant_phone=f"199{n:08d}"[:11],
            respondent_name=f"{shape.label}企业{n % 3000}有限公司",
            dispute_stage=rng.choice(STAGES) if kind == ApplicationType.MEDIATION else "",
            categories=["pay"],
            amount_claimed=Decimal(rng.randint(2, 200) * 500),
            workers_involved=workers,
            is_collective=workers >= 10,
            answers={},
            agency=rng.choice(handling.get(region) or everyone),
            submitted_at=submitted,
            arrived_at=submitted,
        )
        referral = None
        if referred:
            delegated = rng.random() < 0.7
            referral = CourtReferral(
                case=case,
                court=rng.choice(courts),
                court_case_number=f"（合成）{case.reference}",
                kind=CourtReferral.Kind.DELEGATED if delegated else CourtReferral.Kind.ENTRUSTED,
                procedure="" if delegated else rng.choice(["ordinary", "simple"]),
                received_at=submitted,
            )
            referrals.append(referral)
        ended = len(outcomes)
        _history(rng, case, submitted, now, shape.ended_only, everyone, outcomes, events, terms_for)
        if len(outcomes) > ended and rng.random() < 0.3:
            decided = outcomes[-1].decided_at
            ratings.append(
                SatisfactionRating(
                    case=case,
                    overall=rng.choice([5, 5, 5, 4, 4, 3, 2, 1]),
                    timeliness=rng.choice([5, 5, 4, 4, 3, 2]),
                    fairness=rng.choice([5, 5, 5, 4, 3, 1]),
                    agency=case.agency,
                    created_at=min(decided + datetime.timedelta(days=rng.randint(0, 20)), now),
                )
            )
        deadlines.refresh(case, referral)
        case.acceptance_working_days = acceptance_working_days(case)
        if len(outcomes) > ended:
            outcome = outcomes[-1]
            facts = outcome_facts(case, outcome.kind, outcome.decided_at, referred=bool(referral))
            for name, value in facts.items():
                setattr(outcome, name, value)
        cases.append(case)
    with _timestamps_as_given():
        Case.objects.bulk_create(cases, batch_size=BATCH)
        CourtReferral.objects.bulk_create(referrals, batch_size=BATCH)
        CaseOutcome.objects.bulk_create(outcomes, batch_size=BATCH)
        CaseEvent.objects.bulk_create(events, batch_size=BATCH)
        SatisfactionRating.objects.bulk_create(ratings, batch_size=BATCH)
    AgreementTerm.objects.bulk_create(
        [
            AgreementTerm(outcome=outcome, number=1, text="支付款项", amount=amount)
            for outcome, amount in terms_for
        ],
        batch_size=BATCH,
    )


def _history(rng, case, submitted, now, ended_only, everyone, outcomes, events, terms_for):
    """Acceptance, a transfer now and then, an outcome for most cases whose time has come
    (for every case with `ended_only`, by `now` at the latest)."""
    last = now - datetime.timedelta(minutes=1)
    if rng.random() < 0.05:
        sender = case.agency
        case.agency = rng.choice([a for a in everyone if a.pk != sender.pk] or [sender])
        moved = submitted + datetime.timedelta(hours=rng.randint(2, 48))
        events.append(
            CaseEvent(
                case=case,
                kind=CaseEvent.Kind.TRANSFERRED,
                agency=case.agency,
                from_agency=sender,
                created_at=min(moved, now),
            )
        )
    if rng.random() < 0.06:
        decided = max(min(submitted + datetime.timedelta(days=rng.randint(1, 4)), last), submitted)
        case.status = CaseStatus.REJECTED
        outcomes.append(
            CaseOutcome(
                case=case,
                kind=CaseStatus.REJECTED,
                grounds=rng.choice(DeclineGrounds.values),
                decided_at=decided,
            )
        )
        return
    accepted = submitted + datetime.timedelta(days=rng.randint(0, 5), hours=rng.randint(0, 8))
    if ended_only:
        accepted = max(min(accepted, last), submitted)
    if accepted > now:
        return
    case.accepted_at = accepted
    case.status = CaseStatus.ACCEPTED
    if rng.random() < 0.1:
        case.mediation_extension_days = rng.choice([5, 10, 15])
    decided = accepted + datetime.timedelta(days=rng.randint(1, 35))
    if ended_only:
        decided = max(min(decided, last), accepted)
    elif decided > now or rng.random() < 0.04:
        case.status = CaseStatus.IN_MEDIATION
        return
    if case.application_type != ApplicationType.MEDIATION:
        kind = CaseStatus.COMPLETED if rng.random() < 0.9 else CaseStatus.WITHDRAWN
    else:
        roll = rng.random()
        kind = (
            CaseStatus.AGREEMENT
            if roll < 0.62
            else CaseStatus.NO_AGREEMENT
            if roll < 0.9
            else CaseStatus.WITHDRAWN
        )
    case.status = kind
    outcome = CaseOutcome(case=case, kind=kind, decided_at=decided)
    outcomes.append(outcome)
    if kind == CaseStatus.AGREEMENT:
        share = Decimal(rng.randint(40, 100)) / 100
        terms_for.append((outcome, (case.amount_claimed * share).quantize(Decimal("0.01"))))
