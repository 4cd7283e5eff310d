"""Case references: short, unguessable, free of look-alike characters, with a check character.

Format `SZ-XXXX-XXXX-C` (14 characters): 8 random characters from a 29-character alphabet
(no 0/O, 1/I/L, U or Z/2 pairs), then a check character: a position-weighted sum modulo 29.
29 is prime and every weight is below it, so any single wrong character and any swap of
two neighbouring characters is caught. 29^8 ≈ 5·10^11 references cannot be found by counting.
"""

import re
import secrets

ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXY"
PREFIX = "SZ"
BODY_LENGTH = 8
_INDEX = {char: index for index, char in enumerate(ALPHABET)}
_SHAPE = re.compile(rf"^{PREFIX}[{ALPHABET}]{{{BODY_LENGTH + 1}}}$")


def check_character(body: str) -> str:
    total = sum((position + 1) * _INDEX[char] for position, char in enumerate(body))
    return ALPHABET[total % len(ALPHABET)]


def generate() -> str:
    body = "".join(secrets.choice(ALPHABET) for _ in range(BODY_LENGTH))
    return format_reference(body + check_character(body))


def format_reference(compact: str) -> str:
    """`ABCDEFGHC` -> `SZ-ABCD-EFGH-C`."""
    return f"{PREFIX}-{compact[:4]}-{compact[4:8]}-{compact[8:]}"


def normalize(value: str) -> str | None:
    """What a person typed (any case, spaces, dashes) as a stored reference, or None when
    it cannot be one of ours (wrong shape or a failed check character)."""
    text = re.sub(r"[\s\-—_－]", "", (value or "").upper())
    if not _SHAPE.match(text):
        return None
    body, check = text[len(PREFIX) : -1], text[-1]
    if check_character(body) != check:
        return None
    return format_reference(body + check)
