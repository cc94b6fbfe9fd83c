"""The archive's part of the status bar: what it is and the window chosen of it (``label``:
"adsb-2024 (DuckDB) · 2024-05-01 06:00–07:00 UTC: 12,345 fixes loaded"), and the questions
running (``progress_bar``, busy or per cent, saying which; ``cancel_button``)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton

from viewer.core.archive_state import (
    CHOOSING,
    LOADED,
    NOT_LOADED,
    OVER_BUDGET,
    ArchiveState,
    window_words,
)
from viewer.qt.i18n import translate


class ArchiveStatus(QObject):
    """``task(kind, words, per_cent)`` when a question is asked, ``done(kind)`` when it is
    answered; ``show(state)`` says what the archive shows."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.progress_bar = QProgressBar()
        self.progress_bar.setMaximumWidth(300)
        self.progress_bar.setMinimumWidth(240)  # its words on one line, however full the bar
        self.cancel_button = QPushButton(translate("Archive", "Cancel"))
        self.cancel_button.setToolTip(translate("Archive", "Stop the archive's query"))
        self.label = QLabel()
        self.label.setContentsMargins(0, 0, 12, 0)  # apart from the projection's words after it
        self.tasks: dict[str, tuple[str, bool]] = {}  # kind -> (words, per cent)
        for widget in (self.progress_bar, self.cancel_button, self.label):
            widget.hide()

    @property
    def busy(self) -> bool:
        return bool(self.tasks)

    def task(self, kind: str, words: str, per_cent: bool = False) -> None:
        self.tasks[kind] = (words, per_cent)
        self.progress_bar.setValue(0)
        self._show_task(words, per_cent)

    def done(self, kind: str) -> None:
        self.tasks.pop(kind, None)
        if self.tasks:
            self._show_task(*next(reversed(self.tasks.values())))
        else:
            self.progress_bar.hide()
            self.cancel_button.hide()

    def progress(self, kind: str, fraction: float) -> None:
        if kind in self.tasks and self.tasks[kind][1]:
            self.progress_bar.setValue(round(fraction * 1000))

    def clear(self) -> None:
        self.tasks.clear()
        self.done("")

    def _show_task(self, words: str, per_cent: bool) -> None:
        self.progress_bar.setRange(0, 1000 if per_cent else 0)  # per cent, or busy
        self.progress_bar.setFormat(words)
        self.progress_bar.show()
        self.cancel_button.show()

    def show(self, st: ArchiveState) -> None:
        if not st.is_open:
            self.label.hide()
            return
        text = translate("Archive", "{name} ({engine})").format(
            name=st.name, engine=st.info.engine if st.info else "?"
        )
        if st.chosen is not None:
            n = st.window_fixes
            texts = {
                CHOOSING: translate("Archive", "{window}: asking…"),
                LOADED: translate("Archive", "{window}: {fixes} fixes loaded"),
                OVER_BUDGET: translate(
                    "Archive", "{window}: {fixes} fixes, over the budget: density shown"
                ),
                NOT_LOADED: translate("Archive", "{window}: not loaded"),
            }
            text += " · " + texts[st.window_state].format(
                window=window_words(*st.chosen), fixes=f"{n:,}" if n is not None else "?"
            )
        self.label.setText(text)
        self.label.setToolTip(st.info.summary() if st.info else "")
        self.label.show()


__all__ = ["ArchiveStatus"]
