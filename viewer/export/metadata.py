"""What an exported picture or video says about itself: the program and version that made it,
when, and from what.

PNG: ``tEXt`` chunks with keywords of the PNG specification (11.3.4.2 "Keywords and text
strings": Software, Creation Time, Description), written by `QImage.setText`. MP4: the
container's ``comment`` (the software) and ``description`` tags (``ffmpeg -metadata``). GIF has
no place for them.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtGui import QImage

from viewer import __version__

SOFTWARE = f"ADIZ Viewer {__version__}"


def describe_inputs(inputs: list[str] | tuple[str, ...]) -> str:
    """The ``Description``: what was rendered (the input files' names)."""
    names = [Path(p).name for p in inputs]
    return "Map rendered from " + (", ".join(names) if names else "the reference layers alone")


def png_text(description: str | None = None) -> dict[str, str]:
    """Keyword -> text for the PNG's tEXt chunks."""
    text = {
        "Software": SOFTWARE,
        "Creation Time": datetime.now(UTC).replace(microsecond=0).isoformat(),
    }
    if description:
        text["Description"] = description
    return text


def stamp_png(image: QImage, description: str | None = None) -> QImage:
    """Set the PNG text of ``image`` (kept by `QImage.save` to .png); returns it."""
    for key, value in png_text(description).items():
        image.setText(key, value)
    return image


def ffmpeg_metadata(description: str | None = None) -> list[str]:
    """``-metadata`` options for an MP4: ``comment`` (the software) and ``description``."""
    options = ["-metadata", f"comment={SOFTWARE}"]
    if description:
        options += ["-metadata", f"description={description}"]
    return options
