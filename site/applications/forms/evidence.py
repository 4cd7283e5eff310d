"""The evidence step: up to 5 files, each checked by its content."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cases import validators
from cases.forms.fields import MultipleFileField


class EvidenceForm(forms.Form):
    files = MultipleFileField(
        required=False,
        label=_("Evidence files (optional)"),
        help_text=_(
            "PDF, JPEG or PNG, at most 10 MB each and 5 files in all, e.g. a labor contract, pay slips, chat records."  # noqa: E501
        ),
    )

    def __init__(self, *args, existing=0, **kwargs):
        self.existing = existing
        super().__init__(*args, **kwargs)
        self.fields["files"].widget.attrs["accept"] = (
            ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
        )

    def clean_files(self):
        files = self.cleaned_data.get("files") or []
        if self.existing + len(files) > validators.MAX_EVIDENCE_FILES:
            raise ValidationError(_("You can upload at most 5 files in all."))
        errors = []
        for upload in files:
            try:
                validators.evidence_file(upload)
            except ValidationError as error:
                errors.extend(f"{upload.name}: {message}" for message in error.messages)
        if errors:
            raise ValidationError(errors)
        return files
