from .case import Case, CaseEvent, EvidenceFile
from .notifications import Notification
from .retention import PurgeRecord
from .routing import RoutingRule, RoutingTarget
from .satisfaction import SatisfactionRating

__all__ = [
    "Case",
    "CaseEvent",
    "EvidenceFile",
    "Notification",
    "PurgeRecord",
    "RoutingRule",
    "RoutingTarget",
    "SatisfactionRating",
]
