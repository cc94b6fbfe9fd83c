"""Flight exports in KML, recognised by their structure (as real exports are laid out; see the
samples cited in tests/data/README.md):

- **Flightradar24**: ``Document/name`` is the flight ("FZ981/FDB981": flight number / ICAO
  callsign); a ``Folder`` named "Route" holds one Placemark per position with a ``TimeStamp``,
  a ``Point`` (lon, lat, altitude in metres as KML says — 0 on the ground) and a description
  whose HTML gives "Altitude: 2,600 ft", "Speed: 170 kt", "Heading: 47°"; a "Trail" folder
  draws the same route again as untimed lines (ignored).
- **FlightAware**: ``Document/name`` starts "FlightAware"; the flight is one ``gx:Track``
  Placemark named by its callsign (``when`` + ``gx:coord``, altitude in metres), and the
  departure and arrival airports are untimed Points named "<ICAO> Airport".
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree.ElementTree import Element

from viewer.core.constants import (
    ALT_M,
    CALLSIGN,
    FT_IN_M,
    HEADING_DEG,
    LABEL,
    LAT,
    LON,
    SPEED_KT,
    TIME,
    TRACK_ID,
)
from viewer.io.normalize import finish_frame
from viewer.io.report import ImportCancelled, ImportReport, TrackImportError
from viewer.io.xml_safety import local

# Deferred on purpose: pandas (heavy: imported by the functions that use them, so importing the
# module stays quick (STYLE 12)).

_NUMBER = r"(-?[\d,]+(?:\.\d+)?)"
FR24_FIELDS = {
    "alt_ft": re.compile(r"<b>\s*Altitude:\s*</b>\s*</span>\s*<span>\s*" + _NUMBER + r"\s*ft"),
    "speed_kt": re.compile(r"<b>\s*Speed:\s*</b>\s*</span>\s*<span>\s*" + _NUMBER + r"\s*kt"),
    "heading": re.compile(
        r"<b>\s*Heading:\s*</b>\s*</span>\s*<span>\s*" + _NUMBER + r"\s*(?:&deg;|°)"
    ),
}


def _child(el: Element, name: str) -> Element | None:
    return next((c for c in el if local(c.tag) == name), None)


def _text(el: Element | None, name: str) -> str:
    child = _child(el, name) if el is not None else None
    return (child.text or "").strip() if child is not None else ""


def _document(root: Element) -> Element:
    if local(root.tag) == "Document":
        return root
    doc = _child(root, "Document")
    return doc if doc is not None else root


def _number(match: re.Match | None) -> float | None:
    if match is None:
        return None
    try:
        return float(match.group(1).replace(",", ""))
    except ValueError:
        return None


class Fr24Kml:
    """A Flightradar24 flight KML: its "Route" placemarks become one track."""

    def __init__(self, flight: str, placemarks: list[Element]) -> None:
        self.flight = flight
        self.placemarks = placemarks

    @classmethod
    def recognise(cls, root: Element) -> Fr24Kml | None:
        doc = _document(root)
        for folder in (el for el in doc.iter() if local(el.tag) == "Folder"):
            if _text(folder, "name") != "Route":
                continue
            placemarks = [c for c in folder if local(c.tag) == "Placemark"]
            timed = [p for p in placemarks if _child(p, "TimeStamp") is not None]
            if timed and "Speed:" in _text(timed[0], "description"):
                return cls(_text(doc, "name"), placemarks)
        return None

    def read(self, path: Path, report: ImportReport, options, cancel):
        import pandas as pd

        number, _, callsign = self.flight.partition("/")
        track = self.flight or Path(path).stem
        rows: dict[str, list] = {
            k: [] for k in (TRACK_ID, TIME, LON, LAT, ALT_M, SPEED_KT, HEADING_DEG, "_line")
        }
        disagree = 0
        for i, pm in enumerate(self.placemarks, start=1):
            if cancel is not None and cancel():
                raise ImportCancelled()
            when = _text(_child(pm, "TimeStamp"), "when")
            point = _child(pm, "Point")
            coords = _text(point, "coordinates").split(",") if point is not None else []
            if not when or len(coords) < 2:
                report.skip(i, f"Route placemark {i}: expected a TimeStamp and a Point")
                continue
            desc = _text(pm, "description")
            fields = {k: _number(rx.search(desc)) for k, rx in FR24_FIELDS.items()}
            alt_m = _float(coords[2]) if len(coords) > 2 else None
            if alt_m is None and fields["alt_ft"] is not None:
                alt_m = fields["alt_ft"] * FT_IN_M
            elif alt_m is not None and fields["alt_ft"] is not None:
                disagree += abs(alt_m - fields["alt_ft"] * FT_IN_M) > 30.0
            rows[TRACK_ID].append(track)
            rows[TIME].append(when)
            rows[LON].append(_float(coords[0]))
            rows[LAT].append(_float(coords[1]))
            rows[ALT_M].append(alt_m)
            rows[SPEED_KT].append(fields["speed_kt"])
            rows[HEADING_DEG].append(fields["heading"])
            rows["_line"].append(i)
        if disagree:
            report.warn(
                f"{disagree:,} placemarks give an altitude in metres that differs from the "
                "description's feet by more than 30 m; the coordinates were used"
            )
        report.schema = "Flightradar24 flight KML"
        report.column_map = {
            TRACK_ID: "Document name (flight number / callsign)",
            TIME: "Route placemark TimeStamp/when",
            LON: "Point coordinates (1st)",
            LAT: "Point coordinates (2nd)",
            ALT_M: "Point coordinates (3rd)",
            SPEED_KT: "description 'Speed: … kt'",
            HEADING_DEG: "description 'Heading: …°'",
        }
        report.units = {
            ALT_M: "m (KML coordinates; the description's feet agree)",
            SPEED_KT: "kt (Flightradar24 description)",
            HEADING_DEG: "degrees (Flightradar24 description)",
        }
        report.notice("line numbers are Route placemark numbers; the Trail folder is not read")
        if not rows[TIME]:
            raise TrackImportError(path, "nothing to replay: the Route folder has no positions")
        raw = pd.DataFrame(rows)
        raw[CALLSIGN] = (callsign or number).strip()
        raw[LABEL] = self.flight
        return finish_frame(raw, report, path=path, tz=options.tz), report


class FlightAwareKml:
    """A FlightAware flight KML: read by the generic gx:Track path; this names what it read."""

    @classmethod
    def recognise(cls, root: Element) -> FlightAwareKml | None:
        name = _text(_document(root), "name")
        overlays = [el for el in root.iter() if local(el.tag) == "ScreenOverlay"]
        if name.startswith("FlightAware") or any(
            _text(o, "name") == "FlightAware" for o in overlays
        ):
            return cls()
        return None

    @staticmethod
    def is_airport(name: str) -> bool:
        return name.endswith(" Airport")

    def describe(self, raw, report: ImportReport):
        report.schema = "FlightAware flight KML"
        report.column_map = {
            TRACK_ID: "gx:Track Placemark name (callsign)",
            TIME: "gx:Track when",
            LON: "gx:coord (1st)",
            LAT: "gx:coord (2nd)",
            ALT_M: "gx:coord (3rd)",
        }
        report.units = {ALT_M: "m (KML gx:coord, documented by KML 2.2)"}
        report.notice("the departure and arrival airports (untimed points) are not positions")
        if TRACK_ID in raw.columns and len(raw):
            raw = raw.copy()
            raw[CALLSIGN] = raw[TRACK_ID]
        return raw


def _float(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None
