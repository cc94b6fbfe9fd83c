"""The briefing document: a teacher's saved work, as a versioned JSON file.

A `Briefing` holds the loaded track files (paths relative to the briefing file), each layer's
visibility, opacity and colour, the view, the time range, replay speed and trail, the naming usage,
annotations and scenes; and what the teacher authored (schema version 2): a georeferenced picture
underlay, the tracks traced over it with their timing models, and the daily counts a ministry
reported; and, per track file, how to read it where the file does not say (schema version 3): the
columns and units the user confirmed in the import dialog, so reopening does not ask again. It is
plain data (frozen dataclasses); a `viewer.core.session.Session` builds one from its state
(`snapshot`) and applies one to its state (`apply_briefing`).

File format (schema version `SCHEMA_VERSION`, published in ``resources/briefing.schema.json``):
UTF-8 JSON, keys sorted, two-space indent, floats rounded to fixed decimals, times as UTC ISO 8601
with ``Z``; so save → open → save gives byte-identical files. Older versions are migrated on load;
a newer version is refused with a message saying so.

The package: `model` (the dataclasses), `validation` (checks, times, errors), `codec` (JSON in
and out), `migrations` (older schema versions), `storage` (atomic files, paths relative to the
briefing) and `recovery` (autosave after a crash). Everything is importable from here.

>>> b = Briefing(title="Demo", files=(TrackFileRef("tracks/day.csv"),))
>>> from_dict(to_dict(b)) == b
True
"""

from __future__ import annotations

from viewer.core.briefing.codec import (
    dumps,
    from_dict,
    to_dict,
)
from viewer.core.briefing.migrations import (
    MIGRATIONS,
    migrate,
    schema_version_of,
)
from viewer.core.briefing.model import (
    ALTITUDE_UNITS,
    ANNOTATION_KINDS,
    APP_STATE_NAME,
    ARROW,
    BACKUP_SUFFIX,
    CIRCLE,
    FORMAT,
    MAPPABLE_FIELDS,  # the constants' fields a track file's column may be mapped to
    POLYGON,
    RECOVERY_FORMAT,
    REFERENCE_SIZE,
    SCHEMA_VERSION,
    SPEED_UNITS,
    SUFFIX,
    TEXT,
    UNIT_FIELDS,
    Annotation,
    AnnotationStyle,
    Briefing,
    LayerSetting,
    Scene,
    TimeRange,
    TrackFileRef,
    ViewSpec,
    map_units_per_metre,
)
from viewer.core.briefing.recovery import (
    Recovery,
    discard_recovery,
    find_recovery,
    recovery_dir,
    recovery_path,
    state_dir,
    write_recovery,
)
from viewer.core.briefing.storage import (
    atomic_write,
    backup_path,
    default_briefing_path,
    load_briefing,
    missing_files,
    rebase,
    relative_ref_path,
    relocate_file,
    remove_stale_temporaries,
    resolve_file,
    resolve_files,
    resources_dir,
    save_briefing,
    schema_path,
)
from viewer.core.briefing.validation import BriefingError, format_time, parse_time

__all__ = [
    "ALTITUDE_UNITS",
    "ANNOTATION_KINDS",
    "APP_STATE_NAME",
    "ARROW",
    "BACKUP_SUFFIX",
    "CIRCLE",
    "FORMAT",
    "MAPPABLE_FIELDS",
    "MIGRATIONS",
    "POLYGON",
    "RECOVERY_FORMAT",
    "REFERENCE_SIZE",
    "SCHEMA_VERSION",
    "SPEED_UNITS",
    "SUFFIX",
    "TEXT",
    "UNIT_FIELDS",
    "Annotation",
    "AnnotationStyle",
    "Briefing",
    "BriefingError",
    "LayerSetting",
    "Recovery",
    "Scene",
    "TimeRange",
    "TrackFileRef",
    "ViewSpec",
    "atomic_write",
    "backup_path",
    "default_briefing_path",
    "discard_recovery",
    "dumps",
    "find_recovery",
    "format_time",
    "from_dict",
    "load_briefing",
    "map_units_per_metre",
    "migrate",
    "missing_files",
    "parse_time",
    "rebase",
    "recovery_dir",
    "recovery_path",
    "relative_ref_path",
    "relocate_file",
    "remove_stale_temporaries",
    "resolve_file",
    "resolve_files",
    "resources_dir",
    "save_briefing",
    "schema_path",
    "schema_version_of",
    "state_dir",
    "to_dict",
    "write_recovery",
]
