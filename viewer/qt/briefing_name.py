"""The name a briefing is saved under. Briefings end in ``.briefing.json``: that is how File >
Open, drag and drop, the command line and the desktop tell a briefing from a GeoJSON track file.
A name typed without an ending gets it; a name typed with another ending (``lesson.json``) is
never changed silently: the user is asked whether to save as ``lesson.briefing.json``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from viewer.core.briefing import SUFFIX
from viewer.qt.i18n import translate


def briefing_path_for(typed: str) -> tuple[str, bool]:
    """(the path to save to, whether it differs from what was typed by more than the ending a
    name without one gets). ``lesson`` -> ``lesson.briefing.json`` (as typed: no ending);
    ``lesson.json`` -> ``lesson.briefing.json`` (changed: ask)."""
    if typed.lower().endswith(SUFFIX):
        return typed, False
    name = Path(typed).name
    if "." not in name.strip("."):
        return typed + SUFFIX, False
    stem = typed[: -len(".json")] if typed.lower().endswith(".json") else typed
    return stem + SUFFIX, True


def confirm_briefing_path(parent: QWidget | None, typed: str) -> str | None:
    """The path to save the briefing to, asking first when it is not the name typed; None when
    the user cancels."""
    path, changed = briefing_path_for(typed)
    if not changed:
        return path
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Question)
    box.setWindowTitle(translate("BriefingName", "Save briefing"))
    box.setText(
        translate(
            "BriefingName",
            "Briefings are saved with names ending in .briefing.json, so that ADIZ Viewer and "
            "the desktop know them from track files.\n\nSave as {name}?",
        ).format(name=Path(path).name)
    )
    save = box.addButton(
        translate("BriefingName", "Save as {name}").format(name=Path(path).name),
        QMessageBox.AcceptRole,
    )
    box.addButton(QMessageBox.Cancel)
    box.setDefaultButton(save)
    box.exec()
    return path if box.clickedButton() is save else None


__all__ = ["briefing_path_for", "confirm_briefing_path"]
