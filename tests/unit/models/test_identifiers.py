"""Identity numbers, credit codes, phones and division codes: known values, every message, properties."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from yichao.models.identifiers import (
    CREDIT_ALPHABET,
    CreditCodeParts,
    IdentifierError,
    credit_check_char,
    credit_code_parts,
    id_birth_date,
    id_check_char,
    id_gender,
    make_credit_code,
    make_id_number,
    mask_id_number,
    normalize_credit_code,
    normalize_id_number,
    validate_credit_code,
    validate_division_code,
    validate_id_number,
    validate_phone,
)

VALID_ID = "11010519491231002X"  # checked by hand: weighted sum 167, 167 % 11 = 2 -> X
VALID_CODE = "91350100M000100Y43"  # a published business-licence code


def message_of(func, *args, **kwargs) -> str:
    with pytest.raises(IdentifierError) as info:
        func(*args, **kwargs)
    assert isinstance(info.value, ValueError)
    return info.value.message


def reference_id_check(first17: str) -> str:
    """ISO 7064 MOD 11-2 in its recursive form, independent of the weight table."""
    r = 0
    for c in first17:
        r = (r + int(c)) * 2 % 11
    return "0123456789X"[(12 - r) % 11]


def reference_credit_check(first17: str) -> str:
    """GB 32100 with weights derived as 3**i mod 31 rather than copied."""
    total = sum(CREDIT_ALPHABET.index(c) * pow(3, i, 31) for i, c in enumerate(first17))
    return CREDIT_ALPHABET[-total % 31]


# ---------------------------------------------------------------- identity numbers

@pytest.mark.parametrize("number", [VALID_ID, "370102199001011231", "510104200002290011"])
def test_known_valid_id_numbers(number: str) -> None:
    assert validate_id_number(number) == number


def test_id_fields() -> None:
    assert id_birth_date(VALID_ID) == date(1949, 12, 31)
    assert id_gender(VALID_ID) == "female"
    assert id_gender("370102199001011231") == "male"
    assert id_check_char("37010219900101123") == "1"


def test_id_normalisation() -> None:
    assert normalize_id_number(" 110105 19491231 002x ") == VALID_ID
    assert validate_id_number("１１０１０５１９４９１２３１００２ｘ") == VALID_ID
    assert validate_id_number("\u200b11010519491231002X\u3000") == VALID_ID


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "请填写身份证号码。"),
        ("370102900101123", "身份证号码应为18位，现为15位。"),
        ("3.70102199001011E+17", "身份证号码已被 Excel 转成科学计数法，丢失了末尾数字，请将该列设为文本后重新录入。"),
        ("3.70102199001011e+17", "身份证号码已被 Excel 转成科学计数法，丢失了末尾数字，请将该列设为文本后重新录入。"),
        ("37010219900101A231", "身份证号码第15位应为数字，现为 “A”。"),
        ("37010219900101123Y", "身份证号码第18位应为数字或 X，现为 “Y”。"),
        ("370102202613451231", "身份证号码中的出生日期 20261345 不是有效日期。"),
        ("370102199002301231", "身份证号码中的出生日期 19900230 不是有效日期。"),
        ("440524188001010014", "身份证号码中的出生日期 18800101 早于1900年。"),
        ("370102999912311231", "身份证号码中的出生日期 99991231 晚于今天。"),
        ("110105194912310023", "身份证号码第18位校验码应为 X，现为 3。"),
        (
            "370102199001011000",
            "身份证号码末3位为000且校验不通过，可能已被 Excel 转成数字而丢失末尾数字，请将该列设为文本后重新录入。",
        ),
    ],
)
def test_id_messages(text: str, message: str) -> None:
    assert message_of(validate_id_number, text) == message


def test_id_future_uses_today() -> None:
    number = make_id_number("370102", date(2024, 5, 1), 123)
    assert validate_id_number(number, today=date(2024, 5, 1)) == number
    assert "晚于今天" in message_of(validate_id_number, number, today=date(2024, 4, 30))


def test_mask() -> None:
    assert mask_id_number("37010219900101123x") == "370102********123X"
    assert mask_id_number("") == ""
    assert mask_id_number("370102") == "******"
    assert mask_id_number("37010219900101123") == "37010*********123"  # one digit missing


def test_make_id_number_rejects_bad_parts() -> None:
    for args in [("37010", date(1990, 1, 1), 1), ("370102", date(1990, 1, 1), 1000),
                 ("370102", date(1899, 12, 31), 1)]:
        with pytest.raises(ValueError):
            make_id_number(*args)
    with pytest.raises(ValueError):
        id_check_char("1234")


divisions = st.text("0123456789", min_size=6, max_size=6)
births = st.dates(min_value=date(1900, 1, 1), max_value=date.today())
id_numbers = st.builds(make_id_number, divisions, births, st.integers(0, 999))


@given(id_numbers)
def test_made_id_numbers_validate(number: str) -> None:
    assert validate_id_number(number) == number
    assert number[17] == reference_id_check(number[:17])
    assert id_birth_date(number).strftime("%Y%m%d") == number[6:14]


@given(id_numbers, st.integers(0, 17), st.sampled_from("0123456789X"))
def test_any_single_change_breaks_id(number: str, pos: int, char: str) -> None:
    changed = number[:pos] + char + number[pos + 1:]
    if changed != number:
        with pytest.raises(IdentifierError):
            validate_id_number(changed)


@given(st.text())
def test_id_normalise_idempotent(text: str) -> None:
    once = normalize_id_number(text)
    assert normalize_id_number(once) == once


@given(id_numbers)
def test_mask_hides_birth_date(number: str) -> None:
    masked = mask_id_number(number)
    assert masked[6:14] == "********"
    assert masked[:6] == number[:6] and masked[14:] == number[14:]


@given(id_numbers, st.integers(0, 17), st.integers(1, 4))
def test_mask_of_shortened_number_leaks_no_birth_digit(number: str, pos: int, cut: int) -> None:
    # delete `cut` characters at `pos`; remember where every kept character came from
    origin = [i for i in range(18) if not pos <= i < pos + cut]
    masked = mask_id_number("".join(number[i] for i in origin))
    revealed = [origin[i] for i, c in enumerate(masked) if c != "*"]
    assert not any(6 <= i < 14 for i in revealed)
    assert len(revealed) <= 10


@given(st.text(max_size=40))
def test_mask_never_shows_more_than_ten(text: str) -> None:
    masked = mask_id_number(text)
    assert sum(c != "*" for c in masked) <= 10


# ---------------------------------------------------------------- credit codes

def test_known_valid_credit_code() -> None:
    assert validate_credit_code(" 91350100m000100y43 ") == VALID_CODE
    assert validate_credit_code("９１３５０１００Ｍ０００１００Ｙ４３") == VALID_CODE
    assert credit_check_char(VALID_CODE[:17]) == "3"
    # GB 11714 check of org code M000100Y is 4, as in the published code
    assert make_credit_code("9", "1", "350100", "M000100Y") == VALID_CODE


def test_credit_code_parts() -> None:
    assert credit_code_parts(VALID_CODE) == CreditCodeParts(
        "9", "1", "350100", "M000100Y4", "3", "市场监管（工商）", "企业")
    social = make_credit_code("5", "1", "370102", "MJD00001")
    assert social == "51370102MJD0000113"
    parts = credit_code_parts(social)
    assert (parts.authority_label, parts.category_label) == ("民政", "社会团体")
    agency = credit_code_parts(make_credit_code("5", "2", "370102", "MJD000021"))
    assert agency.category_label == "民办非企业单位（社会服务机构）"
    assert agency.org_code == "MJD000021"
    assert credit_code_parts(make_credit_code("5", "3", "370102", "MJD00003")).category_label == "基金会"
    unknown = credit_code_parts(make_credit_code("B", "7", "370102", "MJD00003"))
    assert (unknown.authority_label, unknown.category_label) == (None, None)


EXCEL_CODE = "统一社会信用代码已被 Excel 转成科学计数法，丢失了末尾数字，请将该列设为文本后重新录入。"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "请填写统一社会信用代码。"),
        ("91350100M000100Y4", "统一社会信用代码应为18位，现为17位。"),
        ("9.13701E+17", EXCEL_CODE),
        ("9137I1021234567000", "统一社会信用代码第5位含有不允许的字符 “I”。"),
        ("91350100M0001O0Y43", "统一社会信用代码第14位含有不允许的字符 “O”。"),
        ("9135A100M000100Y43", "统一社会信用代码第3–8位应为6位数字的行政区划代码。"),
        ("91350100M000100Y4Y", "统一社会信用代码第18位校验码应为 3，现为 Y。"),
        (
            "913701021234567000",
            "统一社会信用代码末3位为000且校验不通过，可能已被 Excel 转成数字而丢失末尾数字，"
            "请将该列设为文本后重新录入。",
        ),
    ],
)
def test_credit_messages(text: str, message: str) -> None:
    assert message_of(validate_credit_code, text) == message


def test_allow_bad_check() -> None:
    assert validate_credit_code("91350100M000100Y4Y", allow_bad_check=True) == "91350100M000100Y4Y"
    assert "17位" in message_of(validate_credit_code, "91350100M000100Y4", allow_bad_check=True)
    assert "“I”" in message_of(validate_credit_code, "9137I1021234567000", allow_bad_check=True)
    assert "行政区划" in message_of(validate_credit_code, "9135A100M000100Y43", allow_bad_check=True)


def test_make_credit_code_rejects_bad_parts() -> None:
    for args in [("95", "1", "370102", "12345678"), ("5", "1", "37010", "12345678"),
                 ("5", "1", "370102", "1234567"), ("5", "1", "370102", "1234567O")]:
        with pytest.raises(ValueError):
            make_credit_code(*args)


alphabet = st.sampled_from(CREDIT_ALPHABET)
credit_codes = st.builds(make_credit_code, alphabet, alphabet, divisions,
                         st.text(CREDIT_ALPHABET, min_size=8, max_size=9))


@given(credit_codes)
def test_made_credit_codes_validate(code: str) -> None:
    assert validate_credit_code(code) == code
    assert code[17] == reference_credit_check(code[:17])


@given(credit_codes, st.integers(0, 17), alphabet)
def test_any_single_change_breaks_credit_code(code: str, pos: int, char: str) -> None:
    changed = code[:pos] + char + code[pos + 1:]
    if changed != code:
        with pytest.raises(IdentifierError):
            validate_credit_code(changed)


@given(st.text())
def test_credit_normalise_idempotent(text: str) -> None:
    once = normalize_credit_code(text)
    assert normalize_credit_code(once) == once


# ---------------------------------------------------------------- phones and divisions

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("138 0013 8000", "13800138000"), ("１３８００１３８０００", "13800138000"),
        ("+86 13800138000", "13800138000"), ("0531-86012345", "0531-86012345"),
        ("053186012345", "0531-86012345"), ("01012345678", "010-12345678"),
        ("0531—86012345-123", "0531-86012345-123"), ("0531-86012345转123", "0531-86012345-123"),
        ("（0531）8601234", "0531-8601234"), ("053186012345-8", "0531-86012345-8"),
    ],
)
def test_valid_phones(text: str, expected: str) -> None:
    assert validate_phone(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "请填写联系电话。"),
        ("0", "联系电话应为11位手机号或带区号的固话号码，现为1位数字。"),
        ("1380013800", "联系电话应为11位手机号或带区号的固话号码，现为10位数字。"),
        ("86012345", "联系电话应为11位手机号或带区号的固话号码，现为8位数字。"),
        ("0531860123", "联系电话应为11位手机号或带区号的固话号码，现为10位数字。"),
        ("0531-8601-2345-1", "联系电话应为11位手机号或带区号的固话号码，现为13位数字。"),
        ("12800138000", "手机号码第2位应为3–9，现为 2。"),
        ("1.38001E+10", "联系电话已被 Excel 转成科学计数法，丢失了末尾数字，请将该列设为文本后重新录入。"),
        ("0531-8601234a", "联系电话中含有不允许的字符 “A”。"),
        ("0531--86012345", "联系电话中的“-”位置不对。"),
        ("053-12345678", "固话区号 053 不正确。"),
        ("0531-123456", "固话号码（不含区号）应为7–8位数字，现为6位。"),
        ("0531-86012345-1234567", "分机号应为1–6位数字。"),
    ],
)
def test_phone_messages(text: str, message: str) -> None:
    assert message_of(validate_phone, text) == message


@pytest.mark.parametrize("text", ["370102", "370102001", "370102001002", " ３７０１０２ "])
def test_valid_division_codes(text: str) -> None:
    assert validate_division_code(text) == text.strip().translate({0xFF10 + i: 0x30 + i for i in range(10)})


@pytest.mark.parametrize("text", ["", "37010", "3701020", "37010200100A", "３７０１０２٣"])
def test_bad_division_codes(text: str) -> None:
    assert message_of(validate_division_code, text) == "行政区划代码应为6位、9位或12位数字。"


@given(st.one_of(st.text(max_size=30), st.text("0123456789-+ 转()Xx", max_size=25)))
def test_validators_only_raise_identifier_errors(text: str) -> None:
    for validate in (validate_id_number, validate_credit_code, validate_phone, validate_division_code):
        try:
            validate(text)
        except IdentifierError as error:
            assert error.message.endswith("。")


def test_a_code_with_e_between_digits_is_not_mistaken_for_excel_notation():
    """Found by hypothesis: 5E... is a legal start (authority 5, category E)."""
    code = "5E000004000000000" + credit_check_char("5E000004000000000")
    assert validate_credit_code(code) == code
    with pytest.raises(IdentifierError, match="科学计数法"):
        validate_credit_code("9.13701E+17")
