"""Zone events without a window: entries into and exits from each ADIZ, the Senkaku 12/24 nmi
zones and exercise zones (while in force), and crossings of the median line — one CSV row each.

    adiz-viewer events TRACKFILE... [--zones all|ID,...] [--out events.csv] [--tz ZONE]
    adiz-viewer events ARCHIVE [--start ISO --end ISO --bbox W,S,E,N] [--counts]

An archive (a folder of partitioned Parquet or a database URL): its window's fixes are loaded
(within --budget) and the same events computed; with --counts the engine counts instead, over
the whole window however large: per zone, local day (--days-tz, default Asia/Taipei) and kind,
the entries (crossings for a line), tracks and aircraft — the counts chart's figures.

Columns: time (UTC, ISO 8601), track_id, kind, zone_id, event (entry/exit/crossing), lon, lat,
seconds_inside, side (line crossings: the side crossed to), at_track_start, approximate (the zone
has an edge that is only the usual drawing). Exit status 2 if a file cannot be read.
"""

from __future__ import annotations

import argparse
import sys

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
        "--counts", action="store_true", help="archives: per-day counts from the engine"
    )
    parser.add_argument("--days-tz", default="Asia/Taipei", help="zone of the days counted")
    from viewer.cli.archive_args import add_window_arguments

    add_window_arguments(parser)


def run(args: argparse.Namespace) -> int:
    import pandas as pd

    from viewer.cli.archive_args import is_archive, load_window
    from viewer.core.catalog import load_catalog
    from viewer.core.zones import compute_zone_events
    from viewer.io.archive import ArchiveError
    from viewer.io.registry import ReadOptions, load_trackset
    from viewer.io.report import TrackImportError

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
                return _archive_counts(path, zones, args)
            if is_archive(path):
                ts, _ = load_window(path, args)
            else:
                ts, _ = load_trackset(path, options=ReadOptions(tz=args.tz))
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


def _archive_counts(source: str, zones, args: argparse.Namespace) -> int:
    """Per zone, day and kind from the engine, as CSV."""
    from viewer.cli.archive_args import open_input, window_of

    with open_input(source, args.tz) as archive:
        counts = archive.zone_counts(zones, window_of(args), tz=args.days_tz)
    table = counts.table.copy()
    table["day"] = table["day"].dt.strftime("%Y-%m-%d")
    if args.out:
        table.to_csv(args.out, index=False)
        print(
            f"wrote {len(table)} rows to {args.out} ({counts.seconds:.1f} s in the engine)",
            file=sys.stderr,
        )
    else:
        table.to_csv(sys.stdout, index=False)
    return 0
