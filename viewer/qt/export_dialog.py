"""File > Export map as PNG: the size (e.g. 3840x2160 for slides), DPI, and whether the title
and clock are burned in (the legend, scale bar and source line always are)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QSpinBox,
    QWidget,
)

SIZES = {
    "As shown": None,
    "1920 x 1080 (HD)": (1920, 1080),
    "3840 x 2160 (4K slides)": (3840, 2160),
    "1280 x 720": (1280, 720),
    "3508 x 2480 (A4 at 300 dpi)": (3508, 2480),
}


class ExportPngDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export map as PNG")
        self.size_combo = QComboBox()
        self.size_combo.addItems(list(SIZES))
        self.size_combo.setCurrentIndex(1)
        self.dpi = QSpinBox()
        self.dpi.setRange(72, 600)
        self.dpi.setValue(150)
        self.title_clock = QCheckBox("Title and clock burned in")
        self.title_clock.setChecked(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("Size", self.size_combo)
        form.addRow("DPI", self.dpi)
        form.addRow("", self.title_clock)
        form.addRow(buttons)

    def chosen_size(self) -> tuple[int, int] | None:
        return SIZES[self.size_combo.currentText()]
