from .audit import AuditEntry
from .consent import RespondentConsent, latest_consent
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
    "RespondentConsent",
    "latest_consent",
]
