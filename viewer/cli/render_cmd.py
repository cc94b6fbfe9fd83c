"""Render the map headless, through the same painters as the window: no display needed.

adiz-viewer render --out map.png [--size 1920x1080] [--crs lcc] [--naming en]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path


def parse_size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        msg = f"size must be WIDTHxHEIGHT, e.g. 1920x1080; got {text!r}"
        raise argparse.ArgumentTypeError(msg) from None
    if not (16 <= w <= 16384 and 16 <= h <= 16384):
        raise argparse.ArgumentTypeError(f"size must be 16..16384 pixels a side; got {text!r}")
    return w, h


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("inputs", nargs="*", metavar="FILE", help="track files or a briefing")
    parser.add_argument("--out", required=True, help="output .png")
    parser.add_argument("--size", type=parse_size, default=(1920, 1080), help="WIDTHxHEIGHT")
    parser.add_argument("--crs", default="lcc", help="projection preset, EPSG code or PROJ")
    parser.add_argument(
        "--naming",
        default="en",
        choices=["en", "ja", "zh_CN", "zh_TW", "all"],
        help="place-name usage",
    )


def run(args: argparse.Namespace) -> int:
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    out = Path(args.out)
    if out.suffix.lower() != ".png":
        print(f"adiz-viewer render: {out}: only .png output is supported so far", file=sys.stderr)
        return 2
    if args.inputs:
        print(
            "adiz-viewer render: track files are not drawn by this version; rendering the "
            "reference map only",
            file=sys.stderr,
        )
    from PySide6.QtGui import QGuiApplication

    from viewer.core.catalog import load_catalog
    from viewer.core.map_state import MapState
    from viewer.core.projection import Projection
    from viewer.qt.map_scene import MapScene

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    try:
        projection = Projection.from_user_input(args.crs)
    except ValueError as exc:
        print(f"adiz-viewer render: {exc}", file=sys.stderr)
        return 2
    start = time.perf_counter()
    state = MapState(load_catalog(), projection)
    state.set_naming(args.naming)
    scene = MapScene(state)
    width, height = args.size
    image = scene.render_image(scene.home_view(width, height))
    out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(out)):
        print(f"adiz-viewer render: {out}: could not write the PNG", file=sys.stderr)
        return 2
    print(f"wrote {out.resolve()} ({width}x{height}, {time.perf_counter() - start:.2f} s)")
    return 0
