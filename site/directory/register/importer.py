"""Plan and apply a register import. Planning writes nothing; applying writes all or nothing.

Rows match existing mediators by register number (编号), or, when that is blank, by
resident ID number; never by name. A blank register number with no ID match creates a
new entry with the next free number.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.permissions import policy_registry

from directory import services
from directory.models import (
    Agency,
    MediationOrganization,
    Mediator,
    MediatorCategory,
    MediatorStatus,
    Specialty,
)
from directory.models.mediators import validate_id_number
from personal_data import keys

from .columns import NO, SCALAR_FIELDS, YES, split_list

CREATE, UPDATE, UNCHANGED, ERROR = "create", "update", "unchanged", "error"


@dataclass
class RowPlan:
    number: int
    action: str
    code: str = ""
    name: str = ""
    errors: list[str] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)
    values: dict = field(default_factory=dict)
    mediator: Mediator | None = None

    @property
    def change_labels(self):
        return [str(Mediator._meta.get_field(name).verbose_name) for name in self.changes]


@dataclass
class ImportPlan:
    rows: list[RowPlan]

    @property
    def has_errors(self):
        return any(row.action == ERROR for row in self.rows)

    def count(self, action):
        return sum(1 for row in self.rows if row.action == action)

    @property
    def count_create(self):
        return self.count(CREATE)

    @property
    def count_update(self):
        return self.count(UPDATE)

    @property
    def count_unchanged(self):
        return self.count(UNCHANGED)

    @property
    def count_error(self):
        return self.count(ERROR)


def _choice_lookup(choices):
    lookup = {}
    for value, label in choices:
        lookup[value] = value
        lookup[str(label)] = value
    return lookup


class Context:
    """Everything the rows refer to, loaded once (a constant number of queries)."""

    def __init__(self, user):
        self.user = user
        self.agencies = {a.code: a for a in Agency.objects.all()}
        self.organizations = {o.code: o for o in MediationOrganization.objects.only("pk", "code")}
        self.specialties = {}
        for specialty in Specialty.objects.all():
            self.specialties[specialty.name] = specialty
            self.specialties[specialty.slug] = specialty
        # Plain instances plus the two link tables as id sets: much faster than
        # prefetching related objects for thousands of mediators.
        mediators = Mediator.objects.all()
        self.organization_ids = defaultdict(set)
        for mediator_id, organization_id in Mediator.organizations.through.objects.values_list(
            "mediator_id", "mediationorganization_id"
        ):
            self.organization_ids[mediator_id].add(organization_id)
        self.specialty_ids = defaultdict(set)
        for mediator_id, specialty_id in Mediator.specialties.through.objects.values_list(
            "mediator_id", "specialty_id"
        ):
            self.specialty_ids[mediator_id].add(specialty_id)
        self.by_code = {}
        self.by_id_digest = {}  # ID numbers are encrypted: found by their keyed digest
        for mediator in mediators:
            self.by_code[mediator.code] = mediator
            if mediator.id_number_digest:
                self.by_id_digest[mediator.id_number_digest] = mediator
        policy = policy_registry.get_by_type(Mediator)
        self.policy = policy
        self.editable_agency_ids = set(
            policy.agencies_user_can_edit_for(user).values_list("pk", flat=True)
        )
        self.categories = _choice_lookup(MediatorCategory.choices)
        self.statuses = _choice_lookup(MediatorStatus.choices)

    def holder_of(self, id_number):
        return self.by_id_digest.get(keys.digest("id_number", id_number))


def _parse_date(text, label, errors):
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        errors.append(
            _('%(column)s: "%(value)s" is not a date in the form YYYY-MM-DD.')
            % {"column": label, "value": text}
        )
        return None


def _parse_row(data, context, errors):
    values = {}
    values["name"] = data["name"]
    if not values["name"]:
        errors.append(_("%(column)s is required.") % {"column": "姓名"})
    elif len(values["name"]) > 50:
        errors.append(_("%(column)s is too long.") % {"column": "姓名"})
    values["id_number"] = data["id_number"].upper()
    if values["id_number"]:
        try:
            validate_id_number(values["id_number"])
        except ValidationError:
            errors.append(
                _('%(column)s "%(value)s" is not a valid resident ID number.')
                % {"column": "身份证号", "value": values["id_number"]}
            )
    values["category"] = context.categories.get(data["category"])
    if not data["category"]:
        errors.append(_("%(column)s is required.") % {"column": "类别"})
    elif values["category"] is None:
        errors.append(
            _('%(column)s "%(value)s" is not a known value.')
            % {"column": "类别", "value": data["category"]}
        )
    values["status"] = context.statuses.get(data["status"])
    if not data["status"]:
        errors.append(_("%(column)s is required.") % {"column": "状态"})
    elif values["status"] is None:
        errors.append(
            _('%(column)s "%(value)s" is not a known value.')
            % {"column": "状态", "value": data["status"]}
        )
    agency = context.agencies.get(data["agency"])
    if not data["agency"]:
        errors.append(_("%(column)s is required.") % {"column": "管理单位编码"})
    elif agency is None:
        errors.append(
            _('%(column)s "%(value)s" is not a known code.')
            % {"column": "管理单位编码", "value": data["agency"]}
        )
    values["agency"] = agency
    organizations = []
    for code in split_list(data["organizations"]):
        if code not in context.organizations:
            errors.append(
                _('%(column)s "%(value)s" is not a known code.')
                % {"column": "调解组织编码", "value": code}
            )
        else:
            organizations.append(context.organizations[code])
    values["organizations"] = organizations
    specialties = []
    for name in split_list(data["specialties"]):
        if name not in context.specialties:
            errors.append(
                _('%(column)s "%(value)s" is not a known value.')
                % {"column": "专长", "value": name}
            )
        else:
            specialties.append(context.specialties[name])
    values["specialties"] = specialties
    for key in [
        "certificate_number",
        "certificate_issuer",
        "public_introduction",
        "phone",
        "email",
    ]:
        values[key] = data[key]
    if values["email"]:
        try:
            validate_email(values["email"])
        except ValidationError:
            errors.append(
                _('%(column)s "%(value)s" is not a valid email address.')
                % {"column": "电子邮箱", "value": data["email"]}
            )
    values["certificate_valid_until"] = _parse_date(
        data["certificate_valid_until"], "证书有效期至", errors
    )
    values["joined_on"] = _parse_date(data["joined_on"], "入册日期", errors)
    if data["is_public"] not in (YES, NO, ""):
        errors.append(
            _("%(column)s must be %(yes)s or %(no)s.")
            % {"column": "公开展示", "yes": YES, "no": NO}
        )
    values["is_public"] = data["is_public"] == YES
    if values["certificate_number"] and not values["certificate_issuer"]:
        errors.append(
            _("%(column)s is required when there is a certificate number.") % {"column": "发证机关"}
        )
    if (values["certificate_issuer"] or values["certificate_valid_until"]) and not values[
        "certificate_number"
    ]:
        errors.append(
            _("%(column)s is required when an issuer or expiry date is given.")
            % {"column": "证书编号"}
        )
    return values


def _differences(context, mediator, values):
    changed = [key for key in SCALAR_FIELDS if getattr(mediator, key) != values[key]]
    if mediator.agency_id != values["agency"].pk:
        changed.append("agency")
    if context.organization_ids[mediator.pk] != {o.pk for o in values["organizations"]}:
        changed.append("organizations")
    if context.specialty_ids[mediator.pk] != {s.pk for s in values["specialties"]}:
        changed.append("specialties")
    return changed


def _permission_errors(context, mediator, values):
    errors = []
    if mediator is not None and not context.policy.user_has_permission_for_instance(
        context.user, "change", mediator
    ):
        errors.append(_("You may not edit register entry %(code)s.") % {"code": mediator.code})
    agency = values.get("agency")
    if agency is not None and agency.pk not in context.editable_agency_ids:
        errors.append(_("You may not edit the register of %(agency)s.") % {"agency": agency.name})
    return errors


def plan(register_file, user) -> ImportPlan:
    context = Context(user)
    seen_codes, seen_ids = {}, {}
    plans = []
    for number, data in register_file.rows:
        errors = []
        row = RowPlan(number, CREATE, code=data["code"], name=data["name"], errors=errors)
        values = _parse_row(data, context, errors)
        mediator = None
        if data["code"]:
            mediator = context.by_code.get(data["code"])
            if mediator is None:
                errors.append(
                    _(
                        '%(column)s "%(value)s" is not in the register; leave it blank for a new mediator.'  # noqa: E501
                    )
                    % {"column": "编号", "value": data["code"]}
                )
            if data["code"] in seen_codes:
                errors.append(
                    _("Duplicate of row %(row)s (same %(column)s).")
                    % {"row": seen_codes[data["code"]], "column": "编号"}
                )
            seen_codes.setdefault(data["code"], number)
        elif values["id_number"]:
            mediator = context.holder_of(values["id_number"])
        if values["id_number"]:
            if values["id_number"] in seen_ids:
                errors.append(
                    _("Duplicate of row %(row)s (same %(column)s).")
                    % {"row": seen_ids[values["id_number"]], "column": "身份证号"}
                )
            seen_ids.setdefault(values["id_number"], number)
            holder = context.holder_of(values["id_number"])
            if holder is not None and mediator is not None and holder.pk != mediator.pk:
                errors.append(
                    _("%(column)s belongs to register entry %(code)s.")
                    % {"column": "身份证号", "code": holder.code}
                )
        if mediator is not None:
            row.code = mediator.code
        row.mediator = mediator
        row.values = values
        if not errors and mediator is not None:
            row.changes = _differences(context, mediator, values)
            row.action = UPDATE if row.changes else UNCHANGED
        if row.action != UNCHANGED:
            # Unchanged rows of other agencies are fine: staff re-import a whole export.
            errors.extend(_permission_errors(context, mediator, values))
        if errors:
            row.action = ERROR
        plans.append(row)
    return ImportPlan(plans)


IMPORT_REASON = "登记册导入"


@transaction.atomic
def apply(import_plan: ImportPlan, user) -> dict:
    if import_plan.has_errors:
        raise ValueError("An import plan with errors cannot be applied.")
    counts = {CREATE: 0, UPDATE: 0, UNCHANGED: 0}
    for row in import_plan.rows:
        counts[row.action] += 1
        if row.action == UNCHANGED:
            continue
        values = row.values
        mediator = row.mediator or Mediator()
        previous_status = mediator.status if mediator.pk else ""
        for key in SCALAR_FIELDS:
            setattr(mediator, key, values[key])
        mediator.agency = values["agency"]
        services.assign_code(mediator)
        mediator.save()
        mediator.organizations.set(values["organizations"])
        mediator.specialties.set(values["specialties"])
        services.record_status(mediator, previous_status, user, IMPORT_REASON)
    return counts
