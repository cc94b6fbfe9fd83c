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
