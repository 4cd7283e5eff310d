"""Each case records the version of the privacy notice the applicant agreed to: the live
/privacy/ page's, as editors set it (ADR 0039), else the built-in one."""

import pytest

from cases.privacy import PRIVACY_NOTICE_VERSION
from cases.services.submission import submit

from .factories import application

pytestmark = pytest.mark.usefixtures("demo_site")


def test_a_case_records_the_live_notice_version():
    from home.models import PrivacyNoticePage

    notice = PrivacyNoticePage.objects.live().get()
    case, _created = submit(application())
    assert case.privacy_notice_version == notice.version == PRIVACY_NOTICE_VERSION

    notice.version = "2026-2"
    notice.save_revision().publish()
    case, _created = submit(application())
    assert case.privacy_notice_version == "2026-2"

    notice.unpublish()
    case, _created = submit(application())
    assert case.privacy_notice_version == PRIVACY_NOTICE_VERSION
