"""`LayerState`: how one map layer is shown — what `MapState` holds per layer and a briefing's
`LayerSetting` keeps."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LayerState:
    """How one layer is shown: visibility, opacity (0..1), colour (``#rrggbb``)."""

    id: str
    visible: bool
    opacity: float
    color: str
