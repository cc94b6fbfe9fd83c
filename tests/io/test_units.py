"""Units the header does not give: guessed from the values with a reason; the app asks
(``confirm_units``), the command line warns and reads on; a confirmed unit is applied and
recorded in the report."""

import numpy as np
import pytest

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


def test_without_asking_the_unit_is_assumed_and_the_warning_gives_the_reason(write):
    result = read_tracks(_csv(write, [35000, 41000]))  # the command line's way: never blocks
    np.testing.assert_allclose(result.frame[ALT_M], [35000, 41000])
    warning = next(w for w in result.report.warnings if "'alt'" in w)
    assert "read as metres" in warning and "probably feet" in warning


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
