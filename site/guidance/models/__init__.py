from .guidance import GuidanceIndexPage, GuidancePage
from .notices import NoticeIndexPage, NoticePage
from .policies import PolicyAttachment, PolicyIndexPage, PolicyPage, RelatedPolicy

__all__ = [
    "GuidanceIndexPage",
    "GuidancePage",
    "NoticeIndexPage",
    "NoticePage",
    "PolicyAttachment",
    "PolicyIndexPage",
    "PolicyPage",
    "RelatedPolicy",
]
