"""A session-backed multi-step form: answers survive steps, errors and going back.

Answers never sent are kept FORM_DATA_HOURS from the form's start, no longer (ADR 0039):
older answers are dropped when read, and an anonymous visitor's session ends then too, so
`clearsessions` (scheduled nightly) deletes it with everything typed into it.
"""

import datetime
import uuid

from django import forms
from django.conf import settings
from django.utils import timezone

AUTH_SESSION_KEY = "_auth_user_id"  # django.contrib.auth's key: a signed-in member of staff


class WizardState:
    """What one browser has answered so far in one wizard, kept in its session."""

    def __init__(self, session, slug: str):
        self.session = session
        self.key = f"apply:{slug}"
        stored = session.get(self.key) or {}
        if stored and expired(stored):
            session.pop(self.key, None)
            stored = {}
        self.started = stored.get("started") or timezone.now().isoformat()
        self.id = stored.get("id") or uuid.uuid4().hex
        self.data = stored.get("data") or {}
        self.files = stored.get("files") or []
        self.prefill = stored.get("prefill") or {}

    def save(self):
        self.session[self.key] = {
            "started": self.started,
            "id": self.id,
            "data": self.data,
            "files": self.files,
            "prefill": self.prefill,
        }
        if AUTH_SESSION_KEY not in self.session:
            self.session.set_expiry(expires_at(self.started))

    def reset(self):
        self.session.pop(self.key, None)
        self.__init__(self.session, self.key.split(":", 1)[1])

    def store(self, step: str, post, form) -> bool:
        """Keep this step's raw answers: only the fields its form defines (other POST keys
        are ignored), one value each except for multiple choices. False, storing nothing,
        when the session would then hold more than WIZARD_SESSION_MAX_BYTES (ADR 0040)."""
        answers = {}
        for name, field in form.fields.items():
            key = form.add_prefix(name)
            if isinstance(field, forms.FileField) or key not in post:
                continue
            values = post.getlist(key)
            if isinstance(field, forms.MultipleChoiceField):
                answers[name] = list(dict.fromkeys(values))  # valid choices, no repeats
            else:
                answers[name] = values[-1:]  # what the form read
        data = {**self.data, step: answers}
        if self.stored_size(data) > settings.WIZARD_SESSION_MAX_BYTES:
            return False
        self.data = data
        self.save()
        return True

    def stored_size(self, data=None) -> int:
        """Serialized bytes of the whole session once this wizard holds `data`."""
        contents = dict(self.session.items())
        contents[self.key] = {
            "started": self.started,
            "id": self.id,
            "data": self.data if data is None else data,
            "files": self.files,
            "prefill": self.prefill,
        }
        return len(self.session.serializer().dumps(contents))

    def querydict(self, step: str):
        from django.http import QueryDict

        query = QueryDict(mutable=True)
        for key, values in (self.data.get(step) or {}).items():
            query.setlist(key, values)
        return query


def expires_at(started: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(started) + datetime.timedelta(
        hours=settings.FORM_DATA_HOURS
    )


def expired(stored: dict) -> bool:
    """Answers from before this change carry no start time: they count as expired."""
    started = stored.get("started")
    return not started or expires_at(started) <= timezone.now()


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
