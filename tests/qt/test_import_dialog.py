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
    qtbot.waitUntil(lambda: window.track_files.import_dialog is not None, timeout=10_000)
    return window.track_files.import_dialog


def test_an_unsure_unit_opens_the_dialog_prefilled_and_highlighted(qtbot, window, alt_csv):
    dialog = _unit_dialog(qtbot, window, alt_csv)
    assert dialog.isVisible() and not window.session.tracks.items
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
    qtbot.waitUntil(lambda: len(window.session.tracks.items) == 1, timeout=10_000)
    trackset = window.session.tracks.items[0].trackset
    assert float(trackset.alt_m[1]) == pytest.approx(metres, rel=1e-6)
    report = window.session.reports[str(alt_csv.resolve())]
    word = {"ft": "feet", "m": "metres"}[unit]
    assert f"altitude unit: {word} (confirmed by user)" in report.notices
    assert window.track_files.import_dialog is None


def test_cancelling_the_unit_dialog_leaves_the_app_as_it_was(qtbot, window, alt_csv):
    dialog = _unit_dialog(qtbot, window, alt_csv)
    dialog.reject()
    qtbot.waitUntil(lambda: window.track_files.import_dialog is None, timeout=5_000)
    qtbot.wait(200)  # nothing is loaded later either
    assert (
        not window.session.tracks.items
        and not window.session.reports
        and not window.track_files._loading
    )
    assert not window.track_files.progress_bar.isVisible()
    assert "cancelled" in window.statusBar().currentMessage()


SPEED_CSV = (
    "id,time,lat,lon,alt,speed\n"
    "A,2021-10-04T00:00:00Z,22.0,120.0,35000,420\n"
    "A,2021-10-04T00:10:00Z,22.5,120.5,41000,450\n"
)


def _other_window(qtbot):
    from viewer.core.catalog import load_catalog
    from viewer.core.map_state import MapState
    from viewer.core.session import Session
    from viewer.qt.main_window import MainWindow

    other = MainWindow(Session(MapState(load_catalog())))
    qtbot.addWidget(other)
    other.resize(1200, 800)
    other.show()
    qtbot.waitExposed(other)
    return other


def test_units_confirmed_are_kept_in_the_briefing_and_not_asked_again(
    qtbot, window, tmp_path, monkeypatch
):
    from viewer.core.briefing import load_briefing
    from viewer.qt.import_dialog import ImportDialog

    path = tmp_path / "sorties.csv"
    path.write_text(SPEED_CSV)
    dialog = _unit_dialog(qtbot, window, path)
    assert (dialog.alt_unit.currentText(), dialog.speed_unit.currentText()) == ("ft", "kt")
    dialog.alt_unit.setCurrentText("m")  # neither is the guess: the user knows the file
    dialog.speed_unit.setCurrentText("kmh")
    dialog.zone.setCurrentText("Asia/Taipei")
    dialog.accept()
    qtbot.waitUntil(
        lambda: len(window.session.tracks.items) == 1 and not window.track_files._loading,
        timeout=10_000,
    )
    out = tmp_path / "lesson.briefing.json"
    assert window.briefings.save_briefing_as(str(out))

    opened = []
    monkeypatch.setattr(ImportDialog, "open", lambda self: opened.append(self))
    other = _other_window(qtbot)
    assert other.briefings.open_briefing(out)
    qtbot.waitUntil(
        lambda: (
            bool(opened)
            or (not other.track_files._loading and len(other.session.tracks.items) == 1)
        ),
        timeout=10_000,
    )
    qtbot.wait(200)  # no dialog comes later either
    assert not opened and other.track_files.import_dialog is None, "the import dialog asked again"
    trackset = other.session.tracks.items[0].trackset
    assert float(trackset.alt_m[1]) == pytest.approx(41000.0)  # metres, as confirmed
    assert float(trackset.speed_kt[1]) == pytest.approx(450 / 1.852, rel=1e-6)  # km/h -> kt
    report = other.session.reports[str(path.resolve())]
    assert "altitude unit: metres (confirmed by user)" in report.notices
    assert "speed unit: km/h (confirmed by user)" in report.notices
    assert not any("has no unit" in w for w in report.warnings)
    ref = load_briefing(out).files[0]  # what the briefing keeps for the file
    assert (ref.path, ref.tz) == ("sorties.csv", "Asia/Taipei")
    assert (ref.altitude_unit, ref.speed_unit) == ("m", "kmh")
    assert set(ref.confirmed_units) == {"alt_m", "speed_kt"}
    assert ref.columns["alt_m"] == "alt" and ref.columns["speed_kt"] == "speed"
    # and saving again keeps them (save -> open -> save: the same document)
    first = out.read_bytes()
    assert other.briefings.save_briefing()
    assert out.read_bytes() == first


