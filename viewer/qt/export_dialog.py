"""File > Export map as PNG: the size (e.g. 3840x2160 for slides), DPI, and whether the title
and clock are burned in (the legend, scale bar and source line always are)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QSpinBox,
    QWidget,
)

from viewer.qt.i18n import translate

SIZES = {
    QT_TRANSLATE_NOOP("ExportDialog", "As shown"): None,
    QT_TRANSLATE_NOOP("ExportDialog", "1920 x 1080 (HD)"): (1920, 1080),
    QT_TRANSLATE_NOOP("ExportDialog", "3840 x 2160 (4K slides)"): (3840, 2160),
    "1280 x 720": (1280, 720),
    QT_TRANSLATE_NOOP("ExportDialog", "3508 x 2480 (A4 at 300 dpi)"): (3508, 2480),
}


class ExportPngDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ExportDialog", "Export map as PNG"))
        self.size_combo = QComboBox()
        for label, size in SIZES.items():
            self.size_combo.addItem(translate("ExportDialog", label), size)
        self.size_combo.setCurrentIndex(1)
        self.dpi = QSpinBox()
        self.dpi.setRange(72, 600)
        self.dpi.setValue(150)
        self.title_clock = QCheckBox(translate("ExportDialog", "Title and clock burned in"))
        self.title_clock.setChecked(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(translate("ExportDialog", "Size"), self.size_combo)
        form.addRow(translate("ExportDialog", "DPI"), self.dpi)
        form.addRow("", self.title_clock)
        form.addRow(buttons)

    def chosen_size(self) -> tuple[int, int] | None:
        size = self.size_combo.currentData()
        return tuple(size) if size else None  # type: ignore[return-value]
