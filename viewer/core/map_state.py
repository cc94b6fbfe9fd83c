"""`MapState`: what the map shows — display CRS, naming usage, map date, and per-layer look.

Evented (see `viewer.core.evented`): the canvas and the layer panel subscribe to
``projection`` (a data change: geometry is re-projected), ``layers`` and ``naming`` (look changes:
a repaint), ``when`` (time-aware layers: Japan's ADIZ before/after 2010, exercise zones).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import numpy as np

from viewer.core.catalog import Catalog, ReferenceLayer
from viewer.core.constants import NAMING_EN, NAMINGS
from viewer.core.evented import EventedModel
from viewer.core.layer_state import LayerState
from viewer.core.projection import Projection


class MapState(EventedModel):
    EVENTS = ("projection", "naming", "when", "layers")

    def __init__(self, catalog: Catalog, projection: Projection | None = None) -> None:
        super().__init__()
        self.catalog = catalog
        self.projection = projection or Projection.default()
        self.naming = NAMING_EN
        self.when: datetime | None = datetime.now(UTC)
        self.extra_layers: dict[str, ReferenceLayer] = {}  # the user's own files
        self._boundaries: Any = None  # times a time-bound feature starts or ends (lazy array)
        self._clock_bucket = -1
        # Drawing order: first is drawn first (bottom).
        self.layers: list[LayerState] = [
            LayerState(la.id, la.visible, 1.0, la.style.color) for la in catalog.layers
        ]

    def copy(self) -> MapState:
        """The same map (CRS, naming, date, layers and their look, the user's layers), with no
        subscribers: an export can change it without touching what the window shows."""
        other = MapState(self.catalog, self.projection)
        other.naming, other.when = self.naming, self.when
        other.extra_layers = dict(self.extra_layers)
        other.layers = list(self.layers)
        other._boundaries, other._clock_bucket = self._boundaries, self._clock_bucket
        return other

    def set_projection(self, projection: Projection) -> None:
        if projection.definition != self.projection.definition:
            self.projection = projection
            self.events.emit("projection", projection)

    def set_naming(self, naming: str) -> None:
        if naming not in NAMINGS:
            raise ValueError(f"naming must be one of {NAMINGS}; got {naming!r}")
        if naming != self.naming:
            self.naming = naming
            self.events.emit("naming", naming)

    def follow_clock(self, t: float) -> None:
        """Keep time-bound layers in step with a replay clock at epoch seconds ``t``: ``when``
        changes (and the map repaints) only when ``t`` crosses the start or end of a feature's
        time in force, not on every frame."""
        if self._boundaries is None:
            edges: list[float] = []
            for layer in [*self.catalog.layers, *self.extra_layers.values()]:
                for col in ("valid_from", "valid_to"):
                    if col in layer.features.columns:
                        edges += [v.timestamp() for v in layer.features[col].dropna()]
            self._boundaries = np.unique(np.asarray(edges, dtype=float))
        bucket = int(np.searchsorted(self._boundaries, t, side="right"))
        if bucket != self._clock_bucket or self.when is None:
            self._clock_bucket = bucket
            self.set_when(datetime.fromtimestamp(t, UTC))

    def set_when(self, when: datetime | None) -> None:
        if when != self.when:
            self.when = when
            self.events.emit("when", when)

    def layer_state(self, layer_id: str) -> LayerState:
        for st in self.layers:
            if st.id == layer_id:
                return st
        raise KeyError(f"no layer {layer_id!r}")

    def update_layer(self, layer_id: str, **changes: object) -> None:
        """Change visible/opacity/color of a layer (a look change: repaint only)."""
        self.layers = [replace(st, **changes) if st.id == layer_id else st for st in self.layers]  # type: ignore[arg-type]
        self.events.emit("layers", layer_id)

    def move_layer(self, layer_id: str, new_index: int) -> None:
        st = self.layer_state(layer_id)
        rest = [s for s in self.layers if s.id != layer_id]
        new_index = max(0, min(new_index, len(rest)))
        self.layers = [*rest[:new_index], st, *rest[new_index:]]
        self.events.emit("layers", layer_id)

    def layer(self, layer_id: str) -> ReferenceLayer:
        """A catalog layer or one of the user's layers."""
        if layer_id in self.extra_layers:
            return self.extra_layers[layer_id]
        return self.catalog.layer(layer_id)

    def add_user_layer(self, layer: ReferenceLayer) -> None:
        """Add (or replace) a user's layer on top of the others."""
        self.extra_layers[layer.id] = layer
        self._boundaries = None
        self.layers = [s for s in self.layers if s.id != layer.id]
        self.layers.append(LayerState(layer.id, True, 1.0, layer.style.color))
        self.events.emit("layers", layer.id)
