"""Dates as records give them: a year, a year and month, or a day, or — for a source — unknown.

A source often says only 2024年 or 2024年8月, and some say nothing; a placeholder day would be
printed as if it were known. A date is therefore written at the precision the source gives
(``2024``, ``2024-08``, ``2024-08-05``) or, for a source's ``published``, as ``不详``; it is shown
at that precision (2024年, 2024年8月, 2024年8月5日, 日期不详) on the site and in Word. The checks
ask here whether a date is a real one and what an editor probably meant by another form.
"""

from __future__ import annotations

import calendar
import re

UNKNOWN = "不详"
UNKNOWN_TEXT = "日期不详"
DATE = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")
# Forms editors type instead: 2023年5月12日, 2023/5/12, 2023.5.12, 2023年5月, 2023-5-2
OTHER_FORMS = re.compile(
    r"^\s*([0-9]{4})\s*(?:(?:年|[/.\-])\s*([0-9]{1,2})\s*(?:(?:月|[/.\-])\s*(?:([0-9]{1,2})\s*日?)?)?|年)?\s*$"
)


def known(value: str) -> bool:
    """Whether the value is a date, not the word for an unknown one."""
    return value != UNKNOWN


def date_problem(value: str) -> str | None:
    """Why a date of the right form is not a real one (a 13th month, a 30th of February), or None."""
    match = DATE.match(value)
    if match is None:
        return None
    year, month, day = (int(part) if part else None for part in match.groups())
    if month is not None and not 1 <= month <= 12:
        return f"没有{month}月"
    if month is not None and day is not None and not 1 <= day <= calendar.monthrange(year or 1, month)[1]:
        return f"{year}年{month}月没有{day}日"
    return None


def iso_form(value: str) -> str | None:
    """The date an editor meant by 2023年5月12日, 2023/5/12 or 2023年5月, written the catalog's way
    (which may still be no real day: ask ``date_problem``)."""
    match = OTHER_FORMS.match(value)
    if match is None:
        return None
    year, month, day = match.groups()
    return year + (f"-{int(month):02d}" if month else "") + (f"-{int(day):02d}" if month and day else "")


def chinese_date(value: str) -> str:
    """2024-08-05 -> 2024年8月5日, 2024-08 -> 2024年8月, 2024 -> 2024年, 不详 -> 日期不详 (GB/T 9704)."""
    match = DATE.match(value)
    if match is None:
        return UNKNOWN_TEXT
    year, month, day = match.groups()
    return f"{year}年" + (f"{int(month)}月" if month else "") + (f"{int(day)}日" if day else "")


def newest(values: list[str]) -> str:
    """The latest of some dates, unknown ones left out (a year stands before the days in it)."""
    return max(v for v in values if known(v))
