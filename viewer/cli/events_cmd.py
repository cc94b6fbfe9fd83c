"""Zone events without a window: entries into and exits from each ADIZ, the Senkaku 12/24 nmi
zones and exercise zones (while in force), and crossings of the median line — one CSV row each.

    adiz-viewer events TRACKFILE... [--zones all|ID,...] [--out events.csv] [--tz ZONE] [--crs CRS]
                        [--split-flights GAP]

Events are found on the segments between consecutive fixes, straight as the map draws them in
its projection (``--crs``, default the app's Lambert conformal conic), so a sparse track that
passes through a zone between two fixes still enters and leaves it.
Columns: time (UTC, ISO 8601), track_id, kind, zone_id, event (entry/exit/crossing), lon, lat,
seconds_inside, side (line crossings: the side crossed to), at_track_start (inside at its first
fix), approximate (the zone has an edge that is only the usual drawing), inside_when_in_force
(already inside when an exercise zone came into force), across_gap (inferred across a gap in the
data), near_line (a median-line crossing that depends on how the line is drawn).
Exit status 2 if a file cannot be read.
"""

from __future__ import annotations

import argparse
import sys

import pandas as pd

from viewer.cli.inspect_cmd import add_split_argument
from viewer.core.catalog import load_catalog
from viewer.core.projection import Projection
from viewer.core.zones import compute_zone_events
from viewer.io.registry import ReadOptions, load_trackset
from viewer.io.report import TrackImportError

OUTPUT_COLUMNS = (
    "time",
    "track_id",
    "kind",
    "zone_id",
    "event",
    "lon",
    "lat",
    "seconds_inside",
    "side",
    "at_track_start",
    "approximate",
    "inside_when_in_force",
    "across_gap",
    "near_line",
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="TRACKFILE")
    parser.add_argument(
        "--zones",
        default="all",
        help="'all' or zone ids separated by commas (e.g. taiwan_adiz,median_line,senkaku_24nmi)",
    )
    parser.add_argument("--out", default=None, help="CSV file to write (default: standard output)")
    parser.add_argument("--tz", default=None, help="zone of times written without one")
    parser.add_argument(
        "--crs",
        default=None,
        help="the map projection segments are straight in: preset, EPSG code or PROJ "
        "(default: the app's Lambert conformal conic)",
    )
    add_split_argument(parser)


def run(args: argparse.Namespace) -> int:
    try:
        projection = Projection.from_user_input(args.crs) if args.crs else None
    except ValueError as exc:
        print(f"adiz-viewer events: --crs: {exc}", file=sys.stderr)
        return 2
    zones = load_catalog().analysis_zones()
    if args.zones != "all":
        wanted = [z.strip() for z in args.zones.split(",") if z.strip()]
        known = {z.id for z in zones} | {z.id.split(":")[0] for z in zones}
        unknown = [w for w in wanted if w not in known]
        if unknown:
            print(
                f"adiz-viewer events: unknown zone(s) {unknown}; zones are {sorted(known)}",
                file=sys.stderr,
            )
            return 2
        zones = [z for z in zones if z.id in wanted or z.id.split(":")[0] in wanted]
    frames = []
    status = 0
    for path in args.files:
        try:
            ts, _ = load_trackset(
                path,
                projection,
                options=ReadOptions(tz=args.tz, split_flights=args.split_flights),
            )
        except TrackImportError as exc:
            print(f"adiz-viewer events: {exc}", file=sys.stderr)
            status = 2
            continue
        frames.append(compute_zone_events(ts, zones))
    events = (
        pd.concat(frames, ignore_index=True)
        if frames
        else pd.DataFrame(columns=list(OUTPUT_COLUMNS))
    )
    if len(events):
        events = events.sort_values("time", kind="stable")
        events["time"] = (
            events["time"]
            .dt.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
            .str.replace(r"\.?0+Z$", "Z", regex=True)
        )
        events["lon"] = events["lon"].round(6)
        events["lat"] = events["lat"].round(6)
        events["seconds_inside"] = events["seconds_inside"].round(1)
    events = events[list(OUTPUT_COLUMNS)]
    if args.out:
        events.to_csv(args.out, index=False)
        print(f"wrote {len(events)} events to {args.out}", file=sys.stderr)
    else:
        try:
            events.to_csv(sys.stdout, index=False)
        except BrokenPipeError:  # `| head`: the reader has what it wanted
            sys.stderr.close()
    return status
