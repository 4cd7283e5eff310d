"""Whose phone number is it? The official numbers of the center: the hotline in the site
settings, the agencies' and the public mediation organizations' phones in the directory.
Mediators' own phones are private and never listed here.

Numbers are compared as digits: "0722-3256789", "0722 3256789" and "3256789" (the local
number without Suizhou's area code 0722) are the same line; "+86 138…" is "138…".
"""

import re
from dataclasses import dataclass

from wagtail.models import Site

from directory.models import Agency, MediationOrganization
from home.models import SiteSettings

AREA_CODE = "0722"
NON_DIGITS = re.compile(r"\D")
NUMBER_SPLIT = re.compile(r"[、,，;；/]|\s{2,}")


@dataclass(frozen=True)
class Owner:
    name: str
    kind: str  # "hotline", "agency", "organization"
    listed_as: str


def normalize(raw: str) -> str:
    """The digits of a number, without a leading +86/0086 country code."""
    digits = NON_DIGITS.sub("", raw or "")
    for prefix in ("0086", "86"):
        if digits.startswith(prefix) and len(digits) - len(prefix) in (10, 11, 12):
            digits = digits[len(prefix) :]
            break
    return digits


def _variants(number: str) -> set[str]:
    digits = normalize(number)
    if not digits:
        return set()
    variants = {digits}
    if digits.startswith(AREA_CODE) and len(digits) > len(AREA_CODE) + 4:
        variants.add(digits[len(AREA_CODE) :])
    elif len(digits) in (7, 8) and not digits.startswith("1"):
        variants.add(AREA_CODE + digits)
    return variants


def _listed():
    """(number as listed, owner) for every official number."""
    for settings in SiteSettings.objects.filter(site__in=Site.objects.all()).exclude(hotline=""):
        for part in NUMBER_SPLIT.split(settings.hotline):
            yield part, Owner(settings.site.site_name or "", "hotline", settings.hotline)
    for agency in Agency.objects.filter(is_public=True).exclude(phone=""):
        for part in NUMBER_SPLIT.split(agency.phone):
            yield part, Owner(agency.name, "agency", agency.phone)
    organizations = MediationOrganization.objects.filter(is_public=True).exclude(phone="")
    for organization in organizations:
        for part in NUMBER_SPLIT.split(organization.phone):
            yield part, Owner(organization.name, "organization", organization.phone)


def owners(raw: str) -> list[Owner]:
    """Every official owner of the number (empty: not one of ours)."""
    asked = _variants(raw)
    found = []
    for listed, owner in _listed():
        if asked & _variants(listed) and owner not in found:
            found.append(owner)
    return found
