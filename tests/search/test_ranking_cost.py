"""The site search's ranking on the current database (CI: both): candidates per type, the
exact fallback when too few candidates pass their queryset, the title tier's order, and
the process setting that keeps Python's full garbage collections off the request path."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from guidance.models import GuidancePage, PolicyIndexPage, PolicyPage
from search import candidates
from search.ranking import ranked_ids

pytestmark = pytest.mark.django_db


def publish_policy(title, body="<p>正文。</p>"):
    from directory.models import Agency

    page = PolicyPage(title=title, body=body)
    page.issuers = list(Agency.objects.filter(code="hrss-city"))
    PolicyIndexPage.objects.get().add_child(instance=page)
    page.save_revision().publish()
    return page


def test_the_best_live_matches_even_when_the_best_candidates_are_unpublished(
    demo_site, monkeypatch
):
    everything = ranked_ids("调解", {"guidance": GuidancePage.objects.all()}, 10)["guidance"]
    assert len(everything) >= 4
    # One candidate per type (limit 1, factor 1): the best two are unpublished, so no
    # candidate passes the live filter and the type is ranked again, exactly.
    monkeypatch.setattr(candidates, "CANDIDATE_FACTOR", 1)
    for pk in everything[:2]:
        GuidancePage.objects.get(pk=pk).unpublish()
    live = {"guidance": GuidancePage.objects.live()}
    assert ranked_ids("调解", live, 1)["guidance"] == [everything[2]]
    assert ranked_ids("调解", live, 2)["guidance"] == everything[2:4]


def test_candidates_cover_every_type_in_rank_order(demo_site):
    querysets = {
        "policy": PolicyPage.objects.live().public(),
        "guidance": GuidancePage.objects.live().public(),
    }
    full = ranked_ids("调解", querysets, 50)
    for limit in (1, 2, 3):
        assert ranked_ids("调解", querysets, limit) == {
            key: pks[:limit] for key, pks in full.items()
        }


def test_title_matches_first_and_shorter_titles_first(demo_site):
    long_title = publish_policy("关于进一步做好全市劳动人事争议调解仲裁衔接工作有关事项的通知")
    short_title = publish_policy("调解工作规则")
    body_only = publish_policy("工作规则（测试）", body="<p>本规则适用于调解工作。" * 5 + "</p>")
    ranked = ranked_ids("调解", {"policy": PolicyPage.objects.live()}, 50)["policy"]
    assert ranked.index(short_title.pk) < ranked.index(long_title.pk) < ranked.index(body_only.pk)


def test_the_admins_autocomplete_lists_title_matches_first_and_shorter_titles_first(
    demo_site,
):
    long_title = publish_policy("关于进一步做好全市劳动人事争议调解仲裁衔接工作有关事项的通知")
    short_title = publish_policy("调解工作规则")
    body_only = publish_policy("工作规则（测试）", body="<p>本规则适用于调解工作。" * 5 + "</p>")
    ranked = [page.pk for page in PolicyPage.objects.autocomplete("调解")]
    assert ranked.index(short_title.pk) < ranked.index(long_title.pk) < ranked.index(body_only.pk)


def test_a_full_title_tier_leaves_out_the_bodies_only_while_it_is_full(demo_site):
    """A type with at least `depth` title matches needs no body match to fill its best
    `limit` (PostgreSQL then skips reading bodies); with room left, body matches follow."""
    titled = [publish_policy(f"区块链存证规则{n}") for n in range(3)]
    in_body = publish_policy("存证规则（测试）", body="<p>本规则适用于区块链存证。</p>")
    live = {"policy": PolicyPage.objects.live()}
    assert ranked_ids("区块链", live, 1)["policy"] in ([page.pk] for page in titled)
    assert set(ranked_ids("区块链", live, 3)["policy"]) == {page.pk for page in titled}
    ranked = ranked_ids("区块链", live, 10)["policy"]
    assert set(ranked[:3]) == {page.pk for page in titled} and ranked[3:] == [in_body.pk]


FREEZE_PROBE = """
import gc, runpy, sys
import django
django.setup()
from search.segmentation import tokenizer
if sys.argv[1] == "hook":
    runpy.run_path("gunicorn.conf.py")["post_worker_init"](None)
else:
    tokenizer()
print(gc.get_freeze_count())
"""


@pytest.mark.parametrize(("how", "frozen"), [("hook", True), ("first use", False)])
def test_only_the_servers_start_up_freezes_the_dictionary(how, frozen):
    """gunicorn's post_worker_init loads jieba's dictionary and keeps it (with Django and
    Wagtail) out of full garbage collections; using the module elsewhere freezes nothing."""
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", FREEZE_PROBE, "hook" if how == "hook" else "use"],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root / "site")},
        capture_output=True,
        text=True,
        check=True,
    )
    count = int(result.stdout.strip().splitlines()[-1])
    assert (count > 100_000) if frozen else (count == 0)
