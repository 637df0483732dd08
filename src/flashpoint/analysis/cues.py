"""Reading what a report says about cause and effect: cue words and the phrases they point at.

``chain_cues.yaml`` lists the cues. :func:`find_cues` finds them in a sentence, drops passives
("sirens were triggered"), and cuts the phrase a *forward* cue ("in retaliation for ...") or a
*backward* one ("... triggered") points at; :func:`read_reference` reads that phrase for what
names the earlier act: a date ("the June 27th attacks", "January 2020"), act words and the
PLOVER types their nouns stand for ("the assassinations": ASSAULT), and knowledge-base actors.
:mod:`flashpoint.analysis.chains` matches what it reads against earlier incidents.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Mapping

from flashpoint.analysis.merge import stem
from flashpoint.errors import ModelError

__all__ = ["ChainCues", "CueHit", "Reference", "PhraseDate", "load_chain_cues", "find_cues",
           "read_reference"]

KINDS = ("forward", "backward", "bare")
_MAX_PHRASE = 160

#: A date a phrase names: (year, month, day), each None where the phrase does not say.
PhraseDate = tuple[int | None, int | None, int | None]


# -- cues --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChainCues:
    """``chain_cues.yaml``: cue phrases by kind, each kind's score, passive markers, breakers."""

    cues: Mapping[str, tuple[str, ...]]
    scores: Mapping[str, float]
    passive_markers: frozenset[str]
    phrase_breakers: tuple[str, ...]
    pattern: re.Pattern[str]
    bare_reach: int  # words at most between a bare cue and the act it describes


@lru_cache(maxsize=4)
def load_chain_cues(path: str | None = None) -> ChainCues:
    """The packaged cues (or ``path``), read once per process."""
    from flashpoint.events.ontology import read_data_file

    data = read_data_file("chain_cues.yaml", path)
    try:
        cues = {kind: tuple(str(c).lower() for c in data[kind]["cues"]) for kind in KINDS}
        scores = {kind: float(data[kind]["score"]) for kind in KINDS}
        phrases = sorted({c for kind in KINDS for c in cues[kind]}, key=len, reverse=True)
        pattern = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b", re.IGNORECASE)
        return ChainCues(cues, scores, frozenset(str(w).lower() for w in data["passive_markers"]),
                         tuple(str(b) for b in data["phrase_breakers"]), pattern,
                         int(data["bare"]["max_words_between"]))
    except (KeyError, TypeError, ValueError, re.error) as exc:
        raise ModelError(f"chain_cues.yaml is malformed: {exc!r}") from exc


@dataclass(frozen=True)
class CueHit:
    """A cue in a sentence (offsets relative to it) and the phrase it points at, if any."""

    kind: str
    cue: str
    start: int
    end: int
    phrase: str = ""
    phrase_start: int = 0
    phrase_end: int = 0


def find_cues(sentence: str, cues: ChainCues) -> list[CueHit]:
    """Every cue of ``sentence``, longest first where they overlap; passives dropped."""
    hits: list[CueHit] = []
    for match in cues.pattern.finditer(sentence):
        text = match.group(0).lower()
        kind = next(k for k in KINDS if text in cues.cues[k])
        if kind == "backward" and _passive(sentence[: match.start()], cues):
            continue
        hits.append(_with_phrase(CueHit(kind, text, match.start(), match.end()), sentence, cues))
    return hits


def _passive(before: str, cues: ChainCues) -> bool:
    """Whether the words just before a backward cue make it a passive ("were (also) triggered")."""
    words = re.findall(r"[\w']+", before.lower())[-2:]
    return any(w in cues.passive_markers for w in words)


def _with_phrase(hit: CueHit, sentence: str, cues: ChainCues) -> CueHit:
    """The hit with the phrase it points at: after a forward cue, before a backward one, up to
    the nearest breaker (a comma, a clause word) or ``_MAX_PHRASE`` characters."""
    if hit.kind == "forward":
        end = min([len(sentence), hit.end + _MAX_PHRASE]
                  + [i for b in cues.phrase_breakers if (i := sentence.find(b, hit.end)) >= 0])
        start = hit.end
    elif hit.kind == "backward":
        start = max([0, hit.start - _MAX_PHRASE]
                    + [i + len(b) for b in cues.phrase_breakers
                       if (i := sentence.rfind(b, 0, hit.start)) >= 0])
        end = hit.start
    else:
        return hit
    phrase = sentence[start:end]
    return CueHit(hit.kind, hit.cue, hit.start, hit.end, phrase.strip(), start, end)


# -- what a phrase names ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Reference:
    """What a cue's phrase says about the act it names."""

    dates: tuple[PhraseDate, ...]
    types: frozenset[str]
    stems: frozenset[str]
    actors: tuple[tuple[str, str | None], ...]  # (knowledge-base id, country)


@lru_cache(maxsize=1)
def _date_patterns() -> tuple[re.Pattern[str], ...]:
    from flashpoint.ingest.dates import MONTHS

    month = "(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
    day = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\b"
    year = r"(?P<year>(?:19|20)\d{2})\b"
    return (
        re.compile(rf"\b{month}\s+{day}(?:,?\s+{year})?", re.IGNORECASE),
        re.compile(rf"\b{day}\s+(?:of\s+)?{month}(?:,?\s+{year})?", re.IGNORECASE),
        re.compile(rf"\b{month},?\s+{year}", re.IGNORECASE),
        re.compile(rf"\b{year}"),
    )


def _phrase_dates(phrase: str) -> tuple[PhraseDate, ...]:
    from flashpoint.ingest.dates import MONTHS

    found: list[tuple[int, PhraseDate]] = []
    taken: list[tuple[int, int]] = []
    for pattern in _date_patterns():
        for m in pattern.finditer(phrase):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            parts = m.groupdict()
            month = MONTHS.get((parts.get("month") or "").lower().rstrip("."))
            value = (int(parts["year"]) if parts.get("year") else None, month,
                     int(parts["day"]) if parts.get("day") else None)
            found.append((m.start(), value))
            taken.append(m.span())
    return tuple(v for _, v in sorted(found))


@lru_cache(maxsize=1)
def _noun_types() -> dict[str, frozenset[str]]:
    """Act-word stem -> the PLOVER types whose nouns it is (``plover.yaml``)."""
    from flashpoint.events.ontology import load_ontology

    out: dict[str, set[str]] = defaultdict(set)
    for name, etype in load_ontology().types.items():
        for noun in etype.nouns | {p.split()[-1] for p in etype.phrases if p.split()}:
            out[stem(noun)].add(name)
    return {k: frozenset(v) for k, v in out.items()}


def read_reference(phrase: str) -> Reference:
    """What ``phrase`` names: dates, act words and their types, knowledge-base actors."""
    from flashpoint.events.actors import load_actors

    stems = frozenset(stem(w) for w in re.findall(r"[A-Za-z\-]+", phrase))
    nouns = _noun_types()
    types = frozenset(t for s in stems for t in nouns.get(s, ()))
    actors = tuple((m.entries[0].id, m.entries[0].country) for m in load_actors().matches(phrase))
    return Reference(_phrase_dates(phrase), types, stems & frozenset(nouns), actors)
