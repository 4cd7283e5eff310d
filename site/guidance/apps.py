from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GuidanceConfig(AppConfig):
    name = "guidance"
    label = "guidance"
    verbose_name = _("Policies, notices and guidance")

    def ready(self):
        from search.registry import register

        # Order here is the order of the type filter on the search page.
        register("policy", _("Policy document"), "guidance.PolicyPage")
        register("notice", _("Notice"), "guidance.NoticePage")
        register("guidance", _("Guidance"), "guidance.GuidancePage")
