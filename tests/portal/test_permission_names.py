"""Permission names in Chinese after migrate (portal/permission_names.py, ADR 0048)."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Permission

from directory.models import Agency
from portal.permission_names import translate_permission_names


def name(codename, app_label):
    return Permission.objects.get(codename=codename, content_type__app_label=app_label).name


@pytest.mark.django_db
def test_a_migrated_database_names_permissions_in_chinese():
    verbose = str(Agency._meta.verbose_name)
    assert name("add_agency", "directory") == f"可添加{verbose}"
    assert name("view_agency", "directory") == f"可查看{verbose}"
    assert name("access_admin", "wagtailadmin") == "可使用管理后台"
    assert not Permission.objects.filter(name__startswith="Can ").exists()


@pytest.mark.django_db
def test_english_names_are_translated_again_and_codenames_never_change():
    Permission.objects.filter(codename="change_agency").update(name="Can change Agency")
    Permission.objects.filter(codename="access_admin").update(name="Can access Wagtail admin")
    before = set(Permission.objects.values_list("codename", flat=True))
    translate_permission_names(apps.get_app_config("portal"))
    assert name("change_agency", "directory") == f"可修改{Agency._meta.verbose_name}"
    assert name("access_admin", "wagtailadmin") == "可使用管理后台"
    assert set(Permission.objects.values_list("codename", flat=True)) == before


@pytest.mark.django_db
def test_names_in_no_catalogue_and_names_set_by_hand_are_kept():
    """An unknown English name stays as it is (the admin test names it); a Chinese name
    someone chose is never overwritten."""
    permission = Permission.objects.get(codename="add_agency")
    Permission.objects.filter(pk=permission.pk).update(name="新建机构（自定义）")
    other = Permission.objects.get(codename="access_admin")
    Permission.objects.create(
        codename="fly_to_moon", name="Can fly to the moon", content_type=other.content_type
    )
    translate_permission_names(apps.get_app_config("portal"))
    assert name("add_agency", "directory") == "新建机构（自定义）"
    assert name("fly_to_moon", "wagtailadmin") == "Can fly to the moon"
