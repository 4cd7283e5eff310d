from .agencies import Agency, AgencyMembership
from .organizations import MediationOrganization, OrganizationKind

__all__ = ["Agency", "AgencyMembership", "MediationOrganization", "OrganizationKind"]
