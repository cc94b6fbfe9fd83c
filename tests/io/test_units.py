"""Units the header does not give: guessed from the values with a reason; the app asks
(``confirm_units``), the command line warns and reads on; a confirmed unit is applied and
recorded in the report."""

from dataclasses import replace

import numpy as np
import pytest

from viewer.core.briefing import Briefing
from viewer.core.constants import ALT_M, FT_IN_M, SPEED_KT
from viewer.io.registry import ReadOptions, load_trackset, read_tracks
from viewer.io.report import UnitsUnsure

HEADER = "id,time,lat,lon,alt,speed\n"


def _csv(write, alts, speeds=(400, 420)):
    rows = [
        f"A,2021-10-04T00:0{i}:00Z,22,120,{alt},{speed}"
        for i, (alt, speed) in enumerate(zip(alts, speeds, strict=True))
    ]
    return write("units.csv", HEADER + "\n".join(rows) + "\n")


def test_unsure_units_are_raised_with_the_mapping_the_candidates_and_a_reason(write):
    path = _csv(write, [35000, 41000], [400, 900])
    with pytest.raises(UnitsUnsure) as err:
        read_tracks(path, ReadOptions(confirm_units=True))
    units = {u.field: u for u in err.value.units}
    assert set(units) == {ALT_M, SPEED_KT}
    alt = units[ALT_M]
    assert (alt.column, alt.choices, alt.guess) == ("alt", ("m", "ft"), "ft")
    assert alt.reason == "values up to 41,000: probably feet"
    speed = units[SPEED_KT]
    assert (speed.column, speed.choices, speed.guess) == ("speed", ("kt", "kmh", "mps"), "kmh")
    assert "900" in speed.reason and "km/h" in speed.reason
    assert err.value.mapping[ALT_M] == "alt" and err.value.mapping["lat"] == "lat"
    assert err.value.columns == ["id", "time", "lat", "lon", "alt", "speed"]


def test_low_altitudes_are_guessed_as_metres(write):
    with pytest.raises(UnitsUnsure) as err:
        read_tracks(_csv(write, [3000, 9000]), ReadOptions(confirm_units=True))
    alt = next(u for u in err.value.units if u.field == ALT_M)
    assert alt.guess == "m" and "9,000" in alt.reason


def test_without_asking_the_guess_is_used_and_the_warning_gives_the_reason(write):
    """Never a default the values contradict: 41,000 is read as feet, and the report says it
    was guessed (issue 16: the reader warned "probably feet" and read metres)."""
    result = read_tracks(_csv(write, [35000, 41000]))  # the command line's way: never blocks
    np.testing.assert_allclose(result.frame[ALT_M], np.array([35000, 41000]) * FT_IN_M)
    warning = next(w for w in result.report.warnings if "'alt'" in w)
    assert "read as feet" in warning and "probably feet" in warning
    assert result.report.units[ALT_M] == "ft (guessed: values up to 41,000: probably feet)"
    assert result.report.units[SPEED_KT].startswith("kt (guessed: values up to 420")


def test_low_altitudes_without_asking_are_read_as_metres_and_said_so(write):
    result = read_tracks(_csv(write, [3000, 9000]))
    np.testing.assert_allclose(result.frame[ALT_M], [3000, 9000])
    assert result.report.units[ALT_M].startswith("m (guessed: values up to 9,000")


@pytest.mark.parametrize(("unit", "factor"), [("ft", FT_IN_M), ("m", 1.0)])
def test_a_confirmed_unit_is_applied_and_recorded(write, unit, factor):
    options = ReadOptions(
        confirm_units=True,
        altitude_unit=unit,
        speed_unit="kt",
        confirmed_units=(ALT_M, SPEED_KT),
    )
    trackset, report = load_trackset(_csv(write, [35000, 41000]), options=options)
    np.testing.assert_allclose(trackset.alt_m, np.array([35000, 41000]) * factor, rtol=1e-6)
    word = {"ft": "feet", "m": "metres"}[unit]
    assert f"altitude unit: {word} (confirmed by user)" in report.notices
    assert "speed unit: knots (confirmed by user)" in report.notices
    assert not any("has no unit" in w for w in report.warnings)


