"""Times typed by people: a strict parser and the unambiguous way to show a time back.

Accepted (after Unicode NFKC, so full-width digits and colons from a CJK input method count):

- a time of day: ``10:20``, ``10:20:00``, ``9:05`` (on the default date: the date shown);
- a date and a time: ``2021-10-04 10:20``, ``2021-10-04 10:20:00``, ``2021/10/04 10:20``,
  ``2021-10-04T10:20:00.5`` (the year first: day-first dates are refused, they are ambiguous);
- any of those followed by a zone: ``Z``, ``UTC``, an offset (``+08:00``, ``+0800``, ``+08``,
  ``UTC+8``) or an IANA name (``Asia/Tokyo``), which may itself be followed by the offset in
  brackets, as `format_time_shown` writes it: ``2021-10-04 10:20:00 Asia/Taipei (UTC+8)``.

Without a zone the time is read in the zone given (the panel's). Every field is read as typed:
nothing rolls over (``10:60`` is refused, not 11:00), no digit moves to another field, a local
time that does not exist (skipped by a daylight-saving change) or exists twice is refused with
the way to say it. Errors are `TimeInputError`, whose ``reason`` and ``params`` let the window
say it in the user's language; ``str()`` is the English message.

>>> from datetime import date
>>> parse_time_input("10:20", "Asia/Taipei", date(2021, 10, 4)).isoformat()
'2021-10-04T02:20:00+00:00'
>>> format_time_shown(parse_time_input("2021-10-04T10:20Z", "Asia/Taipei"), "Asia/Taipei")
'2021-10-04 18:20:00 Asia/Taipei (UTC+8)'
"""

from __future__ import annotations

import functools
import re
import unicodedata
import zoneinfo
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from typing import Final

from viewer.core.timeline import LOCAL_ZONE, offset_words, zone_info

EXAMPLES: Final = "10:20, 10:20:00, 2021-10-04 10:20, 2021-10-04T10:20Z, 2021-10-04 10:20 +08:00"

_DATE = r"(?P<y>\d{4})(?P<sep>[-/])(?P<mo>\d{1,2})(?P=sep)(?P<d>\d{1,2})"
_TIME = r"(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2})(?:[.,](?P<frac>\d{1,6}))?)?"
_OFFSET = r"(?P<osign>[+-])(?P<oh>\d{1,2})(?::?(?P<om>\d{2}))?"
_NAME = r"(?P<name>[a-z][a-z0-9_+\-]*(?:/[a-z0-9_+\-]+)+|local)"
_SHOWN = r"\(\s*(?:UTC|GMT)\s*(?:(?P<bsign>[+-])(?P<bh>\d{1,2})(?::?(?P<bm>\d{2}))?)?\s*\)"
_ZONE = (
    rf"(?P<z>Z)|(?:(?P<utc>UTC|GMT)\s*(?:{_OFFSET})?)|(?:{_OFFSET.replace('?P<o', '?P<p')})"
    rf"|(?:{_NAME}(?:\s*{_SHOWN})?)"
)
_FULL = re.compile(rf"^(?:{_DATE}(?:\s+|T))?{_TIME}(?:\s*(?:{_ZONE}))?$", re.IGNORECASE)
_DAY_FIRST = re.compile(r"^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b")
_DATE_ONLY = re.compile(rf"^{_DATE}$")


class TimeInputError(ValueError):
    """Text that is not a time this parser takes. ``reason`` is one of the keys of `MESSAGES`,
    ``params`` fills its placeholders."""

    def __init__(self, reason: str, **params: str) -> None:
        self.reason = reason
        self.params = params
        super().__init__(MESSAGES[reason].format(**params))


# The English messages; the window translates them by ``reason`` (same placeholders).
MESSAGES: Final = {
    "empty": "Type a time, e.g. {examples}",
    "not_a_time": "{text!r} is not a time: write it as {examples}",
    "day_first": "{text!r}: write the date year first (2021-10-04), a day-first date is ambiguous",
    "date_only": "{text!r} has no time of day: add it, e.g. {text} 10:20",
    "no_date": "{text!r} has no date: write it as 2021-10-04 {text}",
    "bad_field": "{text!r}: {field} {value} is out of range ({allowed})",
    "bad_date": "{text!r}: {value} is not a date of the calendar",
    "bad_offset": "{text!r}: the offset {value} is not a UTC offset (from -14:00 to +14:00)",
    "unknown_zone": "{text!r}: {value} is not a time zone known here (e.g. Asia/Taipei, UTC)",
    "offset_mismatch": "{text!r}: {zone} is {actual} on that date, not {typed}",
    "gap": "{text!r}: {time} does not exist in {zone} (the clocks skip it): type the offset",
    "fold": "{text!r}: {time} happens twice in {zone}: add the offset, e.g. {time} {offsets}",
}


def _offset(sign: str, hours: str, minutes: str | None, text: str) -> timedelta:
    h, m = int(hours), int(minutes or 0)
    value = f"{sign}{hours}" + (f":{minutes}" if minutes else "")
    if h > 14 or m > 59 or (h == 14 and m):
        raise TimeInputError("bad_offset", text=text, value=value)
    delta = timedelta(hours=h, minutes=m)
    return -delta if sign == "-" else delta


@functools.cache
def _zone_names() -> dict[str, str]:
    return {name.lower(): name for name in zoneinfo.available_timezones()}


