"""The import upload form: checks size and type before anything is parsed."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .reader import RegisterFileError, file_format, max_bytes


class RegisterImportForm(forms.Form):
    file = forms.FileField(
        label=_("Register file"),
        help_text=_("An .xlsx or .csv file in the register format (start from an export)."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > max_bytes():
            raise forms.ValidationError(
                _("The file is too large: the limit is %(mb)s MB.")
                % {"mb": max_bytes() // (1024 * 1024)}
            )
        try:
            self.file_format = file_format(upload.name)
        except RegisterFileError as error:
            raise forms.ValidationError(str(error)) from error
        return upload
