"""`LatencyMeter`: how long feed messages take to reach the screen — from the moment their bytes
came off the socket to the end of the first frame that shows them — as a weighted median over
the last `WINDOW` batches (a batch counts as many times as it has messages).

>>> meter = LatencyMeter()
>>> meter.add(0.05, 10); meter.add(0.30, 1)
>>> round(meter.median(), 2), meter.messages
(0.05, 11)
"""

from __future__ import annotations

import math
from collections import deque

import numpy as np

WINDOW = 20_000


class LatencyMeter:
    def __init__(self, window: int = WINDOW) -> None:
        self._seconds: deque[float] = deque(maxlen=window)
        self._weights: deque[int] = deque(maxlen=window)
        self.messages = 0

    def add(self, seconds: float, messages: int = 1) -> None:
        """A batch of ``messages`` shown ``seconds`` after it was received."""
        if messages <= 0 or not math.isfinite(seconds):
            return
        self._seconds.append(seconds)
        self._weights.append(messages)
        self.messages += messages

    def median(self) -> float:
        """The weighted median latency in seconds (NaN before any)."""
        return self.quantile(0.5)

    def quantile(self, q: float) -> float:
        if not self._seconds:
            return math.nan
        s = np.asarray(self._seconds)
        w = np.asarray(self._weights, dtype=np.float64)
        order = np.argsort(s, kind="stable")
        cum = np.cumsum(w[order])
        k = int(np.searchsorted(cum, q * cum[-1], side="left"))
        return float(s[order][min(k, len(s) - 1)])

    def clear(self) -> None:
        self._seconds.clear()
        self._weights.clear()
        self.messages = 0
