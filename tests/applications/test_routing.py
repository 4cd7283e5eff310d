"""Every default routing rule, the fallbacks, and the admin preview tool."""

from decimal import Decimal

import pytest
from django.test import Client

from cases.models import RoutingRule, RoutingTarget
from cases.services.routing import ApplicationFacts, decide
from directory.models import Agency, MediationOrganization

pytestmark = pytest.mark.usefixtures("routing_data")


def facts(**values):
    values.setdefault("application_type", "mediation")
    values.setdefault("region", "zengdu")
    return ApplicationFacts(**values)


def test_rule_1_chosen_organization_goes_to_its_host_agency():
    organization = MediationOrganization.objects.exclude(host_agency__code="court-zengdu").first()
    decision = decide(facts(dispute_stage="pre_case", preferred_organization=organization))
    assert decision.rule.priority == 10
    assert decision.agency == organization.host_agency and decision.organization == organization
    assert organization.name in decision.explanation


def test_rule_2_union_setup_goes_to_the_regional_union_federation():
    decision = decide(facts(application_type="union_setup", region="suixian"))
    assert (decision.rule.priority, decision.agency.code) == (20, "union_federation-suixian")


def test_rule_2_falls_back_to_city_level_where_the_region_has_none():
    decision = decide(facts(application_type="union_setup", region="hitech_zone"))
    assert decision.agency.code == "union_federation-city"
    assert "市级机构" in decision.explanation


def test_rule_3_committee_setup_goes_to_hrss_and_notifies_the_union_federation():
    decision = decide(facts(application_type="committee_setup", region="guangshui"))
    assert (decision.rule.priority, decision.agency.code) == (30, "hrss-guangshui")
    assert [a.code for a in decision.also_notify] == ["union_federation-guangshui"]


def test_rule_4_award_issued_goes_to_the_litigation_service_station():
    decision = decide(facts(dispute_stage="award_issued", region="suixian"))
    assert decision.rule.priority == 40
    assert decision.agency.code == "court-zengdu"
    assert decision.organization.kind == "litigation_station"


def test_rule_5_in_litigation_goes_to_the_regional_court():
    decision = decide(facts(dispute_stage="in_litigation", region="guangshui"))
    assert (decision.rule.priority, decision.agency.code) == (50, "court-guangshui")


def test_rule_6_arbitration_pending_goes_to_the_regional_arbitration_commission():
    decision = decide(facts(dispute_stage="arbitration_pending", region="dahongshan"))
    assert (decision.rule.priority, decision.agency.code) == (60, "arbitration-city")


def test_rule_7_collective_pre_case_dispute_goes_to_the_center():
    decision = decide(facts(dispute_stage="pre_case", workers_involved=10))
    assert (decision.rule.priority, decision.agency.code) == (70, "center-city")
    assert [a.code for a in decision.also_notify] == ["union_federation-zengdu"]


def test_rule_8_individual_pre_case_dispute_goes_to_regional_hrss():
    decision = decide(facts(dispute_stage="pre_case", workers_involved=9))
    assert (decision.rule.priority, decision.agency.code) == (80, "hrss-zengdu")


def test_rule_9_anything_else_goes_to_the_center():
    decision = decide(facts(dispute_stage=""))
    assert (decision.rule.priority, decision.agency.code) == (90, "center-city")


def test_final_fallback_without_any_rule_is_the_center():
    RoutingRule.objects.all().delete()
    decision = decide(facts(dispute_stage="pre_case"))
    assert decision.rule is None and decision.agency.code == "center-city"
    assert "中心受理窗口" in decision.explanation


def test_inactive_rules_are_skipped():
    RoutingRule.objects.filter(priority=80).update(is_active=False)
    decision = decide(facts(dispute_stage="pre_case"))
    assert decision.rule.priority == 90


def test_rule_4_targets_court_zengdu_when_no_station_exists(settings, tmp_path):
    import io

    from cases.demo import routing_rules

    RoutingRule.objects.all().delete()
    MediationOrganization.objects.filter(kind="litigation_station").delete()
    routing_rules.load(io.StringIO())
    decision = decide(facts(dispute_stage="award_issued"))
    assert decision.agency.code == "court-zengdu" and decision.organization is None


def test_conditions_regions_categories_and_amounts():
    target = Agency.objects.get(code="justice-city")
    RoutingRule.objects.create(
        priority=1,
        name="大额工资",
        reason="测试",
        application_type="mediation",
        regions=["suixian"],
        categories=["pay"],
        amount_min=Decimal("50000"),
        amount_max=Decimal("100000"),
        target=RoutingTarget.AGENCY,
        target_agency=target,
    )
    match = facts(
        region="suixian",
        categories=("pay",),
        amount_claimed=Decimal("60000"),
        dispute_stage="pre_case",
    )
    assert decide(match).agency == target
    for miss in (
        facts(
            region="zengdu",
            categories=("pay",),
            amount_claimed=Decimal("60000"),
            dispute_stage="pre_case",
        ),
        facts(
            region="suixian",
            categories=("hours",),
            amount_claimed=Decimal("60000"),
            dispute_stage="pre_case",
        ),
        facts(
            region="suixian",
            categories=("pay",),
            amount_claimed=Decimal("100"),
            dispute_stage="pre_case",
        ),
        facts(region="suixian", categories=("pay",), amount_claimed=None, dispute_stage="pre_case"),
    ):
        assert decide(miss).agency != target


class TestPreviewTool:
    URL = "/admin/routing-preview/"

    def test_center_admin_previews_a_decision(self, admin_user):
        client = Client()
        client.force_login(admin_user)
        response = client.get(
            self.URL,
            {
                "application_type": "mediation",
                "region": "suixian",
                "dispute_stage": "in_litigation",
                "workers_involved": 1,
            },
        )
        html = response.content.decode()
        assert response.status_code == 200
        assert "随县人民法院" in html and "已在诉讼中" in html

    def test_staff_without_the_permission_are_refused(self, django_user_model):
        from django.contrib.auth.models import Permission

        user = django_user_model.objects.create_user("editor", password="x")
        user.user_permissions.add(Permission.objects.get(codename="access_admin"))
        client = Client()
        client.force_login(user)
        response = client.get(self.URL)
        assert response.status_code in (302, 403)

    def test_rules_are_editable_in_the_admin(self, admin_user):
        client = Client()
        client.force_login(admin_user)
        rule = RoutingRule.objects.get(priority=50)
        response = client.get(f"/admin/snippets/cases/routingrule/edit/{rule.pk}/")
        assert response.status_code == 200
        assert 'name="regions"' in response.content.decode()
