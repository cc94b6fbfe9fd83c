"""Hardened XML: no DTDs, no entities (billion laughs), no external entities (XXE), bounded size
and depth. Every XML track format goes through `parse_xml` or `check_xml` first."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from xml.etree.ElementTree import Element

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from viewer.io.report import TrackImportError

MAX_XML_BYTES = 1 << 30
MAX_DEPTH = 200


def parse_xml(path: Path | str, data: bytes) -> Element:
    """Parse XML bytes safely; a clear TrackImportError for anything hostile or malformed."""
    if len(data) > MAX_XML_BYTES:
        raise TrackImportError(path, "XML file larger than 1 GiB")
    try:
        root = SafeET.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise TrackImportError(
            path,
            f"refused: the XML declares a DTD or entities ({type(exc).__name__}); track "
            "files never need them, and they are how XML bombs and file-stealing (XXE) work",
        ) from None
    except ET.ParseError as exc:
        line = exc.position[0] if getattr(exc, "position", None) else None
        raise TrackImportError(path, f"malformed XML ({exc})", line=line) from None
    if _depth(root) > MAX_DEPTH:
        raise TrackImportError(path, f"XML nested deeper than {MAX_DEPTH} levels: refused")
    return root


def _depth(root: Element) -> int:
    depth, stack = 0, [(root, 1)]
    while stack:
        node, d = stack.pop()
        depth = max(depth, d)
        if depth > MAX_DEPTH:
            return depth
        stack.extend((child, d + 1) for child in node)
    return depth


def local(tag: str) -> str:
    """'{http://www.opengis.net/kml/2.2}Placemark' -> 'Placemark'."""
    return tag.rsplit("}", 1)[-1]
