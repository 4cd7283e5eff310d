from .audit import AuditEntry
from .digest import DeadlineDigest
from .referrals import CourtReferral, ReferralToken
from .work import AgreementTerm, CaseOutcome, MediationSession

__all__ = [
    "AgreementTerm",
    "AuditEntry",
    "CaseOutcome",
    "CourtReferral",
    "DeadlineDigest",
    "MediationSession",
    "ReferralToken",
]
