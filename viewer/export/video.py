"""Frames of a replay to MP4, GIF (imageio-ffmpeg) or numbered PNGs — what the screen shows."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import numpy as np
from PySide6.QtGui import QImage

from viewer.export.metadata import ffmpeg_metadata, stamp_png
from viewer.export.session import HeadlessSession

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
    session: HeadlessSession,
    width: int,
    height: int,
    times: Iterable[float],
    scene_index: int | None = None,
) -> Iterable[QImage]:
    view = session.view(width, height, scene_index)
    for t in times:
        session.set_time(float(t))
        yield session.scene.render_image(view)


def render_briefing_frames(
    session: HeadlessSession, width: int, height: int, plan: list[tuple[int, float]]
) -> Iterable[QImage]:
    """Frames of a whole briefing: each scene's view and layers, its times from ``plan``."""
    current = None
    view = None
    for index, t in plan:
        if index != current:
            current = index
            session.apply_scene_layers(index)
            view = session.view(width, height, index)
        session.set_time(t)
        yield session.scene.render_image(view)


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
    import imageio_ffmpeg

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
