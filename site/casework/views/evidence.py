"""Download one evidence file of a case: permission-checked, logged, never cached.

Evidence lives in private storage with no URL (cases/storage.py); this view is the
only way to read it. The audit entry names the file, never its content.
"""

import logging

from django.http import FileResponse, Http404
from django.utils.cache import add_never_cache_headers

from casework.models import AuditEntry
from casework.services import audit
from casework.views.case_page import load_case

logger = logging.getLogger(__name__)


def download(request, reference, pk):
    case = load_case(request.user, reference)
    record = case.evidence.filter(pk=pk).first()
    if record is None:
        raise Http404
    try:
        handle = record.file.open("rb")
    except FileNotFoundError:
        logger.error("evidence file %s of case %s is missing from storage", pk, case.reference)
        raise Http404 from None
    audit.record(
        request.user,
        AuditEntry.Action.DOWNLOAD,
        case=case,
        detail=f"evidence:{record.pk} {record.original_name}",
    )
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=record.original_name,
        content_type=record.content_type,
    )
    add_never_cache_headers(response)
    return response
