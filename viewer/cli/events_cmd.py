"""Zone events without a window: entries into and exits from each ADIZ, the Senkaku 12/24 nmi
zones and exercise zones (while in force), and crossings of the median line — one CSV row each.

    adiz-viewer events TRACKFILE... [--zones all|ID,...] [--out events.csv] [--tz ZONE] [--crs CRS]
                        [--split-flights GAP]
    adiz-viewer events ARCHIVE [--start ISO --end ISO --bbox W,S,E,N] [--counts]

An archive (a folder of partitioned Parquet or a database URL): its window's fixes are loaded
(within --budget) and the same events computed; with --counts the engine counts instead, over
the whole window however large: per zone, day (--day: MND's 06:00-to-06:00 day by default, a
calendar day or an hour in --days-tz) and kind, the entries (crossings for a line), tracks and
aircraft — the counts chart's figures (in the app's Lambert conformal conic only).

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

from viewer.cli.archive_args import (
    add_window_arguments,
    is_archive,
    load_window,
    open_input,
    window_of,
)
from viewer.cli.inspect_cmd import add_split_argument
from viewer.core.catalog import load_catalog
from viewer.core.counts import MND_DAY, calendar_day, hourly
from viewer.core.projection import Projection
from viewer.core.zones import compute_zone_events
from viewer.io.archive import ArchiveError
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
    parser.add_argument(
        "--counts", action="store_true", help="archives: per-day counts from the engine"
    )
    parser.add_argument(
        "--day",
        default="mnd",
        choices=["mnd", "calendar", "hour"],
        help="archives' counts per MND day (06:00 to 06:00 Taipei time, the default), calendar "
        "day or hour in --days-tz",
    )
    parser.add_argument("--days-tz", default="Asia/Taipei", help="zone of calendar days, hours")
    add_window_arguments(parser)


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
            if is_archive(path) and args.counts:
                return _archive_counts(path, zones, args, projection)
            if is_archive(path):
                ts, _ = load_window(path, args, projection)
            else:
                ts, _ = load_trackset(
                    path,
                    projection,
                    options=ReadOptions(tz=args.tz, split_flights=args.split_flights),
                )
        except (TrackImportError, ArchiveError) as exc:
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


def _archive_counts(source: str, zones, args: argparse.Namespace, projection) -> int:
    """Per zone, day and kind from the engine, as CSV."""
    day = {"mnd": MND_DAY, "calendar": calendar_day(args.days_tz), "hour": hourly(args.days_tz)}
    with open_input(source, args.tz) as archive:
        counts = archive.zone_counts(
            zones, window_of(args), day=day[args.day], projection=projection
        )
    table = counts.table.copy()
    table["day"] = table["day"].dt.strftime("%Y-%m-%dT%H:%M%z")
    if args.out:
        table.to_csv(args.out, index=False)
        print(
            f"wrote {len(table)} rows to {args.out} ({counts.seconds:.1f} s in the engine)",
            file=sys.stderr,
        )
    else:
        table.to_csv(sys.stdout, index=False)
    return 0
