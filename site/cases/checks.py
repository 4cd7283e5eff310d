"""System checks for the case core's configuration (run by `check`, `migrate`, `prepare_site`)."""

from django.conf import settings
from django.core.checks import Error, register
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string


@register("cases")
def sms_backend_is_usable(app_configs, **kwargs):
    """The SMS backend imports and, for the HTTP gateway, its settings hold together."""
    try:
        backend = import_string(settings.SMS_BACKEND)
    except ImportError as error:
        return [Error(f"SMS_BACKEND cannot be imported: {error}", id="cases.E010")]
    if not hasattr(backend, "send") or not hasattr(backend, "delivers"):
        return [Error("SMS_BACKEND is not an SMS backend (send, delivers).", id="cases.E010")]
    try:
        backend()
    except ImproperlyConfigured as error:
        return [Error(str(error), id="cases.E011")]
    return []
