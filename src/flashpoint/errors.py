"""The one exceptions module of flashpoint.

Every error that library code raises on purpose derives from :class:`FlashpointError`, so
callers can catch the whole family with one clause and the CLI can turn any of them into a
clear one-line message and an exit status. The tree::

    FlashpointError
    ├── ConfigError            bad settings value (unknown format, bad URL, negative limit)
    │   └── NotFoundError      an id (event, incident, merge decision) that is not stored
    ├── InputError             one input item cannot become a document; carries ``kind``
    │   ├── UnreadableInput    missing file, permission denied, a directory where a file was expected
    │   ├── BinaryInput        bytes that are not text (NUL bytes, a known binary signature)
    │   ├── EncodingInput      bytes that decode as no supported text encoding
    │   ├── EmptyInput         nothing left once markup and whitespace are gone
    │   ├── OversizedInput     larger than ``Settings.max_input_bytes``
    │   ├── MalformedInput     broken HTML, a JSON line that does not parse, a record without text
    │   └── UnsupportedInput   a file type flashpoint does not read
    ├── StoreError             the database cannot be opened, migrated or written
    ├── ModelError             the spaCy model or a data file cannot be loaded
    └── EvalError              a gold file that does not follow the event-record spec

Input errors are expected in any real batch: the ingest job records them as rejections and goes
on. Everything else stops the job.
"""

from __future__ import annotations

__all__ = [
    "FlashpointError",
    "ConfigError",
    "NotFoundError",
    "InputError",
    "UnreadableInput",
    "BinaryInput",
    "EncodingInput",
    "EmptyInput",
    "OversizedInput",
    "MalformedInput",
    "UnsupportedInput",
    "StoreError",
    "ModelError",
    "UnsupportedRules",
    "EvalError",
]


class FlashpointError(Exception):
    """Base of every error flashpoint raises on purpose."""


class ConfigError(FlashpointError):
    """A settings value is invalid."""


class NotFoundError(ConfigError):
    """An id given by a user (an event, an incident, a merge decision) is not stored."""


class InputError(FlashpointError):
    """One input item cannot become a document.

    ``kind`` is a short stable slug stored with the rejection so that analysts can count
    rejections by cause (``flashpoint stats``).
    """

    kind = "input"

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class UnreadableInput(InputError):
    kind = "unreadable"


class BinaryInput(InputError):
    kind = "binary"


class EncodingInput(InputError):
    kind = "encoding"


class EmptyInput(InputError):
    kind = "empty"


class OversizedInput(InputError):
    kind = "oversized"


class MalformedInput(InputError):
    kind = "malformed"


class UnsupportedInput(InputError):
    kind = "unsupported"


class StoreError(FlashpointError):
    """The database cannot be opened, migrated or written."""


class ModelError(FlashpointError):
    """The spaCy model or a packaged data file cannot be loaded."""


class UnsupportedRules(ModelError):
    """A model's attribute rules use a pattern feature that ``flashpoint.nlp.attribute_rules``
    does not reproduce (the model's own ruler is then kept)."""


class EvalError(FlashpointError):
    """A gold file does not follow the event-record spec."""
