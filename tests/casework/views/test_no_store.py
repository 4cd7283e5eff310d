"""Every page that shows or collects personal data says `Cache-Control: no-store` itself
(ADR 0040): each wizard step, check answers and confirmation of the three wizards, the
tracking result, and the staff case pages. The page cache middleware adds `private,
no-store` to what it does not cache; it is taken out here so that each view must say it."""

import pytest
from django.test import Client
from django.urls import reverse

from casework.services.actions import perform
from tests.applications.factories import COMMITTEE_STEPS, MEDIATION_STEPS, UNION_STEPS
from tests.applications.wizard_client import fill, step_url, submit
from tests.casework.factories import make_case, staff
from tests.casework.views.test_case_page import add_evidence

WIZARDS = {
    "mediation": MEDIATION_STEPS,
    "union-setup": UNION_STEPS,
    "committee-setup": COMMITTEE_STEPS,
}
PAGE_CACHE = "home.page_cache.middleware.PageCacheMiddleware"


def _wizard_pages():
    for slug, steps in WIZARDS.items():
        yield pytest.param(("start", slug, None), id=f"{slug}-start")
        for name in steps:
            yield pytest.param(("step", slug, name), id=f"{slug}-{name}")
        yield pytest.param(("check", slug, None), id=f"{slug}-check")
        yield pytest.param(("done", slug, None), id=f"{slug}-done")


def _open_wizard_page(page):
    kind, slug, name = page
    client = Client()
    steps = WIZARDS[slug]
    if kind == "start":
        return client.get(reverse("applications:start", args=[slug]))
    if kind == "step":
        names = list(steps)
        fill(client, slug, {key: steps[key] for key in names[: names.index(name)]})
        return client.get(step_url(slug, name))
    fill(client, slug, steps)
    if kind == "check":
        return client.get(reverse("applications:check", args=[slug]))
    response, _key = submit(client, slug)
    return client.get(response["Location"])


def _admin_pages():
    for name, username in [
        ("queue", "hrss-zengdu"),
        ("case", "hrss-zengdu"),
        ("action", "hrss-zengdu-head"),
        ("document", "hrss-zengdu-head"),
        ("evidence", "hrss-zengdu"),
        ("walk_in", "hrss-zengdu"),
        ("referrals", "center-city-head"),
        ("referral_register", "center-city"),
        ("referral_tokens", "center-city-head"),
        ("audit_log", "center-city-head"),
    ]:
        yield pytest.param(("admin", name, username), id=f"admin-{name}")


def _open_admin_page(client, page, case):
    _kind, name, username = page
    client.force_login(staff(username))
    args = {
        "case": [case.reference],
        "action": [case.reference, "accept"],
        "document": [case.reference, "acceptance"],
        "evidence": [case.reference, add_evidence(case).pk],
    }.get(name, [])
    if name == "document":
        perform(case, "accept", staff(username))
    return client.get(reverse(f"casework:{name}", args=args))


def _open_tracking_result(case):
    return Client().post("/track/", {"reference": case.reference, "phone": case.applicant_phone})


@pytest.mark.parametrize(
    "page",
    [*_wizard_pages(), pytest.param(("track",), id="tracking-result"), *_admin_pages()],
)
def test_personal_pages_are_never_stored(page, case_staff, client, settings):
    settings.MIDDLEWARE = [name for name in settings.MIDDLEWARE if name != PAGE_CACHE]
    if page[0] in ("start", "step", "check", "done"):
        response = _open_wizard_page(page)
    else:
        case = make_case(region="zengdu", stage="pre_case")
        if page[0] == "track":
            response = _open_tracking_result(case)
            assert case.reference in response.content.decode()
        else:
            response = _open_admin_page(client, page, case)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
