"""Check track files without opening a window: format, tracks, fixes, time span (UTC), and
every skipped row with its line and reason.

    adiz-viewer inspect FILE... [--json] [--tz ZONE]

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


def run(args: argparse.Namespace) -> int:
    from viewer.io.registry import ReadOptions, read_tracks
    from viewer.io.report import TrackImportError

    options = ReadOptions(tz=args.tz)
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
        results.append({"path": path, "ok": report.fixes > 0, **report.to_dict()})
        if not args.json:
            print(report.summary())
    if args.json:
        json.dump(
            results if len(results) > 1 else results[0], sys.stdout, indent=2, ensure_ascii=False
        )
        print()
    return status
