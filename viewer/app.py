"""Command line: ``adiz-viewer [FILE...]`` opens the window; sub-commands work without one.

Sub-commands live in `viewer.cli`, one module each, imported only when used so that start-up
stays fast:

- ``render``  renders the map (and tracks) to PNG/MP4/GIF/frames headless
- ``inspect`` prints each track file's import report
- ``events``  writes zone entry/exit and median-line crossing events as CSV
- ``listen``  records live feeds (ADS-B, AIS, CoT, polled JSON) and prints zone events live
- ``acmi``    writes track files as a Tacview ACMI 2.2 recording
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from viewer import __version__

# Deferred on purpose: viewer.qt.main_window, viewer.cli, viewer.core.briefing (a sub-command
# starts without the window, the window without the sub-commands and their data).

#: sub-command -> module in viewer.cli with ``add_arguments(parser)`` and ``run(args) -> int``.
COMMANDS: dict[str, str] = {
    "render": "viewer.cli.render_cmd",
    "inspect": "viewer.cli.inspect_cmd",
    "events": "viewer.cli.events_cmd",
    "listen": "viewer.cli.listen_cmd",
    "acmi": "viewer.cli.acmi_cmd",
}


def has_display() -> bool:
    """True when Qt can open a real window (X11/Wayland display, or a platform set by hand)."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="adiz-viewer",
        description="ADIZ Viewer: air-defence identification zones around Taiwan, with replay. "
        f"Sub-commands: {', '.join(COMMANDS)} (adiz-viewer COMMAND --help).",
    )
    parser.add_argument("files", nargs="*", help="track files or a briefing to open")
    parser.add_argument("--version", action="version", version=f"adiz-viewer {__version__}")
    parser.add_argument(
        "--lang",
        default=None,
        metavar="LANG",
        help="interface language for this run: en, zh_TW, ja or system (default: $ADIZ_LANG, "
        "else the one chosen in View > Language, else the system's)",
    )
    parser.add_argument(
        "--feed",
        action="append",
        default=[],
        metavar="URL",
        help="open the window connected to a live feed (repeatable): sbs://host:30003, "
        "beast://host:30005, nmea+udp://127.0.0.1:10110, nmea+tcp://host:port, "
        "cot+udp://239.2.3.1:6969, cot+tcp://host:8087, https://host/path (see "
        "'adiz-viewer listen --help')",
    )
    parser.add_argument(
        "--no-display-png",
        default=None,
        metavar="FILE.png",
        help="where to write the default view when there is no display "
        "(default: adiz-viewer-default.png in the current folder)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list and args_list[0] in COMMANDS:
        name = args_list[0]
        module = importlib.import_module(COMMANDS[name])
        parser = argparse.ArgumentParser(
            prog=f"adiz-viewer {name}",
            description=module.__doc__,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        module.add_arguments(parser)
        args = parser.parse_args(args_list[1:])
        return int(module.run(args))

    args = _gui_parser().parse_args(args_list)
    if not has_display():
        return _render_instead_of_window(args)
    from viewer.qt.main_window import run_app

    return run_app(args.files, language=args.lang, feeds=args.feed)


def _render_instead_of_window(args: argparse.Namespace) -> int:
    """No display: render to a PNG what the window would show — the files given, else the
    default briefing's first scene — and say where it went."""
    from viewer.core.briefing import default_briefing_path

    out = Path(args.no_display_png or "adiz-viewer-default.png").resolve()
    if args.files:
        what, inputs = ", ".join(args.files), list(args.files)
    else:
        what = "the default briefing's first scene"
        inputs = [str(default_briefing_path()), "--scene", "1"]
    print(
        "adiz-viewer: no display found (DISPLAY and WAYLAND_DISPLAY are unset), so no window can "
        f"open. Rendering what it would show ({what}) to {out} instead.",
        file=sys.stderr,
    )
    from viewer.cli import render_cmd

    parser = argparse.ArgumentParser()
    render_cmd.add_arguments(parser)
    render_args = parser.parse_args([*inputs, "--out", str(out)])
    return int(render_cmd.run(render_args))


if __name__ == "__main__":
    raise SystemExit(main())
