"""Autosave and crash recovery: unsaved changes go to a per-user state folder every minute; after a
crash the next start finds them (`find_recovery`) and offers to restore."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from viewer.core.briefing.codec import from_dict, to_dict
from viewer.core.briefing.model import APP_STATE_NAME, RECOVERY_FORMAT, SUFFIX, Briefing
from viewer.core.briefing.storage import atomic_write
from viewer.core.briefing.validation import BriefingError, format_time, parse_time


# ---------------------------------------------------------------------------------- recovery
def state_dir() -> Path:
    """Per-user state folder: ``$XDG_STATE_HOME/adiz-viewer`` or ``~/.local/state/adiz-viewer``
    (``%LOCALAPPDATA%/adiz-viewer`` on Windows)."""
    env = os.environ.get("XDG_STATE_HOME")
    if env and Path(env).is_absolute():
        return Path(env) / APP_STATE_NAME
    if os.name == "nt" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / APP_STATE_NAME
    return Path.home() / ".local" / "state" / APP_STATE_NAME


def recovery_dir() -> Path:
    return state_dir() / "recovery"


def recovery_path(document: str | Path | None) -> Path:
    """The autosave file for a briefing saved at ``document`` (None: an untitled briefing)."""
    if document is None:
        return recovery_dir() / "untitled.recovery.json"
    p = Path(document).expanduser().absolute()
    digest = hashlib.sha256(str(p).encode("utf-8", "surrogatepass")).hexdigest()[:12]
    stem = p.name.removesuffix(SUFFIX).removesuffix(".json")
    stem = re.sub(r"[^\w.-]+", "_", stem)[:60] or "briefing"
    return recovery_dir() / f"{stem}-{digest}.recovery.json"


@dataclass(frozen=True)
class Recovery:
    """An autosaved briefing found after a crash."""

    path: Path  # the recovery file
    document: Path | None  # the briefing file it belongs to; None when it was never saved
    saved_at: datetime
    briefing: Briefing

    @property
    def base(self) -> Path | None:
        """The folder relative track paths are resolved against."""
        return self.document.parent if self.document else None


def write_recovery(briefing: Briefing, document: str | Path | None = None) -> Path:
    """Autosave ``briefing`` (unsaved changes to ``document``, or an untitled one); atomic."""
    path = recovery_path(document)
    path.parent.mkdir(parents=True, exist_ok=True)
    doc = {
        "format": RECOVERY_FORMAT,
        "document": None if document is None else str(Path(document).expanduser().absolute()),
        "saved_at": format_time(datetime.now(UTC)),
        "briefing": to_dict(briefing),
    }
    data = json.dumps(doc, sort_keys=True, indent=1, ensure_ascii=False) + "\n"
    atomic_write(path, data.encode("utf-8"))
    return path


def find_recovery() -> list[Recovery]:
    """Autosaves left by a session that did not close cleanly, newest first (unreadable ones
    are skipped)."""
    folder = recovery_dir()
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob("*.recovery.json"):
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(doc, dict) or doc.get("format") != RECOVERY_FORMAT:
                continue
            document = doc.get("document")
            found.append(
                Recovery(
                    path=path,
                    document=Path(document) if isinstance(document, str) else None,
                    saved_at=parse_time(doc["saved_at"]),
                    briefing=from_dict(doc["briefing"]),
                )
            )
        except (OSError, ValueError, KeyError, BriefingError):
            continue
    return sorted(found, key=lambda r: r.saved_at, reverse=True)


def discard_recovery(document: str | Path | None = None) -> None:
    """Delete the autosave of ``document`` (after a save, a clean close or a declined restore)."""
    with contextlib.suppress(FileNotFoundError):
        recovery_path(document).unlink()
