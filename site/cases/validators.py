"""Validation of identity numbers, phone numbers, amounts and evidence files.

Each validator takes what a person typed and returns the normalized value, or raises
`ValidationError` with a Chinese message (English msgids, translated in the catalogue).
"""

import datetime
import re
import warnings
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from PIL import Image
from stdnum import exceptions as stdnum_errors
from stdnum.cn import ric, uscc

MAX_EVIDENCE_BYTES = 10 * 1024 * 1024
MAX_EVIDENCE_FILES = 5
# Images are judged by their header before any pixel is decoded (ADR 0040): a 40-megapixel
# phone photo passes, a small file claiming 50,000 x 50,000 pixels (a decompression bomb,
# gigabytes once decoded by whoever opens it) does not.
MAX_EVIDENCE_PIXELS = 40_000_000
MAX_EVIDENCE_IMAGE_SIDE = 10_000
MAX_AMOUNT = Decimal("100000000")  # 1亿元: anything above is a typing error


def resident_id(value: str) -> str:
    """A resident ID number (GB 11643): 18 characters, a real birth date, the check character.

    python-stdnum's `cn.ric.validate` also refuses a number whose area code did not exist in
    the birth year; late registrations legitimately carry the area code of their registration
    year, so we check length, digits, check character and birth date with stdnum's own
    functions and deliberately skip the birth-place lookup.
    """
    number = re.sub(r"[\s\-]", "", value or "").upper()
    if len(number) != 18:
        raise ValidationError(_("A resident ID number has 18 characters."), code="length")
    if not number[:17].isdigit() or not (number[17].isdigit() or number[17] == "X"):
        raise ValidationError(
            _("A resident ID number has 17 digits followed by a digit or X."), code="format"
        )
    if number[-1] != ric.calc_check_digit(number):
        raise ValidationError(
            _("This resident ID number is not valid: please check each digit."), code="checksum"
        )
    try:
        birth = ric.get_birth_date(number)
    except stdnum_errors.ValidationError:
        raise ValidationError(
            _("The birth date in this resident ID number does not exist."), code="birth_date"
        ) from None
    if birth > timezone.localdate() or birth.year < 1900:
        raise ValidationError(
            _("The birth date in this resident ID number is not possible."), code="birth_date"
        )
    return number


def credit_code(value: str) -> str:
    """A unified social credit code (GB 32100): character set and check character."""
    number = re.sub(r"[\s\-]", "", value or "").upper()
    try:
        return uscc.validate(number)
    except stdnum_errors.InvalidLength:
        raise ValidationError(
            _("A unified social credit code has 18 characters."), code="length"
        ) from None
    except stdnum_errors.InvalidChecksum:
        raise ValidationError(
            _("This unified social credit code is not valid: please check each character."),
            code="checksum",
        ) from None
    except stdnum_errors.ValidationError:
        raise ValidationError(
            _("A unified social credit code uses digits and capital letters except I, O, S, V, Z."),
            code="format",
        ) from None


_MOBILE = re.compile(r"^1[3-9]\d{9}$")


def mobile(value: str) -> str:
    """A mainland mobile number; +86, spaces, dashes and brackets are accepted and removed."""
    digits = re.sub(r"[\s\-()（）]", "", value or "")
    for prefix in ("+86", "0086", "86"):
        if digits.startswith(prefix) and len(digits) == 11 + len(prefix):
            digits = digits[len(prefix) :]
            break
    if not digits.isdigit() or len(digits) != 11:
        raise ValidationError(
            _("Enter an 11-digit mobile number, e.g. 138 0000 0000."), code="length"
        )
    if not _MOBILE.match(digits):
        raise ValidationError(_("A mobile number starts with 13 to 19."), code="format")
    return digits


_LANDLINE_SEPARATORS = re.compile(r"[\s\-()（）—]")
_EXTENSION = re.compile(r"(?:转|ext\.?|x|#)\s*(\d{1,6})$", re.IGNORECASE)


def landline(value: str) -> str:
    """A fixed-line number with its area code (0722-3456789, (0722)3456789, 07223456789,
    010-12345678; an extension after 转, ext or #). Normalized as 0722-3456789[-123]. Area
    codes are 010 and 02x (three digits) or four digits starting with 0; the local number
    has 7 or 8 digits and does not start with 0 or 1."""
    text = (value or "").strip()
    extension = ""
    found = _EXTENSION.search(text)
    if found:
        extension, text = found.group(1), text[: found.start()]
    digits = _LANDLINE_SEPARATORS.sub("", text)
    if not digits.isdigit():
        raise ValidationError(
            _("A landline has only digits, e.g. 0722-3456789."), code="landline_format"
        )
    if not digits.startswith("0"):
        raise ValidationError(
            _("Add the area code before the number, e.g. 0722 for Suizhou."),
            code="landline_area_code",
        )
    area_length = 3 if digits[1] in "12" else 4
    area, local = digits[:area_length], digits[area_length:]
    if len(local) not in (7, 8) or local[0] in "01":
        raise ValidationError(
            _("Enter a landline with its area code, e.g. 0722-3456789."),
            code="landline_length",
        )
    return f"{area}-{local}" + (f"-{extension}" if extension else "")


