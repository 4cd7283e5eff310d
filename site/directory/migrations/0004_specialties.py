from django.db import migrations

SPECIALTIES = [
    ("wages", "劳动报酬"),
    ("social_insurance", "社会保险"),
    ("work_injury", "工伤待遇"),
    ("contract", "劳动合同"),
    ("severance", "经济补偿和赔偿金"),
    ("working_time", "工作时间和休息休假"),
    ("personnel", "人事争议"),
    ("collective", "集体劳动争议"),
]
# Members of this group may sign in to the admin; what they may do there follows from
# their agency memberships (directory.permissions).
STAFF_GROUP = "机构工作人员"


def add_specialties_and_group(apps, schema_editor):
    Specialty = apps.get_model("directory", "Specialty")
    for order, (slug, name) in enumerate(SPECIALTIES):
        Specialty.objects.get_or_create(slug=slug, defaults={"name": name, "sort_order": order})
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=STAFF_GROUP)
    access = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).first()
    if access is not None:
        group.permissions.add(access)


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0003_register"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(add_specialties_and_group, migrations.RunPython.noop)]
