"""Live > Alerts…: which zone events of the live feeds notify (on the map, and with a sound if
chosen) — by zone, by kind of track, by event and by the side a line is crossed to. Every event
is listed in the events table whatever the rule; the rule chooses what interrupts.

Each group is a list of boxes; all ticked (or none) means "any". Kept in the settings.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from viewer.core.catalog import Catalog
from viewer.core.constants import KINDS
from viewer.core.live_alerts import AlertRule
from viewer.qt.events_panel import event_title
from viewer.qt.i18n import translate
from viewer.render.track_painter import kind_name

EVENTS = ("entry", "exit", "crossing")
SIDES = {
    "east": QT_TRANSLATE_NOOP("AlertRules", "to the east side"),
    "west": QT_TRANSLATE_NOOP("AlertRules", "to the west side"),
    "north": QT_TRANSLATE_NOOP("AlertRules", "to the north side"),
    "south": QT_TRANSLATE_NOOP("AlertRules", "to the south side"),
}


class AlertRulesDialog(QDialog):
    """``rule()`` and ``sound()`` after OK."""

    def __init__(
        self,
        catalog: Catalog,
        naming: str,
        rule: AlertRule,
        sound: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("AlertRules", "Live alerts"))
        intro = QLabel(
            translate(
                "AlertRules",
                "Which zone events of the live feeds show a notice on the map. Every event is "
                "listed in the events table. Ticking none in a group means any; ticking a side "
                "alerts only on line crossings to that side.",
            )
        )
        intro.setWordWrap(True)
        zones = [(layer.id, layer.title(naming)) for layer in catalog.layers if layer.analysis]
        self.zones = self._group(zones, rule.zones)
        self.kinds = self._group([(k, kind_name(k)) for k in KINDS], rule.kinds)
        self.events = self._group([(e, event_title(e)) for e in EVENTS], rule.events)
        sides = [(s, translate("AlertRules", text)) for s, text in SIDES.items()]
        self.sides = self._group(sides, rule.sides)
        self.sound_combo = QComboBox()
        self.sound_combo.addItem(translate("AlertRules", "no sound"), "off")
        self.sound_combo.addItem(translate("AlertRules", "the system's beep"), "beep")
        self.sound_combo.setCurrentIndex(max(self.sound_combo.findData(sound), 0))
        grid = QHBoxLayout()
        for title, widget in (
            (translate("AlertRules", "Zones"), self.zones),
            (translate("AlertRules", "Kinds"), self.kinds),
        ):
            grid.addWidget(self._box(title, widget))
        right = QVBoxLayout()
        right.addWidget(self._box(translate("AlertRules", "Events"), self.events))
        right.addWidget(self._box(translate("AlertRules", "Line crossed"), self.sides))
        grid.addLayout(right)
        form = QFormLayout()
        form.addRow(translate("AlertRules", "Sound"), self.sound_combo)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addLayout(form)
        layout.addWidget(buttons)

    @staticmethod
    def _group(items: list[tuple[str, str]], chosen: frozenset[str] | None) -> QListWidget:
        widget = QListWidget()
        for key, title in items:
            item = QListWidgetItem(title)
            item.setData(Qt.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked if chosen and key in chosen else Qt.Unchecked)
            widget.addItem(item)
        return widget

    @staticmethod
    def _box(title: str, widget: QWidget) -> QGroupBox:
        box = QGroupBox(title)
        lay = QVBoxLayout(box)
        lay.addWidget(widget)
        return box

    @staticmethod
    def _ticked(widget: QListWidget) -> frozenset[str] | None:
        keys = [
            widget.item(i).data(Qt.UserRole)
            for i in range(widget.count())
            if widget.item(i).checkState() == Qt.Checked
        ]
        return frozenset(keys) if keys and len(keys) < widget.count() else None

    def set_ticked(self, group: QListWidget, keys: set[str]) -> None:
        """Tick exactly ``keys`` in ``group`` (what a user clicking would do)."""
        for i in range(group.count()):
            item = group.item(i)
            item.setCheckState(Qt.Checked if item.data(Qt.UserRole) in keys else Qt.Unchecked)

    def rule(self) -> AlertRule:
        return AlertRule(
            zones=self._ticked(self.zones),
            kinds=self._ticked(self.kinds),
            events=self._ticked(self.events),
            sides=self._ticked(self.sides),
        )

    def sound(self) -> str:
        return str(self.sound_combo.currentData())
