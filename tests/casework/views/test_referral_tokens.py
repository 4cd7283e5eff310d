"""Court API tokens: issued by center admins (shown once, stored hashed), revoked, audited;
and `manage.py issue_referral_token`."""

import io

import pytest
from django.core.management import CommandError, call_command

from casework.models import AuditEntry, ReferralToken
from casework.models.referrals import hash_token
from directory.models import Agency
from tests.casework.referral_factories import api, referral_payload, snapshot

LIST = "/admin/cases/referrals/tokens/"


def test_a_center_admin_issues_a_token_shown_once_and_stored_hashed(login):
    client = login("center-city-head")
    page = client.get(LIST)
    assert page.status_code == 200 and "尚未签发令牌" in page.content.decode()
    court = Agency.objects.get(code="court-city")
    response = client.post(LIST, {"court": court.pk, "name": "市中院调解平台"})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    token = ReferralToken.objects.get()
    html = response.content.decode()
    raw = html.split('id="issued-token" value="', 1)[1].split('"', 1)[0]
    assert raw.startswith("szr_") and len(raw) > 40
    assert token.token_hash == hash_token(raw) and raw not in token.token_hash
    assert token.prefix == raw[:8] and token.court == court
    # Not in the database in the clear, and never shown again.
    assert not ReferralToken.objects.filter(token_hash=raw).exists()
    listing = client.get(LIST).content.decode()
    assert raw not in listing and token.prefix in listing and "市中院调解平台" in listing
    entry = AuditEntry.objects.get(action="token")
    assert entry.actor.username == "center-city-head" and entry.agency == court
    assert token.prefix in entry.detail and raw not in entry.detail
    # The token works for the court's API.
    assert api("post", "/referrals", raw, referral_payload()).status_code == 201


def test_revoking_a_token_stops_it_and_is_audited(login):
    client = login("center-city-head")
    court = Agency.objects.get(code="court-city")
    response = client.post(LIST, {"court": court.pk, "name": "平台"})
    raw = response.content.decode().split('id="issued-token" value="', 1)[1].split('"', 1)[0]
    token = ReferralToken.objects.get()
    url = f"{LIST}{token.pk}/revoke/"
    confirm = client.get(url)
    assert confirm.status_code == 200 and "撤销令牌" in confirm.content.decode()
    assert ReferralToken.objects.get().revoked_at is None  # a GET changes nothing
    followed = client.post(url, follow=True)
    assert "已撤销" in followed.content.decode()
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert AuditEntry.objects.filter(action="token", detail__startswith="revoked").count() == 1
    before = snapshot()
    assert api("post", "/referrals", raw, referral_payload()).status_code == 401
    assert snapshot() == before
    # Revoking again changes nothing and says so.
    again = client.post(url, follow=True).content.decode()
    assert "此令牌已被撤销" in again
    assert AuditEntry.objects.filter(action="token", detail__startswith="revoked").count() == 1


def test_issuing_needs_a_court_and_a_label(login):
    client = login("center-city-head")
    hrss = Agency.objects.get(code="hrss-zengdu")
    before = snapshot()
    response = client.post(LIST, {"court": hrss.pk, "name": ""})
    assert response.status_code == 200  # the form again, with its errors
    html = response.content.decode()
    assert 'href="#id_court"' in html and 'href="#id_name"' in html
    assert snapshot() == before


@pytest.mark.parametrize(
    "username", ["hrss-zengdu", "court-city-head", "court-city", "court-city-liaison"]
)
def test_only_center_admins_manage_tokens(login, username):
    client = login(username)
    court = Agency.objects.get(code="court-city")
    before = snapshot()
    assert client.get(LIST).status_code == 403
    assert client.post(LIST, {"court": court.pk, "name": "x"}).status_code == 403
    assert snapshot() == before


def test_others_cannot_revoke(login):
    from casework.services import referral_tokens

    token, _raw = referral_tokens.issue(Agency.objects.get(code="court-city"), "平台")
    client = login("court-city-head")
    assert client.post(f"{LIST}{token.pk}/revoke/").status_code == 403
    token.refresh_from_db()
    assert token.revoked_at is None


def test_issue_referral_token_command_prints_the_token_once(case_staff):
    out, err = io.StringIO(), io.StringIO()
    call_command(
        "issue_referral_token", "court-zengdu", "--name", "区法院平台", stdout=out, stderr=err
    )
    raw = out.getvalue().strip()
    token = ReferralToken.objects.get()
    assert token.token_hash == hash_token(raw) and token.name == "区法院平台"
    assert token.court.code == "court-zengdu"
    assert raw not in err.getvalue() and token.prefix in err.getvalue()
    assert AuditEntry.objects.filter(action="token", actor=None).count() == 1
    payload = referral_payload(court="court-zengdu")
    assert api("post", "/referrals", raw, payload).status_code == 201


@pytest.mark.parametrize("code", ["court-nowhere", "hrss-zengdu"])
def test_issue_referral_token_refuses_what_is_not_a_court(case_staff, code):
    with pytest.raises(CommandError):
        call_command("issue_referral_token", code, stdout=io.StringIO(), stderr=io.StringIO())
    assert not ReferralToken.objects.exists()
