"""What was read, in numbers: minimum, median and maximum of the altitude (m), the speed (kt)
and the fixes per track, so a unit read wrong shows (a median airliner altitude of 11,000 m,
not 36,000).

    stats = field_stats(frame)  # {'alt_m': {'min': 0.0, 'median': 2735.6, 'max': 12496.8}, ...}
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from viewer.core.constants import ALT_M, SPEED_KT, TRACK_ID

if TYPE_CHECKING:
    import pandas as pd

# Deferred on purpose: pandas (heavy: imported by the functions that use them, so importing the
# module stays quick (STYLE 12)).

FIXES_PER_TRACK = "fixes_per_track"
STAT_FIELDS = (ALT_M, SPEED_KT, FIXES_PER_TRACK)


def _summary(values: np.ndarray) -> dict[str, float] | None:
    values = np.asarray(values, dtype=np.float64)
    values = values[np.isfinite(values)]
    if not len(values):
        return None
    return {
        "min": float(values.min()),
        "median": float(np.median(values)),
        "max": float(values.max()),
    }


def field_stats(frame: pd.DataFrame) -> dict[str, dict[str, float]]:
    """field -> {'min', 'median', 'max'} over the canonical table's rows (fixes per track:
    over its tracks); a field without values is left out."""
    import pandas as pd

    out: dict[str, dict[str, float]] = {}
    for canon in (ALT_M, SPEED_KT):
        if canon in frame.columns:
            summary = _summary(pd.to_numeric(frame[canon], errors="coerce").to_numpy(float))
            if summary is not None:
                out[canon] = summary
    if len(frame):
        sizes = frame.groupby(TRACK_ID, observed=True, sort=False).size().to_numpy()
        summary = _summary(sizes)
        if summary is not None:
            out[FIXES_PER_TRACK] = summary
    return out


def describe_stats(stats: dict[str, dict[str, float]]) -> list[str]:
    """One line per field: 'alt_m (m): min 0, median 2,736, max 37,521'."""
    units = {ALT_M: "m", SPEED_KT: "kt", FIXES_PER_TRACK: "fixes"}
    return [
        f"{name} ({units[name]}): min {_number(s['min'])}, median {_number(s['median'])}, "
        f"max {_number(s['max'])}"
        for name in STAT_FIELDS
        if (s := stats.get(name)) is not None
    ]


def _number(value: float) -> str:
    """Whole numbers with thousands separators; one decimal where it is not whole (2.5)."""
    return f"{value:,.0f}" if abs(value - round(value)) < 0.05 else f"{value:,.1f}"
