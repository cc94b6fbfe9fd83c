"""The import dialog: map a file's columns and units by hand when their names say too little, or
confirm a unit the file does not give (the guess pre-selected and highlighted, with its reason)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from viewer.core.constants import ALT_M, HEADING_DEG, KIND, LAT, LON, SPEED_KT, TIME, TRACK_ID
from viewer.core.read_options import ReadOptions
from viewer.core.timeline import ZONE_KEYS
from viewer.qt.i18n import translate

FIELDS = (
    (TIME, QT_TRANSLATE_NOOP("ImportDialog", "Time *")),
    (LAT, QT_TRANSLATE_NOOP("ImportDialog", "Latitude *")),
    (LON, QT_TRANSLATE_NOOP("ImportDialog", "Longitude *")),
    (TRACK_ID, QT_TRANSLATE_NOOP("ImportDialog", "Track id")),
    (ALT_M, QT_TRANSLATE_NOOP("ImportDialog", "Altitude")),
    (SPEED_KT, QT_TRANSLATE_NOOP("ImportDialog", "Speed")),
    (HEADING_DEG, QT_TRANSLATE_NOOP("ImportDialog", "Heading")),
    (KIND, QT_TRANSLATE_NOOP("ImportDialog", "Type / kind")),
)


UNSURE_STYLE = "background-color: #fff1b8; color: #5c4400;"  # a unit to check: light amber


def unit_words() -> dict[str, str]:
    return {
        "m": translate("ImportDialog", "metres"),
        "ft": translate("ImportDialog", "feet"),
        "kt": translate("ImportDialog", "knots"),
        "kmh": translate("ImportDialog", "km/h"),
        "mps": translate("ImportDialog", "m/s"),
    }


def unsure_reason(unit: Any) -> str:
    """Why a unit is only guessed (a `viewer.io.columns.UnsureUnit`), in the user's language."""
    if unit.top is None:
        return translate("ImportDialog", "no values to judge by: check the unit")
    return translate("ImportDialog", "values up to {value}: probably {unit}").format(
        value=f"{unit.top:,.0f}", unit=unit_words().get(unit.guess, unit.guess)
    )


class ImportDialog(QDialog):
    """Pick the column for each field; ``options()`` gives the `ReadOptions` to read again.

    ``mapping`` (canonical -> column) pre-fills the columns; ``unsure`` (`UnsureUnit`s from
    `UnitsUnsure`) pre-selects each guessed unit and highlights it with the reason; ``zone``
    pre-fills the time zone."""

    def __init__(
        self,
        file_name: str,
        columns: list[str],
        message: str = "",
        parent: QWidget | None = None,
        *,
        mapping: dict[str, str] | None = None,
        unsure: Sequence[Any] = (),
        zone: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ImportDialog", "Import {file}").format(file=file_name))
        self.combos: dict[str, QComboBox] = {}
        self.unsure = {u.field: u for u in unsure}
        self.unsure_labels: dict[str, QLabel] = {}
        form = QFormLayout()
        for field, title in FIELDS:
            combo = QComboBox()
            combo.addItem(translate("ImportDialog", "(none)"), None)
            for column in columns:
                combo.addItem(column, column)
            column = (mapping or {}).get(field)
            if column in columns:
                combo.setCurrentIndex(combo.findData(column))
            self.combos[field] = combo
            if field == ALT_M:
                self.alt_unit = QComboBox()
                self.alt_unit.addItems(["m", "ft"])
                form.addRow(translate("ImportDialog", title), _pair(combo, self.alt_unit))
                self._mark_unsure(form, field, self.alt_unit)
            elif field == SPEED_KT:
                self.speed_unit = QComboBox()
                self.speed_unit.addItems(["kt", "kmh", "mps"])
                form.addRow(translate("ImportDialog", title), _pair(combo, self.speed_unit))
                self._mark_unsure(form, field, self.speed_unit)
            else:
                form.addRow(translate("ImportDialog", title), combo)
        self.zone = QComboBox()
        self.zone.addItem(translate("ImportDialog", "(the file says)"), "")
        for key in ZONE_KEYS:  # after the first choice: the times carry their zone
            self.zone.addItem(key, key)
        self.zone.setEditable(True)
        if zone:
            self.zone.setCurrentText(zone)
        form.addRow(translate("ImportDialog", "Times are in"), self.zone)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.Ok)
        for field in (TIME, LAT, LON):
            self.combos[field].currentIndexChanged.connect(self._check)
        layout = QVBoxLayout(self)
        if message:
            note = QLabel(message)
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._check()

    def _mark_unsure(self, form: QFormLayout, field: str, unit_combo: QComboBox) -> None:
        """A unit the file does not give: its guess selected, the combo and a reason below it
        highlighted, so the user confirms or changes it."""
        unit = self.unsure.get(field)
        if unit is None:
            return
        unit_combo.setCurrentText(unit.guess)
        unit_combo.setStyleSheet(f"QComboBox {{ {UNSURE_STYLE} }}")
        text = translate(
            "ImportDialog", "Unit not given in the file (column '{column}'): {reason}. Check it."
        ).format(column=unit.column, reason=unsure_reason(unit))
        unit_combo.setToolTip(text)
        label = QLabel(text)
        label.setWordWrap(True)
        label.setStyleSheet(f"QLabel {{ {UNSURE_STYLE} padding: 2px; }}")
        label.setObjectName(f"unsure_{field}")
        self.unsure_labels[field] = label
        form.addRow("", label)

    def _check(self, *_: object) -> None:
        self.ok_button.setEnabled(
            all(self.combos[f].currentData() is not None for f in (TIME, LAT, LON))
        )

    def options(self) -> ReadOptions:
        mapping = {
            f: c.currentData() for f, c in self.combos.items() if c.currentData() is not None
        }
        zone = self.zone.currentText().strip()
        if self.zone.currentIndex() == 0 and zone == self.zone.itemText(0):
            zone = ""  # "(the file says)"
        return ReadOptions(
            tz=zone or None,
            column_map=mapping,
            altitude_unit=self.alt_unit.currentText() if ALT_M in mapping else None,
            speed_unit=self.speed_unit.currentText() if SPEED_KT in mapping else None,
            confirmed_units=tuple(f for f in self.unsure if f in mapping),
        )


def _pair(a: QWidget, b: QWidget) -> QWidget:
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(a, 1)
    row.addWidget(b)
    return box
