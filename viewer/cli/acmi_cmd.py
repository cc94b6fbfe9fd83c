"""Write track files as a Tacview ACMI 2.2 recording, to open a replay in Tacview.

    adiz-viewer acmi TRACKFILE... --out sortie.zip.acmi [--tz ZONE] [--title TEXT]

``.zip.acmi`` is zipped, any other name (``.txt.acmi``) plain UTF-8 text. Every file's tracks go
into the one recording (with several files, each track id is prefixed by its file's name).
Exit status 2 if a file cannot be read or nothing can be written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from viewer.core.constants import TRACK_ID
from viewer.core.projection import Projection
from viewer.core.tracks import TrackSet
from viewer.io.acmi_writer import write_acmi
from viewer.io.registry import ReadOptions, read_tracks
from viewer.io.report import TrackImportError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="TRACKFILE")
    parser.add_argument("--out", required=True, help="the .txt.acmi or .zip.acmi to write")
    parser.add_argument("--tz", default=None, help="zone of times written without one")
    parser.add_argument("--title", default="", help="the recording's title (default: none)")


def run(args: argparse.Namespace) -> int:
    if not args.out.lower().endswith(".acmi"):
        print("adiz-viewer acmi: --out must end in .txt.acmi or .zip.acmi", file=sys.stderr)
        return 2
    frames = []
    for path in args.files:
        try:
            frame = read_tracks(path, ReadOptions(tz=args.tz)).frame
        except TrackImportError as exc:
            print(f"{path}: cannot be read\n  {exc}", file=sys.stderr)
            return 2
        if len(args.files) > 1:
            frame = frame.assign(**{TRACK_ID: Path(path).stem + ":" + frame[TRACK_ID].astype(str)})
        frames.append(frame)
    frame = frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)
    merged = TrackSet.from_frame(frame, Projection.default(), name=Path(args.out).name)
    try:
        out = write_acmi(merged, args.out, args.title)
    except (OSError, ValueError) as exc:
        print(f"adiz-viewer acmi: {args.out}: {exc}", file=sys.stderr)
        return 2
    print(f"{out}: {len(merged.ids)} tracks, {len(merged.t)} fixes")
    return 0
