"""The case foreign keys point at `cases.Case` (the same table): a state-only change."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('cases', '0001_initial'),
        ('casework', '0002_deadline_digest'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='auditentry',
                    name='case',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='audit_entries', to='cases.case', verbose_name='Case'),
                ),
                migrations.AlterField(
                    model_name='caseoutcome',
                    name='case',
                    field=models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='outcome', to='cases.case'),
                ),
                migrations.AlterField(
                    model_name='courtreferral',
                    name='case',
                    field=models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='referral', to='cases.case'),
                ),
                migrations.AlterField(
                    model_name='mediationsession',
                    name='case',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='sessions', to='cases.case'),
                ),
            ],
        ),
    ]
