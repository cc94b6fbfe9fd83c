"""`MapTools`: one active map tool at most, with its event; and the undo stack's names."""

from __future__ import annotations

import doctest

import pytest

from viewer.core import map_tools, session
from viewer.core.briefing import Scene
from viewer.core.catalog import load_catalog
from viewer.core.map_state import MapState
from viewer.core.map_tools import (
    ARROW,
    CIRCLE,
    CONTROL_POINT,
    EDIT_VERTICES,
    MEASURE,
    POLYGON,
    TEXT,
    TOOLS,
    TRACE,
    MapTools,
    draws_by_dragging,
)
from viewer.core.session import Session


def test_one_tool_at_a_time_with_its_event() -> None:
    tools, seen = MapTools(), []
    tools.events.connect("active", lambda old, new: seen.append((old, new)))
    tools.set_active(TRACE)
    tools.set_active(TRACE)  # no change, no event
    tools.toggle(MEASURE)
    tools.toggle(MEASURE)  # the same tool's key again: off
    tools.set_active(CONTROL_POINT)
    tools.stop()
    assert seen == [
        (None, TRACE),
        (TRACE, MEASURE),
        (MEASURE, None),
        (None, CONTROL_POINT),
        (CONTROL_POINT, None),
    ]
    assert tools.active is None


def test_an_unknown_tool_is_refused_by_name() -> None:
    with pytest.raises(ValueError, match="unknown map tool 'lasso'; expected one of measure"):
        MapTools().set_active("lasso")


def test_only_measure_arrow_and_circle_draw_by_dragging() -> None:
    assert {t for t in TOOLS if draws_by_dragging(t)} == {MEASURE, ARROW, CIRCLE}
    for tool in (TEXT, POLYGON, TRACE, EDIT_VERTICES, CONTROL_POINT, None):
        assert not draws_by_dragging(tool)  # a drag pans with these (and with no tool)


def test_the_module_examples() -> None:
    assert doctest.testmod(map_tools).failed == 0
    assert doctest.testmod(session).failed == 0


def test_undo_and_redo_name_the_edit_and_the_title_is_undoable() -> None:
    s = Session(MapState(load_catalog()))
    assert s.undo_action is None and s.redo_action is None
    s.set_scenes([Scene("Opening")], 0, action="add scene")
    s.edit(title="Lesson 1", scenes=(Scene("Opening", note="Ask why"),), action="titles and notes")
    assert s.undo_action == "titles and notes"
    assert s.undo()
    assert s.briefing.title == "Untitled briefing" and s.briefing.scenes[0].note == ""
    assert (s.undo_action, s.redo_action) == ("add scene", "titles and notes")
    assert s.redo()
    assert s.briefing.title == "Lesson 1" and s.briefing.scenes[0].note == "Ask why"
    assert s.redo_action is None
    s.edit(annotations=())  # an edit without a name
    assert s.undo_action == ""
