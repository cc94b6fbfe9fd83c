"""Helpers for reader tests: files are written by the formats' own libraries where they exist."""

import pytest


@pytest.fixture
def write(tmp_path):
    """write(name, text_or_bytes) -> path in a temp folder."""

    def _write(name, content, encoding="utf-8"):
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding=encoding, newline="")
        return path

    return _write
