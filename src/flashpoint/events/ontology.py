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
from typing import Any, Iterable, Mapping, TypeVar

import yaml

from flashpoint.errors import ModelError

#: libyaml's safe loader where PyYAML has it (the same documents, parsed ten times faster).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

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
    named_target_preps: frozenset[str] = frozenset()  # "a visit to Bahrain", not "to the front"
    answered_preps: frozenset[str] = frozenset()  # "met at Turkey's request": the clause answers it
    sending_verbs: frozenset[str] = frozenset()  # "sent troops into Lebanon": the object is what is sent

    def mode(self, name: str | None) -> EventMode | None:
        return next((m for m in self.modes if m.name == name), None)


@dataclass(frozen=True)
class Override:
    """A trigger lemma that codes as another type when its object holds one of ``object_words``."""

    lemmas: frozenset[str]
    object_words: frozenset[str]
    event_type: str
    deps: frozenset[str] = frozenset()  # for frames: the word's own dependency labels, if limited
    direct: bool = False  # for frames: object words only among the verb's own children
    subject_words: frozenset[str] = frozenset()  # for frames: the subject must hold one ("troops crossed")
    clause: bool = False  # for overrides: the words of a that-clause count too ("pledged that they would avenge")
    tags: frozenset[str] = frozenset()  # for frames: the word's own tags, if limited ("VBD": not "Canada leads")


@dataclass(frozen=True)
class AssertionCues:
    """Words by which a report says someone did wrong (``accusing_assertions`` in
    ``plover.yaml``): what turns "X said Y had ..." into X accusing Y."""

    wrongdoing_verbs: frozenset[str] = frozenset()
    broken_objects: frozenset[str] = frozenset()
    break_verbs: frozenset[str] = frozenset()
    responsibility_verbs: frozenset[str] = frozenset()
    responsibility_nouns: frozenset[str] = frozenset()
    culpable_words: frozenset[str] = frozenset()
    resting_verbs: frozenset[str] = frozenset()


@dataclass(frozen=True)
class DepartureCues:
    """Words of an expulsion told as an order to leave (``directed_departures`` in
    ``plover.yaml``)."""

    order_verbs: frozenset[str] = frozenset()
    envoys: frozenset[str] = frozenset()
    leaving_verbs: frozenset[str] = frozenset()


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
    generic_determiners: frozenset[str]
    presupposing_preps: frozenset[str]
    forecast_predicates: frozenset[str]
    claim_heads: frozenset[str]
    denial_verbs: frozenset[str]
    denial_objects: frozenset[str]
    self_claiming: frozenset[str]
    assertive_marks: frozenset[str]
    negating_phrasals: frozenset[str]
    negating_preps: frozenset[str]
    standing_verbs: frozenset[str]
    decision_governors: frozenset[str]
    report_governors: frozenset[str]
    hedges: frozenset[str]
    announced_types: frozenset[str]
    reaction_verbs: frozenset[str]
    reaction_nouns: frozenset[str]
    harm_verbs: frozenset[str]
    asking_verbs: frozenset[str]
    naming_verbs: frozenset[str]
    asking_preps: frozenset[str]
    schedule_days: frozenset[str]
    purpose_for_heads: frozenset[str]
    act_heads: frozenset[str]
    future_marks: frozenset[str]
    ordinal_words: frozenset[str]


@dataclass(frozen=True)
class Cues:
    light_verbs: frozenset[str]
    retelling_verbs: frozenset[str]
    leading_participles: frozenset[str]
    condemning_verbs: frozenset[str]
    reprisal_nouns: frozenset[str]
    reprisal_type: str
    hazards: frozenset[str]
    hazard_prone_triggers: frozenset[str]
    casualty_verbs: frozenset[str]
    delivery_verbs: frozenset[str]
    raid_verbs: frozenset[str]
    kill_words: frozenset[str]
    injury_words: frozenset[str]
    number_words: Mapping[str, int]
    weapon_words: frozenset[str]
    status: StatusCues
    say_verbs: frozenset[str]
    blocking_preps: frozenset[str]
    type_status: Mapping[str, str] = field(default_factory=dict)
    implied_acts: Mapping[str, str] = field(default_factory=dict)
    intent_types: frozenset[str] = frozenset()
    speech_types: frozenset[str] = frozenset()
    descriptive_participles: frozenset[str] = frozenset()
    private_sectors: frozenset[str] = frozenset()
    text_nouns: frozenset[str] = frozenset()
    release_nouns: frozenset[str] = frozenset()
    captives: frozenset[str] = frozenset()
    lodged_grievances: frozenset[str] = frozenset()
    encountered_devices: frozenset[str] = frozenset()
    encounter_verbs: frozenset[str] = frozenset()
    violence_nouns: frozenset[str] = frozenset()
    expulsion_verbs: frozenset[str] = frozenset()
    in_force_verbs: frozenset[str] = frozenset()
    in_force_words: frozenset[str] = frozenset()
    in_force_types: frozenset[str] = frozenset()
    halting_words: frozenset[str] = frozenset()
    directive_verbs: frozenset[str] = frozenset()
    partner_types: frozenset[str] = frozenset()
    partner_preps: frozenset[str] = frozenset()
    assertions: AssertionCues = AssertionCues()
    departures: DepartureCues = DepartureCues()


