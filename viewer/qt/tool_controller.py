"""One tool state for every map tool (`viewer.core.map_tools.MapTools`): measure, the four
annotations, tracing, editing vertices and placing a control point.

Each tool's controller registers its input handler (`ToolHandler`) and the switches that turn it
on and off (menu actions, the toolbar, the underlay panel's "Add point" button); this part keeps
them all in step with the model: one tool at most, ticked in the menus and the "Map tools"
toolbar, named in its own status-bar section ("Tracing — Enter to finish, Esc to stop") and,
while presenting, in a small sign on the map (on the screen only, never in an export).

The map's input goes through one event filter here: a left-button drag goes to the tool only
when it draws by dragging (measure, arrow, circle; a vertex being moved), otherwise the map pans;
a click without a drag goes to the tool, or, with no tool, selects. Esc is the window's (an
action with the Esc shortcut, so it works wherever the focus is in the window): it drops what is
half drawn, then ends the tool, and only when no tool is active leaves presentation mode.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, QPointF, QRectF, Qt, Slot
from PySide6.QtGui import QAction, QColor, QFont, QFontMetricsF, QKeySequence, QPainter
from PySide6.QtWidgets import QLabel, QToolBar

from viewer.core.map_tools import (
    ARROW,
    CIRCLE,
    CONTROL_POINT,
    EDIT_VERTICES,
    MEASURE,
    POLYGON,
    TEXT,
    TRACE,
    MapTools,
)
from viewer.qt.controller import Controller
from viewer.qt.i18n import translate
from viewer.qt.tool_handler import ToolHandler
from viewer.render.context import PaintContext
from viewer.render.overlay_layout import LABEL_BAND_BOTTOM, frame_scale

#: The status-bar section while each tool is active.
STATUS_TEXTS = {
    MEASURE: QT_TRANSLATE_NOOP("Tools", "Measuring — drag on the map, Esc to stop"),
    TEXT: QT_TRANSLATE_NOOP("Tools", "Text — click where it goes, Esc to stop"),
    ARROW: QT_TRANSLATE_NOOP("Tools", "Arrow — drag from its tail to its head, Esc to stop"),
    CIRCLE: QT_TRANSLATE_NOOP("Tools", "Circle — drag from its centre, Esc to stop"),
    POLYGON: QT_TRANSLATE_NOOP(
        "Tools", "Polygon — click its corners, Enter to finish, Esc to stop"
    ),
    TRACE: QT_TRANSLATE_NOOP("Tools", "Tracing — Enter to finish, Esc to stop"),
    EDIT_VERTICES: QT_TRANSLATE_NOOP("Tools", "Editing vertices — drag a vertex, Esc to stop"),
    CONTROL_POINT: QT_TRANSLATE_NOOP(
        "Tools", "Control point — the spot on the picture, then on the map; Esc to stop"
    ),
}
#: The tool's name on the map while presenting.
SIGN_TEXTS = {
    MEASURE: QT_TRANSLATE_NOOP("Tools", "Measure"),
    TEXT: QT_TRANSLATE_NOOP("Tools", "Text"),
    ARROW: QT_TRANSLATE_NOOP("Tools", "Arrow"),
    CIRCLE: QT_TRANSLATE_NOOP("Tools", "Circle"),
    POLYGON: QT_TRANSLATE_NOOP("Tools", "Polygon"),
    TRACE: QT_TRANSLATE_NOOP("Tools", "Tracing"),
    EDIT_VERTICES: QT_TRANSLATE_NOOP("Tools", "Editing vertices"),
    CONTROL_POINT: QT_TRANSLATE_NOOP("Tools", "Control point"),
}


class ToolController(Controller):
    """The window's map tools: the `MapTools` model (``tools``), the registered handlers and
    switches, the "Map tools" toolbar, the status-bar section and the Esc action."""

    def __init__(self, session, window) -> None:
        super().__init__(session, window)
        self.tools = MapTools()
        self.canvas = window.canvas
        self.handlers: dict[str, ToolHandler] = {}
        self.switches: dict[str, list] = {}  # QActions / QPushButtons ticked while on
        self._dragging = False  # a drawing drag in progress: the tool has the mouse
        self.toolbar = QToolBar(translate("Tools", "Map tools"), window)
        self.toolbar.setObjectName("tools_toolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonTextOnly)
        window.addToolBar(Qt.TopToolBarArea, self.toolbar)
        self.status_label = QLabel()
        self.status_label.setObjectName("tool_status")
        self.status_label.setContentsMargins(6, 0, 10, 0)
        self.status_label.hide()
        self.stop_act = QAction(
            translate("Tools", "&Stop the tool"),
            window,
            shortcut=QKeySequence(Qt.Key_Escape),
            statusTip=translate(
                "Tools", "Esc: drop what is half drawn, then end the tool, then leave presenting"
            ),
            triggered=self.escape,
            enabled=False,
        )
        window.addAction(self.stop_act)  # alive when the menu bar is hidden
        self._input = _CanvasInput(self)
        self.canvas.installEventFilter(self._input)
        self.canvas.tool_click = self._on_click
        self.canvas.screen_painters.append(self.paint_sign)
        self.tools.events.connect("active", self._on_active_changed)

    # ------------------------------------------------------------------ registering
    def register(self, tool: str, handler: ToolHandler, *switches, toolbar: bool = True) -> None:
        """``handler`` gets the map's input while ``tool`` is active; each of ``switches`` (a
        checkable QAction or button) turns it on and off and is ticked while it is on; the
        first, an action, goes in the toolbar (named by `SIGN_TEXTS`) unless ``toolbar`` is
        False."""
        self.handlers[tool] = handler
        for i, switch in enumerate(switches):
            self.add_switch(tool, switch, toolbar=toolbar and i == 0)
            if toolbar and i == 0 and isinstance(switch, QAction):
                switch.setIconText(translate("Tools", SIGN_TEXTS[tool]))

    def add_switch(self, tool: str, switch, toolbar: bool = False) -> None:
        switch.setCheckable(True)
        switch.toggled.connect(lambda on, t=tool: self._on_switch(t, on))
        self.switches.setdefault(tool, []).append(switch)
        if toolbar and isinstance(switch, QAction):
            self.toolbar.addAction(switch)

    def _on_switch(self, tool: str, on: bool) -> None:
        if on:
            self.tools.set_active(tool)
        elif self.tools.active == tool:
            self.tools.stop()

    # ------------------------------------------------------------------ the state
    @property
    def active_handler(self) -> ToolHandler | None:
        return self.handlers.get(self.tools.active) if self.tools.active else None

    def _on_active_changed(self, old: str | None, new: str | None) -> None:
        if old is not None and old in self.handlers:
            self._dragging = False
            self.handlers[old].deactivate()
        for tool, switches in self.switches.items():
            for switch in switches:
                switch.setChecked(tool == new)
        if new is not None and not self.handlers[new].activate():
            self.tools.stop()  # refused (e.g. no picture to place points on)
            return
        self.refresh()

    def refresh(self) -> None:
        """Cursor, status-bar section, the Esc action and the sign on the map, as they are."""
        tool = self.tools.active
        handler = self.active_handler
        if handler is not None:
            self.canvas.setCursor(handler.cursor)
        else:
            self.canvas.unsetCursor()
        self.status_label.setText(translate("Tools", STATUS_TEXTS[tool]) if tool else "")
        self.status_label.setVisible(tool is not None)
        self.stop_act.setEnabled(tool is not None or self.window.briefings.presenting)
        self.canvas.update()

    # ------------------------------------------------------------------ Esc
    @Slot()
    def escape(self) -> bool:
        """Esc: what is half drawn goes, else the tool ends, else presentation mode ends;
        False when there was nothing to end."""
        handler = self.active_handler
        if handler is not None:
            if not handler.cancel_partial():
                self.tools.stop()
            return True
        if self.window.briefings.presenting:
            self.window.briefings.set_presentation(False)
            return True
        return False

    # ------------------------------------------------------------------ the map's input
    def _on_click(self, pos: QPointF, modifiers: Qt.KeyboardModifier) -> bool:
        handler = self.active_handler
        return handler is not None and handler.click(pos, modifiers)

    def canvas_event(self, event) -> bool:
        """The canvas's input while a tool is active: True when the tool took it."""
        handler = self.active_handler
        if handler is None:
            return False
        t = event.type()
        left = t in (QEvent.MouseButtonPress, QEvent.MouseButtonDblClick) and (
            event.button() == Qt.LeftButton
        )
        if left and handler.wants_drag(event):
            self._dragging = True
            handler.drag_event(event)
            return True
        if left:
            return t == QEvent.MouseButtonDblClick and handler.double_click(event)
        if t == QEvent.MouseButtonPress and event.button() == Qt.RightButton:
            return handler.right_press(event)
        if t == QEvent.MouseMove:
            if self._dragging:
                handler.drag_event(event)
                return True
            handler.hover(event)
            return False
        if t == QEvent.MouseButtonRelease and self._dragging:
            if event.button() == Qt.LeftButton:
                self._dragging = False
                handler.drag_event(event)
            return True
        if t == QEvent.KeyPress:
            return handler.key_press(event)
        return False

    # ------------------------------------------------------------------ the sign
    def sign_rect(self, ctx: PaintContext, w: float, h: float) -> QRectF:
        """The sign's box, ``w`` x ``h``, centred at the bottom: above the longitude labels and
        above the overlays placed there (the clock, usually), so it covers none of them."""
        view = ctx.view
        left = (view.width - w) / 2
        scale = ctx.font_scale * frame_scale(view.width, view.height)
        bottom = view.height - LABEL_BAND_BOTTOM * scale
        for rect in self.window.scene.overlay_boxes(view).obstacles():
            beside = rect.right() <= left or rect.left() >= left + w
            if not beside and rect.center().y() > view.height / 2:
                bottom = min(bottom, rect.top())
        return QRectF(left, bottom - h - 6 * ctx.font_scale, w, h)

    def paint_sign(self, painter: QPainter, ctx: PaintContext) -> None:
        """While presenting, the active tool's name and how to end it, bottom centre (a
        screen painter: never in an export)."""
        tool = self.tools.active
        if tool is None or not self.window.briefings.presenting:
            return
        text = translate("Tools", "{tool} — Esc ends it").format(
            tool=translate("Tools", SIGN_TEXTS[tool])
        )
        font = QFont()
        font.setPointSizeF(9.0 * ctx.font_scale)
        fm = QFontMetricsF(font)
        w, h = fm.horizontalAdvance(text) + 16, fm.height() + 8
        box = self.sign_rect(ctx, w, h)
        painter.save()
        painter.setPen(Qt.NoPen)
        painter.setBrush(QColor(30, 30, 30, 190))
        painter.drawRoundedRect(box, 6, 6)
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(box, Qt.AlignCenter, text)
        painter.restore()


class _CanvasInput(QObject):
    """The event filter on the canvas: the active tool's input (`ToolController.canvas_event`)."""

    def __init__(self, controller: ToolController) -> None:
        super().__init__(controller)
        self.controller = controller

    def eventFilter(self, obj, event) -> bool:
        return self.controller.canvas_event(event)
