"""Typed events: each model declares its events; a misspelt name is an error, not silence."""

from __future__ import annotations

import doctest

import pytest

from viewer.core import evented
from viewer.core.catalog import load_catalog
from viewer.core.evented import EventedModel
from viewer.core.map_state import MapState
from viewer.core.timeline import Timeline
from viewer.core.track_layers import TrackLayers


class Clock(EventedModel):
    EVENTS = ("time", "speed")


def test_declared_events_reach_their_callbacks_in_order() -> None:
    clock, seen = Clock(), []
    clock.events.connect("time", lambda t: seen.append(("a", t)))
    clock.events.connect("time", lambda t: seen.append(("b", t)))
    clock.events.emit("time", 5.0)
    clock.events.emit("speed", 2.0)  # nobody listens: nothing happens
    assert seen == [("a", 5.0), ("b", 5.0)]
    with clock.events.blocked():
        clock.events.emit("time", 6.0)
    assert len(seen) == 2


@pytest.mark.parametrize("call", ["connect", "disconnect"])
def test_a_misspelt_event_is_an_error_at_connect(call: str) -> None:
    with pytest.raises(ValueError, match=r"Clock has no event 'tme'; its events: time, speed"):
        getattr(Clock().events, call)("tme", print)


def test_emitting_an_undeclared_event_is_an_error() -> None:
    with pytest.raises(ValueError, match="no event 'times'"):
        Clock().events.emit("times", 1.0)


def test_the_core_models_declare_what_they_emit() -> None:
    assert set(Timeline().events.names) == {
        "time",
        "playing",
        "speed",
        "range",
        "trail",
        "loop",
        "step",
        "zone",
    }
    assert set(MapState(load_catalog()).events.names) == {"projection", "naming", "when", "layers"}
    assert TrackLayers().events.names == ("changed", "data")
    with pytest.raises(ValueError, match="Timeline has no event 'clock'"):
        Timeline().events.connect("clock", print)


def test_the_module_example_runs() -> None:
    assert doctest.testmod(evented).failed == 0
