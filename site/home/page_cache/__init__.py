"""The anonymous full-page cache (ADR 0030).

Public pages (Wagtail pages, the directory, search results) are stored in the shared cache
after their first anonymous render and answered from it, without a database query, until
content changes. `keys` decides what may be cached and under which key, `middleware`
serves and stores, `invalidation` forgets everything when content changes (a generation
counter in the shared cache, so every worker and process sees it at once).
"""
