"""Render the map and a replay headless, through the same session and painters as the window:
no display needed.

    adiz-viewer render (BRIEFING | TRACKFILE...) --out OUT [--size WxH] [--fps N]
                       [--start ISO] [--end ISO] [--duration SECONDS] [--trail DURATION]
                       [--scene N] [--crs CRS] [--naming en|ja|zh_CN|zh_TW|all] [--tz ZONE]
                       [--units nmi|km] [--high-contrast]

OUT ending in .png writes the frame at --start (or the scene's or briefing's start); .mp4 or
.gif writes a video of --start..--end lasting --duration seconds at --fps — or, for a briefing
given without --scene, --start or --end, all its scenes in order; an existing folder receives
numbered PNG frames. With no input: the reference map alone.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from PySide6.QtGui import QGuiApplication

from viewer.cli.archive_args import add_window_arguments, is_archive, load_window
from viewer.cli.headless import open_session
from viewer.cli.parsing import parse_duration, parse_size, parse_time
from viewer.core.briefing import BriefingError
from viewer.core.session import Session
from viewer.core.timeline import Timeline
from viewer.core.units import Units
from viewer.export.metadata import describe_inputs, stamp_png
from viewer.export.video import frame_times, render_frames, render_plan, write_output
from viewer.io.report import TrackImportError
from viewer.render.map_scene import MapScene
from viewer.render.overlay_layout import frame_font_scale
from viewer.render.theme import HIGH_CONTRAST, NORMAL


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("inputs", nargs="*", metavar="INPUT", help="a briefing or track files")
    parser.add_argument("--out", required=True, help="OUT.png, OUT.mp4, OUT.gif or a folder")
    parser.add_argument("--size", type=parse_size, default=(1920, 1080), help="WIDTHxHEIGHT")
    parser.add_argument("--fps", type=float, default=25.0, help="video frames per second")
    parser.add_argument("--start", type=parse_time, help="first map time (ISO 8601 with zone)")
    parser.add_argument("--end", type=parse_time, help="last map time (ISO 8601 with zone)")
    parser.add_argument(
        "--duration", type=float, default=10.0, help="video length in seconds (default 10)"
    )
    parser.add_argument("--trail", type=parse_duration, help="trail behind heads, e.g. 1h")
    parser.add_argument("--scene", type=int, help="briefing scene number (1 = first)")
    parser.add_argument("--crs", default=None, help="projection preset, EPSG code or PROJ")
    parser.add_argument("--naming", default=None, choices=["en", "ja", "zh_CN", "zh_TW", "all"])
    parser.add_argument("--tz", default=None, help="zone of times written without one")
    parser.add_argument(
        "--units",
        default="nmi",
        choices=["nmi", "km"],
        help="the scale bar's main unit (default nmi, as in the app's View > Units)",
    )
    parser.add_argument(
        "--high-contrast",
        action="store_true",
        help="the high-contrast theme, for projectors in bright rooms",
    )
    add_window_arguments(parser, times=False)  # an archive's window: --start/--end above


def run(args: argparse.Namespace) -> int:
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    out = Path(args.out)
    kind = "frames" if out.is_dir() else out.suffix.lower()
    if kind not in (".png", ".mp4", ".gif", "frames"):
        return _fail(
            f"{out}: expected an output ending in .png, .mp4 or .gif, or an existing folder"
        )
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    started = time.perf_counter()
    try:
        archives = [i for i in args.inputs if is_archive(i)]
        session = open_session(
            [i for i in args.inputs if not is_archive(i)], args.crs, args.naming, args.tz
        )
        if archives:
            _add_archives(session, archives, args)
        scene = MapScene.for_session(session)  # PictureError (a ValueError): the underlay
    except (ValueError, BriefingError, TrackImportError, FileNotFoundError) as exc:
        return _fail(str(exc))
    scene.units = Units(distance=args.units)
    scene.theme = HIGH_CONTRAST if args.high_contrast else NORMAL
    timeline = session.timeline
    if args.trail is not None:
        timeline.set_trail(args.trail)
    scene_index = None
    start, end = args.start, args.end
    if args.scene is not None:
        scenes = session.briefing.scenes if session.briefing else ()
        if not 1 <= args.scene <= len(scenes):
            return _fail(f"--scene must be 1..{len(scenes)}; got {args.scene}")
        scene_index = args.scene - 1
        state = session.apply_scene(scene_index)  # as the window and the briefing video show it
        if state.time_range is not None:
            start = start if start is not None else state.time_range[0]
            end = end if end is not None else state.time_range[1]
        elif state.time is not None:
            start = start if start is not None else state.time
    span = session.tracks.time_span
    if start is None:
        start = timeline.time if span else 0.0
    if end is None:
        end = span[1] if span else start
    if end < start:
        return _fail("--end is before --start")
    _make_room(timeline, start, end)
    width, height = args.size
    scene.font_scale = frame_font_scale(width, height)  # a 4K frame reads as a 1080p one
    if scene_index is None:
        view = session.map_view(width, height)
    else:  # the scene's extent, its region clear of the overlays
        view = scene.scene_view(session, width, height, scene_index)
    if kind == ".png":
        image = next(iter(render_frames(scene, session, view, [start])))
        out.parent.mkdir(parents=True, exist_ok=True)
        if not stamp_png(image, describe_inputs(args.inputs)).save(str(out)):
            return _fail(f"{out}: could not write the PNG")
        elapsed = time.perf_counter() - started
        print(f"wrote {out.resolve()} ({width}x{height}, 1 frame, {elapsed:.2f} s)")
        return 0
    briefing = session.briefing
    whole = briefing is not None and bool(briefing.scenes) and args.scene is None
    whole = whole and args.start is None and args.end is None
    if whole:  # a briefing to video: all its scenes, in order
        plan = session.scene_plan(args.fps)
        n = len(plan)
        frames = render_plan(scene, session, width, height, plan)
    else:
        n = max(1, round(args.fps * args.duration))
        frames = render_frames(scene, session, view, frame_times(start, end, n))
    t0 = time.perf_counter()
    try:
        written = write_output(
            out, frames, n, args.fps, (width, height), description=describe_inputs(args.inputs)
        )
    except (OSError, ValueError) as exc:
        return _fail(f"{out}: {exc}")
    rate = written / max(time.perf_counter() - t0, 1e-9)
    print(
        f"wrote {out.resolve()} ({width}x{height}, {written} frames at {args.fps:g} fps; "
        f"rendered {rate:.1f} frames/s)"
    )
    return 0


def _make_room(timeline: Timeline, start: float, end: float) -> None:
    """Times asked for outside the clock's range (before the first fix, after a scene's range)
    are shown as asked: the range widens to them, rather than the clock stopping at its ends."""
    if start >= timeline.lo and end <= timeline.hi:
        return
    timeline.clear_in_out()
    if start < timeline.start or end > timeline.end:
        timeline.set_range(min(start, timeline.start), max(end, timeline.end))


def _fail(message: str) -> int:
    print(f"adiz-viewer render: {message}", file=sys.stderr)
    return 2


def _add_archives(session: Session, archives: list[str], args: argparse.Namespace) -> None:
    """Each archive read from an hour before the first frame's trail to an hour after the last
    frame (so heads and trails are drawn as from the whole file), within --bbox, as tracks of the
    session (its clock then starts at their beginning). An archive's errors are ValueErrors:
    said, and exit 2."""
    trail = args.trail if args.trail is not None else session.timeline.trail
    margin = 3600.0
    window = argparse.Namespace(**vars(args))
    if args.start is not None:
        window.start = args.start - (0.0 if trail == float("inf") else trail) - margin
        window.end = (args.end if args.end is not None else args.start) + margin
    for source in archives:
        ts, report = load_window(source, window, session.state.projection)
        session.add_tracks(Path(source), ts, report)
