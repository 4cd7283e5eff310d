"""The privacy notice an applicant agrees to (each case records the version it was given),
and the masks personal data wears in lists and documents."""

PRIVACY_NOTICE_VERSION = "2024-1"  # recorded when no notice page is published


def current_notice_version() -> str:
    """The version of the privacy notice the applicant was shown: the live notice page's
    (editors set it, /privacy/), else the built-in one."""
    from home.models import PrivacyNoticePage

    version = PrivacyNoticePage.objects.live().values_list("version", flat=True).first()
    return version or PRIVACY_NOTICE_VERSION


# Masks for lists and documents: enough to recognise, not enough to use.
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
