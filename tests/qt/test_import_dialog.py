"""The import dialog maps unrecognised columns; the file then reads with those options."""

import pandas as pd
import pytest

from viewer.io.registry import read_tracks
from viewer.io.report import ColumnsUnknown


def test_unknown_columns_are_reported_with_the_header(tmp_path):
    path = tmp_path / "odd.csv"
    path.write_text("when_seen,north,east,who,height\n2021-10-04T00:00:00Z,22,120,A,10000\n")
    with pytest.raises(ColumnsUnknown) as err:
        read_tracks(path)
    assert err.value.columns == ["when_seen", "north", "east", "who", "height"]


def test_dialog_builds_the_read_options(qapp, tmp_path):
    from viewer.qt.import_dialog import ImportDialog

    path = tmp_path / "odd.csv"
    path.write_text("when_seen,north,east,who,height\n2021-10-04 08:00:00,22,120,A,10000\n")
    dialog = ImportDialog("odd.csv", ["when_seen", "north", "east", "who", "height"])
    assert not dialog.ok_button.isEnabled()
    dialog.combos["time"].setCurrentText("when_seen")
    dialog.combos["lat"].setCurrentText("north")
    dialog.combos["lon"].setCurrentText("east")
    assert dialog.ok_button.isEnabled()
    dialog.combos["track_id"].setCurrentText("who")
    dialog.combos["alt_m"].setCurrentText("height")
    dialog.alt_unit.setCurrentText("ft")
    dialog.zone.setCurrentText("Asia/Taipei")
    frame = read_tracks(path, dialog.options()).frame
    assert frame["time"].iloc[0] == pd.Timestamp("2021-10-04T00:00:00Z")
    assert frame["alt_m"].iloc[0] == pytest.approx(3048.0)
    assert frame["track_id"].iloc[0] == "A"


ALT_CSV = (
    "id,time,lat,lon,alt\n"
    "A,2021-10-04T00:00:00Z,22.0,120.0,35000\n"
    "A,2021-10-04T00:10:00Z,22.5,120.5,41000\n"
)


@pytest.fixture
def alt_csv(tmp_path):
    path = tmp_path / "alt.csv"
    path.write_text(ALT_CSV)
    return path


def _unit_dialog(qtbot, window, path):
    window.open_files([str(path)])
    qtbot.waitUntil(lambda: window.import_dialog is not None, timeout=10_000)
    return window.import_dialog


def test_an_unsure_unit_opens_the_dialog_prefilled_and_highlighted(qtbot, window, alt_csv):
    dialog = _unit_dialog(qtbot, window, alt_csv)
    assert dialog.isVisible() and not window.tracks.items
    assert dialog.combos["alt_m"].currentText() == "alt"  # the detected mapping
    assert dialog.combos["time"].currentText() == "time"
    assert dialog.combos["track_id"].currentText() == "id"
    assert dialog.alt_unit.currentText() == "ft"  # the guess
    label = dialog.unsure_labels["alt_m"]
    assert label.isVisible()
    assert "values up to 41,000: probably feet" in label.text() and "'alt'" in label.text()
    assert "background" in dialog.alt_unit.styleSheet()
    assert "speed_kt" not in dialog.unsure_labels  # no speed column: nothing to ask
    assert dialog.ok_button.isEnabled()
    dialog.reject()


@pytest.mark.parametrize(("unit", "metres"), [("ft", 41000 * 0.3048), ("m", 41000.0)])
def test_the_unit_chosen_converts_the_altitudes_and_is_recorded(
    qtbot, window, alt_csv, unit, metres
):
    dialog = _unit_dialog(qtbot, window, alt_csv)
    dialog.alt_unit.setCurrentText(unit)
    dialog.accept()
    qtbot.waitUntil(lambda: len(window.tracks.items) == 1, timeout=10_000)
    trackset = window.tracks.items[0].trackset
    assert float(trackset.alt_m[1]) == pytest.approx(metres, rel=1e-6)
    report = window.reports[str(alt_csv.resolve())]
    word = {"ft": "feet", "m": "metres"}[unit]
    assert f"altitude unit: {word} (confirmed by user)" in report.notices
    assert window.import_dialog is None


def test_cancelling_the_unit_dialog_leaves_the_app_as_it_was(qtbot, window, alt_csv):
    dialog = _unit_dialog(qtbot, window, alt_csv)
    dialog.reject()
    qtbot.waitUntil(lambda: window.import_dialog is None, timeout=5_000)
    qtbot.wait(200)  # nothing is loaded later either
    assert not window.tracks.items and not window.reports and not window._loading
    assert not window.progress_bar.isVisible()
    assert "not loaded" in window.statusBar().currentMessage()
