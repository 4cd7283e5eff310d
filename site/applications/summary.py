"""Check-your-answers rows: each answer as a person reads it."""

from datetime import date

from django import forms
from django.utils.translation import gettext as _


def display(field: forms.Field, value) -> str:
    if value in (None, "", [], ()):
        return _("Not given")
    if isinstance(field, forms.ModelChoiceField):
        return str(value)
    if isinstance(field, forms.TypedChoiceField) and isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(field, forms.BooleanField):
        return _("Yes") if value else _("No")
    if hasattr(field, "choices"):
        labels = {str(key): str(label) for key, label in field.choices}
        if isinstance(value, (list, tuple)):
            return "；".join(labels.get(str(item), str(item)) for item in value)
        return labels.get(str(value), str(value))
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def applies(form: forms.Form, field: forms.Field) -> bool:
    """False for a field marked shown_when another answer (cases/forms/fields.py)."""
    condition = getattr(field, "shown_when", None)
    if not condition:
        return True
    name, values = condition
    return str(form.cleaned_data.get(name, "")) in values


def rows(form: forms.Form) -> list[dict]:
    result = []
    for name, field in form.fields.items():
        if isinstance(field, forms.FileField) or not applies(form, field):
            continue
        value = form.cleaned_data.get(name)
        if value in (None, "", [], ()) and not field.required:
            continue
        result.append({"name": name, "label": field.label, "value": display(field, value)})
    return result
