"""Turn a validated application into a case: one transaction, one case per submission."""

import hashlib
import logging
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from cases import deadlines, references
from cases.choices import ApplicationType, CaseSource, CaseStatus
from cases.models import Case, CaseEvent, EvidenceFile
from cases.privacy import current_notice_version
from cases.services import evidence as evidence_store
from cases.services import notify, writer_queue
from cases.services.routing import ApplicationFacts, decide

logger = logging.getLogger(__name__)


@dataclass
class Application:
    """A validated application from any door (web form, API, staff intake)."""

    application_type: str
    region: str
    applicant: dict
    respondent: dict | None = None
    dispute: dict | None = None
    enterprise: dict | None = None
    preferred_organization: object = None
    evidence: list = field(default_factory=list)  # pending uploads (evidence.PendingFile)
    source: str = CaseSource.ONLINE
    submission_key: str | None = None
    # A routing Decision made by the caller (court referrals); None: the routing rules decide.
    routing: object = None
    # Called with the new case inside its transaction, before notifications are planned
    # (casework stores a court referral or the walk-in record there). Raising undoes it all.
    after_create: object = None

    def facts(self) -> ApplicationFacts:
        dispute = self.dispute or {}
        return ApplicationFacts(
            application_type=self.application_type,
            region=self.region,
            dispute_stage=dispute.get("stage", ""),
            categories=tuple(dispute.get("categories") or ()),
            workers_involved=dispute.get("workers_involved") or 1,
            amount_claimed=dispute.get("amount_claimed"),
            preferred_organization=self.preferred_organization,
        )


def _plain(value):
    """JSON-safe copy of cleaned form data."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if hasattr(value, "code"):
        return value.code
    return value


REFERENCE_ATTEMPTS = 5


def submit(application: Application) -> tuple[Case, bool]:
    """Create, route and queue notifications for a case; all or nothing.

    Returns (case, created). A submission key already used returns the existing case.
    Everything that only reads (routing, the liaisons) or computes (the case's fields, its
    reference, the messages) happens before the transaction; inside it only the rows are
    written, so SQLite's single write lock is held as briefly as possible.
    """
    if application.submission_key:
        existing = Case.objects.filter(submission_key=application.submission_key).first()
        if existing:
            return existing, False
    decision = application.routing or decide(application.facts())
    fields = _case_fields(application, decision)
    for attempt in range(REFERENCE_ATTEMPTS):
        case = Case(reference=references.generate(), **fields)
        # An after_create hook may change the case first: then its messages are composed
        # after the hook, inside the transaction (staff intake paths only).
        messages = None if application.after_create else notify.compose(case, decision)
        try:
            _store(application, case, decision, messages)
        except IntegrityError:
            if application.submission_key:
                existing = Case.objects.filter(submission_key=application.submission_key).first()
                if existing:
                    return existing, False
            # A reference collision is astronomically unlikely; draw another one anyway.
            taken = Case.objects.filter(reference=case.reference).exists()
            if not taken or attempt == REFERENCE_ATTEMPTS - 1:
                raise
            continue
        break
    transaction.on_commit(lambda: evidence_store.discard_pending(application.evidence))
    logger.info(
        "case %s created (%s) for %s", case.reference, case.application_type, case.agency.code
    )
    return case, True


def _store(application: Application, case: Case, decision, messages) -> None:
    """Write the case, its events, evidence and messages in one transaction."""
    stored = []
    try:
        with writer_queue.one_writer(connection), transaction.atomic():
            case.save(force_insert=True)
            _record_events(case, decision)
            if application.after_create:
                application.after_create(case)
            for pending in application.evidence:
                stored.append(_attach_evidence(case, pending))
            notify.record(messages if messages is not None else notify.compose(case, decision))
    except BaseException:
        # Nothing of a failed submission stays behind, not even its copied files.
        for record in stored:
            record.file.storage.delete(record.file.name)
        raise


def _case_fields(application: Application, decision) -> dict:
    applicant = application.applicant
    enterprise = application.enterprise or {}
    dispute = application.dispute or {}
    answers = {
        "applicant": _plain(applicant),
        "respondent": _plain(application.respondent) if application.respondent else None,
        "dispute": _plain(dispute) if application.dispute else None,
        "enterprise": _plain(enterprise) if application.enterprise else None,
    }
    workers = dispute.get("workers_involved")
    now = timezone.now()
    fields = dict(  # noqa: C408 - reads as keyword arguments
        application_type=application.application_type,
        source=application.source,
        status=CaseStatus.SUBMITTED,
        region=application.region,
        applicant_kind=applicant.get("kind", "employer"),
        applicant_name=applicant.get("name") or enterprise.get("name", ""),
        applicant_phone=applicant["phone"],
        applicant_email=applicant.get("email") or "",
        respondent_name=(application.respondent or {}).get("name", ""),
        dispute_stage=dispute.get("stage", ""),
        categories=list(dispute.get("categories") or []),
        amount_claimed=dispute.get("amount_claimed"),
        workers_involved=workers,
        is_collective=application.facts().is_collective if application.dispute else False,
        answers={key: value for key, value in answers.items() if value is not None},
        preferred_organization=application.preferred_organization,
        agency=decision.agency,
        organization=decision.organization,
        routing_rule=decision.rule,
        routing_rule_name=str(decision.rule) if decision.rule else "",
        routing_explanation=decision.explanation,
        arrived_at=now,
        consent_at=now,
        privacy_notice_version=current_notice_version(),
        submission_key=application.submission_key,
    )
    # The acceptance clock starts now (cases/deadlines.py computes every clock).
    fields.update(deadlines.initial(Case(**fields)))
    return fields


def _record_events(case: Case, decision) -> None:
    CaseEvent.objects.bulk_create(
        [
            CaseEvent(
                case=case,
                kind=CaseEvent.Kind.SUBMITTED,
                status=CaseStatus.SUBMITTED,
                is_public=True,
            ),
            CaseEvent(
                case=case,
                kind=CaseEvent.Kind.ROUTED,
                agency=decision.agency,
                is_public=True,
                staff_note=decision.explanation,
            ),
        ]
    )


def _attach_evidence(case: Case, pending) -> EvidenceFile:
    with evidence_store.open_pending(pending) as handle:
        data = handle.read()
    record = EvidenceFile(
        case=case,
        original_name=pending["name"],
        content_type=pending["content_type"],
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
    )
    record.file.save(f"{pending['token']}.{pending['extension']}", ContentFile(data), save=False)
    record.save()
    return record


__all__ = ["Application", "submit", "ApplicationType"]
