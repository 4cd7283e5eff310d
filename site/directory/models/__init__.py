from .agencies import Agency, AgencyMembership

__all__ = ["Agency", "AgencyMembership"]
