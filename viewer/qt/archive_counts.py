"""The whole archive's zone counts in two passes, for the window: the zone the counts chart
shows first (a year of 100M fixes: about 25 s for one zone, against about a minute for all 17
of the catalog), then the others, added to the chart as they come. The controller asks the
engine for `next_zones` and hands each answer to `take`."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from viewer.qt.i18n import translate


class CountPlan:
    """``day``: the chart's day definition; ``zones``: every zone to count; ``shown``: the id of
    the zone on the chart (counted first)."""

    def __init__(self, day: Any, zones: list, shown: str) -> None:
        self.day = day
        self.ids = tuple(z.id for z in zones)
        first = [z for z in zones if z.id == shown]
        rest = [z for z in zones if z.id != shown]
        self.passes = [first, rest] if first and rest else [list(zones)]
        self.done: Any = None  # viewer.io.archive.ZoneCounts so far
        self.step = 0  # passes done

    def next_zones(self) -> list | None:
        """The zones of the next pass, None when every pass is done."""
        return self.passes[self.step] if self.step < len(self.passes) else None

    def take(self, counts: Any) -> Any:
        """The counts so far with this pass's (``pending``: the zones still to come)."""
        self.step += 1
        if self.done is None:
            counted = set(counts.zones)
            self.done = replace(
                counts, zones=self.ids, pending=tuple(z for z in self.ids if z not in counted)
            )
        else:
            self.done = self.done.merged(counts)
        return self.done


def counted_words(counts: Any) -> str:
    """The status line once a pass is counted."""
    if counts.pending:
        words = translate("Archive", "Counted in {seconds} s; counting the other zones…")
    else:
        words = translate("Archive", "Counted the whole archive in {seconds} s")
    return words.format(seconds=f"{counts.seconds:.1f}")
