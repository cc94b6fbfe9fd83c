"""`ArchiveState`: the archive open in a session — what it is, its overview, the window of it
chosen on the timeline and whether that window's fixes are loaded for replay or shown as density.

Qt-free, and engine-free: the window asks the engine (`viewer.io.archive.Archive`) from worker
threads and puts the answers here; the session follows (the clock's range is the chosen window
while an archive is open) and the painters draw from it.

Events: ``opened`` (the `ArchiveRef`), ``overview`` (the activity per hour arrived), ``window``
(the chosen window or its state changed: `WindowState`), ``density`` (a density grid arrived or
went), ``counts`` (per-zone counts arrived or went), ``closed``.

>>> s = ArchiveState()
>>> s.open(ArchiveRef("/data/adsb"), info=None, span=(0.0, 86400.0))
>>> s.choose(3600.0, 7200.0); s.chosen, s.window_state
((3600.0, 7200.0), 'choosing')
"""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import UTC, datetime, time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import numpy as np

from viewer.core.archive_ref import ArchiveRef
from viewer.core.briefing import relative_ref_path
from viewer.core.evented import EventedModel

#: What the chosen window is doing: being asked about, loaded for replay, or holding more fixes
#: than the replay budget (its density is shown instead), or its load failed or was cancelled.
CHOOSING, LOADED, OVER_BUDGET, NOT_LOADED = "choosing", "loaded", "over_budget", "not_loaded"
WindowState = str
#: The shortest window the timeline zooms to, seconds.
MIN_WINDOW_S = 600.0
#: The prefix of the key a loaded window's tracks have in the session (never a file's path).
ARCHIVE_KEY_PREFIX = "archive:"


def archive_name(source: str) -> str:
    """A short name for an archive: the folder's name, or the database table (host when none)."""
    if "://" in source:
        parts = urlsplit(source)
        table = next(
            (v for k, _, v in (p.partition("=") for p in parts.query.split("&")) if k == "table"),
            "",
        )
        return table or parts.hostname or source
    return Path(source).name or source


def snap_window(start: float, end: float, shown: float) -> tuple[float, float]:
    """A window dragged on a strip showing ``shown`` seconds, snapped outwards to round times:
    whole hours when the strip shows more than two days, else 5 minutes (more than 3 hours),
    else minutes."""
    step = 3600.0 if shown > 2 * 86400 else 300.0 if shown > 3 * 3600 else 60.0
    a, b = sorted((start, end))
    a = math.floor(a / step) * step
    b = max(math.ceil(b / step) * step, a + step)
    return a, b


def zoom_window(
    window: tuple[float, float],
    factor: float,
    at: float,
    span: tuple[float, float] | None,
    shortest: float = MIN_WINDOW_S,
) -> tuple[float, float]:
    """``window`` zoomed by ``factor`` (< 1 narrows) around time ``at``, kept inside ``span``
    and no shorter than ``shortest`` seconds."""
    a, b = window
    at = min(max(at, a), b)
    width = max((b - a) * factor, shortest)
    if span is not None:
        width = min(width, span[1] - span[0])
    lo = at - (at - a) / (b - a) * width if b > a else at - width / 2
    hi = lo + width
    if span is not None:
        if lo < span[0]:
            lo, hi = span[0], span[0] + width
        if hi > span[1]:
            lo, hi = span[1] - width, span[1]
    return lo, hi


def window_words(start: float, end: float) -> str:
    """A window in UTC as people write it: '2021-10-04 06:00–07:00 UTC'; a day to midnight
    '2021-10-04 00:00–24:00 UTC'; longer ones with both dates."""
    a = datetime.fromtimestamp(start, UTC)
    b = datetime.fromtimestamp(end, UTC)
    if a.date() == b.date():
        return f"{a:%Y-%m-%d %H:%M}–{b:%H:%M} UTC"
    if (b - a).total_seconds() <= 86400 and b.time() == time(0):
        return f"{a:%Y-%m-%d %H:%M}–24:00 UTC"
    return f"{a:%Y-%m-%d %H:%M} – {b:%Y-%m-%d %H:%M} UTC"


def dense_activity(activity: Any, span: tuple[float, float] | None = None) -> tuple:
    """An `Activity` (hour bins, empty ones absent) as contiguous bins over ``span`` (its own by
    default): (edges, fixes, tracks), one more edge than counts."""
    step = float(activity.bin_seconds)
    starts = np.asarray(activity.bin_start, dtype=np.float64)
    if span is None:
        if not len(starts):
            return np.zeros(1), np.zeros(0, np.int64), np.zeros(0, np.int64)
        span = (float(starts[0]), float(starts[-1] + step))
    first = math.floor(span[0] / step) * step
    n = max(1, math.ceil((span[1] - first) / step))
    edges = first + step * np.arange(n + 1, dtype=np.float64)
    fixes = np.zeros(n, dtype=np.int64)
    tracks = np.zeros(n, dtype=np.int64)
    k = np.floor((starts - first) / step).astype(np.int64)
    ok = (k >= 0) & (k < n)
    fixes[k[ok]] = np.asarray(activity.fixes)[ok]
    tracks[k[ok]] = np.asarray(activity.tracks)[ok]
    return edges, fixes, tracks


