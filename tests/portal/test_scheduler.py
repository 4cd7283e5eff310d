"""The scheduler: every periodic job declared once, due at the right Beijing time, run by
the task worker through the one task that runs declared jobs (portal.schedule)."""

import datetime
import io
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core.management import call_command, get_commands
from django.core.management.base import CommandError
from django_tasks_db.models import DBTaskResult

from portal.management.commands.run_scheduler import next_runs, trigger
from portal.schedule import JOBS
from portal.tasks import run_scheduled_job
from tests.guidance.test_moderation import draft_policy

BEIJING = ZoneInfo("Asia/Shanghai")


def test_every_job_names_an_existing_command_and_a_valid_cron_line():
    commands = get_commands()
    assert len({job.name for job in JOBS}) == len(JOBS)
    for job in JOBS:
        assert job.command in commands, job.command
        assert trigger(job) is not None
        assert job.purpose


def test_the_readme_cron_jobs_are_all_scheduled():
    """Everything operators used to put in cron runs from the scheduler now."""
    scheduled = {job.command for job in JOBS}
    assert {
        "publish_scheduled",
        "send_deadline_digest",
        "purge_pending_evidence",
        "retry_notifications",
        "clearsessions",
    } <= scheduled


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        # 00:10 UTC on 4 Dec is 08:10 in Beijing: the digest is due in 20 minutes, same day.
        (datetime.datetime(2026, 12, 4, 0, 10, tzinfo=datetime.UTC), "2026-12-04 08:30"),
        # 23:30 UTC on 31 Dec is 07:30 on 1 Jan in Beijing: due that morning, not on 31 Dec.
        (datetime.datetime(2026, 12, 31, 23, 30, tzinfo=datetime.UTC), "2027-01-01 08:30"),
        # Just after 08:30 Beijing: tomorrow.
        (datetime.datetime(2026, 12, 4, 0, 31, tzinfo=datetime.UTC), "2026-12-05 08:30"),
    ],
)
def test_daily_jobs_run_on_beijing_time(now, expected):
    runs = dict(next_runs(now.astimezone(BEIJING)))
    assert f"{runs['deadline_digest'].astimezone(BEIJING):%Y-%m-%d %H:%M}" == expected


def test_publishing_runs_every_five_minutes():
    now = datetime.datetime(2026, 12, 4, 9, 2, tzinfo=BEIJING)
    runs = dict(next_runs(now))
    assert runs["publish_scheduled"] == datetime.datetime(2026, 12, 4, 9, 5, tzinfo=BEIJING)


@pytest.mark.django_db
def test_the_scheduled_job_publishes_a_page_whose_time_has_come(demo_site):
    admin = get_user_model().objects.get(username="admin")
    with time_machine.travel(datetime.datetime(2026, 12, 4, 9, 0, tzinfo=BEIJING), tick=False):
        page = draft_policy(admin)
        page.go_live_at = datetime.datetime(2026, 12, 4, 10, 0, tzinfo=BEIJING)
        page.save_revision(user=admin).publish()
        run_scheduled_job.enqueue("publish_scheduled")  # immediate backend in tests
        page.refresh_from_db()
        assert not page.live
    with time_machine.travel(datetime.datetime(2026, 12, 4, 10, 5, tzinfo=BEIJING), tick=False):
        result = run_scheduled_job.enqueue("publish_scheduled")
    page.refresh_from_db()
    assert page.live
    assert result.status == "SUCCESSFUL"


@pytest.mark.django_db
def test_only_declared_jobs_run():
    result = run_scheduled_job.enqueue("flush")
    assert result.status == "FAILED"


@pytest.mark.django_db
def test_list_prints_every_job_with_its_next_run():
    output = io.StringIO()
    with time_machine.travel(datetime.datetime(2026, 12, 4, 9, 2, tzinfo=BEIJING), tick=False):
        call_command("run_scheduler", "--list", stdout=output)
    lines = output.getvalue().splitlines()
    assert len(lines) == len(JOBS)
    assert any(
        line.startswith("publish_scheduled") and "2026-12-04 09:05" in line for line in lines
    )


@pytest.mark.django_db
def test_enqueue_refuses_an_unknown_job():
    with pytest.raises(CommandError, match="Unknown job"):
        call_command("run_scheduler", "--enqueue", "flush", stdout=io.StringIO())


@pytest.mark.django_db
def test_enqueue_hands_the_job_to_the_database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    output = io.StringIO()
    call_command("run_scheduler", "--enqueue", "clear_sessions", stdout=output)
    queued = DBTaskResult.objects.get()
    assert queued.task_path == "portal.tasks.run_scheduled_job"
    assert queued.args_kwargs["args"] == ["clear_sessions"]
    assert str(queued.id) in output.getvalue()
