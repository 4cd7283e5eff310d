"""Every periodic job of the site, declared once: what runs, when (Beijing time), and why.

The scheduler process (`manage.py run_scheduler`, in the Procfile) enqueues each job on
Django's task framework at its time; the task worker (`db_worker`) runs it. Each job is a
management command, so an operator can run any of them by hand too. Run exactly one
scheduler per installation: two would enqueue each job twice (the jobs are idempotent,
so that wastes work but does no harm). ADR 0021.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Job:
    name: str
    command: str
    args: tuple[str, ...]
    cron: str  # minute hour day-of-month month day-of-week, Asia/Shanghai
    purpose: str


JOBS = (
    Job(
        "publish_scheduled",
        "publish_scheduled",
        (),
        "*/5 * * * *",
        "Publish pages whose go-live time has come, unpublish expired ones (Wagtail).",
    ),
    Job(
        "retry_notifications",
        "retry_notifications",
        (),
        "*/15 * * * *",
        "Re-queue notifications that are queued or due for another attempt.",
    ),
    Job(
        "deadline_digest",
        "send_deadline_digest",
        (),
        "30 8 * * *",
        "Mail each agency's liaisons its overdue and due-soon cases (once a day).",
    ),
    Job(
        "monthly_report",
        "build_monthly_report",
        (),
        "0 6 1 * *",
        "Build last month's statistics report and mail the center's administrators.",
    ),
    Job(
        "purge_sign_in_logs",
        "axes_reset_logs",
        ("--age", "90"),
        "50 3 * * *",
        "Delete staff sign-in records (address, browser) older than 90 days (django-axes).",
    ),
    Job(
        "purge_statistics_workbooks",
        "purge_statistics_workbooks",
        (),
        "40 3 * * *",
        "Delete statistics workbooks older than 7 days (files included).",
    ),
    Job(
        "purge_pending_evidence",
        "purge_pending_evidence",
        (),
        "10 3 * * *",
        "Delete evidence uploaded to applications never submitted (after 24 hours).",
    ),
    Job(
        "anonymise_closed_cases",
        "anonymise_closed_cases",
        (),
        "0 4 * * *",
        "Anonymise cases closed longer than the retention period; delete their evidence.",
    ),
    Job(
        "clear_sessions",
        "clearsessions",
        (),
        "20 3 * * *",
        "Delete expired sessions, with the form answers abandoned in them.",
    ),
    Job(
        "forget_idempotency_keys",
        "forget_idempotency_keys",
        (),
        "40 3 * * *",
        "Delete the intake API's Idempotency-Key records older than 24 hours.",
    ),
    Job(
        "nightly_backup",
        "backup",
        ("--prune",),
        "30 2 * * *",
        "Back up the database, evidence and media to BACKUP_DIR; keep the newest BACKUP_KEEP.",
    ),
    Job(
        "forget_old_search_terms",
        "searchpromotions_garbage_collect",
        (),
        "0 5 * * *",
        "Delete the search-terms log older than WAGTAILSEARCH_HITS_MAX_AGE days (Wagtail).",
    ),
    Job(
        "prune_task_results",
        "prune_db_task_results",
        ("--min-age-days", "30"),
        "30 3 * * *",
        "Delete the task worker's finished results older than 30 days.",
    ),
)

BY_NAME = {job.name: job for job in JOBS}
