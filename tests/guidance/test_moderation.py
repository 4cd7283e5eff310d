"""Moderation: groups, permissions and the review workflow that load_demo sets up."""

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page, Workflow

from directory.models import Agency
from guidance.demo.moderation import EDITORS, REVIEWERS, WORKFLOW
from guidance.models import PolicyIndexPage, PolicyPage

pytestmark = pytest.mark.django_db


def draft_policy(user):
    index = PolicyIndexPage.objects.get()
    page = PolicyPage(
        title="待审核的政策文件", body="<p>关于调解员持证上岗的要求。</p>", live=False
    )
    page.issuers = list(Agency.objects.filter(code="hrss-city"))
    index.add_child(instance=page)
    page.save_revision(user=user)
    return page


def test_groups_workflow_and_demo_users_exist(demo_site):
    workflow = Workflow.objects.get(name=WORKFLOW)
    for slug in ["policies", "notices", "guidance"]:
        assert Page.objects.get(slug=slug).get_workflow() == workflow
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == [REVIEWERS]
    User = get_user_model()
    editor, reviewer = User.objects.get(username="editor"), User.objects.get(username="reviewer")
    assert editor.groups.get().name == EDITORS and reviewer.groups.get().name == REVIEWERS
    assert editor.has_perm("wagtailadmin.access_admin") and not editor.is_superuser


def test_editor_can_edit_but_not_publish_reviewer_can_publish(demo_site):
    User = get_user_model()
    editor, reviewer = User.objects.get(username="editor"), User.objects.get(username="reviewer")
    index = PolicyIndexPage.objects.get()
    editor_perms = index.permissions_for_user(editor)
    assert editor_perms.can_add_subpage() and editor_perms.can_edit()
    assert not editor_perms.can_publish() and not editor_perms.can_publish_subpage()
    assert index.permissions_for_user(reviewer).can_publish_subpage()
    # Editors have no say outside the publishing sections.
    assert not Page.objects.get(slug="apply").permissions_for_user(editor).can_edit()


def test_submit_approve_publishes(client, demo_site):
    User = get_user_model()
    editor, reviewer = User.objects.get(username="editor"), User.objects.get(username="reviewer")
    page = draft_policy(editor)
    workflow = page.get_workflow()
    state = workflow.start(page, editor)
    assert state.status == "in_progress" and not PolicyPage.objects.get(pk=page.pk).live
    task_state = state.current_task_state
    assert task_state.task.specific.user_can_access_editor(page, reviewer)
    assert not task_state.task.specific.get_actions(page, editor)
    task_state.task.specific.on_action(task_state, reviewer, "approve")
    page.refresh_from_db()
    assert page.live
    assert client.get(page.url).status_code == 200


def test_reviewer_can_reject(demo_site):
    User = get_user_model()
    editor, reviewer = User.objects.get(username="editor"), User.objects.get(username="reviewer")
    page = draft_policy(editor)
    state = page.get_workflow().start(page, editor)
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, reviewer, "reject")
    state.refresh_from_db()
    page.refresh_from_db()
    assert state.status == "needs_changes" and not page.live


def test_scheduled_publishing(client, demo_site):
    admin = get_user_model().objects.get(username="admin")
    page = draft_policy(admin)
    page.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    page.save_revision(user=admin).publish()
    page.refresh_from_db()
    assert not page.live
    assert client.get(page.url).status_code == 404
    with pytest.MonkeyPatch.context() as patch:
        later = timezone.now() + datetime.timedelta(hours=2)
        patch.setattr(timezone, "now", lambda: later)
        call_command("publish_scheduled", stdout=io.StringIO())
    page.refresh_from_db()
    assert page.live


def test_groups_are_not_duplicated_by_a_second_run(demo_site):
    call_command("load_demo", stdout=io.StringIO())
    assert Group.objects.filter(name__in=[EDITORS, REVIEWERS]).count() == 2
    assert Workflow.objects.filter(name=WORKFLOW).count() == 1
