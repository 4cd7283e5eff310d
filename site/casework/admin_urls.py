"""Casework URLs inside the Wagtail admin (/admin/cases/), namespace `casework`.

Every page here is staff-only and shows personal data: each view is wrapped in
`never_cache` (Cache-Control: no-store), complete by construction (ADR 0040)."""

from django.urls import path as django_path
from django.urls import register_converter
from django.views.decorators.cache import never_cache

from casework.views import (
    actions,
    audit_log,
    case_page,
    documents,
    evidence,
    queues,
    referral_tokens,
    referrals,
    reveal,
    walk_in,
)


class ReferenceConverter:
    """A case reference (SZ-XXXX-XXXX-C): fixed paths such as referrals/ never match it."""

    regex = r"SZ-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(ReferenceConverter, "case_ref")


def path(route, view, **kwargs):
    return django_path(route, never_cache(view), **kwargs)


app_name = "casework"
urlpatterns = [
    path("", queues.queue, name="queue"),
    path("<case_ref:reference>/", case_page.case_page, name="case"),
    path("<case_ref:reference>/reveal/", reveal.reveal, name="reveal"),
    path("<case_ref:reference>/evidence/<int:pk>/", evidence.download, name="evidence"),
    path("<case_ref:reference>/actions/<slug:name>/", actions.action_page, name="action"),
    path("<case_ref:reference>/documents/<slug:kind>/", documents.document, name="document"),
    # Court referrals, walk-in intake and the audit log (ADR 0016).
    path("referrals/", referrals.referral_list, name="referrals"),
    path("referrals/register/", referrals.register_referral, name="referral_register"),
    path("referrals/feedback.xlsx", referrals.referral_export, name="referral_export"),
    path("referrals/tokens/", referral_tokens.token_list, name="referral_tokens"),
    path(
        "referrals/tokens/<int:pk>/revoke/",
        referral_tokens.token_revoke,
        name="referral_token_revoke",
    ),
    path("walk-in/", walk_in.record_walk_in, name="walk_in"),
    path("audit/", audit_log.audit_log, name="audit_log"),
]
