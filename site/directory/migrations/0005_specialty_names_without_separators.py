from django.db import migrations

SEPARATORS = "；;，,、"


def strip_separators(apps, schema_editor):
    """Specialty names are listed with separators in register files; keep them out."""
    Specialty = apps.get_model("directory", "Specialty")
    Specialty.objects.filter(slug="contract", name="劳动合同订立、变更和解除").update(name="劳动合同")


class Migration(migrations.Migration):
    dependencies = [("directory", "0004_specialties")]

    operations = [migrations.RunPython(strip_separators, migrations.RunPython.noop)]
