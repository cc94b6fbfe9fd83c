"""The counts chart counts what it says: aircraft only, per the day chosen, from the tracks
chosen; drawn-versus-reported compares only those tracks (issue 22)."""

from __future__ import annotations

from datetime import date

import pandas as pd

from viewer.core.counts import ReportedCount
from viewer.qt.counts_chart import CountsPanel

TRACED = "Traced tracks"


def _events() -> pd.DataFrame:
    rows = [  # (time UTC, file, track, kind)
        ("2021-10-04T02:00Z", "/data/record_day.csv", "J1", "fighter"),
        ("2021-10-04T02:10Z", "/data/record_day.csv", "CCG1", "ship"),
        ("2021-10-04T03:00Z", TRACED, "H-6K", "bomber"),
        ("2021-10-04T22:30Z", TRACED, "H-6K-2", "bomber"),  # 06:30 on 5 Oct in Taipei
    ]
    return pd.DataFrame(
        {
            "time": pd.to_datetime([r[0] for r in rows], utc=True),
            "path": [r[1] for r in rows],
            "track_id": [r[2] for r in rows],
            "kind": [r[3] for r in rows],
            "zone_id": "taiwan_adiz",
            "event": "entry",
        }
    )


AIRCRAFT = {
    ("/data/record_day.csv", "J1"): 4,
    ("/data/record_day.csv", "CCG1"): 1,
    (TRACED, "H-6K"): 4,
    (TRACED, "H-6K-2"): 4,
}


def test_all_tracks_by_mnd_day_aircraft_only(qtbot) -> None:
    panel = CountsPanel()
    qtbot.addWidget(panel)
    panel.set_inputs(
        _events(), AIRCRAFT, (), ["/data/record_day.csv", TRACED], "Asia/Taipei", TRACED
    )
    counts = panel.bars.counts
    assert panel.source.currentText() == "all loaded tracks"
    assert list(counts.totals) == [8, 4]  # J1 x4 + H-6K x4; H-6K-2 on MND's 5 Oct
    assert list(counts.apart["ship"]) == [1, 0]
    assert "per MND day (06:00–06:00 Asia/Taipei), from all loaded tracks" in panel.title.text()
    panel.day.setCurrentIndex(panel.day.findText("calendar day (UTC)"))
    assert list(panel.bars.counts.totals) == [12]
    assert "per calendar day (UTC)" in panel.title.text()


def test_reported_figures_are_set_against_the_traced_tracks_only(qtbot) -> None:
    panel = CountsPanel()
    qtbot.addWidget(panel)
    reported = (ReportedCount(date(2021, 10, 4), "bomber", 4, "MND (illustrative)"),)
    panel.set_inputs(
        _events(), AIRCRAFT, reported, ["/data/record_day.csv", TRACED], "Asia/Taipei", TRACED
    )
    assert panel.source.currentText() == "traced tracks"
    counts = panel.bars.counts
    assert list(counts.totals) == [4, 4] and "fighter" not in counts.table.columns
    assert list(panel.bars.reported["bomber"]) == [4, 0]
    # the user's choice holds when the inputs come again (events recomputed, say)
    panel.source.setCurrentIndex(panel.source.findData("/data/record_day.csv"))
    panel.source.activated.emit(panel.source.currentIndex())
    panel.set_inputs(
        _events(), AIRCRAFT, reported, ["/data/record_day.csv", TRACED], "Asia/Taipei", TRACED
    )
    assert panel.source.currentText() == "record_day.csv"
    assert list(panel.bars.counts.totals) == [4]  # J1 x4; the ship apart
    # hourly: the reported daily figures are not drawn, and the line says why
    panel.day.setCurrentIndex(panel.day.findText("hour (Asia/Taipei)"))
    assert panel.bars.reported is None and "per day" in panel.title.text()
