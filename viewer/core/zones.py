"""Zone analysis: entries into and exits from area zones and crossings of line zones, per track,
found on the segments between consecutive fixes as the map draws them. This module says what a
zone and an event are; `viewer.core.zone_events.compute_zone_events` finds them.

A segment is the straight line the map draws between two fixes in the display projection (the
TrackSet's ``x``/``y``; Lambert conformal conic by default), travelled at a constant rate as the
replay head does; zone edges are the straight lines between their projected vertices, also as
drawn (`viewer.core.crossings`). Every boundary a segment crosses gives an event at the crossing
point and the interpolated time, however sparse the fixes: several zones, corners and a zone
left and re-entered within one segment included.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import numpy as np
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


def side_names(coords: np.ndarray) -> tuple[str, str]:
    """Names of the (left, right) sides of a line by the direction its left normal points."""
    d = coords[-1] - coords[0]
    nx, ny = -d[1], d[0]  # left normal
    if abs(nx) >= abs(ny):
        return ("east", "west") if nx > 0 else ("west", "east")
    return ("north", "south") if ny > 0 else ("south", "north")
