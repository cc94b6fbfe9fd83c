"""The track labels' last placement, kept for the next frames while nothing it depends on
changed, as a cartographer keeps a map's names still: a live picture repaints ten times a second
while its aircraft move a fraction of a pixel, and placing 200 labels among 2,000 heads again
each time is most of the frame (`benchmarks/bench_live_window.py`). Labels that stay put also
read better than labels that hop from side to side as the heads creep.

A placement is reused, each label moved with its own head, for at most `REUSE_FRAMES` frames
after it was made, and only while: the view, the names on the map, the label size, theme and
selection are the same; and every labelled head that is still among those to label has the same
text and moved no more than `REUSE_PX`. Anything else places the labels again. Meanwhile a head
that left the heads to label (out of view, or others rank before it now) loses its label, one
that came into view waits for its own, and one that became urgent (an alert) is labelled at once
(`TrackPainter._amend`: before the others, which stay where they still fit). A replay moves its
heads further than that each frame, so a file's replay places them every frame as before.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QPixmap

REUSE_FRAMES = 4  # frames a placement serves after the one it was made for
REUSE_PX = 1.5  # a labelled head that moved further than this: placed again


@dataclass(frozen=True)
class Placed:
    """One label as placed: its head's key and anchor then, the label's top-left corner, its
    size, picture and owner ((file, track) as `TrackPainter.drawn.labelled` records it)."""

    key: tuple
    text: str
    anchor: tuple[float, float]
    corner: tuple[float, float]
    size: tuple[float, float]
    pixmap: QPixmap
    owner: tuple[str, int]


@dataclass
class Reused:
    """The last placement as it stands now: ``kept`` (each label with its corner, owner and
    whether its head is urgent now) and ``fresh``, the heads that became urgent since (an
    alert): they are placed first and the kept labels then stay where they still fit."""

    kept: list[tuple[Placed, float, float, tuple, bool]]
    fresh: list
    urgent: frozenset


class LabelMemory:
    """The last placement and what it was made from (see the module's docstring)."""

    def __init__(self) -> None:
        self.setting: tuple | None = None
        self.urgent: frozenset = frozenset()
        self.placed: list[Placed] = []
        self.age = 0

    def remember(self, setting: tuple, wanted: list, placed: list[Placed]) -> None:
        """Keep ``placed``, made from ``wanted`` (the painter's entries: (file, x, y, icon size,
        text, owner, urgent, key)) under ``setting``."""
        self.setting = setting
        self.urgent = frozenset(e[7] for e in wanted if e[6])
        self.placed = placed
        self.age = 0

    def amended(self, placed: list[Placed], urgent: frozenset) -> None:
        """Keep the placement amended for newly urgent heads (it ages on: a full placement
        still comes within `REUSE_FRAMES`)."""
        self.placed, self.urgent = placed, urgent

    def reuse(self, setting: tuple, wanted: list) -> Reused | None:
        """The last placement moved with the heads (each label with its corner and owner now:
        a new snapshot may number its tracks differently), or None: place them anew."""
        if self.setting is None or setting != self.setting or self.age >= REUSE_FRAMES:
            return None
        now = {e[7]: e for e in wanted}
        kept = []
        for p in self.placed:
            e = now.get(p.key)
            if e is None:  # out of view, or others rank before it now: unlabelled until the
                continue  # next full placement
            dx, dy = e[1] - p.anchor[0], e[2] - p.anchor[1]
            if e[4] != p.text or abs(dx) > REUSE_PX or abs(dy) > REUSE_PX:
                return None
            kept.append((p, p.corner[0] + dx, p.corner[1] + dy, e[5], e[6]))
        urgent = frozenset(k for k, e in now.items() if e[6])
        fresh = []
        if urgent != self.urgent:  # only those urgent since: the others had their chance
            placed = {p.key for p in self.placed}
            new = urgent - self.urgent - placed
            fresh = [e for e in wanted if e[7] in new]
        self.age += 1
        return Reused(kept, fresh, urgent)
