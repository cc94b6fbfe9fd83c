"""Zone analysis: entry/exit events for area zones and crossings of line zones, per track."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from shapely.geometry.base import BaseGeometry

AREA = "area"
LINE = "line"


@dataclass(frozen=True)
class Zone:
    """A zone an analysis runs against: a polygon (``AREA``) or a line (``LINE``), in lon/lat.

    ``approximate`` is True when part of its edge is uncertain (confidence U in the reference):
    events against it say so. ``valid_from``/``valid_to`` (UTC) bound when it is in force.
    """

    id: str
    title: str
    kind: str
    geometry: BaseGeometry
    approximate: bool = False
    valid_from: datetime | None = None
    valid_to: datetime | None = None