def _canonical_zone(name: str) -> str:
    """``asia/taipei`` -> ``Asia/Taipei`` (names are matched whatever their case)."""
    return _zone_names().get(name.lower(), name)


def format_time_shown(value: datetime, tz: str) -> str:
    """A time as the entry shows it back: local date and time in ``tz``, the zone's name and
    its UTC offset then, e.g. ``2021-10-04 10:20:00 Asia/Taipei (UTC+8)`` (``… UTC`` for UTC).
    Fractions of a second are shown only when there are some. `parse_time_input` reads it back.
    """
    if value.tzinfo is None:
        raise ValueError(f"time {value} has no time zone")
    if tz == "UTC":
        local = value.astimezone(UTC)
        return _clock(local) + " UTC"
    local = value.astimezone(zone_info(tz))
    return f"{_clock(local)} {tz} ({offset_words(local.utcoffset())})"


def _clock(local: datetime) -> str:
    text = local.strftime("%Y-%m-%d %H:%M:%S")
    if local.microsecond:
        text += f".{local.microsecond:06d}".rstrip("0")
    return text


def parse_time_input(text: str, tz: str, default_date: date | None = None) -> datetime:
    """``text`` as a UTC `datetime`; a time without a zone is in ``tz`` (an IANA name, "UTC" or
    "local"), a time without a date is on ``default_date`` (the local date in ``tz``).

    Raises `TimeInputError` saying what is wrong and how to write it."""
    raw = text
    text = " ".join(unicodedata.normalize("NFKC", text).split())
    shown = raw.strip()
    if not text:
        raise TimeInputError("empty", examples=EXAMPLES)
    m = _FULL.match(text)
    if m is None:
        if _DAY_FIRST.match(text):
            raise TimeInputError("day_first", text=shown)
        if _DATE_ONLY.match(text):
            raise TimeInputError("date_only", text=shown)
        raise TimeInputError("not_a_time", text=shown, examples=EXAMPLES)
    g = m.groupdict()
    hour, minute, second = int(g["h"]), int(g["mi"]), int(g["s"] or 0)
    micro = int((g["frac"] or "").ljust(6, "0") or 0)
    for field, value, top in (("hour", hour, 23), ("minute", minute, 59), ("second", second, 59)):
        if value > top:
            raise TimeInputError(
                "bad_field", text=shown, field=field, value=str(value), allowed=f"0 to {top}"
            )
    # The zone: typed (Z, UTC, an offset, a name) or the panel's.
    fixed: timedelta | None = None
    name = tz
    if g["z"]:
        fixed = timedelta(0)
    elif g["utc"]:
        fixed = _offset(g["osign"], g["oh"], g["om"], shown) if g["osign"] else timedelta(0)
    elif g["psign"]:
        fixed = _offset(g["psign"], g["ph"], g["pm"], shown)
    elif g["name"]:
        name = LOCAL_ZONE if g["name"].lower() == LOCAL_ZONE else _canonical_zone(g["name"])
    try:
        zone: tzinfo = timezone(fixed) if fixed is not None else zone_info(name)
    except ValueError:
        raise TimeInputError("unknown_zone", text=shown, value=name) from None
    # The date: typed, or the default (the date shown).
    if g["y"]:
        try:
            day = date(int(g["y"]), int(g["mo"]), int(g["d"]))
        except ValueError:
            raise TimeInputError(
                "bad_date", text=shown, value=f"{g['y']}-{g['mo']}-{g['d']}"
            ) from None
    elif default_date is not None:
        day = default_date
    else:
        raise TimeInputError("no_date", text=shown)
    naive = datetime(day.year, day.month, day.day, hour, minute, second, micro)
    if fixed is not None:
        return naive.replace(tzinfo=zone).astimezone(UTC)
    first, second_ = naive.replace(tzinfo=zone, fold=0), naive.replace(tzinfo=zone, fold=1)
    candidates = [first] if first.utcoffset() == second_.utcoffset() else [first, second_]
    # a wall time the clocks skip maps back to another wall time
    real = [
        c for c in candidates if c.astimezone(UTC).astimezone(zone).replace(tzinfo=None) == naive
    ]
    clock = naive.strftime("%Y-%m-%d %H:%M:%S")
    if not real:
        raise TimeInputError("gap", text=shown, time=clock, zone=name)
    if g["bh"] is not None or (g["name"] and "(" in text):  # "(UTC+8)" as shown: must agree
        typed = _offset(g["bsign"], g["bh"], g["bm"], shown) if g["bsign"] else timedelta(0)
        agreeing = [c for c in real if c.utcoffset() == typed]
        if not agreeing:
            raise TimeInputError(
                "offset_mismatch",
                text=shown,
                zone=name,
                actual=" / ".join(offset_words(c.utcoffset()) for c in real),
                typed=offset_words(typed),
            )
        real = agreeing
    if len(real) > 1:
        offsets = " / ".join(_iso_offset(c.utcoffset()) for c in real)
        raise TimeInputError("fold", text=shown, time=clock, zone=name, offsets=offsets)
    return real[0].astimezone(UTC)


def _iso_offset(offset: timedelta | None) -> str:
    minutes = round((offset or timedelta()).total_seconds() / 60)
    sign = "+" if minutes >= 0 else "-"
    h, m = divmod(abs(minutes), 60)
    return f"{sign}{h:02d}:{m:02d}"


__all__ = [
    "EXAMPLES",
    "MESSAGES",
    "TimeInputError",
    "format_time_shown",
    "parse_time_input",
]
