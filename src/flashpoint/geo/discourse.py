"""Toponyms found through the document's other toponyms.

The small English model labels a name inconsistently across a story: "Tunis" is a place in
one sentence and a nationality in the next, "Cirencester" a person, "Immokalee" an
organisation. Two readings recover such mentions from the ones already recognised:

* one sense per discourse: a name recognised as a place is a place wherever else the
  document writes it the same way, including inside an organisation's name ("the Cavan
  Sustainable Energy Group"), which geoparsing gold standards count as a toponym;
* the state after a town: in "Allendale, N.J." or "Gainesville, Va." the AP abbreviation is
  the town's state. Alone, "Va." or "WA" may mean other things, so only that position counts.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc

from flashpoint.geo.gazetteer import Gazetteer
from flashpoint.geo.recognize import Mention
from flashpoint.nlp.doctext import text_of

__all__ = ["repeated_names", "states_after_towns"]

#: Sources whose mentions are trusted enough to be repeated (not adjectives, not guesses
#: from organisation names).
_TRUSTED = {"GPE", "LOC", "FAC", "GAZETTEER", "DATELINE", "STATE", "LOCATIVE"}
_TITLES = r"\b(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sgt|Gen|Col|Capt|Lt|Sen|Rep|Gov|Rev|St)\.?"
#: A title and the space after it: a name that begins where one ends is a person's.
_TITLE_RUN = re.compile(rf"{_TITLES}\s+")


def repeated_names(mentions: list[Mention], parsed: Doc, gaz: Gazetteer) -> list[Mention]:
    """Other occurrences of the names recognised as places, written the same way.

    Only names the gazetteer knows well (a country, region or site, or a town's own name)
    are repeated, and none the model also reads as a person anywhere in the document or that
    follows a title ("Mr. Chen"): the small model calls many surnames places once. An
    upper-case dateline is repeated in its title-case form ("ALLENDALE" -> "Allendale"), even
    where the model once reads that name as a person's ("KYIV ... the edge of Kyiv")."""
    people = [(e.start_char, e.end_char) for e in parsed.ents if e.label_ == "PERSON"]
    person_words = {t.text for e in parsed.ents if e.label_ == "PERSON" for t in e}
    text = text_of(parsed)
    names = {_written(m) for m in mentions
             if m.source in _TRUSTED and not m.demonym and len(m.text) > 2}
    filed_from = {_written(m) for m in mentions if m.source == "DATELINE"}
    titled: list[int] | None = None  # where the text's titles end, found once
    kept = set()
    for name in names:
        if not gaz.well_known(name) or (set(name.split()) & person_words and name not in filed_from):
            continue  # (the city a report is filed from stays a place, whatever the model says once)
        if titled is None:
            titled = [match.end() for match in _TITLE_RUN.finditer(text)]
        if not _after_title(name, text, titled):
            kept.add(name)
    names = kept
    if not names:
        return []
    taken = [(m.start, m.end) for m in mentions]
    found = []
    for name in sorted(names, key=len, reverse=True):
        for match in re.finditer(rf"(?<![\w\-.]){re.escape(name)}(?![\w\-])", text):
            span = (match.start(), match.end())
            if _overlaps(span, taken) or _inside_longer(span, people):
                continue
            found.append(Mention(name, span[0], span[1], "REPEAT"))
            taken.append(span)
    return found


def _after_title(name: str, text: str, titled: list[int]) -> bool:
    """Whether the text writes ``name`` right after a title ("Mr. Chen"), as a whole word.

    ``titled`` holds the ends of every title and its space: titles never overlap and a name
    never begins with a space, so a name after a title begins at one of them."""
    if not titled:
        return False
    pattern = re.compile(rf"{re.escape(name)}\b")
    return any(pattern.match(text, end) for end in titled)


def _written(mention: Mention) -> str:
    if mention.source == "DATELINE" and mention.text.isupper():
        return mention.text.title()
    return mention.text


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(s < span[1] and span[0] < e for s, e in spans)


def _inside_longer(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(s <= span[0] and span[1] <= e and (e - s) > (span[1] - span[0]) for s, e in spans)


@lru_cache(maxsize=2)
def _state_pattern(gaz_id: int, forms: tuple[str, ...]) -> re.Pattern[str]:
    """", N.J." / ", Calif." / ", WA" right after a mention; longest forms first."""
    del gaz_id  # part of the cache key only
    alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf",[ \t]*({alternation})(?![\w])")


def states_after_towns(mentions: list[Mention], parsed: Doc, gaz: Gazetteer) -> list[Mention]:
    """US state abbreviations written right after a recognised place and a comma."""
    if not gaz.state_forms:
        return []
    pattern = _state_pattern(id(gaz), tuple(sorted(gaz.state_forms)))
    text = text_of(parsed)
    taken = [(m.start, m.end) for m in mentions]
    found = []
    for mention in mentions:
        if mention.demonym:
            continue
        match = pattern.match(text, mention.end)
        if match is None or _overlaps((match.start(1), match.end(1)), taken):
            continue
        found.append(Mention(match.group(1), match.start(1), match.end(1), "STATE"))
    return found
