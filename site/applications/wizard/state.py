"""A session-backed multi-step form: answers survive steps, errors and going back."""

import uuid

from django import forms


class WizardState:
    """What one browser has answered so far in one wizard, kept in its session."""

    def __init__(self, session, slug: str):
        self.session = session
        self.key = f"apply:{slug}"
        stored = session.get(self.key) or {}
        self.id = stored.get("id") or uuid.uuid4().hex
        self.data = stored.get("data") or {}
        self.files = stored.get("files") or []
        self.prefill = stored.get("prefill") or {}

    def save(self):
        self.session[self.key] = {
            "id": self.id,
            "data": self.data,
            "files": self.files,
            "prefill": self.prefill,
        }

    def reset(self):
        self.session.pop(self.key, None)
        self.__init__(self.session, self.key.split(":", 1)[1])

    def store(self, step: str, post) -> None:
        self.data[step] = {
            key: post.getlist(key)
            for key in post
            if key not in ("csrfmiddlewaretoken", "action", "remove")
        }
        self.save()

    def querydict(self, step: str):
        from django.http import QueryDict

        query = QueryDict(mutable=True)
        for key, values in (self.data.get(step) or {}).items():
            query.setlist(key, values)
        return query


def initial_from(form_class, stored: dict, **form_kwargs) -> dict:
    """Stored raw answers as `initial` for an unbound form (re-showing a finished step)."""
    probe = form_class(**form_kwargs)
    initial = {}
    for name, values in stored.items():
        if name not in probe.fields:
            continue
        if isinstance(probe.fields[name], forms.MultipleChoiceField):
            initial[name] = values
        elif values:
            initial[name] = values[0]
    return initial
