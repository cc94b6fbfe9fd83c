"""Interface languages: English (the source text), Traditional Chinese (Taiwan) and Japanese.

Every user-visible string in `viewer.qt` goes through ``translate("Context", "text")`` with a
fixed context per module (not ``self.tr``: the runtime class would not always match the context
lupdate extracts); `translate` itself lives in `viewer.render.translate`, the map's text being
translated too. ``resources/translations/update.sh`` runs pyside6-lupdate into the ``.ts`` files;
``pyside6-lrelease`` builds the ``.qm`` files (run.sh, packaging/build_bundle.sh and the wheel's
build backend do; they are build output, not committed).

The language is ``--lang``, else ``$ADIZ_LANG``, else the saved setting (View > Language), else
the system's. Without its ``.qm`` file the interface stays in English (a log line says why).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from viewer.core import package_data
from viewer.qt.app_settings import ORG_NAME
from viewer.render.translate import translate as translate  # re-exported: the qt modules use it

log = logging.getLogger(__name__)

SYSTEM = "system"
#: language code -> its name in that language (the menu shows each in its own script).
LANGUAGES: dict[str, str] = {"en": "English", "zh_TW": "繁體中文", "ja": "日本語"}
SETTING_KEY = "ui/language"
ENV_VAR = "ADIZ_LANG"
QM_PREFIX = "adiz_viewer_"
TRANSLATIONS_DIR = package_data.resource("translations")

# UI fonts: Latin first, then the CJK face of the interface language (the Han glyphs of
# Japanese and of Taiwanese Chinese differ), then the others as fallbacks.
LATIN_FONTS = ["DejaVu Sans"]
CJK_FONTS = {
    "zh_TW": ["Noto Sans CJK TC", "Noto Sans CJK JP", "Noto Sans CJK SC"],
    "ja": ["Noto Sans CJK JP", "Noto Sans CJK TC", "Noto Sans CJK SC"],
}
CJK_FONTS["en"] = CJK_FONTS["zh_TW"]
WRITING_SYSTEMS = {
    "zh_TW": QFontDatabase.WritingSystem.TraditionalChinese,
    "ja": QFontDatabase.WritingSystem.Japanese,
}

_installed: list[QTranslator] = []
_current = "en"


def normalise(code: str | None) -> str | None:
    """``"zh-TW"``, ``"zh_Hant"``, ``"ja_JP.UTF-8"``, ``"en-US"``, ``"system"`` -> a code of
    `LANGUAGES` or `SYSTEM`; None when not one of them."""
    if not code:
        return None
    c = code.strip().split(".")[0].replace("-", "_").lower()
    if c in ("system", "auto", ""):
        return SYSTEM
    if c == "c" or c == "posix" or c.startswith("en"):
        return "en"
    if c.startswith("ja"):
        return "ja"
    if c.startswith("zh") or c in ("tw", "hant"):
        return "zh_TW"  # the one Chinese translation; readable for Simplified readers too
    return None


def saved_language() -> str:
    value = QSettings(ORG_NAME, ORG_NAME).value(SETTING_KEY, SYSTEM)
    return normalise(str(value)) or SYSTEM


def save_language(code: str) -> None:
    QSettings(ORG_NAME, ORG_NAME).setValue(SETTING_KEY, code)


def system_language() -> str:
    """The first of the system's UI languages that has a translation; else English."""
    for name in QLocale.system().uiLanguages():
        code = normalise(name)
        if code in LANGUAGES:
            return code
    return "en"


def resolve_language(requested: str | None = None) -> str:
    """A code of `LANGUAGES`: ``requested`` (``--lang``), else $ADIZ_LANG, else the setting,
    else the system's."""
    for source, value in (("--lang", requested), (ENV_VAR, os.environ.get(ENV_VAR))):
        if value:
            code = normalise(value)
            if code is None:
                log.warning("%s=%r is not a known language; using the saved setting", source, value)
            elif code != SYSTEM:
                return code
            else:
                return system_language()
    code = saved_language()
    return system_language() if code == SYSTEM else code


def translations_dir() -> Path:
    return TRANSLATIONS_DIR


def current_language() -> str:
    return _current


def install_translators(language: str, app: QCoreApplication | None = None) -> bool:
    """Install the app's and Qt's own translations for ``language`` (English: remove them).
    False, with a log line, when the app's .qm file is missing: the interface stays English."""
    global _current
    app = app or QCoreApplication.instance()
    for old in _installed:
        QCoreApplication.removeTranslator(old)
    _installed.clear()
    _current = "en"
    if language == "en" or app is None:
        return language == "en"
    ours = QTranslator(app)
    qm = translations_dir() / f"{QM_PREFIX}{language}.qm"
    if not ours.load(str(qm)):
        log.warning(
            "no translation %s (built by `bash run.sh` with pyside6-lrelease): "
            "the interface stays in English",
            qm,
        )
        return False
    QCoreApplication.installTranslator(ours)
    _installed.append(ours)
    qt_own = QTranslator(app)  # standard buttons and dialogs: OK, Cancel, Save, file dialogs
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_own.load(f"qtbase_{language}", qt_dir):
        QCoreApplication.installTranslator(qt_own)
        _installed.append(qt_own)
    else:
        log.info("Qt's own translation qtbase_%s not found in %s", language, qt_dir)
    _current = language
    return True


def ui_font_families(language: str) -> list[str]:
    return LATIN_FONTS + CJK_FONTS.get(language, CJK_FONTS["en"])


def apply_language(language: str) -> bool:
    """Translators and the UI font order for ``language``; warns when no installed font can
    show its script (install fonts-noto-cjk: run.sh does)."""
    installed = install_translators(language)
    app = QCoreApplication.instance()
    if isinstance(app, QGuiApplication):
        font = QFont(app.font())
        font.setFamilies(ui_font_families(language))
        app.setFont(font)
    system = WRITING_SYSTEMS.get(language)
    if installed and system is not None and not QFontDatabase.families(system):
        log.warning("no font for %s text is installed (e.g. Noto Sans CJK)", LANGUAGES[language])
    return installed
