"""Per-track figures for the details panel: first/last fix, duration, distance flown."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import numpy as np

from viewer.core.constants import NMI_IN_M
from viewer.core.geodesy import distance_m
from viewer.core.tracks import TrackSet
from viewer.core.units import Units, format_distance


@dataclass(frozen=True)
class TrackSummary:
    track_id: str
    name: str
    kind: str
    count: int
    fixes: int
    first: datetime
    last: datetime
    duration_s: float
    distance_nmi: float  # geodesic, summed over legs between fixes

    @property
    def distance_km(self) -> float:
        return self.distance_nmi * NMI_IN_M / 1000.0

    def text(self, units: Units | None = None) -> str:
        """The details panel's lines; the distance flown in ``units.distance`` (nmi default)."""
        units = units or Units()
        hours, rem = divmod(int(self.duration_s), 3600)
        minutes = rem // 60
        lines = [
            f"{self.name}  ({self.kind}{f', ×{self.count}' if self.count > 1 else ''})",
            f"track id: {self.track_id}",
            f"first fix: {self.first:%Y-%m-%d %H:%M:%S} UTC",
            f"last fix:  {self.last:%Y-%m-%d %H:%M:%S} UTC",
            f"duration:  {hours} h {minutes:02d} min, {self.fixes:,} fixes",
            f"distance flown: {format_distance(self.distance_nmi * NMI_IN_M, units.distance)}",
        ]
        return "\n".join(lines)


def track_summary(ts: TrackSet, i: int) -> TrackSummary:
    s = ts.track_slice(i)
    lon, lat, t = ts.lon[s], ts.lat[s], ts.t[s]
    legs = distance_m(lon[:-1], lat[:-1], lon[1:], lat[1:]) if len(lon) > 1 else np.zeros(0)
    return TrackSummary(
        track_id=str(ts.ids[i]),
        name=ts.display_name(i),
        kind=str(ts.kinds[i]),
        count=int(ts.counts[i]),
        fixes=len(t),
        first=datetime.fromtimestamp(float(t[0]), UTC),
        last=datetime.fromtimestamp(float(t[-1]), UTC),
        duration_s=float(t[-1] - t[0]),
        distance_nmi=float(legs.sum()) / NMI_IN_M,
    )
