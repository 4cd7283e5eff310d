"""Back-office viewsets for the directory (registered in wagtail_hooks.py)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from directory import admin_views
from directory.forms import MediatorAdminForm, OrganizationAdminForm, TrainingAdminForm
from directory.models import (
    Agency,
    AgencyMembership,
    MediationOrganization,
    Mediator,
    Specialty,
    TrainingSession,
)


class ScopedViewSet(ModelViewSet):
    index_view_class = admin_views.ScopedIndexView
    edit_view_class = admin_views.ScopedEditView
    delete_view_class = admin_views.ScopedDeleteView
    inspect_view_class = admin_views.ScopedInspectView
    copy_view_enabled = False
    inspect_view_enabled = True
    search_backend_name = None  # plain database lookups: Chinese substrings just work
    add_to_admin_menu = False


class MediatorViewSet(ScopedViewSet):
    url_prefix = "directory/mediators"
    model = Mediator
    icon = "user"
    menu_label = _("Mediators")
    index_view_class = admin_views.MediatorIndexView
    add_view_class = admin_views.MediatorCreateView
    edit_view_class = admin_views.MediatorEditView
    inspect_view_class = admin_views.MediatorInspectView
    list_display = [
        "name",
        "code",
        "category",
        "agency",
        "status",
        "certificate_valid_until",
        Column("phone_masked", label=_("Contact phone")),
    ]
    list_filter = ["agency", "category", "status", "is_public"]
    search_fields = ["name", "code", "certificate_number"]
    inspect_view_fields = [
        "code",
        "name",
        "category",
        "agency",
        "organizations",
        "specialties",
        "status",
        "joined_on",
        "certificate_number",
        "certificate_issuer",
        "certificate_valid_until",
        "is_public",
        "public_introduction",
        "phone",
        "email",
        "id_number",
    ]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("name"),
                    FieldRowPanel([FieldPanel("category"), FieldPanel("agency")]),
                    FieldPanel("organizations"),
                    FieldPanel("specialties"),
                    FieldPanel("joined_on"),
                ],
                heading=_("Register entry"),
            ),
            MultiFieldPanel(
                [FieldPanel("status"), FieldPanel("status_reason")],
                heading=_("Status"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("certificate_number"),
                    FieldRowPanel(
                        [FieldPanel("certificate_issuer"), FieldPanel("certificate_valid_until")]
                    ),
                ],
                heading=_("Certificate"),
            ),
            MultiFieldPanel(
                [FieldPanel("is_public"), FieldPanel("public_introduction")],
                heading=_("Public profile"),
            ),
            MultiFieldPanel(
                [FieldPanel("phone"), FieldPanel("email"), FieldPanel("id_number")],
                heading=_("Contact and identity (staff only)"),
            ),
        ],
        base_form_class=MediatorAdminForm,
    )


class OrganizationViewSet(ScopedViewSet):
    url_prefix = "directory/organizations"
    model = MediationOrganization
    icon = "home"
    menu_label = _("Mediation organizations")
    list_display = [
        "name",
        "code",
        "kind",
        "region",
        "host_agency",
        BooleanColumn("is_public", label=_("Shown on the public site"), sort_key="is_public"),
    ]
    list_filter = ["kind", "region", "host_agency", "is_public", "accepts_online_applications"]
    search_fields = ["name", "code", "address"]
    inspect_view_fields = [
        "code",
        "name",
        "kind",
        "region",
        "host_agency",
        "address",
        "phone",
        "introduction",
        "hours_note",
        "follows_official_calendar",
        "accepts_online_applications",
        "is_public",
    ]
    edit_handler = ObjectList(MediationOrganization.panels, base_form_class=OrganizationAdminForm)


class TrainingViewSet(ScopedViewSet):
    url_prefix = "directory/training"
    model = TrainingSession
    icon = "date"
    menu_label = _("Training sessions")
    list_display = ["topic", "date", "hours", "location"]
    list_filter = ["organizers", "date"]
    search_fields = ["topic", "location"]
    inspect_view_fields = ["date", "topic", "hours", "location", "organizers", "attendees", "notes"]
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("date"), FieldPanel("hours")]),
            FieldPanel("topic"),
            FieldPanel("location"),
            FieldPanel("organizers"),
            FieldPanel("attendees"),
            FieldPanel("notes"),
        ],
        base_form_class=TrainingAdminForm,
    )

    def get_queryset(self, request):
        return TrainingSession.objects.prefetch_related("organizers")


class AgencyViewSet(ScopedViewSet):
    url_prefix = "directory/agencies"
    model = Agency
    icon = "group"
    menu_label = _("Agencies")
    list_display = [
        "name",
        "code",
        "short_name",
        "phone",
        BooleanColumn("is_public", label=_("Shown on the public site"), sort_key="is_public"),
    ]
    list_filter = ["kind", "region", "is_public"]
    search_fields = ["name", "short_name", "code"]
    inspect_view_fields = [
        "code",
        "name",
        "short_name",
        "kind",
        "region",
        "address",
        "phone",
        "office_hours",
        "is_public",
    ]
    form_fields = [
        "code",
        "kind",
        "region",
        "name",
        "short_name",
        "address",
        "phone",
        "office_hours",
        "is_public",
    ]


class MembershipViewSet(ScopedViewSet):
    url_prefix = "directory/memberships"
    model = AgencyMembership
    icon = "user"
    menu_label = _("Liaisons and staff")
    list_display = ["user", "agency", "role"]
    list_filter = ["agency", "role"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    form_fields = ["agency", "user", "role"]
    inspect_view_enabled = False

    def get_queryset(self, request):
        return AgencyMembership.objects.select_related("agency", "user")


class SpecialtyViewSet(ScopedViewSet):
    url_prefix = "directory/specialties"
    model = Specialty
    icon = "tag"
    menu_label = _("Specialties")
    list_display = ["name", "slug", "sort_order"]
    form_fields = ["name", "slug", "sort_order"]
    inspect_view_enabled = False


class DirectoryViewSetGroup(ViewSetGroup):
    menu_label = _("Mediator register")
    menu_icon = "group"
    menu_order = 250
    items = (
        MediatorViewSet,
        OrganizationViewSet,
        TrainingViewSet,
        AgencyViewSet,
        MembershipViewSet,
        SpecialtyViewSet,
    )
