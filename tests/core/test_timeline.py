"""The replay clock's maths: playback, speed, loop, in/out points, stepping, events, clock text."""

import math

import pytest

from viewer.core.timeline import (
    SPEED_PRESETS,
    TRAIL_PRESETS,
    Timeline,
    format_time,
    speed_words,
    trail_words,
    zone_info,
)

DAY0 = 1_633_305_600.0  # 2021-10-04T00:00:00Z
DAY = 86_400.0


def recorder(tl, *names):
    seen = []
    for name in names:
        tl.events.connect(name, lambda value, name=name: seen.append((name, value)))
    return seen


@pytest.fixture
def tl():
    return Timeline(DAY0, DAY0 + DAY, speed=600.0, step=60.0)


def test_starts_paused_at_the_start(tl):
    assert tl.time == DAY0 and not tl.playing
    assert (tl.lo, tl.hi) == (DAY0, DAY0 + DAY)


@pytest.mark.parametrize("preset", SPEED_PRESETS, ids=lambda p: p.label)
def test_advance_moves_speed_times_wall_seconds(tl, preset):
    tl.set_speed(preset.label)
    assert tl.speed == preset.value
    tl.play()
    assert tl.advance(1 / 60) == pytest.approx(DAY0 + preset.value / 60)
    assert tl.advance(0.5) == pytest.approx(DAY0 + preset.value * (1 / 60 + 0.5))


def test_advance_does_nothing_while_paused(tl):
    assert tl.advance(10.0) == DAY0


def test_a_day_in_a_minute_at_24_min_per_second():
    tl = Timeline(DAY0, DAY0 + DAY, speed=1440.0, loop=False)
    tl.play()
    for _ in range(60 * 60 - 1):  # 60 s of 60 Hz ticks, less one
        tl.advance(1 / 60)
    assert tl.playing and tl.time == pytest.approx(DAY0 + DAY - 24.0)
    tl.advance(1 / 60)
    assert tl.time == pytest.approx(DAY0 + DAY)


def test_without_loop_playback_stops_at_the_end(tl):
    tl.set_loop(False)
    seen = recorder(tl, "playing")
    tl.play()
    tl.set_time(DAY0 + DAY - 100)
    assert tl.advance(1.0) == DAY0 + DAY
    assert not tl.playing
    assert seen == [("playing", True), ("playing", False)]
    tl.play()  # play again from the end: starts over
    assert tl.time == DAY0 and tl.playing


def test_loop_wraps_round_to_the_start_keeping_the_overshoot(tl):
    tl.play()
    tl.set_time(DAY0 + DAY - 100)
    assert tl.advance(1.0) == pytest.approx(DAY0 + 500)
    assert tl.playing


def test_in_out_points_hold_for_playback_stepping_and_scrubbing(tl):
    tl.set_in_point(DAY0 + 3600)
    tl.set_out_point(DAY0 + 7200)
    assert tl.time == DAY0 + 3600  # clamped into the range
    tl.set_time(DAY0)
    assert tl.time == DAY0 + 3600
    tl.set_time(DAY0 + DAY)
    assert tl.time == DAY0 + 7200
    tl.jump_start()
    assert tl.time == DAY0 + 3600
    tl.step(-1)
    assert tl.time == DAY0 + 3600
    tl.play()
    for _ in range(1000):  # 10 min of map time per tick
        tl.advance(1.0)
        assert DAY0 + 3600 <= tl.time <= DAY0 + 7200
    tl.jump_end()
    assert tl.time == DAY0 + 7200
    tl.clear_in_out()
    tl.jump_end()
    assert tl.time == DAY0 + DAY


def test_in_point_defaults_to_now_and_a_crossing_out_point_is_dropped(tl):
    tl.set_time(DAY0 + 5000)
    tl.set_out_point()
    assert tl.out_point == DAY0 + 5000
    tl.set_in_point(DAY0 + 6000)
    assert tl.in_point == DAY0 + 6000 and tl.out_point is None
    tl.set_in_point(DAY0 - 1e6)  # outside the data: clamped
    assert tl.in_point == DAY0


def test_out_point_without_loop_stops_there(tl):
    tl.set_loop(False)
    tl.set_out_point(DAY0 + 1000)
    tl.play()
    tl.advance(10.0)
    assert tl.time == DAY0 + 1000 and not tl.playing


