"""Check track files without opening a window: format, the source recognised, the column map,
the unit each field was read in (and how it was known), tracks, fixes, time span (UTC), the
minimum / median / maximum of the altitude (m), speed (kt) and fixes per track, and every
skipped row with its line and reason.

    adiz-viewer inspect FILE... [--json] [--tz ZONE] [--split-flights GAP]

Exit status 0 when every file was read, 2 when one could not be.
"""

from __future__ import annotations

import argparse
import json
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help="track files to check")
    parser.add_argument("--json", action="store_true", help="print the reports as JSON")
    parser.add_argument(
        "--tz",
        default=None,
        metavar="ZONE",
        help="time zone of times written without one (IANA name, e.g. Asia/Taipei or UTC)",
    )
    add_split_argument(parser)


def add_split_argument(parser: argparse.ArgumentParser) -> None:
    """``--split-flights GAP``: one aircraft's day as flights (`ReadOptions.split_flights`)."""
    parser.add_argument(
        "--split-flights",
        default=None,
        metavar="GAP",
        type=_gap,
        help="cut each aircraft's track into flights where its callsign changes or no fix "
        "comes for longer than GAP (e.g. 30min, 2h, 1800 for seconds)",
    )


def _gap(text: str) -> float:
    from viewer.io.flights import parse_gap

    try:
        return parse_gap(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def run(args: argparse.Namespace) -> int:
    from viewer.io.read_stats import describe_stats, field_stats
    from viewer.io.registry import ReadOptions, read_tracks
    from viewer.io.report import TrackImportError

    options = ReadOptions(tz=args.tz, split_flights=args.split_flights)
    status = 0
    results = []
    for path in args.files:
        try:
            result = read_tracks(path, options)
        except TrackImportError as exc:
            status = 2
            results.append({"path": path, "ok": False, "error": str(exc)})
            if not args.json:
                print(f"{path}: cannot be read\n  {exc}", file=sys.stderr)
            continue
        report = result.report
        if report.fixes == 0 and not result.static_paths:
            status = 2
        stats = field_stats(result.frame)
        results.append({"path": path, "ok": report.fixes > 0, **report.to_dict(), "stats": stats})
        if not args.json:
            print(report.summary())
            for line in describe_stats(stats):
                print(f"  {line}")
    if args.json:
        json.dump(
            results if len(results) > 1 else results[0], sys.stdout, indent=2, ensure_ascii=False
        )
        print()
    return status
