"""What the sub-commands' options take: a picture size, a duration, a time with its zone."""

from __future__ import annotations

import argparse
import re

import pandas as pd


def parse_size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        msg = f"size must be WIDTHxHEIGHT, e.g. 1920x1080; got {text!r}"
        raise argparse.ArgumentTypeError(msg) from None
    if not (16 <= w <= 16384 and 16 <= h <= 16384):
        raise argparse.ArgumentTypeError(f"size must be 16..16384 pixels a side; got {text!r}")
    return w, h


def parse_duration(text: str) -> float:
    """'3600', '90s', '15min', '1h', '2h30m', 'all' -> seconds (inf for 'all')."""
    text = text.strip().lower()
    if text in ("all", "whole", "inf"):
        return float("inf")
    if re.fullmatch(r"\d+(\.\d+)?", text):
        return float(text)
    units = {"h": 3600.0, "m": 60.0, "min": 60.0, "s": 1.0}
    parts = re.findall(r"(\d+(?:\.\d+)?)\s*(h|min|m|s)", text)
    if not parts or "".join(f"{a}{b}" for a, b in parts) != text.replace(" ", ""):
        raise argparse.ArgumentTypeError(
            f"duration like 3600, 90s, 15min, 1h or 'all'; got {text!r}"
        )
    return sum(float(a) * units[b] for a, b in parts)


def parse_time(text: str) -> float:
    try:
        ts = pd.Timestamp(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"time must be ISO 8601, e.g. 2021-10-04T08:00Z; got {text!r}"
        ) from None
    if ts.tzinfo is None:
        raise argparse.ArgumentTypeError(
            f"give the time zone of {text!r} (e.g. a trailing Z for UTC)"
        )
    return ts.timestamp()
