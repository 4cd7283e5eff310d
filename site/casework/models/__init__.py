from .audit import AuditEntry
from .referrals import CourtReferral, ReferralToken
from .work import AgreementTerm, CaseOutcome, MediationSession

__all__ = [
    "AgreementTerm",
    "AuditEntry",
    "CaseOutcome",
    "CourtReferral",
    "MediationSession",
    "ReferralToken",
]
