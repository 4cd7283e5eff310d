import re

from hypothesis import given
from hypothesis import strategies as st

from cases import references

BODY = st.text(alphabet=references.ALPHABET, min_size=8, max_size=8)


def test_shape_length_and_alphabet():
    for _ in range(200):
        reference = references.generate()
        assert len(reference) <= 20
        assert re.fullmatch(r"SZ-[2-9A-Y]{4}-[2-9A-Y]{4}-[2-9A-Y]", reference)
        assert not set(reference[3:]) & set("01ILOUZ")
        assert references.normalize(reference) == reference


def test_references_are_random_not_sequential():
    generated = {references.generate() for _ in range(1000)}
    assert len(generated) == 1000


def test_typing_variants_are_accepted():
    reference = references.generate()
    assert references.normalize(reference.lower().replace("-", " ")) == reference
    assert references.normalize(reference.replace("-", "")) == reference


@given(
    body=BODY,
    position=st.integers(min_value=0, max_value=8),
    shift=st.integers(min_value=1, max_value=28),
)
def test_any_single_wrong_character_is_caught(body, position, shift):
    compact = body + references.check_character(body)
    index = references.ALPHABET.index(compact[position])
    wrong = references.ALPHABET[(index + shift) % len(references.ALPHABET)]
    typo = compact[:position] + wrong + compact[position + 1 :]
    assert references.normalize("SZ" + typo) is None


@given(body=BODY, position=st.integers(min_value=0, max_value=7))
def test_any_swap_of_neighbours_is_caught(body, position):
    compact = body + references.check_character(body)
    if compact[position] == compact[position + 1]:
        return
    swapped = (
        compact[:position] + compact[position + 1] + compact[position] + compact[position + 2 :]
    )
    assert references.normalize("SZ" + swapped) is None


def test_foreign_shapes_are_refused():
    for text in ["", "SZ-1234-5678-9", "AB-ABCD-EFGH-J", "SZ-ABCD-EFGH", "SZ-ABCD-EFGH-JK"]:
        assert references.normalize(text) is None
