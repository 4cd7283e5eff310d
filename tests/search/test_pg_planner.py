"""PostgreSQL: the ranking statement is planned with sequential scans off, and the
setting is back to what it was as soon as the ranking has run (inside the caller's
transaction too), so no other statement of the request is planned differently."""

import contextlib

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


def test_a_search_leaves_the_setting_alone_and_ranks_as_before(demo_site, monkeypatch):
    querysets = {
        "policy": PolicyPage.objects.live().public(),
        "guidance": GuidancePage.objects.live().public(),
    }
    with transaction.atomic():
        planned = ranked_ids("调解", querysets, 20)
        assert seqscan() == "on"
    monkeypatch.setattr(pg_planner, "index_scans", lambda *using: contextlib.nullcontext())
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
