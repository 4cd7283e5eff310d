"""Background statistics jobs for the task worker (db_worker)."""

from django_tasks import task

from reporting import workbooks


@task()
def build_statistics_workbook(pk: int) -> str:
    """Prepare one reader's workbook of every table (reporting.workbooks)."""
    return workbooks.build(pk)
