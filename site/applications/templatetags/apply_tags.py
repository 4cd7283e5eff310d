"""Rendering form fields GOV.UK-style: label, hint, error message, then the control."""

from django import forms, template

register = template.Library()

CHOICE_WIDGETS = (forms.RadioSelect, forms.CheckboxSelectMultiple)


def anchor(bound_field) -> str:
    """The id an error-summary link should jump to (the first option of a group)."""
    if isinstance(bound_field.field.widget, CHOICE_WIDGETS):
        return f"{bound_field.auto_id}_0"
    return bound_field.id_for_label


@register.filter
def field_anchor(bound_field):
    return anchor(bound_field)


@register.inclusion_tag("applications/includes/field.html")
def form_field(bound_field):
    widget = bound_field.field.widget
    described = []
    if bound_field.help_text:
        described.append(f"{bound_field.auto_id}-hint")
    if bound_field.errors:
        described.append(f"{bound_field.auto_id}-error")
    is_group = isinstance(widget, CHOICE_WIDGETS)
    is_check = isinstance(widget, forms.CheckboxInput)
    attrs = {}
    if described:
        attrs["aria-describedby"] = " ".join(described)
    if bound_field.errors:
        attrs["aria-invalid"] = "true"
    if is_check:
        css = "form-check-input"
    elif isinstance(widget, forms.Select):
        css = "form-select"
    else:
        css = "form-control"
    if bound_field.errors:
        css += " is-invalid"
    if not is_group:
        attrs["class"] = css
    if is_group:
        widget.attrs["class"] = "form-check-input"
    return {
        "field": bound_field,
        "is_group": is_group,
        "is_check": is_check,
        "control": None if is_group else bound_field.as_widget(attrs=attrs),
        "described": " ".join(described),
        "shown_when": _shown_when(bound_field.field),
    }


def _shown_when(field) -> str:
    """`name:value1,value2` for static/js/conditional-fields.js (see fields.shown_when)."""
    condition = getattr(field, "shown_when", None)
    if not condition:
        return ""
    name, values = condition
    return f"{name}:{','.join(values)}"
