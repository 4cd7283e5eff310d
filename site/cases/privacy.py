"""The privacy notice an applicant agrees to (each case records the version it was given),
and the masks personal data wears in lists and documents."""

# The masks live with the rest of the personal data protection (ADR 0038).
from personal_data.masks import mask_id_number, mask_phone, mask_text  # noqa: F401

PRIVACY_NOTICE_VERSION = "2024-1"  # recorded when no notice page is published


def current_notice_version() -> str:
    """The version of the privacy notice the applicant was shown: the live notice page's
    (editors set it, /privacy/), else the built-in one."""
    from home.models import PrivacyNoticePage

    version = PrivacyNoticePage.objects.live().values_list("version", flat=True).first()
    return version or PRIVACY_NOTICE_VERSION
