"""Anonymising closed cases when their retention period ends (PIPL art. 19 and 47; ADR 0039).

A case closed more than PERSONAL_DATA_RETENTION_YEARS ago keeps every fact the statistics
read (type, source, region, agency, stage, categories, amounts, workers, dates, stamped
durations, outcomes, ratings) and loses what identifies a person: names, phone, email, ID
and credit numbers, addresses, free text (claims, facts, notes, message bodies) and its
evidence files. Values are replaced by assignment and `save(update_fields=...)`, never raw
SQL, so encrypted model fields encrypt the placeholder like any other value.

Apps above `cases` (casework: mediation records, outcomes) blank their own rows when the
`anonymising` signal is sent for a case, inside the same transaction.
"""

import contextlib
import logging
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.dispatch import Signal
from django.utils import timezone

from cases.choices import CaseStatus
from cases.models import (
    Case,
    CaseEvent,
    EvidenceFile,
    Notification,
    PurgeRecord,
    SatisfactionRating,
)
from cases.storage import private_storage

logger = logging.getLogger(__name__)

PLACEHOLDER = "已匿名"
# Answers emptied rather than replaced: identifiers feed the keyed digests that find an
# applicant's other cases (ADR 0038); one placeholder would make every anonymised case
# "the same applicant".
BLANKED_ANSWERS = frozenset({"id_number", "credit_code", "phone", "mobile"})

# Statuses of a case whose handling has ended (casework may still close it).
ENDED = frozenset(
    {
        CaseStatus.AGREEMENT,
        CaseStatus.NO_AGREEMENT,
        CaseStatus.WITHDRAWN,
        CaseStatus.REJECTED,
        CaseStatus.COMPLETED,
    }
)

# Answers that describe the dispute, not a person: kept (the statistics and the case page
# read them). Every other non-empty text answer is replaced, so a new question is
# anonymised unless it is added here.
KEPT_ANSWERS = frozenset(
    {
        "kind",
        "region",
        "industry",
        "employee_count",
        "union_status",
        "has_union",
        "has_mediation_committee",
        "relationship",
        "stage",
        "categories",
        "workers_involved",
        "amount_claimed",
        "preferred_organization",
    }
)

# Sent once per case being anonymised (sender=Case, case=..., now=...), inside its
# transaction: receivers replace the personal text in their own rows.
anonymising = Signal()


@dataclass(frozen=True)
class Outcome:
    cases: int
    evidence_files: int
    before: object  # the cut-off moment: cases closed before it were (or would be) anonymised


def cutoff(now):
    """Cases closed before this moment are past their retention period (calendar years)."""
    return now - relativedelta(years=settings.PERSONAL_DATA_RETENTION_YEARS)


def due(now):
    """Cases past the retention period and not yet anonymised: closed before the cut-off,
    or ended (never formally closed) with nothing happening since before the cut-off."""
    before = cutoff(now)
    recent = CaseEvent.objects.filter(case=OuterRef("pk"), created_at__gte=before)
    closed = Q(status=CaseStatus.CLOSED, closed_at__lt=before)
    ended = Q(status__in=ENDED, submitted_at__lt=before) & ~Exists(recent)
    return Case.objects.filter(anonymised_at__isnull=True).filter(closed | ended)


def anonymise_closed_cases(now=None, *, dry_run: bool = False) -> Outcome:
    """Anonymise every case past its retention period; idempotent (a case is done once).
    Records the purge (counts only) unless `dry_run`, which changes nothing."""
    now = now or timezone.now()
    before = cutoff(now)
    pks = list(due(now).order_by("pk").values_list("pk", flat=True))
    if dry_run:
        files = EvidenceFile.objects.filter(case_id__in=pks).count()
        return Outcome(cases=len(pks), evidence_files=files, before=before)
    cases = files = 0
    for pk in pks:
        removed = anonymise_case(pk, now)
        if removed is not None:
            cases += 1
            files += removed
    detail = f"closed before {timezone.localtime(before):%Y-%m-%d %H:%M}"
    PurgeRecord.objects.bulk_create(
        [
            PurgeRecord(
                kind=PurgeRecord.Kind.CASES_ANONYMISED, count=cases, detail=detail, created_at=now
            ),
            PurgeRecord(
                kind=PurgeRecord.Kind.EVIDENCE_DELETED, count=files, detail=detail, created_at=now
            ),
        ]
    )
    logger.info("Anonymised %s case(s), deleted %s evidence file(s)", cases, files)
    return Outcome(cases=cases, evidence_files=files, before=before)


def anonymise_case(pk: int, now) -> int | None:
    """Anonymise one case in one transaction; returns how many evidence files went, or None
    when another run got there first. Files leave the disk once their rows are gone."""
    with transaction.atomic():
        case = Case.objects.select_for_update().filter(pk=pk, anonymised_at__isnull=True).first()
        if case is None:
            return None
        case.applicant_name = PLACEHOLDER
        case.applicant_phone = PLACEHOLDER
        case.applicant_email = ""
        case.respondent_name = PLACEHOLDER if case.respondent_name else ""
        case.answers = scrub(case.answers)
        case.anonymised_at = now
        case.save(
            update_fields=[
                "applicant_name",
                "applicant_phone",
                "applicant_email",
                "respondent_name",
                "answers",
                "anonymised_at",
                "updated_at",
            ]
        )
        _scrub_events(case)
        _scrub_notifications(case)
        _scrub_rating(case)
        anonymising.send(sender=Case, case=case, now=now)
        evidence = list(EvidenceFile.objects.filter(case=case))
        paths = [record.file.name for record in evidence if record.file]
        EvidenceFile.objects.filter(case=case).delete()
    for path in paths:
        with contextlib.suppress(OSError):
            private_storage.delete(path)
    return len(evidence)


def scrub(value, key: str = ""):
    """The answers with every personal text replaced; the dispute's facts kept."""
    if key in KEPT_ANSWERS:
        return value
    if key in BLANKED_ANSWERS and isinstance(value, str):
        return ""
    if isinstance(value, dict):
        return {name: scrub(item, name) for name, item in value.items()}
    if isinstance(value, list):
        return [scrub(item, key) for item in value]
    if isinstance(value, str) and value:
        return PLACEHOLDER
    return value


def _scrub_events(case) -> None:
    for event in CaseEvent.objects.filter(case=case).exclude(public_note="", staff_note=""):
        event.public_note = PLACEHOLDER if event.public_note else ""
        event.staff_note = PLACEHOLDER if event.staff_note else ""
        event.save(update_fields=["public_note", "staff_note"])


def _scrub_notifications(case) -> None:
    for notification in Notification.objects.filter(case=case):
        notification.recipient = PLACEHOLDER
        notification.subject = PLACEHOLDER if notification.subject else ""
        notification.body = PLACEHOLDER
        notification.last_error = ""  # an SMTP refusal quotes the address
        fields = ["recipient", "subject", "body", "last_error"]
        if notification.status in (Notification.Status.QUEUED, Notification.Status.RETRYING):
            # Never deliver a message to a placeholder.
            notification.status = Notification.Status.FAILED
            notification.next_attempt_at = None
            fields += ["status", "next_attempt_at"]
        notification.save(update_fields=fields)


def _scrub_rating(case) -> None:
    rating = SatisfactionRating.objects.filter(case=case).first()
    if rating is not None and rating.comment:
        rating.comment = PLACEHOLDER
        rating.save(update_fields=["comment"])
