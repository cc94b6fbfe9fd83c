"""`TrackLayers`: the track files the user has loaded, each frozen into a `TrackSet` with its
import report. Evented: ``changed`` when a file is added or removed (a data change);
``data`` when a source that grows (the live feeds) has new tracks in the same place: only the
picture follows, nothing is recomputed."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from viewer.core.evented import EventedModel
from viewer.core.projection import Projection
from viewer.core.tracks import TrackSet


@dataclass(frozen=True)
class LoadedTracks:
    path: Path
    trackset: TrackSet
    report: Any  # viewer.io.report.ImportReport (the core does not depend on the readers)
    visible: bool = True


class TrackLayers(EventedModel):
    EVENTS = ("changed", "data")

    def __init__(self) -> None:
        super().__init__()
        self.items: list[LoadedTracks] = []

    def add(self, item: LoadedTracks) -> None:
        """Add a loaded file; loading the same path again replaces it."""
        self.items = [i for i in self.items if i.path != item.path] + [item]
        self.events.emit("changed", item.path)

    def update(self, item: LoadedTracks) -> None:
        """New data for a loaded source (same path, same place in the list; its visibility
        kept): a ``data`` event, not ``changed``. KeyError when the path is not loaded."""
        for i, old in enumerate(self.items):
            if old.path == item.path:
                self.items[i] = replace(item, visible=old.visible)
                self.events.emit("data", item.path)
                return
        raise KeyError(f"no loaded tracks at {item.path}")

    def clear(self) -> None:
        """Unload every file (a new briefing replaces the session)."""
        if self.items:
            self.items = []
            self.events.emit("changed", None)

    def remove(self, path: Path) -> None:
        self.items = [i for i in self.items if i.path != path]
        self.events.emit("changed", path)

    def set_visible(self, path: Path, visible: bool) -> None:
        self.items = [replace(i, visible=visible) if i.path == path else i for i in self.items]
        self.events.emit("changed", path)

    def reproject(self, projection: Projection) -> None:
        self.items = [replace(i, trackset=i.trackset.reprojected(projection)) for i in self.items]
        self.events.emit("changed", None)

    @property
    def time_span(self) -> tuple[float, float] | None:
        spans = [i.trackset.time_span for i in self.items if i.trackset.time_span]
        if not spans:
            return None
        return min(s[0] for s in spans), max(s[1] for s in spans)

    def visible(self) -> list[LoadedTracks]:
        return [i for i in self.items if i.visible]
