"""Live / DVR: the timeline follows the feed, is scrubbed back, and returns to live."""

from __future__ import annotations

from viewer.core.live_clock import LiveClock
from viewer.core.timeline import Timeline

T0 = 1_633_327_200.0


def test_live_follows_the_newest_fix_and_the_range_grows():
    tl = Timeline()
    clock = LiveClock(tl)
    clock.update(T0, T0 + 60)
    assert (tl.start, tl.end, tl.time) == (T0, T0 + 60, T0 + 60)
    clock.update(T0, T0 + 90)
    assert (tl.end, tl.time, clock.behind_s) == (T0 + 90, T0 + 90, 0.0)


def test_scrubbed_back_the_picture_stays_while_the_range_grows_then_live_returns():
    tl = Timeline()
    clock = LiveClock(tl)
    clock.update(T0, T0 + 600)
    tl.set_in_point(T0 + 100)
    clock.scrub(T0 + 200)
    clock.update(T0, T0 + 660)
    assert tl.time == T0 + 200 and tl.end == T0 + 660 and clock.behind_s == 460
    assert tl.in_point == T0 + 100  # growing the range keeps the presenter's in point
    clock.go_live()
    assert tl.time == T0 + 660 and clock.live


def test_playing_into_the_live_edge_is_live_again():
    tl = Timeline(speed=60.0)
    clock = LiveClock(tl)
    clock.update(T0, T0 + 600)
    clock.scrub(T0 + 540)
    tl.play()
    tl.advance(1.0)  # one wall second at 1 s = 1 min: at the edge
    clock.update(T0, T0 + 600.5)
    assert clock.live and tl.time == T0 + 600.5
