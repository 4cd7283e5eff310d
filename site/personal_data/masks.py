"""Masks for lists and documents: enough to recognise, not enough to use."""


def mask_id_number(value: str) -> str:
    value = value or ""
    if len(value) < 8:
        return "*" * len(value)
    return f"{value[:4]}{'*' * (len(value) - 8)}{value[-4:]}"


def mask_phone(value: str) -> str:
    value = value or ""
    if len(value) < 7:
        return "*" * len(value)
    return f"{value[:3]}****{value[-4:]}"


def mask_text(value: str) -> str:
    value = value or ""
    return f"{value[:2]}***" if value else ""
