from .agencies import Agency, AgencyMembership
from .mediators import (
    Mediator,
    MediatorCategory,
    MediatorStatus,
    MediatorStatusChange,
    Specialty,
)
from .organizations import MediationOrganization, OpeningPeriod, OrganizationKind, Weekday
from .pages import OrganizationIndexPage
from .register import RegisterTransfer
from .training import TrainingSession

__all__ = [
    "Agency",
    "AgencyMembership",
    "MediationOrganization",
    "Mediator",
    "MediatorCategory",
    "MediatorStatus",
    "MediatorStatusChange",
    "OpeningPeriod",
    "OrganizationIndexPage",
    "OrganizationKind",
    "RegisterTransfer",
    "Specialty",
    "TrainingSession",
    "Weekday",
]
