"""Admin views: export the register, upload an import, preview it, confirm or cancel it."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from directory.models import RegisterTransfer
from directory.permissions import is_agency_staff

from . import export, importer, reader
from .forms import RegisterImportForm

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _require_staff(request):
    if not is_agency_staff(request.user):
        raise PermissionDenied


def export_register(request, fmt):
    _require_staff(request)
    content, count = (export.write_xlsx if fmt == "xlsx" else export.write_csv)()
    filename = f"mediator-register-{timezone.localdate():%Y%m%d}.{fmt}"
    RegisterTransfer.objects.create(
        kind=RegisterTransfer.Kind.EXPORT,
        user=request.user,
        file_format=fmt,
        filename=filename,
        row_count=count,
    )
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_http_methods(["GET", "POST"])
def import_upload(request):
    _require_staff(request)
    form = RegisterImportForm(request.POST or None, request.FILES or None)
    file_error = ""
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        content = upload.read()
        try:
            register_file = reader.read(content, form.file_format)
        except reader.RegisterFileError as error:
            file_error = str(error)
        else:
            transfer = RegisterTransfer.objects.create(
                kind=RegisterTransfer.Kind.IMPORT,
                user=request.user,
                file_format=form.file_format,
                filename=upload.name[:200],
                row_count=len(register_file.rows),
                content=content,
            )
            return redirect("directory_register:preview", transfer.pk)
    return TemplateResponse(
        request,
        "directory/admin/register_import.html",
        {"form": form, "file_error": file_error, "columns": reader.IMPORTABLE},
    )


def _pending_import(request, pk):
    transfer = get_object_or_404(
        RegisterTransfer, pk=pk, kind=RegisterTransfer.Kind.IMPORT, applied_at__isnull=True
    )
    if transfer.user_id != request.user.pk:
        raise PermissionDenied
    return transfer


@require_http_methods(["GET", "POST"])
def import_preview(request, pk):
    _require_staff(request)
    transfer = _pending_import(request, pk)
    if request.method == "POST" and "cancel" in request.POST:
        transfer.delete()
        messages.info(request, _("The import was cancelled; nothing was changed."))
        return redirect("directory_register:import")
    register_file = reader.read(bytes(transfer.content), transfer.file_format)
    plan = importer.plan(register_file, request.user)
    if request.method == "POST" and not plan.has_errors:
        counts = importer.apply(plan, request.user)
        transfer.applied_at = timezone.now()
        transfer.content = b""
        transfer.save(update_fields=["applied_at", "content"])
        messages.success(
            request,
            _("Import finished: %(create)s created, %(update)s updated, %(unchanged)s unchanged.")
            % counts,
        )
        return redirect("mediator:index")
    if request.method == "POST":
        messages.error(request, _("The file has errors; nothing was imported."))
    return TemplateResponse(
        request,
        "directory/admin/register_preview.html",
        {"transfer": transfer, "plan": plan, "rows": plan.rows},
    )