class ArchiveState(EventedModel):
    """The archive open in a session (at most one) and the window of it chosen; see the module
    docstring. ``ref.source`` is the folder (absolute) or the URL without a password."""

    EVENTS = ("opened", "overview", "window", "density", "counts", "closed")

    def __init__(self) -> None:
        super().__init__()
        self._reset()

    def _reset(self) -> None:
        self.ref: ArchiveRef | None = None
        self.info: Any = None  # viewer.io.archive.ArchiveInfo
        self.activity: Any = None  # viewer.io.archive.Activity (whole span, per hour)
        self.span: tuple[float, float] | None = None  # the whole archive (or what was asked)
        self.chosen: tuple[float, float] | None = None  # the clock's range while open
        self.window_state: WindowState = CHOOSING
        self.window_fixes: int | None = None  # fixes in the chosen window, when known
        self.density: Any = None  # viewer.io.archive.Density for the chosen window and view
        self.zone_counts: Any = None  # viewer.io.archive.ZoneCounts (whole archive)

    # ------------------------------------------------------------------ what is open
    @property
    def is_open(self) -> bool:
        return self.ref is not None

    @property
    def name(self) -> str:
        return archive_name(self.ref.source) if self.ref is not None else ""

    @property
    def key(self) -> Path:
        """The key of the loaded window's tracks in the session (`Session.add_tracks`)."""
        return Path(ARCHIVE_KEY_PREFIX + self.name)

    def owns(self, path: Path | str) -> bool:
        """True for the key of an archive window's tracks (never saved as a track file)."""
        return str(path).startswith(ARCHIVE_KEY_PREFIX)

    def open(self, ref: ArchiveRef, info: Any, span: tuple[float, float] | None) -> None:
        """``ref`` is open (``info`` says what was found; ``span`` its time span when known)."""
        self._reset()
        self.ref, self.info, self.span = ref, info, span
        self.events.emit("opened", ref)

    def close(self) -> None:
        if self.ref is None:
            return
        self._reset()
        self.events.emit("closed")

    def set_overview(self, activity: Any) -> None:
        """The activity per hour over the whole span (the strip); the span follows it."""
        self.activity = activity
        if activity is not None and activity.span is not None:
            self.span = activity.span
        self.events.emit("overview", activity)

    # ------------------------------------------------------------------ the window
    def choose(self, start: float, end: float) -> None:
        """The window of the archive to show (the clock's range): clipped to the span; its
        fixes are then loaded or its density shown (``window_state``)."""
        if self.span is not None:
            start, end = max(start, self.span[0]), min(end, self.span[1])
        if end <= start:
            end = start + MIN_WINDOW_S
        self.chosen = (float(start), float(end))
        self.window_state, self.window_fixes = CHOOSING, None
        self.events.emit("window", self.window_state)

    def set_window_state(self, state: WindowState, fixes: int | None = None) -> None:
        self.window_state = state
        if fixes is not None:
            self.window_fixes = fixes
        self.events.emit("window", state)

    def fixes_bounds(self, start: float, end: float) -> tuple[int, int] | None:
        """(fewest, most) fixes in [start, end) from the hour bins: those wholly inside, those
        that overlap; None before the overview."""
        a = self.activity
        if a is None:
            return None
        starts = np.asarray(a.bin_start)
        ends = starts + a.bin_seconds
        inside = (starts >= start) & (ends <= end)
        overlap = (ends > start) & (starts < end)
        return int(a.fixes[inside].sum()), int(a.fixes[overlap].sum())

    def set_density(self, density: Any) -> None:
        self.density = density
        self.events.emit("density", density)

    def set_zone_counts(self, counts: Any) -> None:
        self.zone_counts = counts
        self.events.emit("counts", counts)

    # ------------------------------------------------------------------ the briefing
    def briefing_ref(self, base: Path) -> ArchiveRef | None:
        """The reference a briefing saved in ``base`` keeps: the folder relative to it (or the
        URL, never with a password), the chosen window, the box and zone."""
        if self.ref is None:
            return None
        source = self.ref.source
        if not self.ref.is_url:
            source = relative_ref_path(source, base)
        start = end = None
        if self.chosen is not None:
            start = datetime.fromtimestamp(self.chosen[0], UTC)
            end = datetime.fromtimestamp(self.chosen[1], UTC)
        return replace(self.ref, source=source, start=start, end=end)


__all__ = [
    "CHOOSING",
    "LOADED",
    "NOT_LOADED",
    "OVER_BUDGET",
    "ArchiveState",
    "archive_name",
    "dense_activity",
    "snap_window",
    "window_words",
    "zoom_window",
]