def phone_number(value: str) -> str:
    """A mobile number or a landline with its area code, normalized as either."""
    try:
        return mobile(value)
    except ValidationError:
        pass
    try:
        return landline(value)
    except ValidationError:
        raise ValidationError(
            _("Enter a mobile number or a landline with its area code, e.g. 0722-3456789."),
            code="phone",
        ) from None


def amount(value) -> Decimal:
    """An amount in yuan: not negative, at most 2 decimals, below an absurd ceiling."""
    text = str(value).strip().replace(",", "").replace("，", "")
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise ValidationError(
            _("Enter the amount as a number, e.g. 12000.50."), code="invalid"
        ) from None
    if not number.is_finite():
        raise ValidationError(_("Enter the amount as a number, e.g. 12000.50."), code="invalid")
    if number < 0:
        raise ValidationError(_("The amount cannot be negative."), code="negative")
    if number.as_tuple().exponent < -2:
        raise ValidationError(_("The amount can have at most 2 decimal places."), code="decimals")
    if number > MAX_AMOUNT:
        raise ValidationError(_("The amount is too large: please check it."), code="too_large")
    return number.quantize(Decimal("0.01"))


def employment_dates(start: datetime.date | None, end: datetime.date | None) -> None:
    today = timezone.localdate()
    errors = {}
    if start and start > today:
        errors["employment_start"] = _("The start date cannot be in the future.")
    if start and start.year < 1950:
        errors["employment_start"] = _("Please check the year of the start date.")
    latest_end = today + datetime.timedelta(days=366)  # a notice period may end next year
    if end and (end.year < 1950 or end > latest_end):
        errors["employment_end"] = _("Please check the year of the end date.")
    elif start and end and end < start:
        errors["employment_end"] = _("The end date must be on or after the start date.")
    if errors:
        raise ValidationError(errors)


# Evidence files: the type comes from the first bytes, never from the name or the browser.
_SIGNATURES = [
    (b"%PDF-", "application/pdf", "pdf"),
    (b"\xff\xd8\xff", "image/jpeg", "jpg"),
    (b"\x89PNG\r\n\x1a\n", "image/png", "png"),
]


def sniff_evidence_type(head: bytes) -> tuple[str, str] | None:
    """(content type, extension) for a PDF, JPEG or PNG, judged by content; else None."""
    for signature, content_type, extension in _SIGNATURES:
        if head.startswith(signature):
            return content_type, extension
    return None


def evidence_file(upload) -> tuple[str, str]:
    """Check one uploaded file; returns (content type, extension) detected from its bytes."""
    if upload.size > MAX_EVIDENCE_BYTES:
        raise ValidationError(
            _("Each file can be at most 10 MB. Please make it smaller or take a clearer photo."),
            code="too_large",
        )
    if upload.size == 0:
        raise ValidationError(_("This file is empty."), code="empty")
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    detected = sniff_evidence_type(head)
    if detected is None:
        raise ValidationError(_("Only PDF, JPEG and PNG files can be uploaded."), code="file_type")
    if detected[0].startswith("image/"):
        image_dimensions(upload)
    return detected


def image_dimensions(upload) -> tuple[int, int]:
    """The pixel size an image declares in its header, refused when too large. Pillow's
    `Image.open` reads the header only; pixels are never decoded here."""
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as image:
                width, height = image.size
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        width = height = MAX_EVIDENCE_IMAGE_SIDE + 1
    except (OSError, SyntaxError, ValueError):  # UnidentifiedImageError is an OSError
        raise ValidationError(
            _("This image could not be read. Please take the photo again."), code="bad_image"
        ) from None
    finally:
        upload.seek(0)
    too_wide = max(width, height) > MAX_EVIDENCE_IMAGE_SIDE
    if too_wide or width * height > MAX_EVIDENCE_PIXELS:
        raise ValidationError(
            _(
                "This image is too large (at most 10000 pixels per side and 40 megapixels)."
                " Please send a smaller photo."
            ),
            code="too_many_pixels",
        )
    return width, height
