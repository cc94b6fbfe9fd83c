"""``translate(context, text)``: the interface language of every string the map draws and the
window shows (`QCoreApplication.translate`; `viewer.qt.i18n` installs the translations).

pyside6-lupdate extracts calls by this name with literal arguments
(``resources/translations/update.sh`` runs it over `viewer.qt` and `viewer.render`)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def translate(context: str, text: str, disambiguation: str | None = None) -> str:
    """``QCoreApplication.translate``; lupdate extracts calls by this name (literal arguments)."""
    return QCoreApplication.translate(context, text, disambiguation)
