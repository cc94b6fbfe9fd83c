"""Writing Tacview ACMI 2.2: a known answer against a hand-written recording, and a round trip
through the reader (tests/data/README.md cites the format)."""

from pathlib import Path

import numpy as np
import pytest

from viewer.app import main
from viewer.io.acmi_writer import acmi_text, write_acmi
from viewer.io.registry import load_trackset

DATA = Path(__file__).resolve().parents[1] / "data" / "acmi"


def test_known_answer_against_a_hand_written_recording() -> None:
    trackset, _ = load_trackset(DATA / "two_tracks.csv")
    expected = (DATA / "two_tracks_expected.txt.acmi").read_text(encoding="utf-8")
    assert acmi_text(trackset, "Known answer") == expected


@pytest.mark.parametrize("name", ["again.txt.acmi", "again.zip.acmi"])
def test_round_trip_keeps_positions_times_kinds_and_callsigns(tmp_path: Path, name) -> None:
    original, _ = load_trackset(DATA / "sortie_2021-10-04.txt.acmi")
    path = write_acmi(original, tmp_path / name)
    again, report = load_trackset(path)
    assert report.schema == "Tacview ACMI 2.x"
    assert len(again.ids) == len(original.ids)
    # ids become 1, 2, ... in the recording; match the tracks by their order and fixes
    for i in range(len(original.ids)):
        a = slice(original.offsets[i], original.offsets[i + 1])
        b = slice(again.offsets[i], again.offsets[i + 1])
        np.testing.assert_allclose(again.t[b], original.t[a])
        np.testing.assert_allclose(again.lon[b], original.lon[a], atol=1e-6)
        np.testing.assert_allclose(again.lat[b], original.lat[a], atol=1e-6)
        np.testing.assert_allclose(again.alt_m[b], original.alt_m[a], atol=0.05)
        assert again.kinds[i] == original.kinds[i]
        assert again.callsigns[i] == original.callsigns[i]


def test_the_command_line_writes_a_recording(tmp_path: Path, capsys) -> None:
    out = tmp_path / "out.zip.acmi"
    assert main(["acmi", str(DATA / "two_tracks.csv"), "--out", str(out)]) == 0
    trackset, _ = load_trackset(out)
    assert len(trackset.ids) == 2 and len(trackset.t) == 3
    assert "2 tracks, 3 fixes" in capsys.readouterr().out
    assert main(["acmi", str(DATA / "two_tracks.csv"), "--out", str(tmp_path / "x.csv")]) == 2
