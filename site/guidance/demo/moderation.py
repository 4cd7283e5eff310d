"""Moderation: the 编辑 (editors) and 审核 (reviewers) groups, their permissions on the
publishing sections, the review workflow on those sections, and one demo user of each.

Editors draft and submit for review; reviewers approve (which publishes) or request
changes. Demo users get the password in DEMO_PASSWORD, or a random one printed once and
kept in var/demo-moderation-credentials.txt (mode 0600).
"""

import os
import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from home.demo.admin_user import credentials_file

from ..models import GuidanceIndexPage, NoticeIndexPage, PolicyIndexPage

EDITORS = "编辑"
REVIEWERS = "审核"
WORKFLOW = "政策文件、通知公告、办事指南发布审核"
TASK = "审核员审核"
PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page"],
    REVIEWERS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
COLLECTION_PERMISSIONS = [
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
]
DEMO_USERS = [("editor", "示例编辑", EDITORS), ("reviewer", "示例审核员", REVIEWERS)]


def _sections():
    return [
        PolicyIndexPage.objects.get(),
        NoticeIndexPage.objects.get(),
        GuidanceIndexPage.objects.get(),
    ]


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _groups(changes):
    groups = {}
    access_admin = _permission("wagtailadmin", "access_admin")
    # A flushed database (transactional tests) lacks Wagtail's root collection.
    root_collection = Collection.get_first_root_node() or Collection.add_root(name="Root")
    for name, codenames in PAGE_PERMISSIONS.items():
        group, created = Group.objects.get_or_create(name=name)
        groups[name] = group
        if not created:
            continue
        group.permissions.add(access_admin)
        for page in _sections():
            for codename in codenames:
                GroupPagePermission.objects.create(
                    group=group, page=page, permission=_permission("wagtailcore", codename)
                )
        for app_label, codename in COLLECTION_PERMISSIONS:
            GroupCollectionPermission.objects.create(
                group=group,
                collection=root_collection,
                permission=_permission(app_label, codename),
            )
        changes.append(f"group {name}")
    return groups


def _workflow(groups, changes):
    if Workflow.objects.filter(name=WORKFLOW).exists():
        return
    workflow = Workflow.objects.create(name=WORKFLOW, active=True)
    task = GroupApprovalTask.objects.create(name=TASK)
    task.groups.set([groups[REVIEWERS]])
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    for page in _sections():
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    changes.append(f"workflow {WORKFLOW}")


def _users(groups, stdout, changes):
    User = get_user_model()
    password = os.environ.get("DEMO_PASSWORD", "").strip()
    for username, first_name, group_name in DEMO_USERS:
        if User.objects.filter(username=username).exists():
            continue
        user_password = password or secrets.token_urlsafe(12)
        user = User.objects.create_user(
            username=username,
            email=f"{username}@example.invalid",
            password=user_password,
            first_name=first_name,
        )
        user.groups.add(groups[group_name])
        if not password:
            _remember(username, user_password)
            stdout.write(f"Demo {group_name} login: {username} / {user_password}")
        changes.append(f"demo user {username} ({group_name})")


def _remember(username, password):
    path = credentials_file().with_name("demo-moderation-credentials.txt")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    with os.fdopen(fd, "a", encoding="utf-8") as handle:
        handle.write(f"username: {username}\npassword: {password}\n")
    path.chmod(0o600)


def load(stdout):
    changes = []
    groups = _groups(changes)
    _workflow(groups, changes)
    _users(groups, stdout, changes)
    return changes
