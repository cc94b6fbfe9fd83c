"""A briefing on disk: load (validated, migrated) and save atomically with a backup; the track
files and picture it names, relative to its folder; and where the bundled resources are.

Saving is atomic: the new text goes to a temporary file in the same folder, is flushed and fsynced,
the previous file is kept as ``<name>.bak``, and the temporary file is renamed over the original.
At every instant the file on disk is either the old or the new version."""

from __future__ import annotations

import contextlib
import glob
import json
import os
import secrets
import stat
import time
from dataclasses import replace
from pathlib import Path

from viewer.core import package_data
from viewer.core.briefing.codec import dumps, from_dict
from viewer.core.briefing.model import BACKUP_SUFFIX, SUFFIX, Briefing, TrackFileRef
from viewer.core.briefing.validation import BriefingError


# ---------------------------------------------------------------------------------- load / save
def backup_path(path: str | Path) -> Path:
    """Where `save_briefing` keeps the previous version: ``<name>.bak`` beside the file."""
    path = Path(path)
    return path.with_name(path.name + BACKUP_SUFFIX)


def load_briefing(path: str | Path) -> Briefing:
    """Read, validate and (for older schema versions) migrate a briefing file.

    Raises `BriefingError` naming the file and what is wrong with it.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise BriefingError("no such file", path) from None
    except OSError as exc:
        raise BriefingError(f"cannot read the file ({exc.strerror or exc})", path) from None
    hint = f" (the previous version is in {backup_path(path).name})"
    hint = hint if backup_path(path).exists() else ""
    if not raw.strip():
        raise BriefingError(f"the file is empty{hint}", path)
    try:
        doc = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise BriefingError(f"not UTF-8 text (byte {exc.start}){hint}", path) from None
    except json.JSONDecodeError as exc:
        raise BriefingError(
            f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}{hint}", path
        ) from None
    except RecursionError:
        raise BriefingError(f"not valid JSON: nested too deeply{hint}", path) from None
    try:
        return from_dict(doc)
    except BriefingError as exc:
        raise exc.in_file(path) from None


def save_briefing(briefing: Briefing, path: str | Path, *, backup: bool = True) -> Path:
    """Write ``briefing`` to ``path`` atomically, keeping the previous file as ``<name>.bak``.

    Saving text identical to what is on disk does nothing (so the backup keeps the version before).
    Raises `BriefingError` (with the OS error as its cause) when the file cannot be written; the
    file on disk is then unchanged.
    """
    path = Path(path)
    data = dumps(briefing).encode("utf-8")
    try:
        atomic_write(path, data, backup=backup)
    except OSError as exc:
        raise BriefingError(f"cannot save ({exc.strerror or exc})", path) from exc
    return path


def atomic_write(path: Path, data: bytes, *, backup: bool = False) -> None:
    """Replace ``path`` with ``data`` so that a crash at any point leaves the old or new bytes.

    Temporary files are ``.<name>.<random>.tmp`` in the same folder; a kill leaves at most one
    behind (never read, removed by `remove_stale_temporaries`).
    """
    try:
        if path.read_bytes() == data:
            return
        mode: int | None = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        mode = None
    tmp = _temp_name(path)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if mode is not None:
            tmp.chmod(mode)
        if backup and mode is not None:
            _keep_backup(path)
        tmp.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_dir(path.parent)


def _temp_name(path: Path, tag: str = "") -> Path:
    return path.with_name(f".{path.name}{tag}.{secrets.token_hex(6)}.tmp")


def _keep_backup(path: Path) -> None:
    """Make ``<name>.bak`` the current file, atomically: a hard link to it (or a copy where links
    are not supported) under a temporary name, renamed over the old backup."""
    bak = backup_path(path)
    tmp = _temp_name(path, ".bak")
    try:
        os.link(path, tmp)
    except OSError:
        data = path.read_bytes()
        try:
            with tmp.open("xb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise
    try:
        tmp.replace(bak)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def _fsync_dir(folder: Path) -> None:
    """Make a rename durable (POSIX); a no-op where folders cannot be opened (Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def remove_stale_temporaries(path: str | Path, older_than_s: float = 3600.0) -> list[Path]:
    """Delete temporary files a killed save left beside ``path`` (older than ``older_than_s``)."""
    path = Path(path)
    removed = []
    now = time.time()
    for tmp in path.parent.glob(f".{glob.escape(path.name)}*.tmp"):
        with contextlib.suppress(OSError):
            if now - tmp.stat().st_mtime >= older_than_s:
                tmp.unlink()
                removed.append(tmp)
    return removed


# ------------------------------------------------------------------------------- track files
def resolve_file(ref: TrackFileRef, base: str | Path) -> Path:
    """The file a reference points to; ``base`` is the folder holding the briefing."""
    p = Path(ref.path).expanduser()
    return p if p.is_absolute() else Path(base) / p


def resolve_files(briefing: Briefing, base: str | Path) -> list[Path]:
    return [resolve_file(f, base) for f in briefing.files]


def missing_files(briefing: Briefing, base: str | Path) -> list[TrackFileRef]:
    """The track files that are no longer where the briefing says (the UI asks where they are)."""
    return [f for f in briefing.files if not resolve_file(f, base).is_file()]


def relative_ref_path(target: str | Path, base: str | Path) -> str:
    """``target`` relative to ``base`` with '/' separators; absolute when there is no relative
    path (another drive on Windows)."""
    target = Path(target).expanduser().absolute()
    try:
        rel = os.path.relpath(target, Path(base).expanduser().absolute())
    except ValueError:
        return target.as_posix()
    return Path(rel).as_posix()


def relocate_file(
    briefing: Briefing, ref: TrackFileRef, new_path: str | Path, base: str | Path
) -> Briefing:
    """The briefing with ``ref`` pointing at ``new_path`` (stored relative to ``base``)."""
    moved = replace(ref, path=relative_ref_path(new_path, base))
    return replace(briefing, files=tuple(moved if f == ref else f for f in briefing.files))


def rebase(briefing: Briefing, old_base: str | Path, new_base: str | Path) -> Briefing:
    """The briefing with relative paths (track files, the underlay picture) rewritten for a file
    saved in ``new_base``."""
    files = tuple(
        f
        if Path(f.path).is_absolute()
        else replace(f, path=relative_ref_path(resolve_file(f, old_base), new_base))
        for f in briefing.files
    )
    underlay = briefing.underlay
    if underlay is not None and not Path(underlay.path).is_absolute():
        moved = relative_ref_path(Path(old_base) / underlay.path, new_base)
        underlay = replace(underlay, path=moved)
    return replace(briefing, files=files, underlay=underlay)


# ---------------------------------------------------------------------------------- resources
def resources_dir() -> Path:
    """The bundled resources (`viewer.core.package_data`, the one data lookup)."""
    return package_data.resources_dir()


def default_briefing_path() -> Path:
    """The briefing that opens on first start (the bundled illustrative sample)."""
    return resources_dir() / "sample" / f"default{SUFFIX}"


def schema_path() -> Path:
    """The published JSON Schema of the current version."""
    return resources_dir() / "briefing.schema.json"
