"""Vietnam's time zone, and dated validity periods (units, legal grounds, rules, rates)."""
from __future__ import annotations

import datetime as dt

VN = dt.timezone(dt.timedelta(hours=7))


def in_period(day: dt.date, valid_from: dt.date | None, valid_to: dt.date | None) -> bool:
    """True when `day` lies in [valid_from, valid_to]; an open end is unbounded."""
    return (valid_from is None or valid_from <= day) and (valid_to is None or day <= valid_to)


def now_vn() -> dt.datetime:
    return dt.datetime.now(VN)
