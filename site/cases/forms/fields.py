"""Form fields that normalize as they validate (see validators.py)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cases import validators


def shown_when(field, name: str, *values: str):
    """Mark a field as relevant only when the form's field `name` has one of `values`: the
    page hides it otherwise (static/js/conditional-fields.js), and the form's clean()
    discards what it holds. Without JavaScript every field shows."""
    field.shown_when = (name, tuple(str(value) for value in values))
    return field


class NormalizingCharField(forms.CharField):
    normalizer = None

    def clean(self, value):
        value = super().clean(value)
        if value in self.empty_values:
            return value
        return type(self).normalizer(value)


class ResidentIdField(NormalizingCharField):
    normalizer = staticmethod(validators.resident_id)

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 24)
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        return {**super().widget_attrs(widget), "autocomplete": "off", "spellcheck": "false"}


class CreditCodeField(NormalizingCharField):
    normalizer = staticmethod(validators.credit_code)

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 24)
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        return {**super().widget_attrs(widget), "autocomplete": "off", "spellcheck": "false"}


class MobileField(NormalizingCharField):
    normalizer = staticmethod(validators.mobile)

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 20)
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        return {
            **super().widget_attrs(widget),
            "autocomplete": "tel",
            "inputmode": "tel",
            "type": "tel",
        }


class PhoneNumberField(MobileField):
    """A mobile number or a landline with its area code (validators.phone_number)."""

    normalizer = staticmethod(validators.phone_number)


class LandlineField(MobileField):
    normalizer = staticmethod(validators.landline)

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 30)
        super().__init__(**kwargs)


class AmountField(forms.CharField):
    """Yuan with at most 2 decimals; returns a Decimal (CharField so '1,200' is accepted)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 20)
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        if value in self.empty_values:
            return None
        return validators.amount(value)

    def widget_attrs(self, widget):
        return {**super().widget_attrs(widget), "inputmode": "decimal"}


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class FriendlyDateField(forms.DateField):
    widget = DateInput
    input_formats = ["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日"]
    default_error_messages = {"invalid": _("Enter a real date, e.g. 2024-03-01.")}


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        if isinstance(data, (list, tuple)):
            return [super(MultipleFileField, self).clean(item, initial) for item in data if item]
        if data:
            return [super().clean(data, initial)]
        if self.required:
            raise ValidationError(self.error_messages["required"], code="required")
        return []
