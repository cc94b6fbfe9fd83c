"""`LiveClock`: the Live / DVR model over a `Timeline` whose range grows at its right edge.

Live, the timeline's time follows the feed's newest fix time; the presenter can scrub back
(`scrub`, or any `Timeline` move the window reports) while the feed keeps recording and the
range keeps growing, play from there at any speed, and press Live (`go_live`) to return.
Playing forward into the live edge returns to Live by itself.

    clock = LiveClock(timeline)
    clock.update(store_first, store.clock)     # after each hub poll that changed the store
    clock.scrub(t)                             # the slider was dragged: DVR
    clock.go_live()                            # the Live button
"""

from __future__ import annotations

import math

from viewer.core.timeline import Timeline

LIVE_EDGE_S = 1.0  # within this of the newest fix, a DVR playing forward is live again


class LiveClock:
    def __init__(self, timeline: Timeline) -> None:
        self.timeline = timeline
        self.live = True
        self.newest = -math.inf

    def update(self, first: float, newest: float) -> None:
        """The store now spans ``first`` .. ``newest`` (epoch s, fix times)."""
        if not math.isfinite(newest):
            return
        self.newest = newest
        tl = self.timeline
        if not math.isfinite(tl.end) or tl.start == tl.end == 0.0:
            tl.set_range(first, max(newest, first + 1.0))
        else:
            tl.grow_to(newest)
        if self.live:
            tl.set_time(newest)
        elif tl.playing and tl.time >= newest - LIVE_EDGE_S:
            self.go_live()

    def scrub(self, t: float) -> None:
        """Go back to ``t``: the picture stops following the feed (the recording does not)."""
        self.live = False
        self.timeline.set_time(t)

    def go_live(self) -> None:
        self.live = True
        if math.isfinite(self.newest):
            self.timeline.set_time(self.newest)

    @property
    def behind_s(self) -> float:
        """How far the picture is behind the newest fix (0 when live)."""
        return 0.0 if self.live else max(0.0, self.newest - self.timeline.time)
