"""What the window remembers about live feeds (QSettings): the feeds connected before (their URLs,
never a password: those stay in the system keyring or are asked), where and whether every feed
is recorded, the alert rule and whether alerts make a sound."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from PySide6.QtCore import QSettings, QStandardPaths

from viewer.core.live_alerts import AlertRule
from viewer.qt.app_settings import ORG_NAME, as_list

FEEDS_KEY = "live/feeds"
RECORD_KEY = "live/record"
RECORD_DIR_KEY = "live/record_dir"
SOUND_KEY = "live/sound"
RULE_KEY = "live/rule"
MAX_FEEDS = 12
SOUNDS = ("off", "beep")  # no sound (the default), or the system's beep
RECORDINGS_FOLDER = "ADIZ Viewer recordings"


def strip_password(url: str) -> str:
    """The feed URL without a password (options after '#' kept): what may be remembered."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.netloc.rsplit("@", 1)[1]
    netloc = f"{parts.username}@{host}" if parts.username else host
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def default_record_dir() -> Path:
    """Where recordings go unless the user chose: a folder in Documents (the home folder when
    the system names no Documents folder)."""
    docs = QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation)
    return Path(docs or Path.home()) / RECORDINGS_FOLDER


@dataclass
class LiveSettings:
    record_dir: Path = field(default_factory=default_record_dir)
    record: bool = True
    sound: str = "off"
    rule: AlertRule = field(default_factory=AlertRule)
    feeds: list[str] = field(default_factory=list)

    @classmethod
    def load(cls) -> LiveSettings:
        s = QSettings(ORG_NAME, ORG_NAME)
        settings = cls()
        folder = s.value(RECORD_DIR_KEY)
        if isinstance(folder, str) and folder:
            settings.record_dir = Path(folder)
        record = s.value(RECORD_KEY)
        if record is not None:
            settings.record = record is True or str(record).lower() == "true"
        sound = s.value(SOUND_KEY)
        if sound in SOUNDS:
            settings.sound = str(sound)
        rule = s.value(RULE_KEY)
        if isinstance(rule, str) and rule:
            try:
                settings.rule = AlertRule.from_dict(json.loads(rule))
            except ValueError:  # an older or damaged setting: alert on everything
                settings.rule = AlertRule()
        settings.feeds = [strip_password(u) for u in as_list(s.value(FEEDS_KEY))][:MAX_FEEDS]
        return settings

    def save(self) -> None:
        s = QSettings(ORG_NAME, ORG_NAME)
        s.setValue(RECORD_DIR_KEY, str(self.record_dir))
        s.setValue(RECORD_KEY, bool(self.record))
        s.setValue(SOUND_KEY, self.sound)
        s.setValue(RULE_KEY, json.dumps(self.rule.to_dict()))
        s.setValue(FEEDS_KEY, list(self.feeds))

    def remember(self, url: str) -> None:
        """``url`` first among the feeds offered next time (without its password)."""
        clean = strip_password(url)
        self.feeds = [clean, *[u for u in self.feeds if u != clean][: MAX_FEEDS - 1]]
        self.save()
