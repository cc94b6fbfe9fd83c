"""`adiz-viewer events`: one CSV row per event, to a file or standard output."""

import pandas as pd

from viewer.app import main

CSV = (
    "id,time,lat,lon,type\n"
    "A,2021-10-04T00:00:00Z,22.0,124.0,J-16\n"  # east of the Taiwan ADIZ ...
    "A,2021-10-04T00:30:00Z,22.0,121.0,J-16\n"  # ... enters across the SE edge at 122.5E
    "M,2021-10-04T00:00:00Z,25.0,119.0,Y-8\n"  # west of the median line ...
    "M,2021-10-04T00:10:00Z,25.0,121.0,Y-8\n"  # ... crosses it eastward at 120E
)


def test_events_to_a_csv_file(tmp_path, capsys):
    src = tmp_path / "t.csv"
    src.write_text(CSV)
    out = tmp_path / "events.csv"
    assert main(["events", str(src), "--zones", "taiwan_adiz,median_line", "--out", str(out)]) == 0
    ev = pd.read_csv(out)
    entry = ev[(ev.track_id == "A") & (ev.zone_id == "taiwan_adiz")].iloc[0]
    assert entry.event == "entry" and entry.time == "2021-10-04T00:15:00Z"
    assert entry.lon == 122.5 and bool(entry.approximate)
    cross = ev[(ev.track_id == "M") & (ev.zone_id == "median_line")].iloc[0]
    assert (cross.event, cross.side, cross.time) == ("crossing", "east", "2021-10-04T00:05:00Z")
    assert list(ev.columns)[:8] == [
        "time",
        "track_id",
        "kind",
        "zone_id",
        "event",
        "lon",
        "lat",
        "seconds_inside",
    ]


def test_events_to_stdout_and_bad_input(tmp_path, capsys):
    src = tmp_path / "t.csv"
    src.write_text(CSV)
    assert main(["events", str(src)]) == 0
    assert "taiwan_adiz,entry" in capsys.readouterr().out
    assert main(["events", str(src), "--zones", "nowhere"]) == 2
    assert "unknown zone" in capsys.readouterr().err
    bad = tmp_path / "bad.csv"
    bad.write_text("x\n")
    assert main(["events", str(bad)]) == 2
    assert "bad.csv" in capsys.readouterr().err
