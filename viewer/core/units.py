"""Display units: distances in nautical miles or kilometres, altitudes in feet or metres.

The model keeps metres everywhere; these helpers turn metres into the unit the user chose
(View > Units) for every read-out: scale bar, measure tool, tooltips, track details, exports.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from viewer.core.constants import FT_IN_M, NMI_IN_M

NMI: Final = "nmi"
KM: Final = "km"
FT: Final = "ft"
M: Final = "m"
DISTANCE_UNITS: Final = (NMI, KM)
ALTITUDE_UNITS: Final = (FT, M)
METRES_PER: Final = {NMI: NMI_IN_M, KM: 1000.0, FT: FT_IN_M, M: 1.0}


@dataclass(frozen=True)
class Units:
    """The chosen display units; the aviation convention (nmi, ft) by default."""

    distance: str = NMI
    altitude: str = FT

    def __post_init__(self) -> None:
        if self.distance not in DISTANCE_UNITS:
            raise ValueError(f"distance unit {self.distance!r} is not one of {DISTANCE_UNITS}")
        if self.altitude not in ALTITUDE_UNITS:
            raise ValueError(f"altitude unit {self.altitude!r} is not one of {ALTITUDE_UNITS}")

    @property
    def other_distance(self) -> str:
        """The distance unit not chosen (the scale bar's secondary bar)."""
        return KM if self.distance == NMI else NMI


def convert(metres: float, unit: str) -> float:
    """``metres`` expressed in ``unit`` (nmi, km, ft or m)."""
    try:
        return metres / METRES_PER[unit]
    except KeyError:
        raise ValueError(f"unknown unit {unit!r}; expected one of {tuple(METRES_PER)}") from None


def format_distance(metres: float, unit: str = NMI, decimals: int = 1) -> str:
    """``12,345.6 m`` -> ``"6.7 nmi"`` or ``"12.3 km"``; thousands separated; NaN -> ``""``."""
    if unit not in DISTANCE_UNITS:
        raise ValueError(f"distance unit {unit!r} is not one of {DISTANCE_UNITS}")
    if metres != metres:
        return ""
    value = round(convert(metres, unit), decimals) + 0.0  # + 0.0: no "-0.0"
    return f"{value:,.{decimals}f} {unit}"


def format_altitude(metres: float, unit: str = FT) -> str:
    """An altitude to the nearest foot or metre, e.g. ``"35,000 ft"`` or ``"10,668 m"``."""
    if unit not in ALTITUDE_UNITS:
        raise ValueError(f"altitude unit {unit!r} is not one of {ALTITUDE_UNITS}")
    if metres != metres:
        return ""
    value = round(convert(metres, unit)) + 0
    return f"{value:,d} {unit}"


DEFAULT_UNITS: Final = Units()
