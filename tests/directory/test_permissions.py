"""Agency-scoped editing: staff edit their own agency's records and read everyone's."""

from datetime import date

import pytest
from django.urls import reverse

from directory.models import Mediator, MediatorStatusChange, TrainingSession

pytestmark = pytest.mark.django_db


def denied(response):
    """Wagtail answers a signed-in user's forbidden request with a redirect to the
    dashboard and a message; plain Django views answer 403."""
    return response.status_code == 403 or (
        response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    )


@pytest.fixture
def union_mediator(agencies, make_mediator):
    return make_mediator(agencies["union"], name="工会调解员")


@pytest.fixture
def hrss_mediator(agencies, make_mediator):
    return make_mediator(agencies["hrss"], name="人社调解员", phone="13907221234")


def test_hrss_handler_cannot_edit_or_delete_a_union_mediator_by_url(
    client, hrss_handler, union_mediator
):
    client.force_login(hrss_handler)
    edit = reverse("mediator:edit", args=[union_mediator.pk])
    delete = reverse("mediator:delete", args=[union_mediator.pk])
    assert denied(client.get(edit))
    assert denied(client.post(edit, {"name": "改名", "category": "lawyer", "status": "active"}))
    assert denied(client.post(delete))
    union_mediator.refresh_from_db()
    assert union_mediator.name == "工会调解员"
    assert Mediator.objects.filter(pk=union_mediator.pk).exists()


def test_hrss_handler_reads_the_whole_register(client, hrss_handler, union_mediator, hrss_mediator):
    client.force_login(hrss_handler)
    listing = client.get(reverse("mediator:index"))
    assert listing.status_code == 200
    content = listing.content.decode()
    assert "工会调解员" in content and "人社调解员" in content
    # Only the own agency's entry links to its edit view.
    assert reverse("mediator:edit", args=[hrss_mediator.pk]) in content
    assert reverse("mediator:edit", args=[union_mediator.pk]) not in content
    inspect = client.get(reverse("mediator:inspect", args=[union_mediator.pk]))
    assert inspect.status_code == 200
    assert "只有其管理单位可以修改" in inspect.content.decode()


def test_list_masks_phone_numbers(client, hrss_handler, hrss_mediator):
    client.force_login(hrss_handler)
    content = client.get(reverse("mediator:index")).content.decode()
    assert "13907221234" not in content
    assert "139****1234" in content


def test_viewing_personal_data_is_logged(client, hrss_handler, hrss_mediator):
    from wagtail.models import ModelLogEntry

    client.force_login(hrss_handler)
    client.get(reverse("mediator:inspect", args=[hrss_mediator.pk]))
    entry = ModelLogEntry.objects.get(action="directory.view_personal_data")
    assert entry.user_id == hrss_handler.pk and entry.object_id == str(hrss_mediator.pk)


def test_hrss_handler_edits_own_mediator_and_status_history_is_kept(
    client, hrss_handler, hrss_mediator, agencies
):
    client.force_login(hrss_handler)
    url = reverse("mediator:edit", args=[hrss_mediator.pk])
    form = {
        "name": "人社调解员",
        "category": "lawyer",
        "agency": agencies["hrss"].pk,
        "status": "suspended",
        "status_reason": "",
        "is_public": "",
    }
    # A status change without a reason is refused.
    response = client.post(url, form)
    assert response.status_code == 200
    hrss_mediator.refresh_from_db()
    assert hrss_mediator.status == "active"
    response = client.post(url, {**form, "status_reason": "本人申请暂停"})
    assert response.status_code == 302
    hrss_mediator.refresh_from_db()
    assert hrss_mediator.status == "suspended"
    change = MediatorStatusChange.objects.get(mediator=hrss_mediator)
    assert (change.from_status, change.to_status) == ("active", "suspended")
    assert change.changed_by == hrss_handler and change.reason == "本人申请暂停"


def test_staff_cannot_move_a_mediator_to_another_agency(
    client, hrss_handler, hrss_mediator, agencies
):
    client.force_login(hrss_handler)
    response = client.post(
        reverse("mediator:edit", args=[hrss_mediator.pk]),
        {
            "name": "人社调解员",
            "category": "lawyer",
            "agency": agencies["union"].pk,
            "status": "active",
        },
    )
    assert response.status_code == 200  # form error: not a valid choice
    hrss_mediator.refresh_from_db()
    assert hrss_mediator.agency == agencies["hrss"]


