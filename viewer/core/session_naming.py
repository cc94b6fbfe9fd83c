"""The naming part of a `viewer.core.session.Session`: which place-name usage the map shows
(a briefing's own, or — for a briefing saved with "auto" — the viewer's default, the interface
language's), which a saved briefing keeps, and zones by their names in it."""

from __future__ import annotations

import contextlib

from viewer.core.briefing import Briefing
from viewer.core.constants import NAMING_AUTO, NAMING_EN
from viewer.core.map_state import MapState
from viewer.core.zone_names import zone_title


class SessionNaming:
    """Mixed into `Session` (which has ``state``, ``briefing`` and ``applying()``)."""

    state: MapState
    briefing: Briefing | None
    # the naming a briefing that leaves it to the viewer ("auto") shows: the window sets its
    # interface language's usage (`set_default_naming`)
    default_naming: str = NAMING_EN

    def applying(self) -> contextlib.AbstractContextManager[None]:  # the Session's
        raise NotImplementedError

    def _naming_of(self, briefing: Briefing) -> str:
        return self.default_naming if briefing.naming == NAMING_AUTO else briefing.naming

    def _naming_kept(self) -> str:
        """The naming a briefing keeps: "auto" when the map shows the default's."""
        return NAMING_AUTO if self.state.naming == self.default_naming else self.state.naming

    def set_default_naming(self, naming: str) -> None:
        """The naming usage a briefing saved with "auto" shows (the interface language's);
        shown at once unless the open briefing chose its own. A briefing is saved with "auto"
        when it shows this usage, so that it follows whoever opens it next."""
        self.default_naming = naming
        with self.applying():
            self.state.set_naming(self._naming_of(self.briefing or Briefing()))

    def zone_title(self, zone_id: str) -> str:
        """A zone id of the analysis ('taiwan_adiz', 'exercise_2022_08:zone3', a user layer's)
        as the map names it: in the naming shown (`viewer.core.zone_names.zone_title`)."""
        naming = self.state.naming
        extra = {i: layer.title(naming) for i, layer in self.state.extra_layers.items()}
        return zone_title(zone_id, naming, self.state.catalog, extra)


__all__ = ["SessionNaming"]
