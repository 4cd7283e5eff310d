"""Casework's part of anonymising a case (cases/services/retention.py, ADR 0039): the
mediation records, outcome texts and agreement terms lose their free text; the outcome's
kind, dates, stamped durations and amounts stay for the statistics."""

from cases.services.retention import PLACEHOLDER
from casework.models import AgreementTerm, AuditEntry, CaseOutcome, MediationSession


def _blank(value: str) -> str:
    return PLACEHOLDER if value else ""


def anonymise_casework(sender, case, now, **kwargs) -> None:
    for session in MediationSession.objects.filter(case=case):
        session.place = _blank(session.place)
        session.minutes = _blank(session.minutes)
        session.save(update_fields=["place", "minutes"])
    outcome = CaseOutcome.objects.filter(case=case).first()
    if outcome is not None:
        outcome.summary = _blank(outcome.summary)
        outcome.advice = _blank(outcome.advice)
        outcome.save(update_fields=["summary", "advice"])
        for term in AgreementTerm.objects.filter(outcome=outcome):
            term.text = _blank(term.text)
            term.save(update_fields=["text"])
    # Downloads are logged as "evidence:<id> <file name>"; a file name can name a person
    # ("张三身份证.jpg"): the entry keeps who downloaded which evidence record, and when.
    for entry in AuditEntry.objects.filter(case=case, action=AuditEntry.Action.DOWNLOAD):
        entry.detail = entry.detail.split(" ", 1)[0]
        entry.save(update_fields=["detail"])
