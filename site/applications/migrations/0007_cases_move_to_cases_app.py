"""Case, its events, evidence, notifications and routing rules now belong to the `cases` app
(cases 0001): this removes them from this app's state only. The tables stay, now owned by
`cases`; nothing is dropped."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('applications', '0006_idempotency_key'),
        ('cases', '0001_initial'),
        ('casework', '0003_case_foreign_keys_to_cases'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name='case',
                    name='agency',
                ),
                migrations.RemoveField(
                    model_name='case',
                    name='assigned_to',
                ),
                migrations.RemoveField(
                    model_name='case',
                    name='mediator',
                ),
                migrations.RemoveField(
                    model_name='case',
                    name='organization',
                ),
                migrations.RemoveField(
                    model_name='case',
                    name='preferred_organization',
                ),
                migrations.RemoveField(
                    model_name='case',
                    name='routing_rule',
                ),
                migrations.RemoveField(
                    model_name='caseevent',
                    name='case',
                ),
                migrations.RemoveField(
                    model_name='evidencefile',
                    name='case',
                ),
                migrations.RemoveField(
                    model_name='caseevent',
                    name='actor',
                ),
                migrations.RemoveField(
                    model_name='caseevent',
                    name='agency',
                ),
                migrations.RemoveField(
                    model_name='routingrule',
                    name='target_agency',
                ),
                migrations.RemoveField(
                    model_name='routingrule',
                    name='target_organization',
                ),
                migrations.DeleteModel(
                    name='Notification',
                ),
                migrations.DeleteModel(
                    name='Case',
                ),
                migrations.DeleteModel(
                    name='EvidenceFile',
                ),
                migrations.DeleteModel(
                    name='CaseEvent',
                ),
                migrations.DeleteModel(
                    name='RoutingRule',
                ),
            ],
        ),
    ]
