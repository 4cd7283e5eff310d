"""PostgreSQL: the ranking statement is planned with sequential scans off, and the
setting is back to what it was as soon as the ranking has run (inside the caller's
transaction too), so no other statement of the request is planned differently."""

import pytest
from django.db import connection, transaction

from guidance.models import GuidancePage, PolicyPage
from search import pg_planner
from search.ranking import ranked_ids

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="PostgreSQL planner setting (CI runs both)"
    ),
]


def seqscan() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('enable_seqscan')")
        return cursor.fetchone()[0]


def test_sequential_scans_are_off_inside_and_restored_after():
    with transaction.atomic():
        with pg_planner.index_scans():
            assert seqscan() == "off"
        assert seqscan() == "on"
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
        with pg_planner.index_scans():
            assert seqscan() == "off"
        assert seqscan() == "off"  # the caller's own choice is kept


def plain_fetch(sql, params, using="default"):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


@pytest.mark.parametrize("binding", ["client-side", "server-side setting"])
def test_one_statement_is_planned_without_sequential_scans(monkeypatch, binding):
    if binding != "client-side":
        options = {**connection.settings_dict.get("OPTIONS", {}), "server_side_binding": True}
        monkeypatch.setitem(connection.settings_dict, "OPTIONS", options)
    seen = "SELECT current_setting('enable_seqscan'), %s::text"
    assert pg_planner.fetch_with_index_scans(seen, ["a'b"]) == [("off", "a'b")]
    assert seqscan() == "on"
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
        assert pg_planner.fetch_with_index_scans(seen, ["x"]) == [("off", "x")]
        assert seqscan() == "off"  # the caller's own choice is kept
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = on")
        pg_planner.fetch_with_index_scans(seen, ["x"])
        assert seqscan() == "on"


def test_a_search_leaves_the_setting_alone_and_ranks_as_before(demo_site, monkeypatch):
    querysets = {
        "policy": PolicyPage.objects.live().public(),
        "guidance": GuidancePage.objects.live().public(),
    }
    with transaction.atomic():
        planned = ranked_ids("调解", querysets, 20)
        assert seqscan() == "on"
    assert seqscan() == "on"
    monkeypatch.setattr(pg_planner, "fetch_with_index_scans", plain_fetch)
    assert ranked_ids("调解", querysets, 20) == planned
    assert planned["policy"] and planned["guidance"]


def test_a_common_query_lists_body_matches_newest_first(demo_site, monkeypatch):
    from search import pg_ranking

    from .test_ranking_cost import publish_policy

    older = publish_policy("规则甲（测试）", body="<p>本规则适用于调解工作。" * 8 + "</p>")
    newer = publish_policy("规则乙（测试）", body="<p>调解。</p>")
    titled = publish_policy("调解工作规则")
    live = {"policy": PolicyPage.objects.live()}
    ranked = ranked_ids("调解", live, 200)["policy"]
    # Rare query (the demo): ts_rank orders the body tier; the repeated word ranks higher.
    assert ranked.index(titled.pk) < ranked.index(older.pk) < ranked.index(newer.pk)
    monkeypatch.setattr(pg_ranking, "COMMON_MATCHES", 3)
    common = ranked_ids("调解", live, 200)["policy"]
    assert sorted(common) == sorted(ranked)  # the same pages, only the order differs
    assert common.index(titled.pk) < common.index(newer.pk) < common.index(older.pk)
    titles = [pk for pk in common if "调解" in PolicyPage.objects.get(pk=pk).title]
    assert common[: len(titles)] == titles  # title matches still first
    assert common[: len(titles)] == ranked[: len(titles)]  # in the same order (shorter first)
