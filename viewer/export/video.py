"""Frames of a replay to MP4, GIF (imageio-ffmpeg) or numbered PNGs — what the screen shows.

Frames come from a `Session` through its `MapScene`: the clock is the session's `Timeline`, a
scene's state is `Session.apply_scene` (the one the window and ``adiz-viewer render`` use)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import numpy as np
from PySide6.QtGui import QImage

from viewer.core.session import Session
from viewer.core.view import MapView
from viewer.export.metadata import ffmpeg_metadata, stamp_png
from viewer.render.map_scene import MapScene
from viewer.render.overlay_layout import frame_font_scale

# Deferred on purpose: imageio_ffmpeg (ffmpeg's wrapper, only when a video is written).

VIDEO_SUFFIXES = (".mp4", ".gif")


class ExportCancelled(Exception):
    """The user cancelled the export; the partial file was removed."""


def frame_times(start: float, end: float, n: int) -> np.ndarray:
    """``n`` map times from ``start`` to ``end`` inclusive (one frame at ``start`` if n == 1)."""
    if n <= 1:
        return np.array([start])
    return np.linspace(start, end, n)


def image_rgb(image: QImage) -> bytes:
    """Tightly packed RGB24 bytes of a QImage (scan-line padding removed)."""
    rgb = image.convertToFormat(QImage.Format_RGB888)
    w, h, stride = rgb.width(), rgb.height(), rgb.bytesPerLine()
    arr = np.frombuffer(rgb.constBits(), dtype=np.uint8, count=stride * h).reshape(h, stride)
    return arr[:, : 3 * w].tobytes()


def render_frames(
    scene: MapScene, session: Session, view: MapView, times: Iterable[float]
) -> Iterable[QImage]:
    """``scene`` (which paints ``session``) at each of ``times`` on the session's clock."""
    for t in times:
        session.timeline.set_time(float(t))
        yield scene.render_image(view)


def render_plan(
    scene: MapScene, session: Session, width: int, height: int, plan: list[tuple[int, float]]
) -> Iterable[QImage]:
    """Frames of a whole briefing (`Session.scene_plan`): at each new scene its state
    (`Session.apply_scene`: layers, clock) and view (its extent fitted to the frame:
    `MapScene.scene_view`), then each of its times on the clock; type sized for the frame."""
    scene.font_scale = frame_font_scale(width, height)
    current: int | None = None
    view = None
    for index, t in plan:
        if index != current:
            current = index
            session.apply_scene(index)
            view = scene.scene_view(session, width, height, index)
        session.timeline.set_time(t)
        yield scene.render_image(view)


def write_output(
    out: Path,
    frames: Iterable[QImage],
    n: int,
    fps: float,
    size: tuple[int, int],
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
    description: str | None = None,
) -> int:
    """Frames to ``out`` (.mp4, .gif, or an existing folder of PNGs); returns how many. PNGs
    and MP4s carry the software's name and version and ``description`` (`metadata`)."""
    suffix = out.suffix.lower()
    written = 0
    if out.is_dir():
        for i, image in enumerate(frames):
            if cancel and cancel():
                raise ExportCancelled()
            stamp_png(image, description).save(str(out / f"frame_{i:05d}.png"))
            written += 1
            if progress:
                progress(written, n)
        return written
    if suffix not in VIDEO_SUFFIXES:
        raise ValueError(f"{out}: expected .mp4, .gif, .png or an existing folder")
    import imageio_ffmpeg  # deferred on purpose: ffmpeg's wrapper only when a video is written

    width, height = size
    if suffix == ".mp4":
        writer = imageio_ffmpeg.write_frames(
            str(out),
            (width, height),
            fps=fps,
            codec="libx264",
            pix_fmt_in="rgb24",
            pix_fmt_out="yuv420p",
            quality=8,
            macro_block_size=2,
            ffmpeg_log_level="error",
            output_params=ffmpeg_metadata(description),
        )
    else:
        writer = imageio_ffmpeg.write_frames(
            str(out),
            (width, height),
            fps=fps,
            codec="gif",
            pix_fmt_in="rgb24",
            macro_block_size=1,
            ffmpeg_log_level="error",
            output_params=[
                "-filter_complex",
                "split[a][b];[a]palettegen=stats_mode=diff[p];[b][p]paletteuse=dither=bayer",
            ],
        )
    writer.send(None)
    try:
        for image in frames:
            if cancel and cancel():
                raise ExportCancelled()
            writer.send(image_rgb(image))
            written += 1
            if progress:
                progress(written, n)
    except BaseException:
        writer.close()
        out.unlink(missing_ok=True)
        raise
    writer.close()
    return written
