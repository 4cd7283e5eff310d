from .case import Case, CaseEvent, EvidenceFile
from .notifications import Notification
from .routing import RoutingRule, RoutingTarget
from .satisfaction import SatisfactionRating

__all__ = [
    "Case",
    "CaseEvent",
    "EvidenceFile",
    "Notification",
    "RoutingRule",
    "RoutingTarget",
    "SatisfactionRating",
]
