"""Cursor-on-Target (TAK) XML events: ``<event uid type time><point lat lon hae/></event>``.

A file may hold one event, an ``<events>`` list, or a stream of events one after another.
The CoT type (MIL-STD-2525 based, e.g. ``a-h-A-M-F-F``) gives the kind where it says it.
"""

from __future__ import annotations

from pathlib import Path

from viewer.core.constants import ALT_M, CALLSIGN, KIND, LAT, LON, SIDE, TIME, TRACK_ID
from viewer.io.normalize import finish_frame
from viewer.io.report import ImportReport, TrackImportError
from viewer.io.xml_safety import local, parse_xml

# Deferred on purpose: pandas (heavy: imported by the functions that use them, so importing the
# module stays quick (STYLE 12)).

# CoT type function codes after the dimension -> kind
COT_KINDS = (
    ("A-M-F-F", "fighter"),
    ("A-M-F-B", "bomber"),
    ("A-M-F-Q", "uav"),
    ("A-M-F-W", "isr"),
    ("A-M-F-R", "isr"),
    ("A-M-F-P", "isr"),
    ("A-M-F-C", "transport"),
    ("A-M-F-K", "transport"),
    ("A-M-H", "helicopter"),
    ("A-C-H", "helicopter"),
    ("A-M-F", "unknown"),
    ("S", "ship"),
)


# CoT affiliation (second field of the type): MIL-STD-2525 standard identities
COT_AFFILIATION = {
    "f": "friend",
    "h": "hostile",
    "n": "neutral",
    "u": "unknown",
    "a": "assumed friend",
    "s": "suspect",
    "p": "pending",
    "j": "joker",
    "k": "faker",
}


def cot_kind(cot_type: str) -> str:
    parts = cot_type.split("-")
    if len(parts) < 3 or parts[0] != "a":
        return "unknown"
    function = "-".join(parts[2:]).upper()
    for prefix, kind in COT_KINDS:
        if function.startswith(prefix):
            return kind
    return "unknown"


# what `event_row` gives, in order: canonical columns
EVENT_FIELDS = (TRACK_ID, TIME, LON, LAT, ALT_M, KIND, SIDE, CALLSIGN)
HAE_UNKNOWN = "9999999.0"  # CoT's "height above ellipsoid not known"


def event_row(ev) -> tuple | None:
    """One CoT ``<event>`` element as text values for `EVENT_FIELDS` (uid, time, lon, lat, hae,
    kind, affiliation, callsign); None when it has no ``<point>``. Files and live feeds alike."""
    point = next((el for el in ev if local(el.tag) == "point"), None)
    if point is None:
        return None
    contact = next((el for el in ev.iter() if local(el.tag) == "contact"), None)
    hae = point.get("hae")
    cot_type = ev.get("type", "")
    return (
        ev.get("uid"),
        ev.get("time") or ev.get("start"),
        point.get("lon"),
        point.get("lat"),
        None if hae in (None, HAE_UNKNOWN) else hae,
        cot_kind(cot_type),
        COT_AFFILIATION.get((cot_type + "--").split("-")[1], ""),
        contact.get("callsign") if contact is not None else None,
    )


def read_cot(path: Path, options, progress=None, cancel=None):
    import pandas as pd

    report = ImportReport(str(path), format="Cursor-on-Target")
    data = path.read_bytes().strip()
    if data.startswith(b"<?xml"):
        data = data[data.find(b"?>") + 2 :].strip()
    root = parse_xml(path, b"<cot-stream>" + data + b"</cot-stream>")
    events = [el for el in root.iter() if local(el.tag) == "event"]
    if not events:
        raise TrackImportError(path, "no <event> elements: not a Cursor-on-Target file")
    rows: dict[str, list] = {
        k: [] for k in (TRACK_ID, TIME, LON, LAT, ALT_M, KIND, CALLSIGN, SIDE, "_line")
    }
    for i, ev in enumerate(events, start=1):
        row = event_row(ev)
        if row is None:
            report.skip(None, f"event {i}: no <point>")
            continue
        for key, value in zip(EVENT_FIELDS, row, strict=True):
            rows[key].append(value)
        rows["_line"].append(i)
    report.notice("line numbers are event numbers")
    raw = pd.DataFrame(rows).dropna(axis=1, how="all")
    return finish_frame(raw, report, path=path, tz=options.tz), report