def test_step_and_jumps(tl):
    tl.step(+1)
    assert tl.time == DAY0 + 60
    tl.set_step(3600)
    tl.step(+2)
    assert tl.time == DAY0 + 60 + 7200
    tl.step(-1)
    assert tl.time == DAY0 + 60 + 3600
    tl.jump_end()
    assert tl.time == DAY0 + DAY
    tl.step(+1)
    assert tl.time == DAY0 + DAY
    tl.jump_start()
    assert tl.time == DAY0


def test_events_are_named_after_fields_and_only_fire_on_change(tl):
    seen = recorder(tl, "time", "playing", "speed", "range", "trail", "loop", "step")
    tl.set_time(DAY0 + 10)
    tl.set_time(DAY0 + 10)
    tl.toggle()
    tl.toggle()
    tl.set_speed(60)
    tl.set_speed("1 s = 1 min")
    tl.set_trail(0)
    tl.set_trail(math.inf)
    tl.set_loop(False)
    tl.set_step(10)
    tl.set_in_point(DAY0 + 5)
    assert seen == [
        ("time", DAY0 + 10),
        ("playing", True),
        ("playing", False),
        ("speed", 60.0),
        ("trail", 0.0),
        ("trail", math.inf),
        ("loop", False),
        ("step", 10.0),
        ("range", (DAY0, DAY0 + DAY, DAY0 + 5, None)),
    ]


def test_set_range_clears_in_out_and_clamps_time(tl):
    tl.set_time(DAY0 + 5000)
    tl.set_in_point(DAY0 + 4000)
    seen = recorder(tl, "range", "time")
    tl.set_range(DAY0, DAY0 + 1000)
    assert (tl.in_point, tl.out_point) == (None, None)
    assert tl.time == DAY0 + 1000
    assert seen == [("range", (DAY0, DAY0 + 1000, None, None)), ("time", DAY0 + 1000)]


def test_empty_range_is_allowed_and_loops_do_not_divide_by_zero():
    tl = Timeline(DAY0, DAY0)
    tl.play()
    assert tl.advance(1.0) == DAY0
    assert not tl.playing


def test_bad_values_say_what_was_expected(tl):
    with pytest.raises(ValueError, match=r"speed must be one of 1 s = 1 s, .*; got '2x'"):
        tl.set_speed("2x")
    with pytest.raises(ValueError, match="speed must be a positive"):
        tl.set_speed(0)
    with pytest.raises(ValueError, match="trail must be >= 0"):
        tl.set_trail(-5)
    with pytest.raises(ValueError, match="start <= end"):
        tl.set_range(10, 0)
    with pytest.raises(ValueError, match="unknown time zone 'Asia/Taipie'"):
        tl.set_zone("Asia/Taipie")


def test_zone_is_part_of_the_model(tl):
    seen = recorder(tl, "zone")
    assert tl.zone == "Asia/Taipei"
    tl.set_zone("Asia/Tokyo")
    tl.set_zone("Asia/Tokyo")
    assert seen == [("zone", "Asia/Tokyo")]
    assert format_time(DAY0, tl.zone).endswith("09:00:00 UTC+9")


def test_human_words():
    assert speed_words(600) == "1 s = 10 min"
    assert speed_words(90) == "1 s = 1.5 min"
    assert speed_words(7200) == "1 s = 2 h"
    assert trail_words(0) == "Heads only"
    assert trail_words(math.inf) == "Whole track"
    assert trail_words(120) == "2 min"
    assert [p.value for p in SPEED_PRESETS] == sorted(p.value for p in SPEED_PRESETS)
    assert TRAIL_PRESETS[0].value == 0 and TRAIL_PRESETS[-1].value == math.inf


def test_clock_text_in_named_zones():
    t = DAY0 + 20 * 3600 + 5 * 60 + 7.9  # 20:05:07 UTC: the next day in Taipei and Tokyo
    assert format_time(t) == "2021-10-04 20:05:07 UTC"
    assert format_time(t, "Asia/Taipei") == "2021-10-05 04:05:07 UTC+8"
    assert format_time(t, "Asia/Shanghai") == "2021-10-05 04:05:07 UTC+8"
    assert format_time(t, "Asia/Tokyo") == "2021-10-05 05:05:07 UTC+9"
    assert format_time(t, "Asia/Kolkata") == "2021-10-05 01:35:07 UTC+5:30"
    assert format_time(t, "local").startswith("2021-10-0")
    assert zone_info("local") is not None
    with pytest.raises(ValueError, match="unknown time zone 'Mars/Olympus'"):
        format_time(t, "Mars/Olympus")
