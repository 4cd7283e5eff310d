from .idempotency import IdempotencyKey

__all__ = ["IdempotencyKey"]
