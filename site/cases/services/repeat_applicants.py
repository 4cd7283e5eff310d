"""Repeat applicants: other cases of the same applicant, found through the keyed digests of
the mobile number and the ID number (both encrypted at rest, ADR 0038)."""

from django.db.models import Q

from cases.models import Case

LIMIT = 10


def same_applicant(case: Case, queryset=None, limit: int = LIMIT) -> list[Case]:
    """Up to `limit` other cases with the same mobile or the same ID number, newest first,
    taken from `queryset` (the cases the reader may see)."""
    if case.anonymised_at is not None:
        return []  # nothing left to recognise the applicant by
    condition = Q()
    if case.applicant_phone_digest:
        condition |= Q(applicant_phone_digest=case.applicant_phone_digest)
    if case.applicant_id_digest:
        condition |= Q(applicant_id_digest=case.applicant_id_digest)
    if not condition:
        return []
    queryset = Case.objects.all() if queryset is None else queryset
    return list(
        queryset.filter(condition, anonymised_at__isnull=True)
        .exclude(pk=case.pk)
        .order_by("-submitted_at")
        .only("pk", "reference", "status", "submitted_at")[:limit]
    )
