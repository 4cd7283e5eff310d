"""Case, its events, evidence, notifications and routing rules move here from `applications`.

The models keep their tables (`db_table`), so the move changes Django's state only and no
row is copied: every case, event, evidence file, notification and rule stays where it is.
Their content types are relabelled so permissions granted on them (and log entries that
point at them) follow the models. Running it twice, or backwards and forwards again, is safe.
"""

import cases.models.case
import cases.storage
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

MOVED = ["case", "caseevent", "evidencefile", "notification", "routingrule"]


def relabel(apps, source, target):
    content_types = apps.get_model("contenttypes", "ContentType")
    permissions = apps.get_model("auth", "Permission")
    for model in MOVED:
        old = content_types.objects.filter(app_label=source, model=model).first()
        if old is None:
            continue
        new = content_types.objects.filter(app_label=target, model=model).first()
        if new is None:
            old.app_label = target
            old.save(update_fields=["app_label"])
            continue
        # Both exist (content types were created for the target before this ran): keep the
        # target's and carry the grants of the old permissions over to it.
        for permission in permissions.objects.filter(content_type=old):
            replacement, _ = permissions.objects.get_or_create(
                content_type=new, codename=permission.codename, defaults={"name": permission.name}
            )
            replacement.group_set.add(*permission.group_set.all())
            replacement.user_set.add(*permission.user_set.all())
        old.delete()


def forwards(apps, schema_editor):
    relabel(apps, "applications", "cases")


