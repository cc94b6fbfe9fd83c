"""Check track files without opening a window: format, the source recognised, the column map,
the unit each field was read in (and how it was known), tracks, fixes, time span (UTC), the
minimum / median / maximum of the altitude (m), speed (kt) and fixes per track, and every
skipped row with its line and reason. An archive (a folder of partitioned Parquet or a database
URL) is asked instead of read: its columns, units, span and size, and with --start/--end/--bbox
the fixes in that window.

    adiz-viewer inspect FILE... [--json] [--tz ZONE] [--split-flights GAP]
    adiz-viewer inspect ARCHIVE [--json] [--start ISO --end ISO --bbox W,S,E,N]

Exit status 0 when every file was read, 2 when one could not be.
"""

from __future__ import annotations

import argparse
import json
import sys

from viewer.cli.archive_args import add_window_arguments, is_archive, open_input, window_of
from viewer.io.archive import ArchiveError
from viewer.io.flights import parse_gap
from viewer.io.read_stats import describe_stats, field_stats
from viewer.io.registry import ReadOptions, read_tracks
from viewer.io.report import TrackImportError


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
    add_window_arguments(parser)


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
    try:
        return parse_gap(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def run(args: argparse.Namespace) -> int:
    options = ReadOptions(tz=args.tz, split_flights=args.split_flights)
    status = 0
    results = []
    for path in args.files:
        if is_archive(path):
            ok, entry = _inspect_archive(path, args)
            status = status if ok else 2
            results.append(entry)
            continue
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


def _inspect_archive(source: str, args: argparse.Namespace) -> tuple[bool, dict]:
    """An archive's summary (and its window's fixes and tracks): (read, entry for --json)."""
    try:
        with open_input(source, args.tz) as archive:
            info = archive.info
            entry: dict = {
                "path": info.source,
                "ok": True,
                "engine": info.engine,
                "schema": info.schema,
                "column_map": info.column_map,
                "units": info.units,
                "rows": info.fixes,
                "files": info.files,
                "time_start": _iso(info.time_start),
                "time_end": _iso(info.time_end),
                "warnings": list(info.warnings),
                "notices": list(info.notices),
            }
            text = info.summary()
            window = window_of(args)
            if window.start or window.end or window.bbox:
                activity = archive.activity(window)
                entry["window"] = {
                    "describe": window.describe(),
                    "fixes": activity.total_fixes,
                    "busiest_hour_fixes": int(activity.fixes.max()) if len(activity.fixes) else 0,
                }
                text += f"\n  window {window.describe()}: {activity.total_fixes:,} fixes"
    except (ArchiveError, ValueError) as exc:
        if not args.json:
            print(f"{source}: cannot be read\n  {exc}", file=sys.stderr)
        return False, {"path": source, "ok": False, "error": str(exc)}
    if not args.json:
        print(text)
    return True, entry


def _iso(value) -> str | None:
    return None if value is None else value.isoformat().replace("+00:00", "Z")
