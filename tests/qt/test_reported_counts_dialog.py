"""Reported daily counts dialog: headers shown whole, one source for all rows, fill down, the
published layouts imported, and the column mapping for any other table (issue 16, 22 item 6)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QTimer
from PySide6.QtWidgets import QApplication

from viewer.io.reported_counts import MEDIAN_LINE, read_count_table
from viewer.qt.count_mapping_dialog import COUNT_COLUMN, DATE, KIND_COLUMN, CountMappingDialog
from viewer.qt.reported_counts_dialog import ReportedCountsDialog

DATA = Path(__file__).resolve().parents[1] / "data" / "counts"
OCT4 = date(2021, 10, 4)


def _dialog(qtbot) -> ReportedCountsDialog:
    d = ReportedCountsDialog((), OCT4)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


def test_every_header_is_shown_whole(qtbot) -> None:
    d = _dialog(qtbot)
    header = d.table.horizontalHeader()
    metrics = header.fontMetrics()
    for column in range(d.table.columnCount()):
        text = d.table.horizontalHeaderItem(column).text()
        assert header.sectionSize(column) >= metrics.horizontalAdvance(text), text


def test_one_source_for_every_new_row_and_fill_down(qtbot) -> None:
    d = _dialog(qtbot)
    d.add_row(None)
    d.source_edit.setText("MND press release 2021-10-04")
    d.add_row(None)
    d.add_row(None)
    assert [d.table.item(r, 3).text() for r in range(3)] == [
        "",
        "MND press release 2021-10-04",
        "MND press release 2021-10-04",
    ]
    d.fill_empty_sources()
    assert d.table.item(0, 3).text() == "MND press release 2021-10-04"
    d.table.item(0, 3).setText("AFP")
    selection = d.table.selectionModel()
    for r in range(3):
        index = d.table.model().index(r, 0)
        selection.select(index, QItemSelectionModel.Select | QItemSelectionModel.Rows)
    d.fill_down()
    assert [d.table.item(r, 3).text() for r in range(3)] == ["AFP"] * 3
    for r in range(3):
        d.table.item(r, 2).setText("1")
    d.accept()
    assert {c.source for c in d.result_counts} == {"AFP"}


def test_imports_the_adiz_database_with_the_typed_source(qtbot) -> None:
    d = _dialog(qtbot)
    d.source_edit.setText("Taiwan ADIZ Violations Database")
    assert d.import_file(str(DATA / "adiz_database_daily_totals.csv"))
    d.accept()
    oct4 = [c for c in d.result_counts if c.date == OCT4]
    assert sum(c.count for c in oct4) == 56
    assert {c.source for c in d.result_counts} == {"Taiwan ADIZ Violations Database"}
    assert "month/day/year" in d.message.text()


def test_mnd_figures_that_are_not_kinds_are_said(qtbot) -> None:
    d = _dialog(qtbot)
    assert d.import_file(str(DATA / "mnd_daily_report.csv"))
    assert "median-line crossings 5" in d.message.text()
    assert "not in the counts chart" in d.message.text()


def test_an_unknown_table_opens_the_column_mapping(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "counts.csv"
    path.write_text("Tag,Typ,Flugzeuge\n2021-10-04,J-16,38\n2021-10-04,KJ-500,2\n")
    d = _dialog(qtbot)
    seen: list[CountMappingDialog] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, CountMappingDialog)
        seen.append(dialog)
        dialog.set_role(0, DATE)
        dialog.set_role(1, KIND_COLUMN)
        dialog.accept()  # no count column yet: refused, the dialog stays open
        assert dialog.isVisible() and "count column" in dialog.message.text()
        dialog.set_role(2, COUNT_COLUMN)
        dialog.accept()

    QTimer.singleShot(0, answer)
    assert d.import_file(str(path))
    assert seen
    d.accept()
    assert [(c.kind, c.count) for c in d.result_counts] == [("fighter", 38), ("isr", 2)]


def test_the_mapping_guesses_from_the_headers(qtbot) -> None:
    table = read_count_table(DATA / "mnd_daily_report.csv")
    dialog = CountMappingDialog(table)
    qtbot.addWidget(dialog)
    guessed = [c.currentData() for c in dialog.combos]
    assert guessed[:3] == [DATE, "total", "fighter"]
    assert MEDIAN_LINE in guessed
    mapping = dialog.chosen()
    assert mapping.date_column == 0 and (7, MEDIAN_LINE) in mapping.count_columns


def test_cancelling_the_mapping_imports_nothing(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "counts.csv"
    path.write_text("a,b\n1,2\n")
    d = _dialog(qtbot)
    QTimer.singleShot(0, lambda: QApplication.activeModalWidget().reject())
    assert not d.import_file(str(path))
    assert d.table.rowCount() == 0