def test_creating_a_mediator_assigns_a_register_number_and_first_status(
    client, hrss_handler, agencies
):
    client.force_login(hrss_handler)
    response = client.post(
        reverse("mediator:add"),
        {
            "name": "新调解员",
            "category": "notary",
            "agency": agencies["hrss"].pk,
            "status": "active",
            "id_number": "",
        },
    )
    assert response.status_code == 302
    mediator = Mediator.objects.get(name="新调解员")
    assert mediator.code.startswith("M")
    assert mediator.status_changes.get().from_status == ""


def test_center_admin_edits_any_agencys_mediator(client, center_admin, union_mediator, agencies):
    client.force_login(center_admin)
    response = client.post(
        reverse("mediator:edit", args=[union_mediator.pk]),
        {
            "name": "改过的名字",
            "category": "lawyer",
            "agency": agencies["union"].pk,
            "status": "active",
        },
    )
    assert response.status_code == 302
    union_mediator.refresh_from_db()
    assert union_mediator.name == "改过的名字"


def test_organizations_are_scoped_by_host_agency(client, hrss_handler, organizations):
    client.force_login(hrss_handler)
    own = reverse("mediationorganization:edit", args=[organizations["hrss"].pk])
    other = reverse("mediationorganization:edit", args=[organizations["union"].pk])
    assert client.get(own).status_code == 200
    assert denied(client.get(other))
    delete_other = reverse("mediationorganization:delete", args=[organizations["union"].pk])
    assert denied(client.post(delete_other))
    assert organizations["union"].__class__.objects.filter(pk=organizations["union"].pk).exists()


def test_training_is_scoped_by_organizing_agency(client, hrss_handler, agencies):
    session = TrainingSession.objects.create(date=date(2026, 5, 1), topic="工会培训", hours=3)
    session.organizers.set([agencies["union"]])
    client.force_login(hrss_handler)
    assert denied(client.get(reverse("trainingsession:edit", args=[session.pk])))
    assert client.get(reverse("trainingsession:inspect", args=[session.pk])).status_code == 200


def test_agencies_are_edited_by_center_admins_only(client, hrss_handler, center_admin, agencies):
    url = reverse("agency:edit", args=[agencies["hrss"].pk])
    client.force_login(hrss_handler)
    assert denied(client.get(url))
    client.force_login(center_admin)
    assert client.get(url).status_code == 200


def test_users_without_an_agency_see_nothing(client, make_staff, union_mediator):
    outsider = make_staff("outsider", None)
    client.force_login(outsider)
    assert denied(client.get(reverse("mediator:index")))
    assert denied(client.get(reverse("mediator:inspect", args=[union_mediator.pk])))
    assert denied(client.get(reverse("directory_register:export_csv")))


def test_admin_mediator_list_runs_in_constant_queries(
    client, hrss_handler, agencies, make_mediator
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def add(count):
        for number in range(count):
            make_mediator(agencies["hrss" if number % 2 else "union"], name=f"调解员{number}")

    def queries():
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    client.force_login(hrss_handler)
    url = reverse("mediator:index") + "?status=active"
    add(5)
    few = queries()
    add(40)
    assert queries() == few
    assert few <= 20


@pytest.mark.parametrize(
    "name",
    [
        "mediator",
        "mediationorganization",
        "trainingsession",
        "agency",
        "agencymembership",
        "specialty",
    ],
)
def test_every_back_office_view_renders_for_a_center_admin(
    client, center_admin, name, agencies, organizations, make_mediator
):
    from django.urls import NoReverseMatch

    make_mediator(agencies["hrss"])
    session = TrainingSession.objects.create(date=date(2026, 5, 1), topic="培训", hours=2)
    session.organizers.set([agencies["hrss"]])
    client.force_login(center_admin)
    model = {
        "mediator": Mediator,
        "mediationorganization": type(organizations["hrss"]),
        "trainingsession": TrainingSession,
        "agency": type(agencies["hrss"]),
        "agencymembership": center_admin.agency_memberships.model,
        "specialty": __import__("directory.models", fromlist=["Specialty"]).Specialty,
    }[name]
    instance = model.objects.first()
    for view in ["index", "add", "edit", "inspect", "delete", "history"]:
        try:
            url = reverse(f"{name}:{view}", args=[] if view in ("index", "add") else [instance.pk])
        except NoReverseMatch:
            continue
        assert client.get(url).status_code == 200, url
