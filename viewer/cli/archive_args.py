"""What `inspect`, `render` and `events` share for archives: a folder of partitioned Parquet or a
database URL as an input, ``--start/--end/--bbox`` for the window of it, and how to open it from
a terminal (the password asked on the terminal when the keyring has none).

    adiz-viewer inspect /data/adsb-2024 --start 2024-05-01T06:00Z --end 2024-05-01T07:00Z
    adiz-viewer events postgresql://me@db/tracks?table=fixes --start ... --end ... --counts
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import TYPE_CHECKING

from viewer.cli.parsing import parse_time
from viewer.io.archive import DEFAULT_REPLAY_BUDGET, Window, is_archive_source, open_archive
from viewer.io.archive.credentials import keyring_status
from viewer.io.registry import ReadOptions

if TYPE_CHECKING:
    from viewer.core.projection import Projection
    from viewer.io.archive import Archive, Window


def parse_bbox(text: str) -> tuple[float, float, float, float]:
    """'119,21.5,124,26' -> (west, south, east, north)."""
    try:
        values = tuple(float(v) for v in text.split(","))
    except ValueError:
        values = ()
    if len(values) != 4:
        raise argparse.ArgumentTypeError(
            f"bbox must be WEST,SOUTH,EAST,NORTH in degrees, e.g. 119,21.5,124,26; got {text!r}"
        )

    try:
        Window(bbox=values)  # type: ignore[arg-type]
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return values  # type: ignore[return-value]


def add_window_arguments(parser: argparse.ArgumentParser, times: bool = True) -> None:
    """``--start``/``--end`` (unless the command has its own) and ``--bbox``, ``--budget``."""
    if times:
        parser.add_argument("--start", type=parse_time, help="archive window start (ISO 8601)")
        parser.add_argument("--end", type=parse_time, help="archive window end (ISO 8601)")
    parser.add_argument(
        "--bbox", type=parse_bbox, help="archive window box WEST,SOUTH,EAST,NORTH in degrees"
    )
    parser.add_argument(
        "--budget",
        type=int,
        default=DEFAULT_REPLAY_BUDGET,
        help=f"most fixes loaded from an archive (default {DEFAULT_REPLAY_BUDGET:,})",
    )


def is_archive(text: str) -> bool:
    return is_archive_source(text)


def window_of(args: argparse.Namespace) -> Window:
    return Window(getattr(args, "start", None), getattr(args, "end", None), args.bbox)


def ask_on_terminal(prompt: str) -> str | None:
    """The password typed on the terminal (not echoed); None without a terminal."""
    if not sys.stdin.isatty():
        return None

    why = keyring_status()
    if why:
        print(f"note: {why}; the password is asked each time", file=sys.stderr)
    return getpass.getpass(f"{prompt}: ") or None


def open_input(source: str, tz: str | None = None) -> Archive:
    return open_archive(source, ReadOptions(tz=tz), ask_password=ask_on_terminal)


def load_window(
    source: str, args: argparse.Namespace, projection: Projection | None = None
):  # -> tuple[TrackSet, ImportReport]
    """The window of an archive as a TrackSet (raises `ArchiveError`, `OverBudget`)."""
    with open_input(source, getattr(args, "tz", None)) as archive:
        return archive.load_window(window_of(args), projection, budget=args.budget)
