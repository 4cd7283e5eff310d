"""Court API tokens in the admin (center admins only): list, issue (shown once), revoke."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from casework.forms.intake_sections import error_list
from casework.forms.tokens import IssueTokenForm
from casework.models import ReferralToken
from casework.services import referral_tokens
from casework.views.access import allowed_if
from directory.permissions import is_center_admin


def _tokens():
    return ReferralToken.objects.select_related("court", "created_by").order_by(
        "revoked_at", "-created_at"
    )


@allowed_if(is_center_admin)
@never_cache
@require_http_methods(["GET", "POST"])
def token_list(request):
    form = IssueTokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        token, raw = referral_tokens.issue(
            form.cleaned_data["court"], form.cleaned_data["name"], request.user
        )
        # Rendered, not redirected: the token is never in a URL, a session or a log.
        return render(request, "casework/referrals/token_issued.html", {"token": token, "raw": raw})
    return render(
        request,
        "casework/referrals/tokens.html",
        {
            "form": form,
            "tokens": _tokens(),
            "errors": error_list(form) if request.method == "POST" else [],
        },
    )


@allowed_if(is_center_admin)
@require_http_methods(["GET", "POST"])
def token_revoke(request, pk):
    token = get_object_or_404(ReferralToken.objects.select_related("court"), pk=pk)
    if request.method == "POST":
        if referral_tokens.revoke(token, request.user):
            messages.success(
                request,
                _("Token %(prefix)s… of %(court)s was revoked; it no longer works.")
                % {"prefix": token.prefix, "court": token.court.name},
            )
        else:
            messages.warning(request, _("This token was already revoked."))
        return redirect("casework:referral_tokens")
    return render(request, "casework/referrals/token_revoke.html", {"token": token})
