"""Save as "x.json" does not silently become x.briefing.json: the user is asked (issue 22)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from viewer.qt.briefing_name import briefing_path_for


@pytest.mark.parametrize(
    ("typed", "path", "changed"),
    [
        ("/c/lesson.briefing.json", "/c/lesson.briefing.json", False),
        ("/c/lesson", "/c/lesson.briefing.json", False),  # no ending typed: it gets the ending
        ("/c/lesson.json", "/c/lesson.briefing.json", True),
        ("/c/Lesson.JSON", "/c/Lesson.briefing.json", True),
        ("/c/lesson.txt", "/c/lesson.txt.briefing.json", True),
        ("/c.d/lesson", "/c.d/lesson.briefing.json", False),
    ],
)
def test_the_path_a_typed_name_is_saved_to(typed: str, path: str, changed: bool) -> None:
    assert briefing_path_for(typed) == (path, changed)


def _answer(qtbot, button_text: str | None) -> list[str]:
    """Answer the next message box with the button whose text starts so (None: Cancel);
    returns the question asked."""
    asked: list[str] = []

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, click)
            return
        asked.append(box.text())
        for b in box.buttons():
            if (button_text is None and box.buttonRole(b) == QMessageBox.RejectRole) or (
                button_text is not None and b.text().startswith(button_text)
            ):
                b.click()
                return

    QTimer.singleShot(0, click)
    return asked


def test_a_json_name_is_saved_as_briefing_only_when_the_user_says_so(
    qtbot, window, tmp_path
) -> None:
    asked = _answer(qtbot, None)
    assert not window.briefings.save_briefing_as(str(tmp_path / "lesson.json"))
    assert "Save as lesson.briefing.json?" in asked[0]
    assert list(tmp_path.glob("lesson*")) == []
    asked = _answer(qtbot, "Save as lesson.briefing.json")
    assert window.briefings.save_briefing_as(str(tmp_path / "lesson.json"))
    assert (tmp_path / "lesson.briefing.json").is_file()
    assert window.session.briefing_path == tmp_path / "lesson.briefing.json"
    assert "lesson.briefing.json" in window.statusBar().currentMessage()
    assert window.briefings.save_briefing_as(
        str(tmp_path / "second")
    )  # no ending typed: no question
    assert (tmp_path / "second.briefing.json").is_file()
