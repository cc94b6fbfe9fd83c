"""Render the application icon's PNG sizes (and the Windows .ico / macOS .icns) from its SVG.

Usage: ``python packaging/make_icons.py [--check]`` from anywhere. Writes, next to the SVG in
``resources/icons/``: ``adiz-viewer-<N>.png`` for N in `SIZES`, ``adiz-viewer.ico`` (16-256 px)
and ``adiz-viewer.icns`` (16-512 px). Both containers hold PNG images, which Windows Vista and
later and macOS 10.7 and later read, so no extra Qt image plugin is needed. ``--check`` writes
nothing and exits 1 when a committed file differs from what the SVG renders to.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

from viewer.core import package_data

ICONS = package_data.resource("icons")
SVG = ICONS / "adiz-viewer.svg"
SIZES = (16, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 32, 48, 64, 128, 256)
#: icns entry type for each PNG size (Apple's "icp4".."ic09" types accept PNG data).
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09"}


def png_path(size: int) -> Path:
    """Where the PNG of `size` x `size` pixels lives."""
    return ICONS / f"adiz-viewer-{size}.png"


def render_pngs(svg: Path = SVG) -> dict[int, bytes]:
    """Render `svg` at every size in `SIZES`; returns PNG bytes by size."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg}: not a valid SVG for Qt's renderer")
    out: dict[int, bytes] = {}
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not image.convertToFormat(QImage.Format.Format_ARGB32).save(buffer, "PNG"):
            raise RuntimeError(f"could not encode the {size} px icon as PNG")
        buffer.close()
        out[size] = bytes(data.data())
    return out


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding the PNGs of `ICO_SIZES` (a 256 px entry is written as size 0)."""
    sizes = [s for s in ICO_SIZES if s in pngs]
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, blobs = [], []
    for size in sizes:
        blob = pngs[size]
        dim = 0 if size >= 256 else size
        entries.append(struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset))
        blobs.append(blob)
        offset += len(blob)
    return header + b"".join(entries) + b"".join(blobs)


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns holding the PNGs of the sizes in `ICNS_TYPES`."""
    body = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
        for size, kind in ICNS_TYPES.items()
        if size in pngs
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def outputs(pngs: dict[int, bytes]) -> dict[Path, bytes]:
    """Every file this script writes, with its content."""
    files = {png_path(size): blob for size, blob in pngs.items()}
    files[ICONS / "adiz-viewer.ico"] = ico_bytes(pngs)
    files[ICONS / "adiz-viewer.icns"] = icns_bytes(pngs)
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="compare with the committed files, write nothing"
    )
    args = parser.parse_args(argv)
    files = outputs(render_pngs())
    if args.check:
        stale = [p for p, blob in files.items() if not p.exists() or p.read_bytes() != blob]
        for path in stale:
            print(f"stale: {path} (run packaging/make_icons.py)")
        return 1 if stale else 0
    for path, blob in files.items():
        path.write_bytes(blob)
        print(f"{path}  {len(blob):>7} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
