"""The searchable text of a StreamField, read from its stored JSON.

Wagtail's `get_searchable_content()` works on block values, so asking it for a result's
text first converts the whole stream to Python (`bulk_to_python`), which fetches every page,
document and snippet the blocks choose: about a third of the search page's time for ten
results. Only text, rich text and choice blocks contribute searchable text, and those need
no conversion, so this walks the raw data with the block definitions and returns the same
strings in the same order (tests/search/test_stream_text.py compares the two).
"""

from django.utils.encoding import force_str
from wagtail import blocks
from wagtail.rich_text import get_text_for_indexing

_AS_IS = (blocks.CharBlock, blocks.TextBlock)


def stream_text(stream) -> list[str]:
    """The searchable strings of a StreamValue, without converting its blocks."""
    return raw_content(stream.stream_block, list(stream.raw_data))


def raw_content(block, raw) -> list[str]:
    if not getattr(block, "search_index", True) or raw is None:
        return []
    if isinstance(block, blocks.StreamBlock):
        content = []
        for item in raw:
            child = block.child_blocks.get(item.get("type"))
            if child is not None:
                content += raw_content(child, item.get("value"))
        return content
    if isinstance(block, blocks.StructBlock):
        content = []
        for name, child in block.child_blocks.items():
            value = raw.get(name) if isinstance(raw, dict) else None
            if value is None:
                content += child.get_searchable_content(child.get_default())
            else:
                content += raw_content(child, value)
        return content
    if isinstance(block, blocks.ListBlock):
        content = []
        for item in raw:
            value = item["value"] if isinstance(item, dict) and item.get("type") == "item" else item
            content += raw_content(block.child_block, value)
        return content
    if isinstance(block, blocks.RichTextBlock):
        return [get_text_for_indexing(force_str(raw))]
    if isinstance(block, _AS_IS):
        return [force_str(raw)]
    if type(block).get_searchable_content is blocks.Block.get_searchable_content:
        return []  # choosers, dates, numbers, URLs...: no searchable text
    # Any other block with text of its own (choices, custom blocks): its own answer.
    return block.get_searchable_content(block.to_python(raw))
