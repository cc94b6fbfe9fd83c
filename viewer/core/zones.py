"""Zone analysis: entries into and exits from area zones and crossings of line zones, per track,
found on the segments between consecutive fixes as the map draws them.

A segment is the straight line the map draws between two fixes in the display projection (the
TrackSet's ``x``/``y``; Lambert conformal conic by default), travelled at a constant rate as the
replay head does; zone edges are the straight lines between their projected vertices, also as
drawn (`viewer.core.crossings`). Every boundary a segment crosses gives an event at the crossing
point and the interpolated time, however sparse the fixes: several zones, corners and a zone
left and re-entered within one segment included.
"""

from __future__ import annotations

from viewer.core.zone_events import zone_events
from viewer.core.zone_types import (  # the names of a zone analysis, here for its users
    AREA as AREA,
)
from viewer.core.zone_types import (
    CROSSING as CROSSING,
)
from viewer.core.zone_types import (
    ENTRY as ENTRY,
)
from viewer.core.zone_types import (
    EVENT_COLUMNS as EVENT_COLUMNS,
)
from viewer.core.zone_types import (
    EXIT as EXIT,
)
from viewer.core.zone_types import (
    FLAG_COLUMNS as FLAG_COLUMNS,
)
from viewer.core.zone_types import (
    LINE as LINE,
)
from viewer.core.zone_types import (
    Zone as Zone,
)
from viewer.core.zone_types import (
    empty_events as empty_events,
)
from viewer.core.zone_types import (
    in_force as in_force,
)
from viewer.core.zone_types import (
    side_names as side_names,
)


def compute_zone_events(trackset, zones, *, at=None, gap=None):
    """Entry/exit events for area zones and crossings of line zones, one row per event.

    Events come from the segments between consecutive fixes of each track, straight in the
    display projection as the map draws them (see the module's docstring), crossed at a
    constant rate: ``time`` and ``lon``/``lat`` are where the drawn segment meets the drawn
    boundary. Within 1 m of a boundary is on it: a track that touches a boundary or runs along
    it without going in gives no event, and a fix on a boundary or vertex gives its event once;
    one that runs along a boundary and then goes in enters where it leaves the boundary, one
    that comes out onto it exits where it first meets it. A zone the display projection cannot
    place whole gives no events.

    Areas: ``entry`` where the track goes in, ``exit`` where it comes out; a track whose first
    fix is inside gets an entry there (``at_track_start``); one that ends inside gets no exit.
    ``seconds_inside`` on an entry and its exit: the time inside (to the track's last fix or
    the end of the zone's time in force, when there is no exit).
    Time-bound zones (``valid_from <= t < valid_to``): events only while in force; a track
    inside when the zone comes into force gets an entry at that instant with
    ``inside_when_in_force`` (not a crossing); one still inside when it goes out of force gets
    no exit, as at the end of a track, and its time inside ends then.
    Lines: ``crossing`` where a segment crosses from one side to the other (``side``: the side
    crossed to, 'east'/'west' or 'north'/'south'); ``near_line`` when the track stays within
    the zone's ``drawing_uncertainty_m`` of the line between this crossing and the one before
    or after (or the track's start or end): another drawing of the line could remove it.
    ``across_gap``: the event lies inside a segment longer than the track's gap threshold
    (`viewer.core.slicing.gap_thresholds`, the segments the replay dashes): inferred across
    missing data. ``approximate``: the zone has an edge that is only the usual drawing.

    ``at``: only zones in force at that time (datetime), when given. ``gap``: the gap threshold
    in seconds (default: the replay's). Returns a pandas DataFrame with `EVENT_COLUMNS`, sorted
    by time.
    """
    zones = [z for z in zones if at is None or in_force(z, at)]
    for zone in zones:
        if zone.kind not in (AREA, LINE):
            raise ValueError(
                f"zone {zone.id!r}: kind must be {AREA!r} or {LINE!r}; got {zone.kind!r}"
            )
    if trackset.n_fixes == 0 or not zones:
        return empty_events()
    return zone_events(trackset, zones, gap=gap)
