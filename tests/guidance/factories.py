"""Fast creation of many published policy pages for query-count tests and benchmarks.

Creating thousands of pages through `add_child` and revisions takes minutes; these rows
are what Wagtail itself would store for a live page (tree path, url_path, content type),
written in bulk. Search indexing is left to the caller (`backend.add_bulk`).
"""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import Page

from guidance.choices import Topic, Validity
from guidance.models import PolicyPage

TOPICS = list(Topic.values)
VALIDITIES = [Validity.IN_FORCE, Validity.IN_FORCE, Validity.AMENDED, Validity.REPEALED]


def bulk_policies(index, count, issuers, body="<p>劳动争议调解工作的政策文件。</p>"):
    index = Page.objects.get(pk=index.pk)
    content_type = ContentType.objects.get_for_model(PolicyPage)
    start = index.numchild
    now = timezone.now()
    pages = []
    for number in range(start + 1, start + count + 1):
        slug = f"bulk-policy-{number}"
        title = f"关于劳动人事争议调解工作的第{number}号示例文件"
        pages.append(
            Page(
                path=Page._get_path(index.path, index.depth + 1, number),
                depth=index.depth + 1,
                numchild=0,
                title=title,
                draft_title=title,
                slug=slug,
                url_path=f"{index.url_path}{slug}/",
                content_type=content_type,
                live=True,
                has_unpublished_changes=False,
                first_published_at=now,
                last_published_at=now,
                locale_id=index.locale_id,
            )
        )
    Page.objects.bulk_create(pages, batch_size=500)
    pages = Page.objects.filter(path__startswith=index.path, depth=index.depth + 1).filter(
        slug__startswith="bulk-policy-", pk__gt=0
    )
    through = PolicyPage.issuers.through
    links, policies = [], []
    for page in pages.filter(numchild=0).exclude(pk__in=PolicyPage.objects.values("pk")):
        number = int(page.slug.rsplit("-", 1)[1])
        day = datetime.date(2015, 1, 1) + datetime.timedelta(days=number % 3650)
        policies.append(
            PolicyPage(
                page_ptr_id=page.pk,
                document_number=f"随人社函〔{day.year}〕{number}号",
                date_published=day,
                validity=VALIDITIES[number % len(VALIDITIES)],
                topic=TOPICS[number % len(TOPICS)],
                summary=f"示例文件{number}的摘要：调解、仲裁与工会工作。",
                body=body,
            )
        )
        for agency in (issuers[number % len(issuers)], issuers[(number + 1) % len(issuers)]):
            links.append(through(policypage_id=page.pk, agency_id=agency.pk))
    # Only the policy table's own rows (the page rows exist): what bulk_create does for
    # a model without parents. Django refuses bulk_create on multi-table inheritance.
    local_fields = PolicyPage._meta.local_concrete_fields
    for start_row in range(0, len(policies), 500):
        PolicyPage.objects._insert(policies[start_row : start_row + 500], local_fields, raw=True)
    through.objects.bulk_create(links, ignore_conflicts=True)
    Page.objects.filter(pk=index.pk).update(numchild=start + count)
    return list(PolicyPage.objects.filter(pk__in=[policy.page_ptr_id for policy in policies]))
