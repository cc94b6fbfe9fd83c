"""Scenes > Titles and notes…: the briefing's title, each scene's title and its presenter note,
edited in one dialog; OK keeps them all as one edit (Edit > Undo "titles and notes")."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from viewer.core.briefing import Scene
from viewer.qt.i18n import translate


class NotesDialog(QDialog):
    """``title`` and ``scenes`` as they are, ``current`` the scene to start on (-1: the
    first). After OK: ``result_title`` and ``result_scenes`` (an empty title keeps the old)."""

    def __init__(
        self, title: str, scenes: tuple[Scene, ...], current: int = -1, parent=None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Notes", "Titles and presenter notes"))
        self.scenes = list(scenes)
        self.original_title = title
        self.result_title = title
        self.result_scenes = tuple(scenes)
        self._row = -1
        self.title_edit = QLineEdit(title)
        self.list = QListWidget()
        self.list.setMaximumWidth(260)
        self.scene_title = QLineEdit()
        self.note_edit = QPlainTextEdit()
        self.note_edit.setPlaceholderText(
            translate("Notes", "What to say on this scene; only the presenter sees it")
        )
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #C0392B")
        form = QFormLayout()
        form.addRow(translate("Notes", "Briefing title:"), self.title_edit)
        scene_form = QFormLayout()
        scene_form.addRow(translate("Notes", "Scene title:"), self.scene_title)
        scene_form.addRow(translate("Notes", "Presenter note:"), self.note_edit)
        right = QWidget()
        right.setLayout(scene_form)
        middle = QHBoxLayout()
        middle.addWidget(self.list)
        middle.addWidget(right, 1)
        if not self.scenes:
            self.list.hide()
            right.setEnabled(False)
            middle.addWidget(QLabel(translate("Notes", "No scenes yet: Scenes > Add scene")))
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(middle, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        for i, scene in enumerate(self.scenes):
            self.list.addItem(f"{i + 1}. {scene.title}")
        self.list.currentRowChanged.connect(self._on_row_changed)
        self.scene_title.textEdited.connect(self._on_scene_title_edited)
        self.resize(720, 420)
        if self.scenes:
            self.list.setCurrentRow(max(0, min(current, len(self.scenes) - 1)))

    def _keep_current(self) -> bool:
        """The fields into the scene shown; False (and a message) when its title is empty."""
        if self._row < 0:
            return True
        title = self.scene_title.text().strip()
        if not title:
            self.error_label.setText(
                translate("Notes", "Scene {n} needs a title").format(n=self._row + 1)
            )
            return False
        scene = self.scenes[self._row]
        self.scenes[self._row] = replace(
            scene, title=title, note=self.note_edit.toPlainText().rstrip()
        )
        return True

    def _on_row_changed(self, row: int) -> None:
        if not self._keep_current():
            self.list.blockSignals(True)
            self.list.setCurrentRow(self._row)
            self.list.blockSignals(False)
            return
        self._row = row
        if row >= 0:
            self.scene_title.setText(self.scenes[row].title)
            self.note_edit.setPlainText(self.scenes[row].note)

    def _on_scene_title_edited(self, text: str) -> None:
        if self._row >= 0:
            self.list.item(self._row).setText(f"{self._row + 1}. {text}")

    def accept(self) -> None:
        if not self._keep_current():
            return
        self.result_title = self.title_edit.text().strip() or self.original_title
        self.result_scenes = tuple(self.scenes)
        super().accept()
