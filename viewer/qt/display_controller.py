"""The display settings of the window: View > Units (distance in nautical miles or
kilometres, altitude in feet or metres) and View > High-contrast theme. Both are kept in
QSettings as soon as they change and take effect at once: map, read-outs and exports."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QActionGroup

from viewer.core.units import FT, KM, NMI, M, Units
from viewer.qt.app_settings import ORG_NAME
from viewer.qt.controller import Controller
from viewer.qt.i18n import translate
from viewer.render.theme import HIGH_CONTRAST, NORMAL

DISTANCE_KEY = "display/distance_unit"
ALTITUDE_KEY = "display/altitude_unit"
HIGH_CONTRAST_KEY = "display/high_contrast"


class DisplayController(Controller):
    def __init__(self, session, window) -> None:
        super().__init__(session, window)
        self.scene = window.scene
        self.create_actions()

    def create_actions(self) -> None:
        w = self.window
        self.distance_group = QActionGroup(w)
        self.distance_acts: dict[str, QAction] = {}
        for unit, title in (
            (NMI, translate("Display", "Distance in &nautical miles (nmi)")),
            (KM, translate("Display", "Distance in &kilometres (km)")),
        ):
            act = QAction(title, w, checkable=True, checked=unit == self.scene.units.distance)
            act.triggered.connect(lambda _=False, u=unit: self.set_units(distance=u))
            self.distance_group.addAction(act)
            self.distance_acts[unit] = act
        self.altitude_group = QActionGroup(w)
        self.altitude_acts: dict[str, QAction] = {}
        for unit, title in (
            (FT, translate("Display", "Altitude in &feet (ft)")),
            (M, translate("Display", "Altitude in &metres (m)")),
        ):
            act = QAction(title, w, checkable=True, checked=unit == self.scene.units.altitude)
            act.triggered.connect(lambda _=False, u=unit: self.set_units(altitude=u))
            self.altitude_group.addAction(act)
            self.altitude_acts[unit] = act
        self.high_contrast_act = QAction(
            translate("Display", "&High-contrast theme"),
            w,
            shortcut="Ctrl+Shift+H",
            checkable=True,
            statusTip=translate(
                "Display",
                "White map, black coastlines, thicker lines and larger bold labels for a projector in a bright room (Ctrl+Shift+H, also while presenting)",  # noqa: E501
            ),
            triggered=self.set_high_contrast,
        )

    def add_menus(self, view_menu) -> None:
        units = view_menu.addMenu(translate("Display", "&Units"))
        for act in self.distance_acts.values():
            units.addAction(act)
        units.addSeparator()
        for act in self.altitude_acts.values():
            units.addAction(act)
        view_menu.addAction(self.high_contrast_act)

    def set_units(self, distance: str | None = None, altitude: str | None = None) -> None:
        """Show distances and altitudes in these units everywhere, now and after a restart."""
        old = self.scene.units
        units = Units(distance or old.distance, altitude or old.altitude)
        self.scene.units = units
        self.distance_acts[units.distance].setChecked(True)
        self.altitude_acts[units.altitude].setChecked(True)
        settings = QSettings(ORG_NAME, ORG_NAME)
        settings.setValue(DISTANCE_KEY, units.distance)
        settings.setValue(ALTITUDE_KEY, units.altitude)
        self.window.replay.refresh_details()  # the panel, if it still shows a track
        self.window.canvas.update()  # the scale bar and the measure read-out are overlays

    def set_high_contrast(self, on: bool) -> None:
        """The high-contrast theme on or off, now and after a restart."""
        self.high_contrast_act.setChecked(on)
        self.scene.theme = HIGH_CONTRAST if on else NORMAL
        QSettings(ORG_NAME, ORG_NAME).setValue(HIGH_CONTRAST_KEY, bool(on))
        self.window.canvas.invalidate()

    def restore_settings(self, settings: QSettings) -> None:
        distance, altitude = settings.value(DISTANCE_KEY), settings.value(ALTITUDE_KEY)
        self.set_units(
            distance=distance if distance in (NMI, KM) else None,
            altitude=altitude if altitude in (FT, M) else None,
        )
        on = settings.value(HIGH_CONTRAST_KEY)
        self.set_high_contrast(on is True or str(on).lower() == "true")
