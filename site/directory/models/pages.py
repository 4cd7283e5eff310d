"""The public directory: one page at /organizations/ with routes for details and mediators.

Routes (see docs/decisions, directory ADR):
  /organizations/                      organizations, filterable by region and kind
  /organizations/mediators/            public mediator profiles, filterable
  /organizations/mediators/<code>/     one mediator's public profile
  /organizations/<code>/               one organization
"""

from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from directory import listing
from directory.opening_hours import opening_state
from directory.regions import Region
from home.page_base import SitePage

from .mediators import Mediator, MediatorCategory
from .organizations import MediationOrganization, OrganizationKind


class OrganizationIndexPage(RoutablePageMixin, SitePage):
    intro = RichTextField(blank=True, features=["bold", "link"], verbose_name=_("Introduction"))
    mediators_intro = RichTextField(
        blank=True, features=["bold", "link"], verbose_name=_("Mediator directory introduction")
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("mediators_intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("Organization directory")

    def _render(self, request, template, context):
        context = {**self.get_context(request), **context}
        return TemplateResponse(request, template, context)

    @path("")
    def organization_list(self, request):
        filters = listing.organization_filters(request.GET)
        page_obj = listing.paginate(listing.public_organizations(filters), request.GET.get("page"))
        for organization in page_obj:
            organization.state = opening_state(
                organization.opening_periods.all(), organization.follows_official_calendar
            )
        return self._render(
            request,
            "directory/organization_index_page.html",
            {
                "filters": filters,
                "page_obj": page_obj,
                "region_choices": Region.choices,
                "kind_choices": OrganizationKind.choices,
            },
        )

    @path("mediators/")
    def mediator_list(self, request):
        specialties = listing.specialty_choices()
        filters = listing.mediator_filters(request.GET, [slug for slug, _name in specialties])
        page_obj = listing.paginate(listing.public_mediators(filters), request.GET.get("page"))
        return self._render(
            request,
            "directory/mediator_index.html",
            {
                "filters": filters,
                "page_obj": page_obj,
                "region_choices": Region.choices,
                "category_choices": MediatorCategory.choices,
                "specialty_choices": specialties,
            },
        )

    @path("mediators/<slug:code>/")
    def mediator_detail(self, request, code):
        mediator = (
            Mediator.objects.public()
            .prefetch_related("specialties", "organizations")
            .filter(code=code)
            .first()
        )
        if mediator is None:
            raise Http404
        organizations = [o for o in mediator.organizations.all() if o.is_public]
        return self._render(
            request,
            "directory/mediator_detail.html",
            {"mediator": mediator, "organizations": organizations},
        )

    @path("<slug:code>/")
    def organization_detail(self, request, code):
        organization = (
            MediationOrganization.objects.public()
            .select_related("host_agency", "photo")
            .prefetch_related("opening_periods")
            .filter(code=code)
            .first()
        )
        if organization is None:
            raise Http404
        periods = list(organization.opening_periods.all())
        mediators = organization.mediators.public().prefetch_related("specialties")
        return self._render(
            request,
            "directory/organization_detail.html",
            {
                "organization": organization,
                "periods": periods,
                "state": opening_state(periods, organization.follows_official_calendar),
                "mediators": mediators,
                "apply_url": f"/apply/mediation/?organization={organization.code}",
            },
        )

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        for code in MediationOrganization.objects.public().values_list("code", flat=True):
            urls.append({"location": f"{base}{code}/"})
        for code in Mediator.objects.public().values_list("code", flat=True):
            urls.append({"location": f"{base}mediators/{code}/"})
        return urls

    def organization_url(self, organization):
        return f"{self.url}{organization.code}/"
