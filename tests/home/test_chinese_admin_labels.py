"""Migration home 0003: the rows Wagtail's migrations create with English names (root page
and collection, default groups, workflow and task) are renamed in Chinese, and back."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from wagtail.models import Collection, Page, Task, Workflow

migration = importlib.import_module("home.migrations.0003_chinese_admin_labels")


def names():
    return {
        "groups": set(Group.objects.values_list("name", flat=True)),
        "workflows": set(Workflow.objects.values_list("name", flat=True)),
        "tasks": set(Task.objects.values_list("name", flat=True)),
        "root": Page.objects.get(depth=1).title,
        "collection": Collection.objects.get(depth=1).name,
    }


@pytest.mark.django_db
def test_a_migrated_database_has_chinese_names():
    now = names()
    assert {"默认编辑组", "默认审核组"} <= now["groups"]
    assert not {"Editors", "Moderators"} & now["groups"]
    assert now["workflows"] == {"默认审核流程"}
    assert now["tasks"] == {"默认审核组审批"}
    assert (now["root"], now["collection"]) == ("根目录", "根目录")
    assert Page.objects.get(depth=1).draft_title == "根目录"


@pytest.mark.django_db
def test_reversing_restores_wagtails_names_and_it_runs_again():
    chinese = names()
    migration.restore(apps, None)
    english = names()
    assert {"Editors", "Moderators"} <= english["groups"]
    assert english["workflows"] == {"Moderators approval"}
    assert (english["root"], english["collection"]) == ("Root", "Root")
    migration.rename(apps, None)
    assert names() == chinese


@pytest.mark.django_db
def test_names_chosen_by_the_center_are_left_alone():
    """A group renamed by the center, or a Chinese name already taken, is not touched."""
    Group.objects.filter(name="默认编辑组").update(name="站点编辑")
    Group.objects.create(name="Editors")
    Group.objects.filter(name="默认审核组").update(name="Moderators")
    Group.objects.create(name="默认审核组")
    migration.rename(apps, None)
    groups = set(Group.objects.values_list("name", flat=True))
    assert {"站点编辑", "默认编辑组", "Moderators", "默认审核组"} <= groups
