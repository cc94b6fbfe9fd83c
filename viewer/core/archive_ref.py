"""A briefing's reference to an archive: a folder of partitioned Parquet or a database query,
with the time window and box loaded for replay — re-opened when the briefing is.

    {"source": "archives/adsb-2024", "start": "2024-05-01T06:00:00Z",
     "end": "2024-05-01T07:00:00Z", "bbox": [119.0, 21.5, 124.0, 26.0]}

``source`` is a folder (relative to the briefing's folder, '/' separators, or absolute) or a
database URL (``postgresql://user@host/db?table=fixes``, ``opensky://user@host``) that never
carries a password: credentials come from the system keyring or are asked
(`viewer.io.archive.credentials`), and are never stored in a briefing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ARCHIVE_SCHEMES = ("postgresql", "postgres", "opensky", "trino")


@dataclass(frozen=True)
class ArchiveRef:
    """An archive (folder or database URL) and the window of it the briefing replays: ``start``
    <= time < ``end`` (aware; stored in UTC) and ``bbox`` = (west, south, east, north) degrees."""

    source: str
    start: datetime | None = None
    end: datetime | None = None
    bbox: tuple[float, float, float, float] | None = None
    tz: str | None = None  # the zone of times stored without one (as a track file's)

    def __post_init__(self) -> None:
        if not isinstance(self.source, str) or not self.source.strip():
            raise ValueError("source must be a folder or a database URL")
        if self.is_url:
            parts = urlsplit(self.source)
            scheme = parts.scheme.lower()
            if scheme not in ARCHIVE_SCHEMES:
                raise ValueError(
                    f"source: unknown kind of database {scheme!r}; expected one of "
                    f"{', '.join(ARCHIVE_SCHEMES)}"
                )
            if parts.password is not None:
                raise ValueError(
                    "source must not carry a password: credentials are never stored in a "
                    "briefing (the keyring keeps them, or they are asked)"
                )
        for name in ("start", "end"):
            value = getattr(self, name)
            if value is not None:
                if not isinstance(value, datetime) or value.tzinfo is None:
                    raise ValueError(f"{name} must be an aware datetime")
                object.__setattr__(self, name, value.astimezone(UTC))
        if self.start is not None and self.end is not None and self.end <= self.start:
            raise ValueError("end must be after start")
        if self.bbox is not None:
            bbox = tuple(float(v) for v in self.bbox)
            ok = len(bbox) == 4 and all(math.isfinite(v) for v in bbox)
            if not ok or not (-180 <= bbox[0] < bbox[2] <= 180 and -90 <= bbox[1] < bbox[3] <= 90):
                raise ValueError(
                    f"bbox must be [west, south, east, north] in degrees; got {list(self.bbox)}"
                )
            object.__setattr__(self, "bbox", bbox)

    @property
    def is_url(self) -> bool:
        return "://" in self.source

    def resolved(self, base: str | Path) -> str:
        """The folder or URL to open: a relative folder against the briefing's folder."""
        if self.is_url or Path(self.source).is_absolute():
            return self.source
        return str(Path(base) / self.source)


def archive_ref_to_dict(ref: ArchiveRef, format_time) -> dict[str, Any]:
    return {
        "source": ref.source,
        "start": None if ref.start is None else format_time(ref.start),
        "end": None if ref.end is None else format_time(ref.end),
        "bbox": None if ref.bbox is None else [round(v, 6) for v in ref.bbox],
        "tz": ref.tz,
    }


ARCHIVE_FIELDS = ("source", "start", "end", "bbox", "tz")
