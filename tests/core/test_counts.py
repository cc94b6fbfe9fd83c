"""Counts per day by kind, weighted by the aircraft a track stands for."""

import pandas as pd

from viewer.core.counts import entries_by_bin, reference_figures


def test_entries_counted_once_per_track_per_day_in_the_zone_time():
    t = pd.to_datetime(
        ["2021-10-04T01:00Z", "2021-10-04T02:00Z", "2021-10-04T17:00Z", "2021-10-05T01:00Z"],
        utc=True,
    )
    events = pd.DataFrame(
        {
            "time": t,
            "track_id": ["A", "A", "B", "C"],
            "kind": ["fighter", "fighter", "bomber", "fighter"],
            "zone_id": "z",
            "event": "entry",
        }
    )
    c = entries_by_bin(events, {"A": 4, "B": 1, "C": 2}, "z", tz="Asia/Taipei", freq="D")
    # 17:00Z on the 4th is 01:00 on the 5th in Taipei
    assert list(c.totals) == [4.0, 3.0]
    assert c.table.loc[c.table.index[1], "bomber"] == 1.0


def test_reference_figures_are_those_of_the_reference():
    series = {s.id: s for s in reference_figures()}
    pla = series["pla_aircraft_taiwan_adiz"]
    assert pla.values[2022] == 1727 and pla.values[2024] == 3070
    assert series["ccg_days_senkaku_cz"].values[2025] == 357  # Kyodo, 31 Dec 2025