def test_a_briefing_without_stored_units_asks_as_before(qtbot, window, alt_csv):
    """A version 2 briefing keeps no units: its file with a guessed unit is asked about."""
    import json

    doc = {
        "format": "adiz-viewer-briefing",
        "schema_version": 2,
        "title": "Old lesson",
        "files": [{"path": alt_csv.name, "tz": None}],
        "view": {"center_lon": 121.0, "center_lat": 24.5, "metres_per_pixel": 1200.0, "crs": "lcc"},
    }
    out = alt_csv.parent / "old.briefing.json"
    out.write_text(json.dumps(doc))
    assert window.briefings.open_briefing(out)
    qtbot.waitUntil(lambda: window.track_files.import_dialog is not None, timeout=10_000)
    assert window.track_files.import_dialog.alt_unit.currentText() == "ft"
    window.track_files.import_dialog.reject()


def _recent():
    from PySide6.QtCore import QSettings

    from viewer.qt.app_settings import ORG_NAME, as_list

    return as_list(QSettings(ORG_NAME, ORG_NAME).value("files/recent"))


def test_cancelling_the_unit_dialog_does_not_remember_the_file(qtbot, window, alt_csv):
    before = _recent()
    menu_before = [a.statusTip() for a in window.recent_menu.actions()]
    layers_before = [st.id for st in window.state.layers]
    dialog = _unit_dialog(qtbot, window, alt_csv)
    dialog.reject()
    qtbot.waitUntil(lambda: window.track_files.import_dialog is None, timeout=5_000)
    qtbot.wait(200)
    assert _recent() == before
    assert [a.statusTip() for a in window.recent_menu.actions()] == menu_before
    assert str(alt_csv.resolve()) not in _recent()
    assert not window.session.tracks.items and not window.session.reports  # no layer added
    assert [st.id for st in window.state.layers] == layers_before
    assert "cancelled" in window.statusBar().currentMessage()
    assert alt_csv.name in window.statusBar().currentMessage()


def test_a_file_that_loads_is_remembered(qtbot, window, alt_csv):
    dialog = _unit_dialog(qtbot, window, alt_csv)
    assert str(alt_csv.resolve()) not in _recent()  # not while it is only being asked about
    dialog.accept()
    qtbot.waitUntil(lambda: len(window.session.tracks.items) == 1, timeout=10_000)
    assert _recent()[0] == str(alt_csv.resolve())
    assert window.recent_menu.actions()[0].statusTip() == str(alt_csv.resolve())


def test_a_file_that_fails_to_load_is_not_remembered(qtbot, window, tmp_path):
    path = tmp_path / "broken.csv"
    path.write_text("id,time,lat,lon\nA,not a time,91,200\n")
    before = _recent()
    window.open_files([str(path)])
    qtbot.waitUntil(lambda: not window.track_files._loading, timeout=10_000)
    assert "broken.csv" in window.last_error and not window.session.tracks.items
    assert _recent() == before


def test_the_dialog_shows_the_rows_as_they_will_be_read(qtbot, window, alt_csv):
    """The first rows with the chosen unit applied: feet shows 41,000 ft as 12,496.8 m, metres
    as 41,000; a wrong guess is seen before loading."""
    dialog = _unit_dialog(qtbot, window, alt_csv)
    assert dialog.preview.isVisible()
    assert dialog.schema_label.text() == "Columns matched by their names"
    header = [dialog.preview.horizontalHeaderItem(c).text() for c in range(7)]
    assert header[:2] == ["Track", "Time (UTC)"] and header[4] == "Altitude (m)"
    assert dialog.preview.rowCount() == 2
    assert dialog.preview.item(1, 1).text() == "2021-10-04 00:10:00"
    assert dialog.preview.item(1, 4).text() == "12,496.8"  # 41,000 ft, the guess
    dialog.alt_unit.setCurrentText("m")
    assert dialog.preview.item(1, 4).text() == "41,000.0"
    dialog.split.setChecked(True)
    assert dialog.options().split_flights == 30 * 60.0
    dialog.reject()


def test_the_dialog_names_a_recognised_source(qapp, tmp_path):
    from viewer.qt.import_dialog import ImportDialog

    path = tmp_path / "export.csv"
    path.write_text(
        ",timestamp,icao24,latitude,longitude,groundspeed,track,callsign,altitude\n"
        "0,2021-10-04 00:00:00+00:00,899063,25.08,121.23,450.0,45.0,EVA123,35000.0\n"
    )
    columns = ["", "timestamp", "icao24", "latitude", "longitude", "groundspeed", "track"]
    dialog = ImportDialog("export.csv", columns, path=str(path))
    assert dialog.schema_label.text() == "Recognised as: traffic export"
    assert dialog.preview.item(0, 0).text() == "899063"
    assert dialog.preview.item(0, 4).text() == "10,668.0"  # feet, as traffic documents


def test_the_zone_says_the_file_gives_it_until_one_is_chosen(qapp):
    """No zone given: the box reads "(the file says)" and no zone is declared; a zone given is
    shown (a loop variable hid it: the box showed Asia/Seoul, the list's last, and declared it)."""
    from viewer.qt.import_dialog import ImportDialog

    dialog = ImportDialog("x.csv", ["time", "lat", "lon"])
    assert dialog.zone.currentText() == "(the file says)"
    assert dialog.options().tz is None
    assert ImportDialog("x.csv", ["time"], zone="Asia/Tokyo").options().tz == "Asia/Tokyo"
