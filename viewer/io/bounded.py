"""Reading a file's bytes with a ceiling: plain, gzip-compressed (readsb writes its ``.json``
traces gzip-compressed under a ``.json`` name) or one entry of a zip (Tacview's ``.zip.acmi``).

Every decompression is bounded by the bytes it may produce, so a gzip or zip bomb is refused
with a message long before it fills the memory; nothing is ever extracted to disk.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path, PurePosixPath

from viewer.io.report import TrackImportError

GZIP_MAGIC = b"\x1f\x8b"
ZIP_MAGIC = b"PK\x03\x04"
CHUNK = 1 << 20


def read_bytes(path: Path, limit: int, what: str) -> bytes:
    """The file's content, gunzipped when it starts with the gzip magic; refuses (with
    `TrackImportError`) a file, or what it expands to, larger than ``limit`` bytes."""
    try:
        with path.open("rb") as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        raise TrackImportError(path, f"cannot open the file ({exc.strerror})") from None
    if data.startswith(GZIP_MAGIC):
        return gunzip(path, data, limit, what)
    if len(data) > limit:
        raise TrackImportError(path, f"refused: {what} larger than {limit >> 20} MiB")
    return data


def gunzip(path: Path, data: bytes, limit: int, what: str) -> bytes:
    """``data`` (gzip, possibly several members) decompressed, at most ``limit`` bytes."""
    out = bytearray()
    pending = data
    try:
        while pending:
            inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
            chunk = inflater.decompress(pending, CHUNK)
            while True:
                out += chunk
                if len(out) > limit:
                    raise TrackImportError(
                        path,
                        f"refused: the gzip-compressed {what} expands to more than "
                        f"{limit >> 20} MiB (from {len(data):,} bytes; a gzip bomb?)",
                    )
                if not inflater.unconsumed_tail:
                    break
                chunk = inflater.decompress(inflater.unconsumed_tail, CHUNK)
            if not inflater.eof:
                raise TrackImportError(path, f"the gzip-compressed {what} is truncated")
            pending = inflater.unused_data.lstrip(b"\0")
    except zlib.error as exc:
        raise TrackImportError(path, f"the gzip-compressed {what} is damaged ({exc})") from None
    return bytes(out)


def safe_zip_entry(
    path: Path,
    suffixes: tuple[str, ...],
    limit: int,
    what: str,
    prefer: str = "",
    max_ratio: float | None = None,
) -> tuple[str, bytes]:
    """(name, bytes) of the entry of the zip at ``path`` named ``prefer``, else the first whose
    name ends with one of ``suffixes``, read in memory. Refused: entries with absolute or ``..``
    paths, links, more than ``limit`` bytes uncompressed or a compression ratio above
    ``max_ratio`` (told by the header and checked while reading)."""
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, NotImplementedError) as exc:  # "zip file version 6.4"
        raise TrackImportError(path, f"not a valid zip file ({exc})") from None
    with zf:
        infos = zf.infolist()
        for info in infos:
            name = PurePosixPath(info.filename.replace("\\", "/"))
            if name.is_absolute() or ".." in name.parts or ":" in info.filename:
                raise TrackImportError(
                    path,
                    f"refused: the zip holds an entry with an unsafe path {info.filename!r} "
                    "(absolute or '..')",
                )
            if info.external_attr >> 28 == 0xA:
                raise TrackImportError(path, f"refused: zip entry {info.filename!r} is a link")
        found = [i for i in infos if i.filename.lower().endswith(suffixes) and not i.is_dir()]
        if not found:
            raise TrackImportError(
                path, f"the zip holds no {' or '.join(suffixes)} file; expected {what}"
            )
        info = next((i for i in found if i.filename.lower() == prefer), found[0])
        ratio = info.file_size / info.compress_size if info.compress_size else 0.0
        if info.file_size > limit or (max_ratio is not None and ratio > max_ratio):
            raise TrackImportError(
                path,
                f"refused: {info.filename} would expand to {info.file_size:,} bytes "
                f"from {info.compress_size:,} (a zip bomb?)",
            )
        try:
            with zf.open(info) as fh:
                data = fh.read(limit + 1)
        except (
            zipfile.BadZipFile,
            zlib.error,
            OSError,
            EOFError,
            ValueError,
            NotImplementedError,
            RuntimeError,
        ) as exc:
            raise TrackImportError(
                path,
                f"the zip is damaged: {info.filename} cannot be decompressed "
                f"({type(exc).__name__}: {exc})",
            ) from None
        if len(data) > limit:
            raise TrackImportError(
                path, f"refused: {info.filename} expands to more than {limit >> 20} MiB"
            )
    return info.filename, data


def head_bytes(path: Path, size: int = 4096) -> bytes:
    """The first ``size`` bytes of the file, gunzipped when it is gzip (for sniffing)."""
    try:
        with path.open("rb") as fh:
            head = fh.read(size)
    except OSError:
        return b""
    if head.startswith(GZIP_MAGIC):
        try:
            return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, size)
        except zlib.error:
            return b""
    return head
