"""Typed times: every accepted form gives the time its digits say, in the zone it says (or the
panel's); anything else is refused with a reason, never reinterpreted."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from viewer.core.time_input import (
    MESSAGES,
    TimeInputError,
    format_time_shown,
    parse_time_input,
)

DAY = date(2021, 10, 4)
TAIPEI = "Asia/Taipei"  # UTC+8 all year since 1979
ZONES = ["Asia/Taipei", "UTC", "Asia/Tokyo", "Europe/London", "America/New_York", "Asia/Kolkata"]


@pytest.mark.parametrize(
    ("text", "utc"),
    [
        ("10:20", "2021-10-04T02:20:00"),
        ("10:20:00", "2021-10-04T02:20:00"),
        ("9:05", "2021-10-04T01:05:00"),
        ("2021-10-04 10:20", "2021-10-04T02:20:00"),
        ("2021-10-04 10:20:00", "2021-10-04T02:20:00"),
        ("2021-10-04 11:45:00", "2021-10-04T03:45:00"),  # the digits as typed (issue 22)
        ("2022-03-05 10:20:00", "2022-03-05T02:20:00"),
        ("2021/10/04 10:20", "2021-10-04T02:20:00"),
        ("2021-10-04T10:20", "2021-10-04T02:20:00"),
        ("2021-10-04T10:20Z", "2021-10-04T10:20:00"),
        ("2021-10-04T10:20:00+08:00", "2021-10-04T02:20:00"),
        ("2021-10-04T10:20:00+0900", "2021-10-04T01:20:00"),
        ("2021-10-04 10:20 -03:30", "2021-10-04T13:50:00"),
        ("2021-10-04 10:20 UTC", "2021-10-04T10:20:00"),
        ("2021-10-04 10:20 UTC+9", "2021-10-04T01:20:00"),
        ("2021-10-04 10:20 Asia/Tokyo", "2021-10-04T01:20:00"),
        ("2021-10-04 10:20 asia/tokyo", "2021-10-04T01:20:00"),
        ("2021-10-04 10:20:00 Asia/Taipei (UTC+8)", "2021-10-04T02:20:00"),  # as shown back
        ("2021-10-04 10:20:00.250Z", "2021-10-04T10:20:00.250000"),
        ("１０：２０", "2021-10-04T02:20:00"),  # full-width, as a CJK input method types it
        ("  10:20  ", "2021-10-04T02:20:00"),
    ],
)
def test_each_accepted_form_gives_the_typed_time(text: str, utc: str) -> None:
    got = parse_time_input(text, TAIPEI, DAY)
    assert got == datetime.fromisoformat(utc).replace(tzinfo=UTC)
    assert got.tzinfo is UTC


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        ("1020", "not_a_time"),
        ("10:2", "not_a_time"),
        ("10.20", "not_a_time"),
        ("half past ten", "not_a_time"),
        ("10:20:00:00", "not_a_time"),
        ("10:60", "bad_field"),
        ("24:00", "bad_field"),
        ("10:20:61", "bad_field"),
        ("04/10/2021 10:20", "day_first"),
        ("4-10-2021 10:20", "day_first"),
        ("2021-10-04", "date_only"),
        ("2021-02-30 10:00", "bad_date"),
        ("2021-13-01 10:00", "bad_date"),
        ("10:20 +15:00", "bad_offset"),
        ("10:20 Mars/Olympus", "unknown_zone"),
        ("10:20 America/Argentina", "unknown_zone"),  # a folder of zones, not a zone
        ("2021-10-04 10:20:00 Asia/Taipei (UTC+9)", "offset_mismatch"),
        ("2021-03-28 01:30 Europe/London", "gap"),  # the clocks go 01:00 -> 02:00
        ("2021-10-31 01:30 Europe/London", "fold"),  # 01:00-02:00 happens twice
    ],
)
def test_what_is_not_a_time_is_refused_with_its_reason(text: str, reason: str) -> None:
    with pytest.raises(TimeInputError) as caught:
        parse_time_input(text, TAIPEI, DAY)
    assert caught.value.reason == reason
    assert str(caught.value) == MESSAGES[reason].format(**caught.value.params)


def test_a_bare_time_needs_a_date_to_stand_on() -> None:
    with pytest.raises(TimeInputError, match="has no date"):
        parse_time_input("10:20", TAIPEI)


def test_the_offset_shown_settles_a_time_that_happens_twice() -> None:
    first = parse_time_input("2021-10-31 01:30:00 Europe/London (UTC+1)", TAIPEI)
    second = parse_time_input("2021-10-31 01:30:00 Europe/London (UTC)", TAIPEI)
    assert second - first == timedelta(hours=1)
    assert first == datetime(2021, 10, 31, 0, 30, tzinfo=UTC)


def test_shown_back_with_the_zone_and_its_offset() -> None:
    t = datetime(2021, 10, 4, 2, 20, tzinfo=UTC)
    assert format_time_shown(t, TAIPEI) == "2021-10-04 10:20:00 Asia/Taipei (UTC+8)"
    assert format_time_shown(t, "UTC") == "2021-10-04 02:20:00 UTC"
    assert format_time_shown(t, "Asia/Kolkata") == "2021-10-04 07:50:00 Asia/Kolkata (UTC+5:30)"
    assert format_time_shown(t.replace(microsecond=250000), "UTC") == "2021-10-04 02:20:00.25 UTC"


moments = st.datetimes(
    min_value=datetime(1950, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
)


@given(moments, st.sampled_from(ZONES))
def test_what_is_shown_reads_back_as_the_same_moment(t: datetime, zone: str) -> None:
    assert parse_time_input(format_time_shown(t, zone), TAIPEI) == t


@given(moments, st.integers(min_value=-14 * 60, max_value=14 * 60))
def test_iso_8601_with_an_offset_is_that_moment(t: datetime, minutes: int) -> None:
    local = t.astimezone(timezone(timedelta(minutes=minutes)))
    assert parse_time_input(local.isoformat(), "Asia/Tokyo") == t


@given(
    st.dates(min_value=date(1980, 1, 1), max_value=date(2100, 12, 31)),
    st.integers(0, 23),
    st.integers(0, 59),
    st.integers(0, 59),
    st.booleans(),
)
def test_the_digits_typed_are_the_digits_stored(
    day: date, hour: int, minute: int, second: int, with_date: bool
) -> None:
    clock = f"{hour:02d}:{minute:02d}:{second:02d}"
    text = f"{day:%Y-%m-%d} {clock}" if with_date else clock
    got = parse_time_input(text, TAIPEI, day).astimezone(timezone(timedelta(hours=8)))
    assert (got.date(), got.hour, got.minute, got.second) == (day, hour, minute, second)


@given(st.text(alphabet="0123456789:-/ .+TZUTCaisTp()", max_size=30))
def test_any_text_is_a_time_or_a_reason_never_a_crash(text: str) -> None:
    try:
        got = parse_time_input(text, TAIPEI, DAY)
    except TimeInputError as exc:
        assert exc.reason in MESSAGES
    else:
        assert got.tzinfo is UTC
