"""Next steps link to the guide that explains them, found by slug in the live demo tree."""

import pytest

from cases.next_steps import GUIDANCE_INDEX, GUIDES, NextStep, with_links

pytestmark = pytest.mark.usefixtures("demo_site")


def test_each_guide_a_step_names_is_a_live_page():
    steps = [NextStep(f"step {key}", "basis", key) for key in GUIDES]
    linked = with_links(steps)
    urls = {step.guide: step.url for step in linked}
    assert urls["award"] == "/guidance/sue-after-arbitral-award/"
    assert urls["mediation"] == "/guidance/apply-for-mediation/"
    assert urls["arbitration"] == "/guidance/apply-for-arbitration/"
    assert all(url.startswith("/guidance/") and url != GUIDANCE_INDEX for url in urls.values())


def test_a_step_without_a_guide_has_no_link_and_a_missing_guide_falls_back():
    plain, *_ = with_links([NextStep("text")])
    assert plain.url == ""
    from guidance.models import GuidancePage

    GuidancePage.objects.filter(slug="sue-after-arbitral-award").update(live=False)
    (award,) = with_links([NextStep("text", "", "award")])
    assert award.url == GUIDANCE_INDEX


def test_the_arbitration_time_limit_step_links_to_the_calculator():
    (step,) = with_links([NextStep("text", "basis", "time_limit")])
    assert step.url == "/tools/time-limit/"
