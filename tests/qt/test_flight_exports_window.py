"""The window opens the new sources as a user would: a globe-history folder (dropped or named),
a Tacview recording and a Flightradar24 KML, each a track layer (issue 16)."""

from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"


def test_the_window_opens_a_globe_folder_an_acmi_and_a_flight_kml(qtbot, window) -> None:
    paths = [
        DATA / "readsb" / "globe_2021-10-04",
        DATA / "acmi" / "sortie_2021-10-04.txt.acmi",
        DATA / "kml" / "fr24_CI5825.kml",
    ]
    window.open_files([str(p) for p in paths])
    qtbot.waitUntil(lambda: len(window.session.tracks.items) == 3, timeout=20_000)
    ids = {Path(i.path).name: sorted(i.trackset.ids) for i in window.session.tracks.items}
    assert ids == {
        "globe_2021-10-04": ["780a23", "~e2e045"],
        "sortie_2021-10-04.txt.acmi": ["a01", "a02", "a02/2", "b01"],
        "fr24_CI5825.kml": ["CI5825/CAL5825"],
    }
