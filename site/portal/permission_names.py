"""Permission names in Chinese (ADR 0048). Django stores each permission's name in the
database, in English ("Can add Agency"), and the group editor shows it as stored. After
every `migrate` (post_migrate) the names still in English are rewritten in the site's
language: Django's four default permissions from the model's verbose name, any other one
through the catalogues (its English name as the msgid). Codenames, which permission checks
use, are never touched."""

from django.apps import apps as global_apps
from django.conf import settings
from django.contrib.auth import get_permission_codename
from django.utils import translation
from django.utils.translation import gettext as translate_stored_name
from django.utils.translation import gettext_lazy as _

DEFAULT_ACTIONS = {
    "add": _("Can add %(model)s"),
    "change": _("Can change %(model)s"),
    "delete": _("Can delete %(model)s"),
    "view": _("Can view %(model)s"),
}
# Permissions Wagtail declares without gettext (so in no catalogue).
CUSTOM_NAMES = {
    "Can access Wagtail admin": _("Can use the admin"),
    "Can choose document": _("Can choose documents"),
    "Can choose image": _("Can choose images"),
}
ENGLISH_ONLY = r"^[ -~]+$"  # printable ASCII: a name nobody has translated yet


def chinese_name(permission) -> str:
    model = permission.content_type.model_class()
    action = permission.codename.split("_", 1)[0]
    if (
        model is not None
        and action in DEFAULT_ACTIONS
        and permission.codename == get_permission_codename(action, model._meta)
    ):
        return str(DEFAULT_ACTIONS[action]) % {"model": model._meta.verbose_name}
    if permission.name in CUSTOM_NAMES:
        return str(CUSTOM_NAMES[permission.name])
    return translate_stored_name(permission.name)


def translate_permission_names(sender, using="default", **kwargs):
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Permission

    # This app may come before django.contrib.auth: create the sender's permissions first
    # (idempotent, as auth's own handler) so that none is left in English.
    create_permissions(sender, verbosity=0, using=using, apps=kwargs.get("apps") or global_apps)

    untranslated = Permission.objects.using(using).filter(name__regex=ENGLISH_ONLY)
    with translation.override(settings.LANGUAGE_CODE):
        for permission in untranslated.select_related("content_type"):
            name = chinese_name(permission)[:255]
            if name != permission.name:
                Permission.objects.using(using).filter(pk=permission.pk).update(name=name)
