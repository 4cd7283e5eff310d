import pytest

from search.synonyms import forget_synonyms


@pytest.fixture(autouse=True)
def fresh_synonyms():
    """Synonyms are cached across requests; a test's rolled-back rows must not outlive it."""
    forget_synonyms()
    yield
    forget_synonyms()
