"""Names after a locative preposition that the model left unlabelled or mislabelled.

The small English model misses many towns outright ("in Colchester") or gives them odd
labels ("in Manbij" as a date, "captured in Chattanooga" as a product, "a visit to Tunis" as
a nationality). A capitalised name right after "in", "at", "from", "to" and the other
locative prepositions of ``toponyms.yaml`` is read as a place when the whole name, not a
part of it, is one the gazetteer knows well: a country, region or site, a town of 5,000
people by its own name, or a city of 100,000 by any of its names. "in Paris Hilton" is not
"Paris".
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from flashpoint.geo.gazetteer import Gazetteer, normalize_name
from flashpoint.geo.recognize import Mention, is_town

__all__ = ["after_prepositions", "objects_of_place_verbs"]

#: Prepositions beyond the locative ones of ``event_places`` that put a place after them.
#: Not "to": "according to Davis", "close to McGregor" name people.
_MOVEMENT = {"from", "via", "between"}
#: A city this large is trusted under any of its names ("Misrata" for Misratah).
_BIG_CITY = 100_000
_MAX_WORDS = 3
#: The longest article that joins a name's next word with a hyphen ("al-", "el-", "ash-").
_ARTICLE_LETTERS = 3


def after_prepositions(mentions: list[Mention], parsed: Doc, gaz: Gazetteer,
                       locative: frozenset[str],
                       settlements: frozenset[str] = frozenset()) -> list[Mention]:
    """Known places right after a locative preposition, or after "of" following a kind of
    settlement ("the port of Hodeidah", "the Red Sea city of Eilat"), not overlapping
    ``mentions`` (a model span there that is not a place, "Eilat" as an ORG, gives way)."""
    prepositions = locative | _MOVEMENT
    taken = [(m.start, m.end) for m in mentions]
    people = [(e.start_char, e.end_char) for e in parsed.ents
              if e.label_ == "PERSON" and len(e) > 1]
    found = []
    for token in parsed:
        named_of = token.lower_ == "of" and token.i > 0 and parsed[token.i - 1].lower_ in settlements
        out_of = token.lower_ == "of" and token.i > 0 and parsed[token.i - 1].lower_ == "out"
        if (token.lower_ not in prepositions and not named_of and not out_of) or token.i + 1 >= len(parsed):
            continue
        name = _capitalised_run(parsed, token.i + 1)
        if name is None:
            continue
        span = (name.start_char, name.end_char)
        if _overlaps(span, taken + ([] if named_of else people)):
            continue  # a person's name after "in"; after "the town of" it is the town's
        if gaz.well_known(name.text, alias_city=_BIG_CITY) or (named_of and _town_by_own_name(name.text, gaz)):
            found.append(Mention(name.text, span[0], span[1], "LOCATIVE"))
            taken.append(span)
    return found


def objects_of_place_verbs(mentions: list[Mention], parsed: Doc, gaz: Gazetteer,
                           verbs: frozenset[str]) -> list[Mention]:
    """Known places that are the object of a verb of taking or striking ("captured Baghuz",
    "seized Saraqeb and shelled Maarat al-Numan"), which the model labels as organisations or
    people, not overlapping ``mentions`` or a person's full name."""
    taken = [(m.start, m.end) for m in mentions]
    people = [(e.start_char, e.end_char) for e in parsed.ents
              if e.label_ == "PERSON" and len(e) > 1 and e.root.dep_ not in ("dobj", "conj")]
    found = []
    for token in parsed:
        if token.pos_ != "PROPN" or not _object_of(token, verbs):
            continue
        name = _capitalised_run(parsed, token.left_edge.i)
        if name is None or name.end != token.i + 1:
            continue
        span = (name.start_char, name.end_char)
        if _overlaps(span, taken + people):
            continue
        if gaz.well_known(name.text, alias_city=_BIG_CITY):
            found.append(Mention(name.text, span[0], span[1], "OBJECT"))
            taken.append(span)
    return found


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    """Whether the character span overlaps any of ``spans``."""
    return any(start < span[1] and span[0] < end for start, end in spans)


def _object_of(token: Token, verbs: frozenset[str]) -> bool:
    """Whether ``token`` heads the direct object of one of ``verbs``, or a name joined to it
    ("seized Saraqeb and Maarat al-Numan")."""
    while token.dep_ == "conj" and token.head.pos_ == "PROPN":
        token = token.head
    return token.dep_ == "dobj" and token.head.lemma_.lower() in verbs


def _town_by_own_name(text: str, gaz: Gazetteer) -> bool:
    """After "the border town of", a town of any size the gazetteer lists by this very name
    ("Karkamis", 4,951 people), or a town of some size by another of its names ("the
    rebel-held town of Khan Sheikhoun" for Khan Shaykhun): the phrase has already said it is a
    town."""
    key = normalize_name(text)
    return key not in gaz.not_places and key not in gaz.generic_words \
        and (is_town(text, gaz, own_name=True, min_population=0) or is_town(text, gaz))


def _capitalised_run(parsed: Doc, start: int) -> Span | None:
    """The run of capitalised words starting at ``start``, at most three long and ended by
    something else ("in Colchester where", "from Misrata that"). Not a determiner ("The"), an
    upper-case acronym, or an owner ("at Zara's headquarters" names a company)."""
    end = start
    while end < len(parsed) and parsed[end].text[:1].isupper() and parsed[end].is_alpha \
            and not parsed[end].is_upper:
        end += 1
    if end == start or end - start > _MAX_WORDS or parsed[start].is_stop:
        return None
    end = _hyphenated_end(parsed, end)
    if end < len(parsed) and parsed[end].text in {"'s", "\u2019s"}:
        return None
    return parsed[start:end]


def _hyphenated_end(parsed: Doc, end: int) -> int:
    """The end of a name joined by a small lower-case word between hyphens ("Rostov-on-Don",
    "Stratford-upon-Avon"), or going on with an article joined by a hyphen to the next word
    ("Bir al-Abed", "Ras al-Ain"), which the tokenizer splits: "Bir" alone is another place."""
    if end + 3 < len(parsed) and parsed[end].text == "-" and parsed[end + 2].text == "-" \
            and parsed[end + 1].is_lower and parsed[end + 1].is_alpha \
            and parsed[end + 3].text[:1].isupper() and parsed[end + 3].is_alpha:
        return end + 4
    if end + 2 < len(parsed) and parsed[end].is_lower and parsed[end].is_alpha \
            and len(parsed[end]) <= _ARTICLE_LETTERS and parsed[end + 1].text == "-" \
            and parsed[end + 2].text[:1].isupper() and parsed[end + 2].is_alpha:
        return end + 3
    return end
