"""Chinese numerals read as numbers, so that 三天 and 3天 match; answers are still shown as written."""

from __future__ import annotations

import re

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
UNITS = {"十": 10, "百": 100, "千": 1000}
LARGE = {"万": 10_000, "亿": 100_000_000}
TENS = {"廿": "二十", "卅": "三十", "卌": "四十"}
"""Single characters for twenty, thirty and forty (廿八岁, 民国廿二年, 五月廿四日)."""
NUMERAL_CHARS = "".join([*DIGITS, *UNITS, *LARGE, *TENS])
"""Every character a Chinese numeral is written with."""
CHINESE_NUMBER = re.compile(f"(?<![{NUMERAL_CHARS}几])[{NUMERAL_CHARS}]+(?![{NUMERAL_CHARS}几])")


def chinese_value(text: str) -> int | None:
    """The value of a Chinese numeral (三 → 3, 十二 → 12, 两百零五 → 205, 三万五千 → 35000, 廿八 → 28), or ``None``
    when it is not one number (两三, a run of digits that names no single value)."""
    total, section, digit, last_unit = 0, 0, None, None
    for char in "".join(TENS.get(char, char) for char in text):
        if char in "零〇" and digit is None and last_unit is not None:
            continue
        if char in DIGITS:
            if digit is not None:
                return None
            digit = DIGITS[char]
        elif char in UNITS:
            unit = UNITS[char]
            if last_unit is not None and unit >= last_unit:
                return None
            section += (1 if digit is None else digit) * unit
            digit, last_unit = None, unit
        elif char in LARGE:
            total = (total + section + (digit or 0)) * LARGE[char]
            section, digit, last_unit = 0, None, None
        else:
            return None
    return total + section + (digit or 0)


def arabic(text: str) -> str:
    """``text`` with each Chinese numeral that names one number written in Arabic digits (for matching only:
    连续三天 → 连续3天); other characters, 几 and ranges such as 两三 are kept."""
    def replace(match: re.Match) -> str:
        value = chinese_value(match.group())
        return match.group() if value is None else str(value)

    return CHINESE_NUMBER.sub(replace, text)
