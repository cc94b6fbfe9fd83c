"""`MapTools`: which map tool is active — one at most — for every tool that takes the map's
clicks: measure, the four annotations, tracing, editing a traced track's vertices and placing
a control point.

The window's toolbar, menus, status bar and its Esc key all follow this one model, so a tool is
never on without a sign, and never ticked when it is off. What the map does with a drag follows
from the tool too (`draws_by_dragging`): it pans unless the active tool draws by dragging.

>>> tools = MapTools(); seen = []
>>> tools.events.connect("active", lambda old, new: seen.append((old, new)))
>>> tools.set_active(ARROW); tools.set_active(TRACE); tools.stop(); seen
[(None, 'arrow'), ('arrow', 'trace'), ('trace', None)]
>>> draws_by_dragging(MEASURE), draws_by_dragging(TRACE)
(True, False)
"""

from __future__ import annotations

from viewer.core.evented import EventedModel

MEASURE = "measure"
TEXT = "text"
ARROW = "arrow"
CIRCLE = "circle"
POLYGON = "polygon"
TRACE = "trace"
EDIT_VERTICES = "edit_vertices"
CONTROL_POINT = "control_point"
#: Every tool, in the order the toolbar shows them.
TOOLS = (MEASURE, TEXT, ARROW, CIRCLE, POLYGON, CONTROL_POINT, TRACE, EDIT_VERTICES)
#: The tools a left-button drag draws with (a range, an arrow, a circle's radius); with any
#: other tool, or none, a drag pans the map and a click goes to the tool (or selects).
DRAG_TOOLS = frozenset({MEASURE, ARROW, CIRCLE})


def draws_by_dragging(tool: str | None) -> bool:
    """True when a left-button drag on the map draws with ``tool`` rather than panning."""
    return tool in DRAG_TOOLS


class MapTools(EventedModel):
    """The active map tool (``active``, one of `TOOLS`, or None).

    Event ``active(old, new)`` each time it changes."""

    EVENTS = ("active",)

    def __init__(self) -> None:
        super().__init__()
        self.active: str | None = None

    def set_active(self, tool: str | None) -> None:
        """Make ``tool`` the active one (None: no tool); the one before stops."""
        if tool is not None and tool not in TOOLS:
            raise ValueError(f"unknown map tool {tool!r}; expected one of {', '.join(TOOLS)}")
        if tool == self.active:
            return
        old, self.active = self.active, tool
        self.events.emit("active", old, tool)

    def stop(self) -> None:
        """No tool active."""
        self.set_active(None)

    def toggle(self, tool: str) -> None:
        """``tool`` on, or off when it is the active one (a tool's key pressed again)."""
        self.set_active(None if self.active == tool else tool)
