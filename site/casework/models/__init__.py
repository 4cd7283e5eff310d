from .audit import AuditEntry
from .digest import DeadlineDigest
from .referrals import CourtReferral, ReferralToken
from .work import AgreementTerm, CaseOutcome, DeclineGrounds, MediationSession

__all__ = [
    "AgreementTerm",
    "AuditEntry",
    "CaseOutcome",
    "CourtReferral",
    "DeadlineDigest",
    "DeclineGrounds",
    "MediationSession",
    "ReferralToken",
]
