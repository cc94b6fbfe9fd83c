"""Tools > Reported daily counts: type or import (CSV: date, kind, count, source) the counts a
ministry published; the counts chart shows them hatched beside the counts from the tracks."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from viewer.core.constants import KINDS
from viewer.core.counts import ReportedCount
from viewer.qt.i18n import translate
from viewer.qt.traced_panel import kind_names


class ReportedCountsDialog(QDialog):
    """``counts()`` after OK: the rows as `ReportedCount`s (checked; a bad row keeps it open)."""

    def __init__(self, counts: tuple[ReportedCount, ...], default_day: date, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ReportedCountsDialog", "Reported daily counts"))
        self.default_day = default_day
        self.result_counts: tuple[ReportedCount, ...] = tuple(counts)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [
                translate("ReportedCountsDialog", "Date (YYYY-MM-DD)"),
                translate("ReportedCountsDialog", "Kind"),
                translate("ReportedCountsDialog", "Aircraft"),
                translate("ReportedCountsDialog", "Source"),
            ]
        )
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        for c in counts:
            self.add_row(c)
        add = QPushButton(translate("ReportedCountsDialog", "Add row"))
        add.clicked.connect(lambda: self.add_row(None))
        delete = QPushButton(translate("ReportedCountsDialog", "Delete rows"))
        delete.clicked.connect(self.delete_rows)
        imp = QPushButton(translate("ReportedCountsDialog", "Import CSV…"))
        imp.setToolTip(
            translate(
                "ReportedCountsDialog",
                "A CSV with the columns date, kind, count and (optional) source",
            )
        )
        imp.clicked.connect(self.import_dialog)
        self.message = QLabel(
            translate(
                "ReportedCountsDialog",
                "The figures as published (e.g. Taiwan MND's daily report of aircraft entering the ADIZ), one row per day and kind.",  # noqa: E501
            )
        )
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        for b in (add, delete, imp):
            row.addWidget(b)
        row.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addWidget(self.message)
        lay.addLayout(row)
        lay.addWidget(self.table, 1)
        lay.addWidget(buttons)
        self.resize(620, 420)

    def add_row(self, count: ReportedCount | None) -> None:
        r = self.table.rowCount()
        self.table.insertRow(r)
        day = count.date if count else self.default_day
        self.table.setItem(r, 0, QTableWidgetItem(day.isoformat()))
        combo = QComboBox()
        for key, name in kind_names().items():
            combo.addItem(name, key)
        combo.setCurrentIndex(KINDS.index(count.kind) if count else 0)
        self.table.setCellWidget(r, 1, combo)
        self.table.setItem(r, 2, QTableWidgetItem(str(count.count) if count else ""))
        self.table.setItem(r, 3, QTableWidgetItem(count.source if count else ""))

    def delete_rows(self) -> None:
        for r in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(r)

    def import_file(self, path: str) -> bool:
        from viewer.io.report import TrackImportError
        from viewer.io.reported_counts import read_reported_counts

        try:
            counts = read_reported_counts(path)
        except TrackImportError as exc:
            self.message.setText(str(exc))
            self.message.setStyleSheet("color: #C0392B")
            return False
        for c in counts:
            self.add_row(c)
        self.message.setStyleSheet("")
        self.message.setText(
            translate("ReportedCountsDialog", "Imported {n} rows from {name}").format(
                n=len(counts), name=path
            )
        )
        return True

    def import_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            translate("ReportedCountsDialog", "Import reported counts"),
            "",
            translate("ReportedCountsDialog", "CSV files (*.csv *.tsv *.txt)"),
        )
        if path:
            self.import_file(path)

    def read_rows(self) -> tuple[ReportedCount, ...]:
        out = []
        for r in range(self.table.rowCount()):
            text = [
                self.table.item(r, c).text().strip() if self.table.item(r, c) else ""
                for c in (0, 2, 3)
            ]
            try:
                day = date.fromisoformat(text[0])
            except ValueError:
                raise ValueError(
                    translate(
                        "ReportedCountsDialog", "Row {n}: the date {text!r} is not YYYY-MM-DD"
                    ).format(n=r + 1, text=text[0])
                ) from None
            if not text[1].isdigit():
                raise ValueError(
                    translate(
                        "ReportedCountsDialog", "Row {n}: the count {text!r} is not a whole number"
                    ).format(n=r + 1, text=text[1])
                )
            kind = self.table.cellWidget(r, 1).currentData()
            out.append(ReportedCount(day, kind, int(text[1]), text[2]))
        return tuple(out)

    def accept(self) -> None:
        try:
            self.result_counts = self.read_rows()
        except ValueError as exc:
            self.message.setText(str(exc))
            self.message.setStyleSheet("color: #C0392B")
            return
        super().accept()
