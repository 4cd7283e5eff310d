"""Moving Case and its companions from `applications` to `cases` (cases 0001, casework 0003,
applications 0007) keeps every row, file and permission, backwards and forwards, run twice.

Run on the demo database (every status, events, evidence, notifications, referrals, audit
entries), on SQLite and on PostgreSQL (CI runs the suite on both).
"""

import hashlib

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils.functional import empty

from cases.models import Case, EvidenceFile
from cases.storage import private_storage
from tests.conftest import demo_environment, load_demo_content

BEFORE_THE_MOVE = [
    ("applications", "0006_idempotency_key"),
    ("casework", "0002_deadline_digest"),
    ("cases", None),
]
MOVED = ["case", "caseevent", "evidencefile", "notification", "routingrule"]
TABLES = [f"applications_{model}" for model in MOVED] + [
    "casework_auditentry",
    "casework_courtreferral",
    "casework_mediationsession",
    "casework_caseoutcome",
    "casework_agreementterm",
]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    ContentType.objects.clear_cache()
    nodes = [(app, name) for app, name in targets if name is not None]
    return executor.loader.project_state(nodes).apps


def latest():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()


def table_rows():
    with connection.cursor() as cursor:
        rows = {}
        for table in TABLES:
            cursor.execute(f"SELECT COUNT(*) FROM {table}")  # noqa: S608 (fixed names)
            rows[table] = cursor.fetchone()[0]
    return rows


def labels():
    return {
        model: sorted(ContentType.objects.filter(model=model).values_list("app_label", flat=True))
        for model in MOVED
    }


@pytest.fixture
def demo_database(transactional_db, tmp_path, settings):
    settings.VAR_DIR = tmp_path
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    private_storage._wrapped = empty
    with demo_environment(tmp_path):
        load_demo_content()
    # The demo has no uploads: give one case a file, as the wizard would.
    content = b"%PDF-1.4 payslips"
    EvidenceFile.objects.create(
        case=Case.objects.order_by("pk").first(),
        file=ContentFile(content, name="payslips.pdf"),
        original_name="工资条.pdf",
        content_type="application/pdf",
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
    )
    yield
    migrate(latest())
    private_storage._wrapped = empty


def center_admin():
    """A member of the demo's center-admin group (granted the routing-rule permissions)."""
    from cases.demo.liaisons import CENTER_ADMINS

    user = get_user_model().objects.create_user("center-admin", password=None)
    user.groups.add(Group.objects.get(name=CENTER_ADMINS))
    return user


def test_the_move_keeps_every_row_backwards_and_forwards(demo_database):
    rows = table_rows()
    assert all(rows[f"applications_{model}"] > 0 for model in MOVED), rows
    references = sorted(Case.objects.values_list("reference", flat=True))
    admin = center_admin()
    assert admin.has_perm("cases.change_routingrule")

    old = migrate(BEFORE_THE_MOVE)
    assert table_rows() == rows
    assert labels() == {model: ["applications"] for model in MOVED}
    assert (
        sorted(old.get_model("applications", "Case").objects.values_list("reference", flat=True))
        == references
    )
    assert (
        old.get_model("casework", "CourtReferral")
        ._meta.get_field("case")
        .related_model._meta.app_label
        == "applications"
    )
    assert get_user_model().objects.get(pk=admin.pk).has_perm("applications.change_routingrule")

    for _ in range(2):  # forwards, back, forwards again: nothing lost or duplicated
        new = migrate(latest())
        assert table_rows() == rows
        assert labels() == {model: ["cases"] for model in MOVED}
        assert (
            sorted(new.get_model("cases", "Case").objects.values_list("reference", flat=True))
            == references
        )
        assert get_user_model().objects.get(pk=admin.pk).has_perm("cases.change_routingrule")
        assert (
            not get_user_model()
            .objects.get(pk=admin.pk)
            .has_perm("applications.change_routingrule")
        )
        migrate(BEFORE_THE_MOVE)
    migrate(latest())
    assert table_rows() == rows
    files = EvidenceFile.objects.all()
    assert files and all(private_storage.exists(evidence.file.name) for evidence in files)


def test_grants_follow_when_both_content_types_already_exist(demo_database):
    """An interrupted upgrade can leave the new app's content types created (post_migrate)
    before the relabelling ran: the grants on the old ones move over, the old ones go."""
    admin = center_admin()
    migrate(BEFORE_THE_MOVE)
    early = ContentType.objects.create(app_label="cases", model="routingrule")
    Permission.objects.create(content_type=early, codename="change_routingrule", name="x")

    migrate(latest())

    assert labels()["routingrule"] == ["cases"]
    assert ContentType.objects.get(app_label="cases", model="routingrule").pk == early.pk
    assert get_user_model().objects.get(pk=admin.pk).has_perm("cases.change_routingrule")
    assert get_user_model().objects.get(pk=admin.pk).has_perm("cases.view_routingrule")
