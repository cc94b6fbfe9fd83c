"""Read back what exported files say about themselves, without the code that wrote it: PNG text
chunks by the PNG specification's chunk layout (length, type, data, CRC; tEXt = keyword, NUL,
Latin-1 text; iTXt = keyword, NUL, compression flag and method, language tag, NUL, translated
keyword, NUL, UTF-8 text; zTXt = keyword, NUL, method, zlib data), MP4 tags through ffmpeg's
ffmetadata output."""

import struct
import subprocess
import zlib
from pathlib import Path

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_text_chunks(path: Path) -> dict[str, str]:
    data = path.read_bytes()
    assert data[:8] == PNG_SIGNATURE, f"{path} is not a PNG"
    out: dict[str, str] = {}
    pos = 8
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length : pos + 12 + length])
        assert zlib.crc32(kind + body) == crc, f"bad CRC in the {kind!r} chunk"
        if kind == b"tEXt":
            key, _, text = body.partition(b"\0")
            out[key.decode("latin-1")] = text.decode("latin-1")
        elif kind == b"zTXt":
            key, _, rest = body.partition(b"\0")
            out[key.decode("latin-1")] = zlib.decompress(rest[1:]).decode("latin-1")
        elif kind == b"iTXt":
            key, _, rest = body.partition(b"\0")
            compressed, rest = rest[0], rest[2:]
            _lang, _, rest = rest.partition(b"\0")
            _translated, _, text = rest.partition(b"\0")
            out[key.decode("latin-1")] = (zlib.decompress(text) if compressed else text).decode()
        if kind == b"IEND":
            break
        pos += 12 + length
    return out


def mp4_tags(path: Path) -> dict[str, str]:
    import imageio_ffmpeg

    result = subprocess.run(
        [imageio_ffmpeg.get_ffmpeg_exe(), "-v", "error", "-i", str(path), "-f", "ffmetadata", "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    lines = [ln for ln in result.stdout.splitlines() if "=" in ln and not ln.startswith(";")]
    return dict(ln.split("=", 1) for ln in lines)
