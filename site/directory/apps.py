from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "directory"
    label = "directory"
    verbose_name = _("Agencies, organizations and mediators")

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from directory.models import (
            Agency,
            AgencyMembership,
            MediationOrganization,
            Mediator,
            Specialty,
            TrainingSession,
        )
        from directory.permissions import AgencyScopedPolicy

        for model, owner in [
            (Mediator, "agency"),
            (MediationOrganization, "host_agency"),
            (TrainingSession, "organizers"),
            (Agency, None),
            (AgencyMembership, None),
            (Specialty, None),
        ]:
            register_permission_policy(model, AgencyScopedPolicy(model, owner), exact_class=True)
        self.register_in_site_search()
        self.purge_public_pages_on_change()

    def purge_public_pages_on_change(self):
        """The directory pages, search results and application forms show these."""
        from directory.models import (
            Agency,
            MediationOrganization,
            Mediator,
            OpeningPeriod,
            Specialty,
            TrainingSession,
        )
        from home.page_cache.invalidation import watch

        watch(Agency, MediationOrganization, OpeningPeriod, Mediator, Specialty, TrainingSession)

    def register_in_site_search(self):
        from directory.models import MediationOrganization, Mediator
        from directory.public_urls import mediator_url, organization_url
        from search.registry import register

        register(
            "organization",
            _("Mediation organization"),
            "directory.MediationOrganization",
            queryset=lambda model: MediationOrganization.objects.public(),
            text=lambda obj: f"{obj.get_kind_display()} · {obj.address}\n{obj.introduction}",
            url=organization_url,
            date=lambda obj: None,
        )
        register(
            "mediator",
            _("Mediator"),
            "directory.Mediator",
            queryset=lambda model: Mediator.objects.public(),
            text=lambda obj: f"{obj.get_category_display()}\n{obj.public_introduction}",
            url=mediator_url,
            date=lambda obj: None,
        )
