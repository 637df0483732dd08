"""The PLOVER ontology and coding cues, read from ``flashpoint/data/plover.yaml``.

Everything the coder knows about words (trigger lemmas, mode cues, modal verbs, casualty words)
lives in that file; this module only turns it into typed, immutable objects and checks that it
is well formed, so a broken data file fails loudly at load time rather than mid-batch.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Mapping

import yaml

from flashpoint.errors import ModelError

__all__ = [
    "EventMode",
    "EventType",
    "Override",
    "StatusCues",
    "Cues",
    "Ontology",
    "load_ontology",
    "read_data_file",
    "PLOVER_TYPES",
]

#: The sixteen PLOVER event types of the spec, in the spec's order.
PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


@dataclass(frozen=True)
class EventMode:
    """A PLOVER mode of one type, with the CAMEO code and Goldstein weight it stands for."""

    name: str
    cameo: str
    goldstein: float
    cues: frozenset[str]
    cameo_root: str | None = None  # when the mode's code sits under another CAMEO root


@dataclass(frozen=True)
class EventType:
    """One PLOVER type: its triggers, derived codes and modes (in data-file order)."""

    name: str
    cameo_root: str
    quad_class: int
    goldstein: float
    of_role: str
    target_preps: frozenset[str]
    verbs: frozenset[str]
    nouns: frozenset[str]
    phrases: tuple[str, ...]
    modes: tuple[EventMode, ...]
    mode_from_sentence: bool = False
    instrument_objects: bool = False  # "fired missiles at X": a weapon object is the means

    def mode(self, name: str | None) -> EventMode | None:
        return next((m for m in self.modes if m.name == name), None)


@dataclass(frozen=True)
class Override:
    """A trigger lemma that codes as another type when its object holds one of ``object_words``."""

    lemmas: frozenset[str]
    object_words: frozenset[str]
    event_type: str


@dataclass(frozen=True)
class StatusCues:
    negation: frozenset[str]
    negating_verbs: frozenset[str]
    modals: frozenset[str]
    hypothetical_governors: frozenset[str]
    hypothetical_marks: frozenset[str]
    hypothetical_nouns: frozenset[str]
    threat_governors: frozenset[str]
    claim_governors: frozenset[str]
    claim_adverbs: frozenset[str]
    actualizing_governors: frozenset[str]
    hypothetical_determiners: frozenset[str]
    presupposing_preps: frozenset[str]


@dataclass(frozen=True)
class Cues:
    light_verbs: frozenset[str]
    hazards: frozenset[str]
    hazard_prone_triggers: frozenset[str]
    casualty_verbs: frozenset[str]
    kill_words: frozenset[str]
    injury_words: frozenset[str]
    number_words: Mapping[str, int]
    weapon_words: frozenset[str]
    status: StatusCues
    say_verbs: frozenset[str]
    blocking_preps: frozenset[str]
    temporal_words: frozenset[str]


@dataclass(frozen=True)
class Ontology:
    version: str
    types: Mapping[str, EventType]
    overrides: tuple[Override, ...]
    cues: Cues
    source: str = field(default="", compare=False)


def read_data_file(name: str, path: str | Path | None = None) -> Any:
    """Parse a YAML file from ``flashpoint/data`` (or ``path``), as a ModelError if it fails."""
    try:
        if path is not None:
            text = Path(path).read_text(encoding="utf-8")
        else:
            text = resources.files("flashpoint").joinpath("data", name).read_text(encoding="utf-8")
        return yaml.safe_load(text)
    except (OSError, yaml.YAMLError) as exc:
        raise ModelError(f"cannot load data file {path or name}: {exc}") from exc


@lru_cache(maxsize=4)
def load_ontology(path: str | None = None) -> Ontology:
    """The ontology from ``plover.yaml`` (or ``path``); cached, so it is read once per process."""
    data = read_data_file("plover.yaml", path)
    try:
        types = {name: _event_type(name, spec) for name, spec in data["types"].items()}
        missing = set(PLOVER_TYPES) - set(types)
        if missing:
            raise ModelError(f"plover.yaml lacks types {sorted(missing)}")
        overrides = tuple(
            Override(_words(o["lemmas"]), _words(o["object_words"]), o["type"])
            for o in data.get("overrides") or ()
        )
        for override in overrides:
            if override.event_type not in types:
                raise ModelError(f"plover.yaml override to unknown type {override.event_type}")
        cues = _cues(data["cues"])
    except (KeyError, TypeError, ValueError) as exc:
        raise ModelError(f"plover.yaml is malformed: {exc!r}") from exc
    return Ontology(str(data.get("version", "0")), types, overrides, cues, source=path or "")


def _words(values: Any) -> frozenset[str]:
    return frozenset(str(v).lower() for v in values or ())


def _event_type(name: str, spec: Mapping[str, Any]) -> EventType:
    nouns = _words(spec.get("nouns"))
    if any(" " in noun for noun in nouns):
        raise ModelError(f"plover.yaml {name}: multiword nouns belong under phrases")
    modes = tuple(
        EventMode(
            name=mode_name,
            cameo=str(mode["cameo"]),
            goldstein=float(mode["goldstein"]),
            cues=_words(mode.get("cues")),
            cameo_root=str(mode["cameo_root"]) if mode.get("cameo_root") else None,
        )
        for mode_name, mode in (spec.get("modes") or {}).items()
    )
    return EventType(
        name=name,
        cameo_root=str(spec["cameo_root"]),
        quad_class=int(spec["quad_class"]),
        goldstein=float(spec["goldstein"]),
        of_role=str(spec.get("of_role", "target")),
        target_preps=_words(spec.get("target_preps")),
        verbs=_words(spec.get("verbs")),
        nouns=nouns,
        phrases=tuple(str(p).lower() for p in spec.get("phrases") or ()),
        modes=modes,
        mode_from_sentence=bool(spec.get("mode_from_sentence", False)),
        instrument_objects=bool(spec.get("instrument_objects", False)),
    )


def _cues(spec: Mapping[str, Any]) -> Cues:
    status = spec["status"]
    return Cues(
        light_verbs=_words(spec["light_verbs"]),
        hazards=_words(spec["hazards"]),
        hazard_prone_triggers=_words(spec["hazard_prone_triggers"]),
        casualty_verbs=_words(spec["casualty_verbs"]),
        kill_words=_words(spec["kill_words"]),
        injury_words=_words(spec["injury_words"]),
        number_words={str(k).lower(): int(v) for k, v in spec["number_words"].items()},
        weapon_words=_words(spec["weapon_words"]),
        status=StatusCues(**{key: _words(status[key]) for key in StatusCues.__dataclass_fields__}),
        say_verbs=_words(spec["attribution"]["say_verbs"]),
        blocking_preps=_words(spec["dates"]["blocking_preps"]),
        temporal_words=_words(spec["dates"]["temporal_words"]),
    )
