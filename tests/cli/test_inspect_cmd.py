"""`adiz-viewer inspect`: reports without a window, JSON for scripts, exit status."""

import json

from viewer.app import main

GOOD = "id,time,lat,lon\nA,2021-10-04T00:00:00Z,22,120\nA,2021-10-04T00:01:00Z,95,120\n"


def test_inspect_prints_the_report(tmp_path, capsys):
    path = tmp_path / "good.csv"
    path.write_text(GOOD)
    assert main(["inspect", str(path)]) == 0
    out = capsys.readouterr().out
    assert "1 fixes in 1 tracks" in out
    assert "line 3: latitude out of range" in out
    assert "2021-10-04 00:00:00" in out


def test_inspect_json_and_exit_status_2_when_a_file_fails(tmp_path, capsys):
    good = tmp_path / "good.csv"
    good.write_text(GOOD)
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"")
    assert main(["inspect", "--json", str(good), str(bad)]) == 2
    data = json.loads(capsys.readouterr().out)
    assert (
        data[0]["ok"] and data[0]["fixes"] == 1 and data[0]["time_start"] == "2021-10-04T00:00:00Z"
    )
    assert data[0]["skipped"] == [
        {"line": 3, "reason": "latitude out of range (expected -90..90); got '95'"}
    ]
    assert not data[1]["ok"] and "empty" in data[1]["error"]


def test_inspect_with_declared_time_zone(tmp_path, capsys):
    path = tmp_path / "naive.csv"
    path.write_text("id,time,lat,lon\nA,2021-10-04 08:00,22,120\n")
    assert main(["inspect", str(path)]) == 2
    assert "no time zone" in capsys.readouterr().err
    assert main(["inspect", "--tz", "Asia/Taipei", "--json", str(path)]) == 0
    assert json.loads(capsys.readouterr().out)["time_start"] == "2021-10-04T00:00:00Z"
