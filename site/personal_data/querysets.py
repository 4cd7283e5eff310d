"""A QuerySet that refuses the writes which would leave a digest or mask stale.

`update()` and `bulk_update()` run no `pre_save`, so a keyed digest or a mask derived from
an updated field (fields.KeyedDigestField, fields.PhoneMaskField) would keep describing the
old value: tracking and repeat-applicant lookups would then find the wrong case. Those
fields change through `save()`. Rotation re-encrypts through the base manager, which is a
plain one: it rewrites the same values, so nothing derived changes.
"""

from django.db import models

from personal_data.fields import derived_sources


class StaleDigestError(TypeError):
    pass


def _refuse(model, names) -> None:
    stale = sorted(derived_sources(model) & set(names))
    if stale:
        raise StaleDigestError(
            f"{model._meta.label}: {', '.join(stale)} cannot be changed with update() or "
            "bulk_update(): their keyed digests and masks are computed on save(). Save the "
            "objects instead (ADR 0038)."
        )


class PersonalDataQuerySet(models.QuerySet):
    def update(self, **kwargs):
        _refuse(self.model, kwargs)
        return super().update(**kwargs)

    def bulk_update(self, objs, fields, batch_size=None):
        _refuse(self.model, fields)
        return super().bulk_update(objs, fields, batch_size=batch_size)