@dataclass(frozen=True)
class Ontology:
    version: str
    types: Mapping[str, EventType]
    overrides: tuple[Override, ...]
    cues: Cues
    source: str = field(default="", compare=False)
    frames: tuple[Override, ...] = ()
    exclusions: tuple[Override, ...] = ()
    defence_verbs: frozenset[str] = frozenset()

    @property
    def trigger_lemmas(self) -> frozenset[str]:
        """Every lower-case lemma an event can start from: trigger verbs and nouns, each
        phrase's first word, frame words ("recalled its ambassador"), casualty verbs, the
        verbs of an activated defence ("C-RAM systems were activated") and directive verbs
        ("told residents to leave"). What
        a pre-filter (selective parsing) must keep for the coder to see all it would code."""
        words: set[str] = set(self.cues.casualty_verbs)
        for etype in self.types.values():
            words |= etype.verbs | etype.nouns
            words |= {phrase.split()[0] for phrase in etype.phrases if phrase.split()}
        for frame in self.frames:
            words |= frame.lemmas
        words |= self.defence_verbs
        words |= self.cues.directive_verbs  # "challenged the government to produce its proof"
        return frozenset(w.lower() for w in words)


def read_data_file(name: str, path: str | Path | None = None) -> Any:
    """Parse a YAML file from ``flashpoint/data`` (or ``path``), as a ModelError if it fails."""
    try:
        if path is not None:
            text = Path(path).read_text(encoding="utf-8")
        else:
            text = resources.files("flashpoint").joinpath("data", name).read_text(encoding="utf-8")
        return yaml.load(text, Loader=_LOADER)
    except (OSError, yaml.YAMLError) as exc:
        raise ModelError(f"cannot load data file {path or name}: {exc}") from exc


def load_ontology(path: str | None = None) -> Ontology:
    """The ontology from ``plover.yaml`` (or ``path``); cached, so it is read once per process
    (``load_ontology()`` and ``load_ontology(None)`` share the one cache entry)."""
    return _load_ontology(path)


@lru_cache(maxsize=4)
def _load_ontology(path: str | None) -> Ontology:
    data = read_data_file("plover.yaml", path)
    try:
        types = {name: _event_type(name, spec) for name, spec in data["types"].items()}
        missing = set(PLOVER_TYPES) - set(types)
        if missing:
            raise ModelError(f"plover.yaml lacks types {sorted(missing)}")
        overrides = _overrides(data.get("overrides"), types)
        frames = _overrides(data.get("frames"), types)
        exclusions = tuple(
            Override(_words(o["lemmas"]), _words(o["object_words"]), "")
            for o in data.get("exclusions") or ()
        )
        cues = _cues(data["cues"])
        for name, status in cues.type_status.items():
            if name not in types or status not in ("threatened", "claimed", "hypothetical"):
                raise ModelError(f"plover.yaml type_status {name}: {status} is not usable")
    except (KeyError, TypeError, ValueError) as exc:
        raise ModelError(f"plover.yaml is malformed: {exc!r}") from exc
    return Ontology(str(data.get("version", "0")), types, overrides, cues, source=path or "",
                    frames=frames, exclusions=exclusions,
                    defence_verbs=_words((data.get("defence") or {}).get("verbs")))


def _overrides(spec: Any, types: Mapping[str, EventType]) -> tuple[Override, ...]:
    """``lemmas`` + ``object_words`` -> ``type`` rules (overrides and frames share the shape)."""
    rules = tuple(
        Override(_words(o["lemmas"]), _words(o["object_words"]), str(o["type"]), _words(o.get("deps")),
                 bool(o.get("direct", False)), _words(o.get("subject_words")), bool(o.get("clause", False)),
                 frozenset(str(t) for t in o.get("tags") or ()))
        for o in spec or ()
    )
    for rule in rules:
        if rule.event_type not in types:
            raise ModelError(f"plover.yaml rule to unknown type {rule.event_type}")
    return rules


def _words(values: Any) -> frozenset[str]:
    return frozenset(str(v).lower() for v in values or ())


