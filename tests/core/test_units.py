import math

import pytest

from viewer.core.constants import FT_IN_M, NMI_IN_M
from viewer.core.units import (
    FT,
    KM,
    NMI,
    M,
    Units,
    convert,
    format_altitude,
    format_distance,
)


def test_one_nautical_mile_is_1852_metres():
    assert NMI_IN_M == 1852.0
    assert convert(1852.0, NMI) == 1.0
    assert format_distance(1852.0, NMI) == "1.0 nmi"
    assert format_distance(1852.0, KM) == "1.9 km"  # 1.852 rounds up
    assert format_distance(12 * 1852.0, NMI) == "12.0 nmi"


@pytest.mark.parametrize(
    ("metres", "unit", "text"),
    [
        (1000.0, KM, "1.0 km"),
        (1000.0, NMI, "0.5 nmi"),  # 0.54
        (1049.0, KM, "1.0 km"),
        (1051.0, KM, "1.1 km"),
        (1852.0 * 99.96, NMI, "100.0 nmi"),  # rounding carries into a new digit
        (1852.0 * 1234.56, NMI, "1,234.6 nmi"),  # thousands separated
        (0.0, NMI, "0.0 nmi"),
        (-10.0, KM, "0.0 km"),  # never "-0.0"
    ],
)
def test_format_distance_rounds_to_a_tenth(metres, unit, text):
    assert format_distance(metres, unit) == text


def test_format_distance_decimals_and_nan():
    assert format_distance(1852.0 * 6.789, NMI, decimals=2) == "6.79 nmi"
    assert format_distance(1852.0 * 6.789, NMI, decimals=0) == "7 nmi"
    assert format_distance(math.nan, KM) == ""


@pytest.mark.parametrize(
    ("metres", "unit", "text"),
    [
        (35000 * FT_IN_M, FT, "35,000 ft"),
        (35000 * FT_IN_M, M, "10,668 m"),
        (10000.0, FT, "32,808 ft"),  # 32,808.4
        (0.6, M, "1 m"),
        (0.4, M, "0 m"),
        (-0.2, FT, "-1 ft"),  # -0.66 ft
        (-0.1, FT, "0 ft"),  # -0.33 ft: never "-0"
    ],
)
def test_format_altitude_rounds_to_the_unit(metres, unit, text):
    assert format_altitude(metres, unit) == text


def test_altitude_nan_is_blank():
    assert format_altitude(math.nan, FT) == ""


def test_units_default_to_the_aviation_convention_and_check_their_names():
    assert Units() == Units(NMI, FT)
    assert Units().other_distance == KM
    assert Units(KM, M).other_distance == NMI
    with pytest.raises(ValueError, match="distance unit"):
        Units("mi", FT)
    with pytest.raises(ValueError, match="altitude unit"):
        Units(NMI, "km")
    with pytest.raises(ValueError):
        format_distance(1.0, FT)  # an altitude unit is not a distance unit
    with pytest.raises(ValueError):
        format_altitude(1.0, NMI)
    with pytest.raises(ValueError, match="unknown unit"):
        convert(1.0, "furlong")
