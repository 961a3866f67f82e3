"""Specific exceptions with actionable messages; translated to one line at the CLI edge."""

from __future__ import annotations


class FlashpointError(Exception):
    """Base class: every message says what went wrong and what to do next."""


class ConfigError(FlashpointError):
    """A setting is unknown or has an invalid value."""


class PipelineOrderError(FlashpointError):
    """A stage needs something no earlier stage provides."""


class ModelNotFoundError(FlashpointError):
    """The spaCy model named in the settings is not installed."""


class IngestError(FlashpointError):
    """A document could not be read or was rejected (empty, binary, too large, not English)."""

    def __init__(self, origin: str, reason: str):
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason


class GazetteerError(FlashpointError):
    """The gazetteer is missing, corrupt or could not be built."""


class StoreError(FlashpointError):
    """The event store could not be opened, migrated or written."""


class ExportError(FlashpointError):
    """An export format is unknown or its output could not be written."""


class EvalDataError(FlashpointError):
    """A gold file or directory is missing, unrecognised or not in the expected format."""


class ActorDictionaryError(FlashpointError):
    """The actor dictionary file is missing or malformed."""


class ModelFileError(FlashpointError):
    """A shipped model file (sentence model, role model) is missing, corrupt or of another
    format version; reinstall flashpoint or re-run its training script."""


class EventModelError(ModelFileError):
    """The sentence event model file is unusable."""


class RoleModelError(ModelFileError):
    """The role model file is unusable."""
