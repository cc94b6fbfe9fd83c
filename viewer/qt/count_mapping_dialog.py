"""Map a count table's columns by hand: for a published table whose layout is not recognised,
the user says what each column holds (the date, a source, a kind and a count, or one column
per kind); the first rows are shown as they are in the file."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from viewer.io.reported_counts import (
    BALLOONS,
    IGNORE,
    MEDIAN_LINE,
    TOTAL,
    CountsMapping,
    CountTable,
    column_meaning,
)
from viewer.qt.i18n import translate
from viewer.qt.traced_panel import kind_names

PREVIEW_ROWS = 6
DATE, SOURCE, KIND_COLUMN, COUNT_COLUMN = "date", "source", "kind_column", "count_column"


def roles() -> dict[str, str]:
    """Column role -> its name in the combo (a kind in KINDS, or one of the others)."""
    out = {
        IGNORE: translate("CountMappingDialog", "(not used)"),
        DATE: translate("CountMappingDialog", "Date"),
        SOURCE: translate("CountMappingDialog", "Source"),
        KIND_COLUMN: translate("CountMappingDialog", "Kind or aircraft type (one row per kind)"),
        COUNT_COLUMN: translate("CountMappingDialog", "Count (one row per kind)"),
        TOTAL: translate("CountMappingDialog", "Total aircraft"),
    }
    for key, name in kind_names().items():
        out[key] = translate("CountMappingDialog", "Count of: {kind}").format(kind=name)
    out[MEDIAN_LINE] = translate("CountMappingDialog", "Median-line crossings")
    out[BALLOONS] = translate("CountMappingDialog", "Balloons")
    return out


class CountMappingDialog(QDialog):
    """``mapping()`` after OK: the `CountsMapping` the user chose (checked; a mapping that
    cannot be read keeps the dialog open with a message)."""

    def __init__(self, table: CountTable, default_source: str = "", parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("CountMappingDialog", "Map the columns of the counts"))
        self.table_data = table
        self.default_source = default_source
        self.result_mapping: CountsMapping | None = None
        n = len(table.header)
        self.preview = QTableWidget(min(PREVIEW_ROWS, len(table.rows)) + 1, n)
        self.preview.setHorizontalHeaderLabels(table.header)
        self.preview.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.preview.verticalHeader().setVisible(False)
        self.combos: list[QComboBox] = []
        names = roles()
        for c, header in enumerate(table.header):
            combo = QComboBox()
            combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(14)  # long role names elide; the list shows them whole
            for key, name in names.items():
                combo.addItem(name, key)
            combo.setCurrentIndex(max(0, combo.findData(self._guess(header))))
            self.preview.setCellWidget(0, c, combo)
            self.combos.append(combo)
        for r, (_, row) in enumerate(table.rows[:PREVIEW_ROWS], start=1):
            for c in range(n):
                self.preview.setItem(r, c, QTableWidgetItem(row[c] if c < len(row) else ""))
        header = self.preview.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        self.preview.resizeColumnsToContents()
        self.date_order = QComboBox()
        for key, name in (
            ("ymd", translate("CountMappingDialog", "year-month-day (2021-10-04)")),
            ("mdy", translate("CountMappingDialog", "month/day/year (10/4/2021)")),
            ("dmy", translate("CountMappingDialog", "day/month/year (4/10/2021)")),
        ):
            self.date_order.addItem(name, key)
        self.message = QLabel(
            translate(
                "CountMappingDialog",
                "Say what each column holds: a date, and either a kind column with a count "
                "column (one row per day and kind) or one column per kind.",
            )
        )
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(translate("CountMappingDialog", "Dates written as"), self.date_order)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.message)
        lay.addWidget(self.preview, 1)
        lay.addLayout(form)
        lay.addWidget(buttons)
        self.resize(760, 360)

    @staticmethod
    def _guess(header: str) -> str:
        low = header.strip().lower()
        if low in ("date", "day", "日期"):
            return DATE
        if low in ("source", "來源"):
            return SOURCE
        return column_meaning(header) or IGNORE

    def set_role(self, column: int, role: str) -> None:
        self.combos[column].setCurrentIndex(self.combos[column].findData(role))

    def chosen(self) -> CountsMapping:
        """The mapping the combos say; ValueError (a sentence for the user) when incomplete."""
        by_role: dict[str, list[int]] = {}
        for c, combo in enumerate(self.combos):
            by_role.setdefault(combo.currentData(), []).append(c)
        one = translate("CountMappingDialog", "Choose exactly one {role} column.")
        for role in (DATE, SOURCE, KIND_COLUMN, COUNT_COLUMN):
            if len(by_role.get(role, [])) > 1 or (role == DATE and not by_role.get(DATE)):
                raise ValueError(one.format(role=roles()[role]))
        kind_col, count_col = by_role.get(KIND_COLUMN), by_role.get(COUNT_COLUMN)
        columns = tuple(
            (c, role)
            for role, cols in by_role.items()
            if role not in (IGNORE, DATE, SOURCE, KIND_COLUMN, COUNT_COLUMN)
            for c in cols
        )
        if bool(kind_col) != bool(count_col) or not (kind_col or columns):
            raise ValueError(
                translate(
                    "CountMappingDialog",
                    "Choose a kind column and a count column, or at least one column of counts "
                    "of a kind.",
                )
            )
        return CountsMapping(
            date_column=by_role[DATE][0],
            kind_column=kind_col[0] if kind_col else None,
            count_column=count_col[0] if count_col else None,
            count_columns=() if kind_col else tuple(sorted(columns)),
            source_column=by_role[SOURCE][0] if by_role.get(SOURCE) else None,
            date_order=self.date_order.currentData(),
            default_source=self.default_source,
        )

    def accept(self) -> None:
        try:
            self.result_mapping = self.chosen()
        except ValueError as exc:
            self.message.setText(str(exc))
            self.message.setStyleSheet("color: #C0392B")
            return
        super().accept()