def backwards(apps, schema_editor):
    relabel(apps, "cases", "applications")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('applications', '0006_idempotency_key'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('auth', '0012_alter_user_first_name_max_length'),
        ('directory', '0005_specialty_names_without_separators'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Case',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('reference', models.CharField(editable=False, max_length=20, unique=True, verbose_name='Reference')),
                        ('application_type', models.CharField(choices=[('mediation', 'Labor dispute mediation'), ('union_setup', 'Help setting up a trade union'), ('committee_setup', 'Help setting up an enterprise mediation committee')], max_length=20, verbose_name='Application type')),
                        ('source', models.CharField(choices=[('online', 'Online form'), ('api', 'API'), ('walk_in', 'Walk-in or phone'), ('court_referral', 'Court referral')], default='online', max_length=20, verbose_name='Source')),
                        ('status', models.CharField(choices=[('submitted', 'Submitted, awaiting acceptance'), ('accepted', 'Accepted'), ('rejected', 'Not accepted'), ('in_mediation', 'In mediation'), ('in_progress', 'In progress'), ('agreement', 'Mediation agreement reached'), ('no_agreement', 'No agreement reached'), ('withdrawn', 'Withdrawn'), ('completed', 'Completed'), ('closed', 'Case closed')], db_index=True, default='submitted', max_length=20, verbose_name='Status')),
                        ('region', models.CharField(choices=[('city', 'Suizhou city level'), ('zengdu', 'Zengdu District'), ('suixian', 'Sui County'), ('guangshui', 'Guangshui City'), ('hitech_zone', 'Suizhou High-tech Zone'), ('dahongshan', 'Dahongshan Scenic Area')], max_length=20, verbose_name='Region')),
                        ('applicant_kind', models.CharField(choices=[('worker', 'Worker'), ('employer', 'Employer')], max_length=10, verbose_name='Applicant kind')),
                        ('applicant_name', models.CharField(max_length=100, verbose_name='Applicant')),
                        ('applicant_phone', models.CharField(db_index=True, max_length=11, verbose_name='Mobile')),
                        ('applicant_email', models.EmailField(blank=True, max_length=254, verbose_name='Email')),
                        ('respondent_name', models.CharField(blank=True, max_length=100, verbose_name='Respondent')),
                        ('dispute_stage', models.CharField(blank=True, choices=[('pre_case', 'No case filed yet'), ('arbitration_pending', 'Arbitration application pending'), ('award_issued', 'Arbitral award issued, I want to go to court'), ('in_litigation', 'Already in litigation at a court')], max_length=30, verbose_name='Dispute stage')),
                        ('categories', models.JSONField(blank=True, default=list, verbose_name='Dispute categories')),
                        ('amount_claimed', models.DecimalField(blank=True, decimal_places=2, max_digits=12, null=True, verbose_name='Amount claimed')),
                        ('workers_involved', models.PositiveIntegerField(blank=True, null=True, verbose_name='Workers involved')),
                        ('is_collective', models.BooleanField(default=False, verbose_name='Collective dispute')),
                        ('answers', models.JSONField(default=dict, verbose_name='Answers')),
                        ('routing_rule_name', models.CharField(blank=True, max_length=100, verbose_name='Rule applied')),
                        ('routing_explanation', models.TextField(blank=True, verbose_name='Routing explanation')),
                        ('consent_at', models.DateTimeField(blank=True, null=True, verbose_name='Consent given at')),
                        ('privacy_notice_version', models.CharField(blank=True, max_length=20, verbose_name='Privacy notice version')),
                        ('submission_key', models.CharField(blank=True, editable=False, max_length=64, null=True, unique=True)),
                        ('submitted_at', models.DateTimeField(auto_now_add=True, db_index=True, verbose_name='Submitted')),
                        ('arrived_at', models.DateTimeField(blank=True, null=True, verbose_name='Received by agency')),
                        ('accepted_at', models.DateTimeField(blank=True, null=True, verbose_name='Accepted')),
                        ('closed_at', models.DateTimeField(blank=True, null=True, verbose_name='Closed')),
                        ('mediation_extension_days', models.PositiveSmallIntegerField(default=0, verbose_name='Mediation period extended by (days)')),
                        ('acceptance_due', models.DateField(blank=True, null=True, verbose_name='Acceptance due')),
                        ('mediation_due', models.DateField(blank=True, null=True, verbose_name='Mediation due')),
                        ('feedback_due', models.DateField(blank=True, null=True, verbose_name='Court feedback due')),
                        ('next_due', models.DateField(blank=True, null=True, verbose_name='Next deadline')),
                        ('updated_at', models.DateTimeField(auto_now=True, verbose_name='Updated')),
                        ('version', models.PositiveIntegerField(default=1, editable=False)),
                        ('agency', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='cases', to='directory.agency', verbose_name='Handling agency')),
                        ('assigned_to', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='assigned_cases', to=settings.AUTH_USER_MODEL, verbose_name='Handler')),
                        ('mediator', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='cases', to='directory.mediator', verbose_name='Mediator')),
                        ('organization', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='cases', to='directory.mediationorganization', verbose_name='Mediation organization')),
                        ('preferred_organization', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='preferred_by_cases', to='directory.mediationorganization', verbose_name='Preferred organization')),
                    ],
                    options={
                        'verbose_name': 'Case',
                        'verbose_name_plural': 'Cases',
                        'db_table': 'applications_case',
                        'ordering': ['-submitted_at'],
                    },
                ),
                migrations.CreateModel(
                    name='CaseEvent',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(choices=[('submitted', 'Submitted'), ('routed', 'Routed'), ('status', 'Status changed'), ('transferred', 'Transferred'), ('note', 'Note'), ('file_downloaded', 'File downloaded'), ('viewed', 'Personal data viewed'), ('assigned', 'Assigned'), ('session', 'Mediation session'), ('extended', 'Mediation period extended')], max_length=20, verbose_name='Kind')),
                        ('status', models.CharField(blank=True, choices=[('submitted', 'Submitted, awaiting acceptance'), ('accepted', 'Accepted'), ('rejected', 'Not accepted'), ('in_mediation', 'In mediation'), ('in_progress', 'In progress'), ('agreement', 'Mediation agreement reached'), ('no_agreement', 'No agreement reached'), ('withdrawn', 'Withdrawn'), ('completed', 'Completed'), ('closed', 'Case closed')], max_length=20, verbose_name='Status')),
                        ('is_public', models.BooleanField(default=False, verbose_name='Shown to the applicant')),
                        ('public_note', models.CharField(blank=True, max_length=300, verbose_name='Note for the applicant')),
                        ('staff_note', models.TextField(blank=True, verbose_name='Staff note')),
                        ('created_at', models.DateTimeField(auto_now_add=True, db_index=True)),
                        ('actor', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('agency', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='directory.agency')),
                        ('case', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='events', to='cases.case')),
                    ],
                    options={
                        'verbose_name': 'Case event',
                        'verbose_name_plural': 'Case events',
                        'db_table': 'applications_caseevent',
                        'ordering': ['created_at', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='EvidenceFile',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('file', models.FileField(max_length=200, storage=cases.storage.get_private_storage, upload_to=cases.models.case.evidence_path)),
                        ('original_name', models.CharField(max_length=200, verbose_name='File name')),
                        ('content_type', models.CharField(max_length=50, verbose_name='Type')),
                        ('size', models.PositiveIntegerField(verbose_name='Size')),
                        ('sha256', models.CharField(max_length=64)),
                        ('uploaded_at', models.DateTimeField(auto_now_add=True)),
                        ('case', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='evidence', to='cases.case')),
                    ],
                    options={
                        'verbose_name': 'Evidence file',
                        'verbose_name_plural': 'Evidence files',
                        'db_table': 'applications_evidencefile',
                        'ordering': ['pk'],
                    },
                ),
                migrations.CreateModel(
                    name='Notification',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('channel', models.CharField(choices=[('email', 'Email'), ('sms', 'SMS')], max_length=10, verbose_name='Channel')),
                        ('purpose', models.CharField(choices=[('new_case', 'New case for the agency'), ('confirmation', 'Confirmation to the applicant'), ('copy', 'Copy for information'), ('transfer_in', 'Case transferred in'), ('transfer_out', 'Case transferred out'), ('deadline_digest', 'Deadline digest'), ('progress', 'Progress update to the applicant')], max_length=20, verbose_name='Purpose')),
                        ('recipient', models.CharField(max_length=254, verbose_name='Recipient')),
                        ('subject', models.CharField(blank=True, max_length=200, verbose_name='Subject')),
                        ('body', models.TextField(verbose_name='Body')),
                        ('status', models.CharField(choices=[('queued', 'Queued'), ('retrying', 'Waiting to retry'), ('sent', 'Sent'), ('failed', 'Failed')], db_index=True, default='queued', max_length=10, verbose_name='Status')),
                        ('attempts', models.PositiveSmallIntegerField(default=0, verbose_name='Attempts')),
                        ('last_error', models.CharField(blank=True, max_length=500, verbose_name='Last error')),
                        ('next_attempt_at', models.DateTimeField(blank=True, null=True, verbose_name='Next attempt')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='Created')),
                        ('sent_at', models.DateTimeField(blank=True, null=True, verbose_name='Sent')),
                        ('case', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='notifications', to='cases.case')),
                    ],
                    options={
                        'verbose_name': 'Notification',
                        'verbose_name_plural': 'Notifications',
                        'db_table': 'applications_notification',
                        'ordering': ['-created_at', '-pk'],
                    },
                ),
                migrations.CreateModel(
                    name='RoutingRule',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('priority', models.PositiveIntegerField(help_text='Lower numbers are checked first.', verbose_name='Priority')),
                        ('name', models.CharField(max_length=100, verbose_name='Name')),
                        ('is_active', models.BooleanField(default=True, verbose_name='Active')),
                        ('reason', models.CharField(help_text='One sentence saying why such applications go there; shown to staff.', max_length=200, verbose_name='Reason')),
                        ('application_type', models.CharField(blank=True, choices=[('mediation', 'Labor dispute mediation'), ('union_setup', 'Help setting up a trade union'), ('committee_setup', 'Help setting up an enterprise mediation committee')], max_length=20, verbose_name='Application type')),
                        ('dispute_stage', models.CharField(blank=True, choices=[('pre_case', 'No case filed yet'), ('arbitration_pending', 'Arbitration application pending'), ('award_issued', 'Arbitral award issued, I want to go to court'), ('in_litigation', 'Already in litigation at a court')], max_length=30, verbose_name='Dispute stage')),
                        ('regions', models.JSONField(blank=True, default=list, verbose_name='Regions')),
                        ('categories', models.JSONField(blank=True, default=list, help_text='Matches when the application names any of these.', verbose_name='Dispute categories')),
                        ('collective', models.CharField(blank=True, choices=[('', 'Either'), ('yes', 'Collective (10 or more workers)'), ('no', 'Individual (fewer than 10 workers)')], max_length=3, verbose_name='Collective dispute')),
                        ('amount_min', models.DecimalField(blank=True, decimal_places=2, max_digits=12, null=True, verbose_name='Amount from (yuan)')),
                        ('amount_max', models.DecimalField(blank=True, decimal_places=2, max_digits=12, null=True, verbose_name='Amount up to (yuan)')),
                        ('requires_preferred_organization', models.BooleanField(default=False, verbose_name='Only when the applicant chose an organization')),
                        ('target', models.CharField(choices=[('agency', 'A specific agency'), ('kind_in_region', "The agency of a kind in the applicant's region"), ('preferred_organization', 'The host agency of the organization the applicant chose'), ('organization', 'A specific organization (and its host agency)')], max_length=30, verbose_name='Send to')),
                        ('target_agency_kind', models.CharField(blank=True, choices=[('hrss', 'Human resources and social security bureau'), ('arbitration', 'Labor dispute arbitration commission'), ('court', "People's court"), ('union_federation', 'Federation of trade unions'), ('justice', 'Justice bureau'), ('center', 'One-stop mediation center'), ('commerce_federation', 'Federation of industry and commerce')], max_length=30, verbose_name='Agency kind')),
                        ('also_notify_kinds', models.JSONField(blank=True, default=list, help_text="Agencies of these kinds in the applicant's region are notified too.", verbose_name='Also notify')),
                        ('target_agency', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='directory.agency', verbose_name='Agency')),
                        ('target_organization', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='directory.mediationorganization', verbose_name='Organization')),
                    ],
                    options={
                        'verbose_name': 'Routing rule',
                        'verbose_name_plural': 'Routing rules',
                        'db_table': 'applications_routingrule',
                        'ordering': ['priority', 'pk'],
                    },
                ),
                migrations.AddField(
                    model_name='case',
                    name='routing_rule',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='cases', to='cases.routingrule', verbose_name='Routing rule'),
                ),
                migrations.AddIndex(
                    model_name='case',
                    index=models.Index(fields=['agency', 'status', '-submitted_at'], name='application_agency__42ef3a_idx'),
                ),
                migrations.AddIndex(
                    model_name='case',
                    index=models.Index(fields=['agency', 'next_due'], name='application_agency__96f762_idx'),
                ),
                migrations.AddIndex(
                    model_name='case',
                    index=models.Index(fields=['assigned_to', 'status'], name='application_assigne_020419_idx'),
                ),
                migrations.AddIndex(
                    model_name='case',
                    index=models.Index(fields=['agency', 'assigned_to', 'status'], name='application_agency__ecbfd7_idx'),
                ),
                migrations.AddIndex(
                    model_name='case',
                    index=models.Index(fields=['next_due', '-submitted_at', '-id'], name='application_next_du_504669_idx'),
                ),
            ],
        ),
        migrations.RunPython(forwards, backwards),
    ]
