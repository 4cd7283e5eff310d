"""The privacy notice an applicant agrees to; each case records the version it was given."""

PRIVACY_NOTICE_VERSION = "2024-1"
