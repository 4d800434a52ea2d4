"""Validation of Chinese identifiers: identity numbers, credit codes, phones, division codes.

Pure Python so that the CLI, the Excel import, the GUI (validating as the user types) and the
database layer all share one rule set. Every failure is an `IdentifierError` whose `.message` is
one Chinese sentence a street-office clerk can act on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from yichao.models.errors import IdentifierError

__all__ = [
    "IdentifierError", "CreditCodeParts",
    "normalize_id_number", "id_check_char", "validate_id_number", "id_birth_date", "id_gender",
    "mask_id_number", "make_id_number",
    "normalize_credit_code", "credit_check_char", "validate_credit_code", "credit_code_parts",
    "make_credit_code", "validate_phone", "validate_division_code",
]


# Full-width ASCII (！..～) and the ideographic space come from Chinese input methods; zero-width
# characters come from copying out of web pages and Excel. All are invisible to a clerk.
_WIDTH_TABLE = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
_UPPER = str.maketrans("abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
# Excel shows a long number as 3.70102199001011E+17; the digits after the 15th are gone for good.
# A real credit code may hold "E" between digits (5E00...), so ask for Excel's "." or "E+" form.
_EXCEL_FLOAT = re.compile(r"[+-]?\d+(\.\d*E[+-]?\d+|E[+-]\d+)")
_EXCEL_HINT = "已被 Excel 转成科学计数法，丢失了末尾数字，请将该列设为文本后重新录入。"
_EXCEL_ZEROS = "末3位为000且校验不通过，可能已被 Excel 转成数字而丢失末尾数字，请将该列设为文本后重新录入。"


def _basic_normalize(text: str) -> str:
    """Full-width to ASCII, drop whitespace and invisible characters, ASCII upper-case.

    Deliberately not NFKC: this narrower mapping is idempotent and never turns a stray symbol
    into something that looks like a digit.
    """
    text = str(text).translate(_WIDTH_TABLE).translate(_INVISIBLE)
    return "".join(text.split()).translate(_UPPER)


# ---------------------------------------------------------------- GB 11643-1999 identity number

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def normalize_id_number(text: str) -> str:
    """Canonical form of a typed or pasted identity number (no validation)."""
    return _basic_normalize(text)


def id_check_char(first17: str) -> str:
    """ISO 7064 MOD 11-2 check character over the first 17 digits."""
    if len(first17) != 17 or not all(c in "0123456789" for c in first17):
        raise ValueError("id_check_char needs exactly 17 ASCII digits")
    return _ID_CHECK[sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS)) % 11]


def validate_id_number(text: str, *, today: date | None = None) -> str:
    """The normalised number, or IdentifierError naming the first thing wrong."""
    number = normalize_id_number(text)
    if not number:
        raise IdentifierError("请填写身份证号码。")
    if _EXCEL_FLOAT.fullmatch(number):
        raise IdentifierError("身份证号码" + _EXCEL_HINT)
    if len(number) != 18:
        raise IdentifierError(f"身份证号码应为18位，现为{len(number)}位。")
    for pos, char in enumerate(number[:17], start=1):
        if char not in "0123456789":
            raise IdentifierError(f"身份证号码第{pos}位应为数字，现为 “{char}”。")
    if number[17] not in "0123456789X":
        raise IdentifierError(f"身份证号码第18位应为数字或 X，现为 “{number[17]}”。")
    raw = number[6:14]
    try:
        birth = date(int(raw[:4]), int(raw[4:6]), int(raw[6:]))
    except ValueError:
        raise IdentifierError(f"身份证号码中的出生日期 {raw} 不是有效日期。") from None
    if birth.year < 1900:
        raise IdentifierError(f"身份证号码中的出生日期 {raw} 早于1900年。")
    if birth > (today or date.today()):
        raise IdentifierError(f"身份证号码中的出生日期 {raw} 晚于今天。")
    expected = id_check_char(number[:17])
    if number[17] != expected:
        if number.endswith("000"):
            raise IdentifierError("身份证号码" + _EXCEL_ZEROS)
        raise IdentifierError(f"身份证号码第18位校验码应为 {expected}，现为 {number[17]}。")
    return number


def id_birth_date(number: str) -> date:
    """Birth date encoded in a valid identity number."""
    raw = validate_id_number(number)[6:14]
    return date(int(raw[:4]), int(raw[4:6]), int(raw[6:]))


def id_gender(number: str) -> str:
    """"male" when the 17th digit (sequence) is odd, else "female"."""
    return "male" if int(validate_id_number(number)[16]) % 2 else "female"


def mask_id_number(number: str) -> str:
    """370102********123X; a malformed value reveals fewer characters, never more.

    With d characters missing, a revealed prefix of k may reach original position k + d, so it
    is cut to 6 - d; a suffix is cut likewise so that no birth-date digit (positions 7-14) of
    the intended number can show, wherever the typo happened.
    """
    s = normalize_id_number(number)
    n = len(s)
    head = max(0, min(6, n - 12))
    tail = max(0, min(4, n - 14))
    return s[:head] + "*" * (n - head - tail) + s[n - tail:] if n else ""


def make_id_number(division: str, birth: date, seq: int) -> str:
    """A valid identity number (demo data and tests)."""
    if len(division) != 6 or not division.isascii() or not division.isdigit():
        raise ValueError("division must be 6 ASCII digits")
    if not 0 <= seq <= 999 or not 1900 <= birth.year <= 9999:
        raise ValueError("seq must be 0..999 and birth year 1900..9999")
    first17 = f"{division}{birth:%Y%m%d}{seq:03d}"
    return first17 + id_check_char(first17)


# ---------------------------------------------------------------- GB 32100-2015 credit code

CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_AUTHORITIES: dict[str, tuple[str, dict[str, str]]] = {
    "1": ("机构编制", {"1": "机关", "2": "事业单位", "3": "群众团体", "9": "其他"}),
    "2": ("外交", {"1": "外国常驻新闻机构", "9": "其他"}),
    "3": ("司法行政", {"1": "律师执业机构", "2": "公证处", "3": "基层法律服务所",
                   "4": "司法鉴定机构", "5": "仲裁委员会", "9": "其他"}),
    "4": ("文化", {"1": "外国在华文化中心", "9": "其他"}),
    "5": ("民政", {"1": "社会团体", "2": "民办非企业单位（社会服务机构）", "3": "基金会",
                 "9": "其他"}),
    "6": ("旅游", {"1": "外国旅游部门常驻代表机构", "2": "港澳台地区旅游部门常驻内地（大陆）代表机构",
                 "9": "其他"}),
    "7": ("宗教", {"1": "宗教活动场所", "2": "宗教院校", "9": "其他"}),
    "8": ("工会", {"1": "基层工会", "9": "其他"}),
    "9": ("市场监管（工商）", {"1": "企业", "2": "个体工商户", "3": "农民专业合作社"}),
    "A": ("中央军委改革和编制办公室", {"1": "军队事业单位", "9": "其他"}),
    "N": ("农业", {"1": "组级集体经济组织", "2": "村级集体经济组织", "3": "乡镇级集体经济组织",
                 "9": "其他"}),
    "Y": ("其他", {"1": "其他"}),
}


@dataclass(frozen=True)
class CreditCodeParts:
    """The five fields of a credit code, with Chinese labels where the standard defines them."""

    authority: str
    category: str
    division: str
    org_code: str
    check: str
    authority_label: str | None = None
    category_label: str | None = None


def normalize_credit_code(text: str) -> str:
    """Canonical form of a typed or pasted credit code (no validation)."""
    return _basic_normalize(text)


def credit_check_char(first17: str) -> str:
    """GB 32100 check character: (31 - weighted sum mod 31) mod 31, through the alphabet."""
    if len(first17) != 17 or not all(c in CREDIT_ALPHABET for c in first17):
        raise ValueError("credit_check_char needs 17 characters of the credit-code alphabet")
    total = sum(CREDIT_ALPHABET.index(c) * w for c, w in zip(first17, _CREDIT_WEIGHTS))
    return CREDIT_ALPHABET[(31 - total % 31) % 31]


def validate_credit_code(text: str, allow_bad_check: bool = False) -> str:
    """The normalised code, or IdentifierError; `allow_bad_check` admits early codes whose
    check character fails, still enforcing length, alphabet and division code."""
    code = normalize_credit_code(text)
    if not code:
        raise IdentifierError("请填写统一社会信用代码。")
    if _EXCEL_FLOAT.fullmatch(code):
        raise IdentifierError("统一社会信用代码" + _EXCEL_HINT)
    if len(code) != 18:
        raise IdentifierError(f"统一社会信用代码应为18位，现为{len(code)}位。")
    for pos, char in enumerate(code, start=1):
        if char not in CREDIT_ALPHABET:
            raise IdentifierError(f"统一社会信用代码第{pos}位含有不允许的字符 “{char}”。")
    if not code[2:8].isdigit():
        raise IdentifierError("统一社会信用代码第3–8位应为6位数字的行政区划代码。")
    expected = credit_check_char(code[:17])
    if code[17] != expected and not allow_bad_check:
        if code.isdigit() and code.endswith("000"):
            raise IdentifierError("统一社会信用代码" + _EXCEL_ZEROS)
        raise IdentifierError(f"统一社会信用代码第18位校验码应为 {expected}，现为 {code[17]}。")
    return code


def credit_code_parts(code: str) -> CreditCodeParts:
    """Split a structurally valid code (a failing check character is tolerated)."""
    code = validate_credit_code(code, allow_bad_check=True)
    auth_label, categories = _AUTHORITIES.get(code[0], (None, {}))
    return CreditCodeParts(code[0], code[1], code[2:8], code[8:17], code[17],
                           auth_label, categories.get(code[1]))


def _org_code_check(org8: str) -> str:
    """GB 11714 check character of an organization code (letters A=10 .. Z=35)."""
    total = sum(int(c, 36) * w for c, w in zip(org8, (3, 7, 9, 10, 5, 8, 4, 2)))
    return {10: "X", 11: "0"}.get(11 - total % 11, str(11 - total % 11))


def make_credit_code(authority: str, category: str, division: str, org_code8: str) -> str:
    """A valid credit code (demo data and tests); the 9th org-code character follows GB 11714,
    a 9-character org code is taken as given."""
    parts = authority + category + division + org_code8
    if (len(authority) != 1 or len(category) != 1 or len(division) != 6
            or not division.isdigit() or len(org_code8) not in (8, 9)
            or not all(c in CREDIT_ALPHABET for c in parts)):
        raise ValueError("bad credit-code parts")
    first17 = parts + (_org_code_check(org_code8) if len(org_code8) == 8 else "")
    return first17 + credit_check_char(first17)


# ---------------------------------------------------------------- phones and division codes

_DASHES = str.maketrans({c: "-" for c in "‐‑‒–—―−﹣"} | {"转": "-", "(": "", ")": ""})
_PHONE_GENERIC = "联系电话应为11位手机号或带区号的固话号码，现为{n}位数字。"


def validate_phone(text: str) -> str:
    """Mobile as 11 digits, landline as 0531-86012345[-ext]; else IdentifierError."""
    s = _basic_normalize(text).translate(_DASHES)
    if not s:
        raise IdentifierError("请填写联系电话。")
    if _EXCEL_FLOAT.fullmatch(s):
        raise IdentifierError("联系电话" + _EXCEL_HINT)
    s = re.sub(r"^(\+86|0086)-?", "", s)
    for char in s:
        if char not in "0123456789-":
            raise IdentifierError(f"联系电话中含有不允许的字符 “{char}”。")
    parts = s.split("-")
    if any(not p for p in parts):
        raise IdentifierError("联系电话中的“-”位置不对。")
    digits = "".join(parts)
    if digits.startswith("1") and len(digits) == 11:
        if digits[1] not in "3456789":
            raise IdentifierError(f"手机号码第2位应为3–9，现为 {digits[1]}。")
        return digits
    if not digits.startswith("0") or len(parts) > 3:
        raise IdentifierError(_PHONE_GENERIC.format(n=len(digits)))
    if len(parts) >= 2 and len(parts[0]) in (3, 4):
        area, local, ext = parts[0], parts[1], parts[2:]
    elif len(parts) <= 2:
        # no separator after the area code: 010 and 02X are the only 3-digit area codes
        cut = 3 if parts[0][1:2] in ("1", "2") else 4
        area, local, ext = parts[0][:cut], parts[0][cut:], parts[1:]
        if not 7 <= len(local) <= 8:
            raise IdentifierError(_PHONE_GENERIC.format(n=len(digits)))
    else:
        raise IdentifierError(_PHONE_GENERIC.format(n=len(digits)))
    if (len(area) == 3) != (area[1] in "12"):
        raise IdentifierError(f"固话区号 {area} 不正确。")
    if not 7 <= len(local) <= 8:
        raise IdentifierError(f"固话号码（不含区号）应为7–8位数字，现为{len(local)}位。")
    if ext and len(ext[0]) > 6:
        raise IdentifierError("分机号应为1–6位数字。")
    return "-".join([area, local, *ext])


def validate_division_code(text: str) -> str:
    """6 digits (county/district), 9 (street/township) or 12 (community)."""
    code = _basic_normalize(text)
    if len(code) not in (6, 9, 12) or not code.isascii() or not code.isdigit():
        raise IdentifierError("行政区划代码应为6位、9位或12位数字。")
    return code
