"""The second-factor pages (ADR 0037): verify after the password, enrol, the account
page (status, new recovery codes, disable), a superuser's reset. Views stay thin:
forms validate (forms.py), devices.py acts."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.two_factor import devices, policy, qr
from portal.two_factor.forms import CodeForm, VerifyForm
from portal.two_factor.middleware import remember
from portal.two_factor.models import SecondFactorReset


def _next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")


def verify(request):
    user = request.user
    if user.is_verified():
        return redirect(_next(request))
    if not devices.is_enrolled(user):
        remember(request, False)  # reset meanwhile
        return redirect(f"{reverse('two_factor:enrol')}?{urlencode({'next': _next(request)})}")
    form = VerifyForm(request.POST or None)
    if form.is_valid():
        outcome = devices.verify(request, form.cleaned_data["code"])
        if outcome.ok:
            return redirect(_next(request))
        form.add_error("code", outcome.error)
    return render(request, "portal/two_factor/verify.html", {"form": form, "next": _next(request)})


def enrol(request):
    user = request.user
    if devices.is_enrolled(user):
        return redirect("two_factor:account" if user.is_verified() else "two_factor:verify")
    device = devices.pending_totp(user)
    form = CodeForm(request.POST or None)
    if form.is_valid():
        outcome, codes = devices.confirm_enrolment(request, device, form.cleaned_data["code"])
        if outcome.ok:
            remember(request, True)
            return render(
                request,
                "portal/two_factor/recovery_codes.html",
                {"codes": codes, "next": _next(request), "enrolled": True},
            )
        form.add_error("code", outcome.error)
    context = {
        "form": form,
        "next": _next(request),
        "qr_svg": qr.svg(device.config_url),
        "secret": qr.secret_text(device),
        "required": policy.is_required(user),
    }
    return render(request, "portal/two_factor/enrol.html", context)


def account(request):
    user = request.user
    context = {
        "enrolled": devices.is_enrolled(user),
        "required": policy.is_required(user),
        "recovery_left": devices.remaining_recovery_codes(user),
        "renew_form": CodeForm(prefix="renew"),
        "disable_form": CodeForm(prefix="disable"),
    }
    return render(request, "portal/two_factor/account.html", context)


def _reauthenticated(request, prefix):
    """A sensitive change asks for a current code again; None when it was right."""
    form = CodeForm(request.POST, prefix=prefix)
    if form.is_valid():
        outcome = devices.check_current(request.user, form.cleaned_data["code"])
        if outcome.ok:
            return None
        form.add_error("code", outcome.error)
    messages.error(request, " ".join(form.errors.get("code", [])))
    return redirect("two_factor:account")


@require_POST
def new_recovery_codes(request):
    refused = _reauthenticated(request, "renew")
    if refused:
        return refused
    codes = devices.issue_recovery_codes(request.user)
    return render(
        request, "portal/two_factor/recovery_codes.html", {"codes": codes, "enrolled": False}
    )


@require_POST
def disable(request):
    if policy.is_required(request.user):
        raise PermissionDenied
    refused = _reauthenticated(request, "disable")
    if refused:
        return refused
    devices.disable(request.user)
    remember(request, False)
    messages.success(request, _("Two-factor authentication is off for your account."))
    return redirect("two_factor:account")


def _superuser(request):
    if not request.user.is_superuser:
        raise PermissionDenied


def users(request):
    _superuser(request)
    enrolled = (
        get_user_model().objects.filter(totpdevice__confirmed=True).distinct().order_by("username")
    )
    resets = SecondFactorReset.objects.select_related("reset_by")[:20]
    return render(request, "portal/two_factor/users.html", {"users": enrolled, "resets": resets})


@require_POST
def reset(request, pk):
    _superuser(request)
    user = get_object_or_404(get_user_model(), pk=pk)
    devices.reset(user, by=request.user, how=SecondFactorReset.How.ADMIN)
    messages.success(
        request,
        _("The second factor of %(username)s is reset; they enrol again at the next sign-in.")
        % {"username": user.get_username()},
    )
    return redirect("two_factor:users")
