"""The demo loaders: rules, liaisons and the home tiles reach the forms; idempotent."""

import io

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

from cases.models import RoutingRule
from directory.models import Agency, AgencyMembership


def test_demo_loads_rules_liaisons_and_links_to_the_forms(demo_site):
    assert list(RoutingRule.objects.values_list("priority", flat=True)) == [
        10,
        20,
        30,
        40,
        50,
        60,
        70,
        80,
        90,
    ]
    station_rule = RoutingRule.objects.get(priority=40)
    assert station_rule.target_organization.kind == "litigation_station"
    assert AgencyMembership.objects.filter(role="liaison").count() == Agency.objects.count()
    liaison = get_user_model().objects.get(username="hrss-zengdu-liaison")
    assert liaison.check_password("demo-Password-123")
    handler = get_user_model().objects.get(username="hrss-zengdu")  # casework's demo handler
    assert AgencyMembership.objects.get(user=handler).role == "handler"

    home = Client().get("/").content.decode()
    for path in ("/apply/mediation/", "/apply/union-setup/", "/apply/committee-setup/", "/track/"):
        assert f'href="{path}"' in home
    assert Client().get("/apply/").status_code == 200

    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert "nothing changed" in out.getvalue()