def test_a_unit_in_the_header_is_not_asked(write):
    path = write("sure.csv", "id,time,lat,lon,alt_ft\nA,2021-10-04T00:00:00Z,22,120,41000\n")
    frame = read_tracks(path, ReadOptions(confirm_units=True)).frame
    assert frame[ALT_M].iloc[0] == pytest.approx(41000 * FT_IN_M)


def test_inspect_on_the_command_line_warns_and_never_blocks(write, capsys):
    from viewer.app import main

    assert main(["inspect", str(_csv(write, [35000, 41000]))]) == 0
    assert "probably feet" in capsys.readouterr().out


def test_a_briefing_keeps_what_the_user_confirmed_and_reads_the_same_again(write):
    """The options the import dialog gave are kept per track file in a briefing (its
    `TrackFileRef`) and read the file as before, without asking again."""
    from viewer.core.briefing import TrackFileRef, from_dict, to_dict
    from viewer.core.read_options import options_for_ref, ref_for_options

    confirmed = ReadOptions(
        tz="Asia/Taipei",
        column_map={"track_id": "id", "time": "time", "lat": "lat", "lon": "lon", ALT_M: "alt"},
        altitude_unit="ft",
        speed_unit="kmh",
        confirm_units=True,
        confirmed_units=(ALT_M, SPEED_KT),
    )
    ref = ref_for_options("units.csv", confirmed)
    again = from_dict(to_dict(Briefing(files=(ref,)))).files[0]
    assert again == ref
    options = options_for_ref(again)
    assert options == ReadOptions(
        tz="Asia/Taipei",
        column_map=confirmed.column_map,
        altitude_unit="ft",
        speed_unit="kmh",
        confirmed_units=(ALT_M, SPEED_KT),
    )
    path = _csv(write, [35000, 41000], [400, 900])
    # the app's read asks whenever a unit is only guessed: with the options kept, it does not
    trackset, report = load_trackset(path, options=replace(options, confirm_units=True))
    np.testing.assert_allclose(trackset.alt_m, np.array([35000, 41000]) * FT_IN_M, rtol=1e-6)
    np.testing.assert_allclose(trackset.speed_kt, np.array([400, 900]) / 1.852, rtol=1e-6)
    assert "altitude unit: feet (confirmed by user)" in report.notices
    # nothing kept: read as the file says, as before (a zone alone as before too)
    assert options_for_ref(TrackFileRef("units.csv")) is None
    assert options_for_ref(TrackFileRef("units.csv", tz="UTC")) == ReadOptions(tz="UTC")
    assert ref_for_options("units.csv", None) == TrackFileRef("units.csv")
    assert ref_for_options("units.csv", ReadOptions(confirm_units=True)) == TrackFileRef(
        "units.csv"
    )


def test_the_briefing_accepts_the_fields_and_units_the_readers_take():
    from viewer.core import briefing as bf
    from viewer.io.columns import CANDIDATES, UNIT_CHOICES

    assert set(bf.MAPPABLE_FIELDS) == set(CANDIDATES)
    assert UNIT_CHOICES[ALT_M] == bf.ALTITUDE_UNITS
    assert UNIT_CHOICES[SPEED_KT] == bf.SPEED_UNITS


def test_a_headless_render_reads_a_briefing_file_with_its_confirmed_units(write):
    from viewer.cli.headless import open_session
    from viewer.core.briefing import Briefing, TrackFileRef, save_briefing

    path = _csv(write, [35000, 41000])
    ref = TrackFileRef(path.name, altitude_unit="ft", speed_unit="kt", confirmed_units=(ALT_M,))
    briefing = save_briefing(Briefing(files=(ref,)), path.parent / "b.briefing.json")
    session = open_session([str(briefing)])
    ts = session.tracks.items[0].trackset
    np.testing.assert_allclose(ts.alt_m, np.array([35000, 41000]) * FT_IN_M, rtol=1e-6)
    assert not any("has no unit" in w for w in next(iter(session.reports.values())).warnings)
