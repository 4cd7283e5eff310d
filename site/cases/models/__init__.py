from .case import Case, CaseEvent, EvidenceFile
from .notifications import Notification
from .routing import RoutingRule, RoutingTarget

__all__ = [
    "Case",
    "CaseEvent",
    "EvidenceFile",
    "Notification",
    "RoutingRule",
    "RoutingTarget",
]
