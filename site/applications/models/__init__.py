from .cases import Case, CaseEvent, EvidenceFile
from .idempotency import IdempotencyKey
from .notifications import Notification
from .routing import RoutingRule, RoutingTarget

__all__ = [
    "Case",
    "CaseEvent",
    "EvidenceFile",
    "IdempotencyKey",
    "Notification",
    "RoutingRule",
    "RoutingTarget",
]
