"""Widgets of the busiest admin forms, rendered in Python.

Django renders a `<select>` through a template per option (and one more for each option's
attributes): the queue's filters, with every mediator and organization as an option, took
about a quarter of the queue page's time. `ListSelect` writes the same markup directly
(the element, its attributes, option groups, the selected option), from the same widget
context, so Wagtail's field wrapper, ids and ARIA attributes are unchanged.
"""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe


def _options(choices) -> str:
    return format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        ((option["value"], flatatt(option["attrs"]), option["label"]) for option in choices),
    )


class ListSelect(forms.Select):
    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        parts = []
        for group_name, group_choices, _index in widget["optgroups"]:
            options = _options(group_choices)
            if group_name:
                options = format_html('<optgroup label="{}">{}</optgroup>', group_name, options)
            parts.append(options)
        return format_html(
            '<select name="{}"{}>{}</select>',
            widget["name"],
            flatatt(widget["attrs"]),
            mark_safe("".join(parts)),  # noqa: S308 - each part is built by format_html
        )