#: A cue dataclass of word lists only (:class:`AssertionCues`, :class:`DepartureCues`).
_Lists = TypeVar("_Lists", "AssertionCues", "DepartureCues")


def _word_lists(cls: type[_Lists], section: Mapping[str, Any] | None) -> _Lists:
    """A cue dataclass whose every field is a word list, filled from a section of
    ``plover.yaml`` of the same keys (a missing key, or section, is an empty list)."""
    section = section or {}
    return cls(**{key: _words(section.get(key)) for key in cls.__dataclass_fields__})


def _phrases(listed: Iterable[Any], words: frozenset[str]) -> tuple[str, ...]:
    """The type's phrases as the tokenizer will see them, with a phrase for each hyphenated
    noun or verb: spaCy splits a hyphen between letters ("pull-out" -> "pull" "-" "out"), so a
    hyphenated word could never match one token, and a phrase holding one must match three."""
    hyphenated = sorted(word for word in words if "-" in word.strip("-"))
    spaced = (" ".join(str(p).lower().replace("-", " - ").split()) for p in [*listed, *hyphenated])
    return tuple(dict.fromkeys(p for p in spaced if p))


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
        named_target_preps=_words(spec.get("named_target_preps")),
        answered_preps=_words(spec.get("answered_preps")),
        sending_verbs=_words(spec.get("sending_verbs")),
        verbs=_words(spec.get("verbs")),
        nouns=nouns,
        phrases=_phrases(spec.get("phrases") or (), nouns | _words(spec.get("verbs"))),
        modes=modes,
        mode_from_sentence=bool(spec.get("mode_from_sentence", False)),
        instrument_objects=bool(spec.get("instrument_objects", False)),
    )


def _cues(spec: Mapping[str, Any]) -> Cues:
    status = spec["status"]
    return Cues(
        light_verbs=_words(spec["light_verbs"]),
        retelling_verbs=_words(spec["retelling_verbs"]),
        leading_participles=_words(spec.get("leading_participles")),
        condemning_verbs=_words(spec["condemning_verbs"]),
        reprisal_nouns=_words(spec["reprisal_nouns"]),
        reprisal_type=str(spec["reprisal_type"]).upper(),
        hazards=_words(spec["hazards"]),
        hazard_prone_triggers=_words(spec["hazard_prone_triggers"]),
        casualty_verbs=_words(spec["casualty_verbs"]),
        delivery_verbs=_words(spec.get("delivery_verbs")),
        raid_verbs=_words(spec.get("raid_verbs")),
        kill_words=_words(spec["kill_words"]),
        injury_words=_words(spec["injury_words"]),
        number_words={str(k).lower(): int(v) for k, v in spec["number_words"].items()},
        weapon_words=_words(spec["weapon_words"]),
        status=StatusCues(**{key: _words(status[key]) for key in StatusCues.__dataclass_fields__}),
        say_verbs=_words(spec["attribution"]["say_verbs"]),
        blocking_preps=_words(spec["dates"]["blocking_preps"]),
        type_status={str(k).upper(): str(v) for k, v in (spec.get("type_status") or {}).items()},
        implied_acts={str(k).lower(): str(v).upper() for k, v in (spec.get("implied_acts") or {}).items()},
        intent_types=frozenset(str(t).upper() for t in spec.get("intent_types") or ()),
        speech_types=frozenset(str(t).upper() for t in spec.get("speech_types") or ()),
        descriptive_participles=_words(spec.get("descriptive_participles")),
        private_sectors=_words(spec.get("private_sectors")),
        text_nouns=_words(spec.get("text_nouns")),
        release_nouns=_words(spec.get("release_nouns")),
        captives=_words(spec.get("captives")),
        lodged_grievances=_words(spec.get("lodged_grievances")),
        encountered_devices=_words(spec.get("encountered_devices")),
        encounter_verbs=_words(spec.get("encounter_verbs")),
        violence_nouns=_words(spec.get("violence_nouns")),
        expulsion_verbs=_words(spec.get("expulsion_verbs")),
        in_force_verbs=_words(spec.get("in_force_verbs")),
        in_force_words=_words(spec.get("in_force_words")),
        in_force_types=frozenset(str(t).upper() for t in spec.get("in_force_types") or ()),
        halting_words=_words(spec.get("halting_words")),
        directive_verbs=_words(spec.get("directive_verbs")),
        partner_types=frozenset(str(t).upper() for t in spec.get("partner_types") or ()),
        partner_preps=_words(spec.get("partner_preps")),
        assertions=_word_lists(AssertionCues, spec.get("accusing_assertions")),
        departures=_word_lists(DepartureCues, spec.get("directed_departures")),
    )
