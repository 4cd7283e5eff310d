"""Wagtail's own migrations create rows whose names every clerk sees in the admin: the root
page and root collection "Root", the groups "Editors" and "Moderators", the workflow and
task "Moderators approval". Give them Chinese names (issue #17, item 6; ADR 0048). Only
rows that still carry Wagtail's English name are touched; reversing restores it."""

from django.db import migrations

GROUPS = {"Editors": "默认编辑组", "Moderators": "默认审核组"}
WORKFLOW = ("Moderators approval", "默认审核流程")
TASK = ("Moderators approval", "默认审核组审批")
ROOT = ("Root", "根目录")


def _rename(queryset, field, old, new):
    if not queryset.filter(**{field: new}).exists():
        queryset.filter(**{field: old}).update(**{field: new})


def rename(apps, schema_editor, reverse=False):
    def pair(names):
        return (names[1], names[0]) if reverse else names

    Group = apps.get_model("auth", "Group")
    for english, chinese in GROUPS.items():
        _rename(Group.objects.all(), "name", *pair((english, chinese)))
    _rename(apps.get_model("wagtailcore", "Workflow").objects.all(), "name", *pair(WORKFLOW))
    _rename(apps.get_model("wagtailcore", "Task").objects.all(), "name", *pair(TASK))
    old, new = pair(ROOT)
    apps.get_model("wagtailcore", "Page").objects.filter(depth=1, title=old).update(
        title=new, draft_title=new
    )
    _rename(apps.get_model("wagtailcore", "Collection").objects.filter(depth=1), "name", old, new)


def restore(apps, schema_editor):
    rename(apps, schema_editor, reverse=True)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_privacy_notice_page"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(rename, restore)]
