"""What a zone analysis is about: a `Zone` (an area or a line, in lon/lat, maybe time-bound),
the kinds of event and the columns of the events table, and the names of a line's sides. The
analysis itself is `viewer.core.zones.compute_zone_events` (`viewer.core.zone_events` finds the
events; `viewer.core.crossings` the boundary pieces), which re-exports these names."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import numpy as np
import pandas as pd
from shapely.geometry.base import BaseGeometry

AREA = "area"
LINE = "line"


@dataclass(frozen=True)
class Zone:
    """A zone an analysis runs against: a polygon (``AREA``) or a line (``LINE``), in lon/lat.

    ``approximate`` is True when part of its edge is uncertain (confidence U in the reference):
    events against it say so. ``valid_from``/``valid_to`` (tz-aware) bound when it is in force,
    ``valid_from <= t < valid_to``. ``drawing_uncertainty_m``: how far other drawings of a line
    between its published points lie from this one (rhumb, geodesic, straight in lon/lat); a
    crossing of a track that stays closer than this to the line on either side is flagged as
    depending on the drawing.
    """

    id: str
    title: str
    kind: str
    geometry: BaseGeometry
    approximate: bool = False
    valid_from: datetime | None = None
    valid_to: datetime | None = None
    drawing_uncertainty_m: float = 0.0


# ---------------------------------------------------------------------------- events
ENTRY, EXIT, CROSSING = "entry", "exit", "crossing"
FLAG_COLUMNS = ("at_track_start", "inside_when_in_force", "across_gap", "near_line")
EVENT_COLUMNS = (
    "time",
    "track_id",
    "kind",
    "zone_id",
    "event",
    "side",
    "lon",
    "lat",
    "seconds_inside",
    "at_track_start",
    "approximate",
    "inside_when_in_force",
    "across_gap",
    "near_line",
)


def empty_events() -> pd.DataFrame:
    """An events table with no rows (`EVENT_COLUMNS`, times in UTC)."""
    df = pd.DataFrame({c: [] for c in EVENT_COLUMNS})
    df["time"] = pd.to_datetime(df["time"], utc=True)
    return df


def in_force(zone: Zone, at: datetime) -> bool:
    """Whether ``zone`` is in force at ``at`` (``valid_from <= at < valid_to``)."""
    return (zone.valid_from is None or zone.valid_from <= at) and (
        zone.valid_to is None or at < zone.valid_to
    )


def side_names(coords: np.ndarray) -> tuple[str, str]:
    """Names of the (left, right) sides of a line by the direction its left normal points."""
    d = coords[-1] - coords[0]
    nx, ny = -d[1], d[0]  # left normal
    if abs(nx) >= abs(ny):
        return ("east", "west") if nx > 0 else ("west", "east")
    return ("north", "south") if ny > 0 else ("south", "north")
