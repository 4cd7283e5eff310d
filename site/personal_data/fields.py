"""Model fields for personal data at rest (ADR 0038).

- `EncryptedCharField`, `EncryptedJSONField`: assigned and read as plain values; the
  database holds a Fernet token in a text column. No lookup but `isnull` is allowed (a
  token never equals another): exact lookups go through a digest column.
- `KeyedDigestField`: the HMAC of another field's value (a dotted path, into JSON too),
  recomputed on every save and bulk_create; `Model.save(update_fields=...)` must name it
  too, which `with_derived_fields` does.
- `PhoneMaskField`: the masked mobile (138****1234) for lists and partial search.
"""

import json

from django import forms
from django.db import models

from personal_data import keys
from personal_data.masks import mask_phone

ALLOWED_LOOKUPS = {"isnull"}


class _Encrypted:
    def get_internal_type(self):
        return "TextField"

    def get_lookup(self, lookup_name):
        if lookup_name not in ALLOWED_LOOKUPS:
            return None  # FieldError "Unsupported lookup": query the digest instead
        return super().get_lookup(lookup_name)


class EncryptedCharField(_Encrypted, models.CharField):
    """A string stored encrypted; "" and None are stored as they are."""

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return keys.encrypt(str(value))

    def from_db_value(self, value, expression, connection):
        if value is None or value == "":
            return value
        return keys.decrypt(value)


class EncryptedJSONField(_Encrypted, models.Field):
    """A JSON value (dict, list, ...) stored as one encrypted JSON document."""

    empty_strings_allowed = False

    def get_prep_value(self, value):
        if value is None:
            return None
        return keys.encrypt(json.dumps(value, ensure_ascii=False))

    def from_db_value(self, value, expression, connection):
        if value is None:
            return None
        return json.loads(keys.decrypt(value))

    def to_python(self, value):
        return value

    def value_to_string(self, obj):
        # As JSONField: serializers (dumpdata) write the native value, loaddata reads it.
        return self.value_from_object(obj)

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": forms.JSONField, **kwargs})


def resolve(instance, source: str):
    """The value at a dotted path: an attribute, then keys into dicts."""
    first, *rest = source.split(".")
    value = getattr(instance, first, None)
    for key in rest:
        value = value.get(key) if isinstance(value, dict) else None
    return value


class _Derived:
    def __init__(self, *args, source: str, **kwargs):
        self.source = source
        kwargs.setdefault("editable", False)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["source"] = self.source
        for key, value in (("editable", False), ("blank", True), ("default", "")):
            if kwargs.get(key) == value:
                kwargs.pop(key)
        return name, path, args, kwargs

    def pre_save(self, model_instance, add):
        value = self.derive(resolve(model_instance, self.source))
        setattr(model_instance, self.attname, value)
        return value


class KeyedDigestField(_Derived, models.CharField):
    def __init__(self, *args, kind: str, **kwargs):
        self.kind = kind
        kwargs.setdefault("max_length", 64)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["kind"] = self.kind
        return name, path, args, kwargs

    def derive(self, value) -> str:
        return keys.digest(self.kind, value)


class PhoneMaskField(_Derived, models.CharField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 20)
        super().__init__(*args, **kwargs)

    def derive(self, value) -> str:
        return mask_phone(str(value or ""))


def derived_sources(model) -> set[str]:
    """The fields a digest or mask of `model` is computed from."""
    return {
        field.source.split(".")[0]
        for field in model._meta.concrete_fields
        if isinstance(field, _Derived)
    }


def with_derived_fields(model, update_fields):
    """`update_fields` plus the derived fields whose source is among them."""
    if update_fields is None:
        return None
    names = set(update_fields)
    for field in model._meta.concrete_fields:
        source = getattr(field, "source", None)
        if isinstance(field, _Derived) and source.split(".")[0] in names:
            names.add(field.name)
    return names
