import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st
from stdnum import exceptions as stdnum_errors
from stdnum.cn import ric, uscc

from cases import validators
from tests.applications.factories import credit_code, resident_id


# The standard example of GB 11643-1999 and examples from stdnum's documentation.
@pytest.mark.parametrize(
    "number", ["11010519491231002X", "360426199101010071", "110105194912310029"[:17] + "X"]
)
def test_standard_resident_id_examples(number):
    if number[-1] != ric.calc_check_digit(number):
        pytest.skip("not a valid example")
    assert validators.resident_id(number) == number


def test_lower_case_x_spaces_are_accepted_and_normalized():
    assert validators.resident_id(" 110105 19491231 002x ") == "11010519491231002X"


def test_area_code_newer_than_birth_year_is_accepted_even_though_stdnum_refuses():
    # 421303 (Suizhou, Zengdu district) was created long after 1950: stdnum's birth-place
    # check refuses such numbers, but late registrations legitimately carry them.
    number = resident_id(area="421303", birth="19500101")
    with pytest.raises(stdnum_errors.InvalidComponent):
        ric.validate(number)
    assert validators.resident_id(number) == number


def test_unknown_area_code_is_not_refused():
    number = resident_id(area="999999", birth="19900101")
    assert validators.resident_id(number) == number


@pytest.mark.parametrize(
    ("number", "code"),
    [
        ("11010519491231002", "length"),
        ("11010519491231002XX", "length"),
        ("1101051949123100AX", "format"),
        ("110105194912310021", "checksum"),
    ],
)
def test_bad_resident_ids_are_refused_with_a_reason(number, code):
    with pytest.raises(ValidationError) as error:
        validators.resident_id(number)
    assert error.value.code == code


@pytest.mark.parametrize("birth", ["19990230", "19991301", "20991231", "18500101"])
def test_impossible_birth_dates_are_refused(birth):
    with pytest.raises(ValidationError) as error:
        validators.resident_id(resident_id(birth=birth))
    assert error.value.code == "birth_date"
    assert "出生日期" in error.value.messages[0]


@given(
    birth=st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2020, 12, 31)),
    area=st.integers(min_value=110000, max_value=820000),
    sequence=st.integers(min_value=0, max_value=999),
)
def test_every_well_formed_resident_id_is_accepted(birth, area, sequence):
    number = resident_id(area=str(area), birth=birth.strftime("%Y%m%d"), sequence=f"{sequence:03d}")
    assert validators.resident_id(number.lower()) == number


@given(
    birth=st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2020, 12, 31)),
    position=st.integers(min_value=0, max_value=16),
    delta=st.integers(min_value=1, max_value=9),
)
def test_any_single_wrong_digit_is_caught(birth, position, delta):
    number = resident_id(birth=birth.strftime("%Y%m%d"))
    digit = (int(number[position]) + delta) % 10
    typo = number[:position] + str(digit) + number[position + 1 :]
    with pytest.raises(ValidationError):
        validators.resident_id(typo)


@pytest.mark.parametrize("code", ["91110000600037341L", "91420000MA4KL0XN4N"[:17] + "0"])
def test_credit_code_examples(code):
    if not uscc.is_valid(code):
        code = credit_code(code[:17])
    assert validators.credit_code(code.lower()) == code


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        ("9111000060003734", "length"),
        ("91110000600037341M", "checksum"),
        ("9111000060003734IL", "format"),
    ],
)
def test_bad_credit_codes_are_refused(code, reason):
    with pytest.raises(ValidationError) as error:
        validators.credit_code(code)
    assert error.value.code == reason


@given(body=st.text(alphabet="0123456789ABCDEFGHJKLMNPQRTUWXY", min_size=9, max_size=9))
def test_every_well_formed_credit_code_is_accepted(body):
    code = credit_code("91421300" + body)
    assert validators.credit_code(code) == code


@pytest.mark.parametrize(
    "typed",
    [
        "13800000001",
        "+86 138 0000 0001",
        "138-0000-0001",
        "0086 13800000001",
        "86-138-0000-0001",
        "(138)00000001",
    ],
)
def test_mobile_numbers_are_normalized(typed):
    assert validators.mobile(typed) == "13800000001"


@pytest.mark.parametrize(
    "typed", ["1380000000", "138000000012", "12800000001", "0722-1234567", "abc"]
)
def test_bad_mobile_numbers_are_refused(typed):
    with pytest.raises(ValidationError):
        validators.mobile(typed)


@pytest.mark.parametrize(
    ("typed", "value"), [("12000", "12000.00"), ("1,200.5", "1200.50"), ("0", "0.00")]
)
def test_amounts(typed, value):
    assert validators.amount(typed) == Decimal(value)


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("-1", "negative"),
        ("12.345", "decimals"),
        ("1e12", "too_large"),
        ("abc", "invalid"),
        ("NaN", "invalid"),
    ],
)
def test_bad_amounts(typed, code):
    with pytest.raises(ValidationError) as error:
        validators.amount(typed)
    assert error.value.code == code


def test_employment_end_before_start_is_refused():
    with pytest.raises(ValidationError) as error:
        validators.employment_dates(datetime.date(2024, 5, 1), datetime.date(2024, 4, 30))
    assert "employment_end" in error.value.message_dict


def test_employment_start_in_future_is_refused():
    with pytest.raises(ValidationError) as error:
        validators.employment_dates(timezone.localdate() + datetime.timedelta(days=3), None)
    assert "employment_start" in error.value.message_dict


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"%PDF-1.7\n", ("application/pdf", "pdf")),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", ("image/jpeg", "jpg")),
        (b"\x89PNG\r\n\x1a\n\x00", ("image/png", "png")),
        (b"MZ\x90\x00\x03", None),
        (b"GIF89a", None),
        (b"<html>", None),
    ],
)
def test_evidence_type_is_judged_by_content(head, expected):
    assert validators.sniff_evidence_type(head) == expected


def test_a_decompression_bomb_is_refused_from_its_header():
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.applications.images import bomb_png, photo

    bomb = SimpleUploadedFile("bomb.png", bomb_png(), content_type="image/png")
    with pytest.raises(ValidationError) as error:
        validators.evidence_file(bomb)
    assert error.value.code == "too_many_pixels"
    normal = SimpleUploadedFile("photo.jpg", photo(kind="JPEG"), content_type="image/jpeg")
    assert validators.evidence_file(normal) == ("image/jpeg", "jpg")
