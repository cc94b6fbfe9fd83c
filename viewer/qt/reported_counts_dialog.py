"""Tools > Reported daily counts: type or import the counts a ministry published; the counts
chart shows them hatched beside the counts from the tracks.

Imports read the app's own ``date, kind, count, source`` CSV, the Taiwan ADIZ Violations
Database's daily totals and the ROC MND daily report figures (`viewer.io.reported_counts`);
any other table opens the column mapping (`CountMappingDialog`). One source typed above the
table goes to every new or imported row without one; *Fill down* copies a source down the
selected rows."""

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
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from viewer.core.constants import KINDS
from viewer.core.counts import ReportedCount
from viewer.io.report import TrackImportError
from viewer.io.reported_counts import (
    BALLOONS,
    MEDIAN_LINE,
    CountsLayoutUnknown,
    import_reported_counts,
)
from viewer.qt.count_mapping_dialog import CountMappingDialog
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
        header = self.table.horizontalHeader()
        for column in (0, 1, 2):  # wide enough for the header's words in every language
            header.setSectionResizeMode(column, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.source_edit = QLineEdit()
        self.source_edit.setPlaceholderText(
            translate("ReportedCountsDialog", "e.g. MND press release 2021-10-04")
        )
        self.source_edit.setToolTip(
            translate(
                "ReportedCountsDialog",
                "Given to every new or imported row without a source of its own",
            )
        )
        fill_empty = QPushButton(translate("ReportedCountsDialog", "Apply to rows without one"))
        fill_empty.clicked.connect(self.fill_empty_sources)
        fill_down = QPushButton(translate("ReportedCountsDialog", "Fill down"))
        fill_down.setToolTip(
            translate(
                "ReportedCountsDialog",
                "Copy the first selected row's source to the other selected rows",
            )
        )
        fill_down.clicked.connect(self.fill_down)
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
                "A table (CSV): date, kind, count, source; the Taiwan ADIZ Violations "
                "Database's daily totals; MND daily report figures; or any other, its columns "
                "mapped by hand",
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
        source_row = QHBoxLayout()
        source_row.addWidget(QLabel(translate("ReportedCountsDialog", "Source for all rows:")))
        source_row.addWidget(self.source_edit, 1)
        source_row.addWidget(fill_empty)
        source_row.addWidget(fill_down)
        lay = QVBoxLayout(self)
        lay.addWidget(self.message)
        lay.addLayout(row)
        lay.addLayout(source_row)
        lay.addWidget(self.table, 1)
        lay.addWidget(buttons)
        self.resize(720, 440)

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
        source = count.source if count and count.source else self.source_edit.text().strip()
        self.table.setItem(r, 3, QTableWidgetItem(source))

    def _source_item(self, r: int) -> QTableWidgetItem:
        item = self.table.item(r, 3)
        if item is None:
            item = QTableWidgetItem("")
            self.table.setItem(r, 3, item)
        return item

    def fill_empty_sources(self) -> None:
        """The source typed above goes to every row that has none."""
        source = self.source_edit.text().strip()
        for r in range(self.table.rowCount()):
            item = self._source_item(r)
            if not item.text().strip():
                item.setText(source)

    def fill_down(self) -> None:
        """The first selected row's source goes to the other selected rows."""
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        if len(rows) < 2:
            return
        source = self._source_item(rows[0]).text()
        for r in rows[1:]:
            self._source_item(r).setText(source)

    def delete_rows(self) -> None:
        for r in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(r)

    def import_file(self, path: str, mapping=None) -> bool:
        """Add the counts of the table at ``path``: a recognised layout, else the columns as
        ``mapping`` (a `CountsMapping`) or as the user maps them (`map_columns`)."""
        source = self.source_edit.text().strip()
        try:
            try:
                imported = import_reported_counts(path, mapping, default_source=source)
            except CountsLayoutUnknown as unknown:
                mapping = self.map_columns(unknown.table)
                if mapping is None:
                    return False
                imported = import_reported_counts(path, mapping)
        except TrackImportError as exc:
            self.message.setText(str(exc))
            self.message.setStyleSheet("color: #C0392B")
            return False
        for c in imported.counts:
            self.add_row(c)
        self.message.setStyleSheet("")
        text = translate("ReportedCountsDialog", "Imported {n} rows from {name} ({layout})").format(
            n=len(imported.counts), name=path, layout=imported.layout or "—"
        )
        figures = _figures_text(imported.figures)
        self.message.setText(". ".join(t for t in (text, *imported.notes[:3], figures) if t))
        return True

    def map_columns(self, table):
        """Ask the user what the columns of ``table`` hold; the `CountsMapping`, or None."""
        dialog = CountMappingDialog(table, self.source_edit.text().strip(), self)
        if dialog.exec() != QDialog.Accepted:
            return None
        return dialog.result_mapping

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


def _figures_text(figures) -> str:
    """The figures that are not aircraft by kind, said once: they are not charted."""
    if not figures:
        return ""

    names = {
        MEDIAN_LINE: translate("ReportedCountsDialog", "median-line crossings"),
        BALLOONS: translate("ReportedCountsDialog", "balloons"),
    }
    totals: dict[str, int] = {}
    for f in figures:
        totals[f.what] = totals.get(f.what, 0) + f.count
    parts = [f"{names.get(what, what)} {n}" for what, n in totals.items()]
    return translate(
        "ReportedCountsDialog",
        "Also in the file: {figures} — not aircraft by kind, so not in the counts chart.",
    ).format(figures=", ".join(parts))
