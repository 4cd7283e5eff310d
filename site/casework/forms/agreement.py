"""Recording a mediation agreement: a summary and numbered terms (amount, due date, payment
method). Works without JavaScript: blank rows are ignored, and "add rows" posts back the
form with more empty rows."""

from django import forms
from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _

from cases.forms.fields import AmountField, FriendlyDateField
from casework.forms.actions import ActionForm, text_field
from casework.models import AgreementTerm
from home.plain_text import PlainTextMixin

START_ROWS = 3
ADD_ROWS = 2
MAX_TERMS = 30


class TermForm(PlainTextMixin, forms.Form):
    text = text_field(_("Term"), 1000, required=False, rows=2)
    amount = AmountField(required=False, label=_("Amount (yuan)"), help_text=_("e.g. 3000.50"))
    due_date = FriendlyDateField(required=False, label=_("Due by"))
    payment_method = forms.ChoiceField(
        choices=AgreementTerm.PaymentMethod.choices,
        initial=AgreementTerm.PaymentMethod.NONE,
        label=_("Payment method"),
    )

    def __init__(self, *args, case=None, **kwargs):
        self.case = case
        super().__init__(*args, **kwargs)

    def clean(self):
        data = super().clean()
        text = (data.get("text") or "").strip()
        amount = data.get("amount")
        method = data.get("payment_method")
        paid = method and method != AgreementTerm.PaymentMethod.NONE
        if not text and (amount is not None or data.get("due_date") or paid):
            self.add_error("text", _("Write what this term says."))
        if amount and not paid and "payment_method" not in self.errors:
            self.add_error("payment_method", _("Choose how the amount is paid."))
        if paid and amount is None and "amount" not in self.errors:
            self.add_error("amount", _("Enter the amount to be paid."))
        due = data.get("due_date")
        if due and self.case is not None and due < self.case.submitted_at.date():
            self.add_error("due_date", _("The due date cannot be before the case was submitted."))
        data["text"] = text
        return data


class BaseTermFormSet(forms.BaseFormSet):
    def clean(self):
        if any(self.errors):
            return
        if not any(form.cleaned_data.get("text") for form in self.forms):
            raise forms.ValidationError(
                _("An agreement needs at least one term: fill in the first row."),
                code="no_terms",
            )


class RecordAgreementForm(ActionForm):
    summary = text_field(
        _("Summary of the agreement (optional)"),
        5000,
        required=False,
        rows=4,
        help_text=_("Printed above the numbered terms."),
    )

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        rows = START_ROWS
        if data is not None:
            try:
                rows = int(data.get("terms-TOTAL_FORMS", START_ROWS))
            except (TypeError, ValueError):
                rows = START_ROWS
        self.terms = self._formset(data, rows)
        self.wants_more_rows = data is not None and "add_rows" in data

    def _formset(self, data, rows):
        rows = max(START_ROWS, min(rows, MAX_TERMS))
        extra = forms.formset_factory(
            TermForm,
            formset=BaseTermFormSet,
            extra=rows,
            max_num=MAX_TERMS,
            validate_max=True,
            absolute_max=MAX_TERMS,
        )
        return extra(data, prefix="terms", form_kwargs={"case": self.case})

    def with_more_rows(self):
        """The same answers with ADD_ROWS more empty rows (the no-JavaScript 'add rows')."""
        data = self.data.copy()
        total = min(int(data.get("terms-TOTAL_FORMS", START_ROWS)) + ADD_ROWS, MAX_TERMS)
        data["terms-TOTAL_FORMS"] = str(total)
        form = type(self)(data, case=self.case, user=self.user)
        form.wants_more_rows = False
        return form

    def is_valid(self):
        return super().is_valid() & self.terms.is_valid()

    def action_data(self) -> dict:
        return {
            "summary": self.cleaned_data.get("summary", ""),
            "terms": [
                {
                    "text": form.cleaned_data["text"],
                    "amount": form.cleaned_data.get("amount"),
                    "due_date": form.cleaned_data.get("due_date"),
                    "payment_method": form.cleaned_data.get("payment_method"),
                }
                for form in self.terms.forms
                if form.cleaned_data.get("text")
            ],
        }

    def error_items(self) -> list[tuple[str, str]]:
        items = super().error_items()
        for error in self.terms.non_form_errors():
            items.append(("#id_terms-0-text", str(error)))
        for number, form in enumerate(self.terms.forms, start=1):
            for name, errors in form.errors.items():
                anchor = "#" + form[name].id_for_label if name in form.fields else ""
                prefix = gettext_now("Term %(number)s") % {"number": number}
                items.extend((anchor, f"{prefix}：{error}") for error in errors)
        return items
