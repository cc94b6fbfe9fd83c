"""`ToolHandler`: what a map tool does with the map's input while it is the active tool.

The `ToolController` owns the map's input for every tool (one event filter on the canvas) and
calls the active tool's handler: a left-button drag goes to the tool only when it draws by
dragging (`wants_drag`), otherwise the map pans and a click without a drag goes to `click`.
Esc goes to `cancel_partial` first (drop what is half drawn), then ends the tool. The defaults
do nothing, so a tool overrides only what it uses.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt


class ToolHandler:
    """Base of the map tools' input handlers (measure, annotate, trace, control point)."""

    #: The map's cursor while the tool is active.
    cursor = Qt.CrossCursor

    def activate(self) -> bool:
        """The tool became active; False refuses (the tool goes off again, e.g. no picture)."""
        return True

    def deactivate(self) -> None:
        """The tool is no longer active: drop what was half drawn."""

    def cancel_partial(self) -> bool:
        """Esc: drop what is half drawn and return True; False when there was nothing (then
        Esc ends the tool)."""
        return False

    def wants_drag(self, event) -> bool:
        """A left-button press: True when a drag from here draws (the drag's events then go to
        `drag_event`); False lets the map pan, and a click without a drag comes to `click`."""
        return False

    def drag_event(self, event) -> None:
        """The press, moves and release of a drag `wants_drag` took."""

    def click(self, pos: QPointF, modifiers: Qt.KeyboardModifier) -> bool:
        """A left click on the map that did not drag; True when the tool used it (else the
        click selects what is under it)."""
        return False

    def double_click(self, event) -> bool:
        """A left double-click; True when the tool used it."""
        return False

    def right_press(self, event) -> bool:
        """A right-button press; True when the tool used it."""
        return False

    def hover(self, event) -> None:
        """The mouse moved over the map (no drawing drag): previews follow it."""

    def key_press(self, event) -> bool:
        """A key pressed while the map has the focus (not Esc: the window's); True if used."""
        return False
