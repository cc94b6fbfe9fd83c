"""The import dialog: map a file's columns and units by hand when their names say too little, or
confirm a unit the file does not give (the guess pre-selected and highlighted, with its reason).
It says which source the header was recognised as and shows the first rows as they will be read
(units converted, times in UTC), re-read as the choices change; it offers to split each
aircraft's day into flights."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from viewer.core.constants import ALT_M, HEADING_DEG, KIND, LAT, LON, SPEED_KT, TIME, TRACK_ID
from viewer.core.read_options import ReadOptions
from viewer.core.timeline import ZONE_KEYS
from viewer.io.preview import preview_rows
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
PREVIEW_ROWS = 6
# The preview's columns: canonical field, its title
PREVIEW_COLUMNS = (
    (TRACK_ID, QT_TRANSLATE_NOOP("ImportDialog", "Track")),
    (TIME, QT_TRANSLATE_NOOP("ImportDialog", "Time (UTC)")),
    (LAT, QT_TRANSLATE_NOOP("ImportDialog", "Latitude")),
    (LON, QT_TRANSLATE_NOOP("ImportDialog", "Longitude")),
    (ALT_M, QT_TRANSLATE_NOOP("ImportDialog", "Altitude (m)")),
    (SPEED_KT, QT_TRANSLATE_NOOP("ImportDialog", "Speed (kt)")),
    (HEADING_DEG, QT_TRANSLATE_NOOP("ImportDialog", "Heading (°)")),
)
SPLIT_MINUTES = 30  # the gap that splits flights, by default


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
        path: str | None = None,
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
        self.split = QCheckBox(translate("ImportDialog", "Split each aircraft into flights"))
        self.split.setToolTip(
            translate(
                "ImportDialog",
                "A new track where the callsign changes or no fix comes for longer than the gap",
            )
        )
        self.split_gap = QSpinBox()
        self.split_gap.setRange(1, 24 * 60)
        self.split_gap.setValue(SPLIT_MINUTES)
        self.split_gap.setSuffix(translate("ImportDialog", " min gap"))
        form.addRow("", _pair(self.split, self.split_gap))
        self.path = path
        self.schema_label = QLabel()
        self.schema_label.setObjectName("schema")
        self.schema_label.setWordWrap(True)
        self.preview = QTableWidget(0, len(PREVIEW_COLUMNS))
        self.preview.setObjectName("preview")
        self.preview.setHorizontalHeaderLabels(
            [translate("ImportDialog", title) for _, title in PREVIEW_COLUMNS]
        )
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.verticalHeader().setVisible(False)
        self.preview.setMinimumWidth(640)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.Ok)
        for field in (TIME, LAT, LON):
            self.combos[field].currentIndexChanged.connect(self._check)
        for combo in (*self.combos.values(), self.alt_unit, self.speed_unit, self.zone):
            combo.currentIndexChanged.connect(self._refresh_preview)
        self.split.toggled.connect(self._refresh_preview)
        self.split_gap.valueChanged.connect(self._refresh_preview)
        layout = QVBoxLayout(self)
        if message:
            note = QLabel(message)
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addLayout(form)
        if path is not None:
            layout.addWidget(self.schema_label)
            layout.addWidget(self.preview)
        layout.addWidget(buttons)
        self._check()
        self._refresh_preview()

    def _refresh_preview(self, *_: object) -> None:
        """The recognised source and the first rows read with the choices as they stand."""
        if self.path is None:
            return

        options = self.options()
        found = preview_rows(self.path, options, rows=PREVIEW_ROWS)
        if found.schema:
            text = translate("ImportDialog", "Recognised as: {schema}").format(schema=found.schema)
        else:
            text = translate("ImportDialog", "Columns matched by their names")
        if found.error:
            text += "\n" + translate("ImportDialog", "Cannot show the rows: {reason}").format(
                reason=found.error
            )
        self.schema_label.setText(text)
        frame = found.frame
        self.preview.setRowCount(0 if frame is None else len(frame))
        if frame is None:
            return
        for row in range(len(frame)):
            for col, (field, _) in enumerate(PREVIEW_COLUMNS):
                value = frame[field].iloc[row] if field in frame.columns else None
                self.preview.setItem(row, col, QTableWidgetItem(_cell(field, value)))
        self.preview.resizeColumnsToContents()

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
            split_flights=self.split_gap.value() * 60.0 if self.split.isChecked() else None,
        )


def _cell(field: str, value: object) -> str:
    """A preview cell: times in UTC to the second, coordinates to 5 decimals, altitude,
    speed and heading to 1 decimal; empty where there is no value."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if field == TIME:
        return f"{value:%Y-%m-%d %H:%M:%S}"
    if field in (LAT, LON):
        return f"{float(value):.5f}"  # type: ignore[arg-type]
    if field in (ALT_M, SPEED_KT, HEADING_DEG):
        return f"{float(value):,.1f}"  # type: ignore[arg-type]
    return str(value)


def _pair(a: QWidget, b: QWidget) -> QWidget:
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(a, 1)
    row.addWidget(b)
    return box
