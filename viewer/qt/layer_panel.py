"""`LayerPanel`: the layers, grouped — visibility, order, opacity, colour — and each one's sources.

A view of `MapState` (it owns no state): toggling a box calls ``state.update_layer``; the
canvas repaints on the state's ``layers`` event.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from viewer.core.map_state import MapState
from viewer.qt.i18n import translate

ID_ROLE = Qt.UserRole + 1
# The manifest's layer groups as headings in the interface language (a new group shows as is).
GROUP_TITLES = {
    "ADIZ": QT_TRANSLATE_NOOP("LayerPanel", "ADIZ"),
    "Lines": QT_TRANSLATE_NOOP("LayerPanel", "Lines"),
    "PLA exercise zones": QT_TRANSLATE_NOOP("LayerPanel", "PLA exercise zones"),
    "Places": QT_TRANSLATE_NOOP("LayerPanel", "Places"),
    "Senkaku Islands": QT_TRANSLATE_NOOP("LayerPanel", "Senkaku / Diaoyu / Diaoyutai Islands"),
}


class LayerPanel(QWidget):
    """Emits ``zoom_to_layer(layer_id)`` and ``add_layer_requested()``."""

    zoom_to_layer = Signal(str)
    add_layer_requested = Signal()

    def __init__(self, state: MapState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(True)
        self.tree.itemChanged.connect(self._on_item_changed)
        self.tree.currentItemChanged.connect(self._on_current_changed)
        self.tree.itemDoubleClicked.connect(self._on_double_clicked)
        self.info = QTextBrowser()
        self.info.setOpenExternalLinks(False)
        self.info.setMinimumHeight(140)
        self.opacity = QSlider(Qt.Horizontal)
        self.opacity.setRange(0, 100)
        self.opacity.setToolTip(translate("LayerPanel", "Opacity of the selected layer"))
        self.opacity.valueChanged.connect(self._on_opacity_changed)
        self.color_button = QPushButton(translate("LayerPanel", "Colour…"))
        self.color_button.clicked.connect(self._on_color_clicked)
        self.up_button = QPushButton("▲")
        self.up_button.setToolTip(translate("LayerPanel", "Draw the selected layer higher (later)"))
        self.up_button.clicked.connect(lambda: self._move(+1))
        self.down_button = QPushButton("▼")
        self.down_button.setToolTip(
            translate("LayerPanel", "Draw the selected layer lower (earlier)")
        )
        self.down_button.clicked.connect(lambda: self._move(-1))
        add_button = QPushButton(translate("LayerPanel", "Add layer file…"))
        add_button.clicked.connect(self.add_layer_requested)

        row = QHBoxLayout()
        row.addWidget(QLabel(translate("LayerPanel", "Opacity")))
        row.addWidget(self.opacity, 1)
        row.addWidget(self.color_button)
        row.addWidget(self.up_button)
        row.addWidget(self.down_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tree, 3)
        layout.addLayout(row)
        layout.addWidget(add_button)
        layout.addWidget(self.info, 2)
        state.events.connect("layers", self._on_layers_changed)
        state.events.connect("naming", self._on_layers_changed)
        self._rebuild()

    # ------------------------------------------------------------------ building
    def _rebuild(self) -> None:
        current = self.current_layer_id()
        self.tree.blockSignals(True)
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        # Top of the list = drawn last (on top), as in QGIS.
        for st in reversed(self.state.layers):
            layer = self._layer(st.id)
            if layer is None:
                continue
            group = groups.get(layer.group)
            if group is None:
                heading = GROUP_TITLES.get(layer.group)
                group = QTreeWidgetItem(
                    self.tree, [translate("LayerPanel", heading) if heading else layer.group]
                )
                group.setFlags(Qt.ItemIsEnabled)
                group.setExpanded(True)
                groups[layer.group] = group
            title = layer.title(self.state.naming)
            badges = []
            if layer.partial:
                badges.append(translate("LayerPanel", "partial"))
            if layer.has_uncertain_edges:
                badges.append(translate("LayerPanel", "part approximate"))
            if layer.derived:
                badges.append(translate("LayerPanel", "derived"))
            if badges:
                joined = translate("LayerPanel", ", ", "between the badges of a layer").join(badges)
                title += translate("LayerPanel", "  ({badges})").format(badges=joined)
            text = title
            item = QTreeWidgetItem(group, [text])
            item.setData(0, ID_ROLE, st.id)
            item.setFlags(Qt.ItemIsEnabled | Qt.ItemIsSelectable | Qt.ItemIsUserCheckable)
            item.setCheckState(0, Qt.Checked if st.visible else Qt.Unchecked)
            item.setForeground(0, QColor(st.color).darker(130))
            item.setToolTip(0, layer.info_text(self.state.naming))
            if st.id == current:
                self.tree.setCurrentItem(item)
        self.tree.blockSignals(False)
        self._show_info(self.current_layer_id())

    def _layer(self, layer_id: str):
        try:
            return self.state.layer(layer_id)
        except KeyError:
            return None

    def current_layer_id(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, ID_ROLE) if item is not None else None

    def select_layer(self, layer_id: str) -> None:
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            for j in range(group.childCount()):
                if group.child(j).data(0, ID_ROLE) == layer_id:
                    self.tree.setCurrentItem(group.child(j))
                    return

    # ------------------------------------------------------------------ events
    def _on_layers_changed(self, *_: object) -> None:
        self._rebuild()

    @Slot(QTreeWidgetItem, int)
    def _on_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        layer_id = item.data(0, ID_ROLE)
        if layer_id:
            self.state.update_layer(layer_id, visible=item.checkState(0) == Qt.Checked)

    @Slot()
    def _on_current_changed(self, *_: object) -> None:
        self._show_info(self.current_layer_id())

    def _on_double_clicked(self, item: QTreeWidgetItem, column: int) -> None:
        layer_id = item.data(0, ID_ROLE)
        if layer_id:
            self.zoom_to_layer.emit(layer_id)

    def _show_info(self, layer_id: str | None) -> None:
        enabled = layer_id is not None
        for w in (self.opacity, self.color_button, self.up_button, self.down_button):
            w.setEnabled(enabled)
        if layer_id is None:
            self.info.setPlainText(
                translate("LayerPanel", "Select a layer to see its sources, date and confidence.")
            )
            return
        layer = self._layer(layer_id)
        st = self.state.layer_state(layer_id)
        self.opacity.blockSignals(True)
        self.opacity.setValue(round(st.opacity * 100))
        self.opacity.blockSignals(False)
        self.info.setPlainText(layer.info_text(self.state.naming) if layer else layer_id)

    def show_feature_info(self, layer_id: str, text: str) -> None:
        self.select_layer(layer_id)
        self.info.setPlainText(text)

    def _on_opacity_changed(self, value: int) -> None:
        layer_id = self.current_layer_id()
        if layer_id:
            self.state.update_layer(layer_id, opacity=value / 100.0)

    def _on_color_clicked(self) -> None:
        layer_id = self.current_layer_id()
        if not layer_id:
            return
        st = self.state.layer_state(layer_id)
        color = QColorDialog.getColor(
            QColor(st.color), self, translate("LayerPanel", "Layer colour")
        )
        if color.isValid():
            self.state.update_layer(layer_id, color=color.name())

    def _move(self, direction: int) -> None:
        layer_id = self.current_layer_id()
        if not layer_id:
            return
        index = [s.id for s in self.state.layers].index(layer_id)
        self.state.move_layer(layer_id, index + direction)
