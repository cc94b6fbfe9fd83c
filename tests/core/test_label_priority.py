"""Whose label comes first among live tracks: one that alerted a moment ago, then one inside a
zone (its last event an entry), then the rest."""

import pandas as pd

from viewer.core.label_priority import ALERTING, ALERTING_S, INSIDE, OTHER, LabelPriority
from viewer.core.live_alerts import Alert
from viewer.core.tracks import TrackSet

T = 1_700_000_000.0


def alert(track_id: str, t: float, event: str) -> Alert:
    return Alert(
        time=t, track_id=track_id, kind="fighter", callsign="", affiliation="",
        zone_id="taiwan_adiz", zone_title="Taiwan ADIZ", event=event, side="", lon=121.0,
        lat=23.0, seconds_inside=0.0, at_track_start=False, approximate=False, received=t,
    )  # fmt: skip


def tracks(*ids: str) -> TrackSet:
    when = pd.Timestamp(T, unit="s", tz="UTC")
    return TrackSet.from_frame(
        pd.DataFrame({"track_id": list(ids), "time": when, "lon": 121.0, "lat": 23.0})
    )


def test_ranks_by_the_last_event_of_each_track():
    ts = tracks("a1", "b2", "c3", "d4", "e5")
    order = [str(i) for i in ts.ids]
    p = LabelPriority()
    p.add([alert("b2", T - 300.0, "entry")])  # entered long ago, still inside
    p.add([alert("c3", T - 300.0, "entry"), alert("c3", T - 200.0, "exit")])  # left again
    p.add([alert("d4", T - 5.0, "exit")])  # just alerted (an exit)
    p.add([alert("zz", T - 5.0, "entry")])  # not on the map
    ranks = dict(zip(order, p.ranks(ts, T), strict=True))
    assert ranks == {"a1": OTHER, "b2": INSIDE, "c3": OTHER, "d4": ALERTING, "e5": OTHER}
    # a minute later the alert is over: an exit leaves it among the rest
    later = dict(zip(order, p.ranks(ts, T + ALERTING_S + 10.0), strict=True))
    assert later["d4"] == OTHER and later["b2"] == INSIDE
    p.clear()
    assert (p.ranks(ts, T) == OTHER).all()


def test_an_entry_just_now_is_alerting_then_inside():
    ts = tracks("a1", "b2")
    p = LabelPriority()
    p.add([alert("a1", T - 1.0, "entry")])
    assert list(p.ranks(ts, T)) == [ALERTING, OTHER]
    assert list(p.ranks(ts, T + 2 * ALERTING_S)) == [INSIDE, OTHER]
