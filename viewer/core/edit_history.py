"""Undo and redo as named entries: each entry is (kind, value, name), the name what Edit > Undo
says it undoes ("add arrow"). The owner (`viewer.core.session.Session`) does the undoing: it is
given each entry and returns what undoes that in turn.

>>> history = EditHistory()
>>> history.push("edit", 1, "add arrow")
>>> history.undo_action, history.redo_action
('add arrow', None)
>>> history.step(True, lambda kind, value, undo: value + 1), history.redo_action
(True, 'add arrow')
>>> history.redo_stack
[('edit', 2, 'add arrow')]
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# (kind, value, undo) -> the value that undoes what was just done
Apply = Callable[[str, Any, bool], Any]


class EditHistory:
    def __init__(self) -> None:
        self.undo_stack: list[tuple[str, Any, str]] = []
        self.redo_stack: list[tuple[str, Any, str]] = []

    def push(self, kind: str, value: Any, action: str = "") -> None:
        """A new edit: undoable, named ``action``; what could be redone is gone."""
        self.undo_stack.append((kind, value, action))
        self.redo_stack.clear()

    def clear(self) -> None:
        self.undo_stack.clear()
        self.redo_stack.clear()

    @property
    def undo_action(self) -> str | None:
        """The name of the edit Undo would undo ("" when unnamed); None when there is none."""
        return self.undo_stack[-1][2] if self.undo_stack else None

    @property
    def redo_action(self) -> str | None:
        """The name of the edit Redo would redo; None when there is none."""
        return self.redo_stack[-1][2] if self.redo_stack else None

    def step(self, undo: bool, apply: Apply) -> bool:
        """Undo (``undo``) or redo the last entry with ``apply``; False when there is none."""
        source, target = (
            (self.undo_stack, self.redo_stack) if undo else (self.redo_stack, self.undo_stack)
        )
        if not source:
            return False
        kind, value, action = source.pop()
        target.append((kind, apply(kind, value, undo), action))
        return True
