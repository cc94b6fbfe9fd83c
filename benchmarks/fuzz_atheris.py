"""Coverage-guided fuzzing of the track readers with atheris (libFuzzer for Python).

    .venv/bin/pip install atheris
    .venv/bin/python benchmarks/fuzz_atheris.py -runs=200000 [-max_total_time=600]

Each input is written to a temporary file under one of the reader's extensions (chosen by the
first byte) and read with `viewer.io.registry.read_tracks`. A `TrackImportError` (the clear
message users see) or a table is fine; any other exception is a crash and stops the run with
the input saved by libFuzzer. The seed corpus is the valid files of tests/io/test_fuzz_readers.py.
"""

from __future__ import annotations

import contextlib
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from viewer.io.registry import ReadOptions, read_tracks
    from viewer.io.report import ImportCancelled, TrackImportError

SUFFIXES = (".csv", ".geojson", ".gpx", ".kml", ".kmz", ".cot", ".nmea", ".json", ".tsv")
TMP = Path(tempfile.mkdtemp(prefix="adiz-fuzz-"))


def one_input(data: bytes) -> None:
    if not data:
        return
    path = TMP / f"input{SUFFIXES[data[0] % len(SUFFIXES)]}"
    path.write_bytes(data[1:])
    with contextlib.suppress(TrackImportError, ImportCancelled):
        read_tracks(path, ReadOptions(tz="UTC"))


def main() -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from tests.io.test_fuzz_readers import VALID

    corpus = TMP / "corpus"
    corpus.mkdir()
    for i, (name, content) in enumerate(sorted(VALID.items())):
        index = next(k for k, s in enumerate(SUFFIXES) if name.endswith(s))
        (corpus / f"seed{i}").write_bytes(bytes([index]) + content)
    args = [sys.argv[0], f"-artifact_prefix={TMP}/", *sys.argv[1:], str(corpus)]
    print(f"crashes, if any, are saved in {TMP}", flush=True)
    atheris.Setup(args, one_input)
    atheris.Fuzz()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
