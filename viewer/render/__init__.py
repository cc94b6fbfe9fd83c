"""Core state → pixels with a `QPainter`, and no widgets: the painters (one per reference-layer
kind, from `layer_painters.PAINTERS`; tracks, annotations, the picture underlay, event flashes),
the overlays (scale bar, north arrow, source line, legend, notice, title and clock), the map
scene that orders them (`MapScene.for_session`), the themes and the NumPy → `QPolygonF` helper.

The window (`viewer.qt`) and every export (`viewer.export`) paint through the same scene."""
