"""Toponym recognition: which spans of a parsed document name places.

Several sources, merged by character span:

1. the model's entities: GPE, LOC and FAC always; NORP when it is a place adjective
   ("Iraqi", "Russian"); ORG and PERSON only when the whole span is a known country, region,
   curated site or a large city (the small English model often calls "Erbil" an ORG and "Abu
   Kamal" a PERSON);
2. places embedded at the start of an organisation's name ("Jamaica Cancer Society",
   "the Washington Post"), which geoparsing benchmarks count as toponyms;
3. the curated gazetteer matched in the text itself (sites, regions, countries), for what the
   model misses, such as "the Al-Asad base": a curated match that covers a model span
   replaces it, because the longer name is the more specific place;
4. country names, short forms ("US"), long regional names ("Hampshire") and place adjectives
   by their exact written form, and upper-case datelines ("SAN DIEGO (AP) --", also after a
   byline), which the mixed-case model misses;
5. a second pass over what the first found: the US state after "Town, " ("Slidell, La."),
   well-known places after a locative preposition ("in Colchester", :mod:`.locatives`), and
   every other writing of a name recognised as a place (:mod:`.discourse`).

A place adjective counts only where it modifies something ("British forces"): alone it names
a language or people ("in English", "many Chinese are").

"X province" is recorded as the mention "X" with a region hint, the name as gold standards
and gazetteers spell it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc, Span

from flashpoint.geo.gazetteer import (
    CITY,
    CONTINENT,
    COUNTRY,
    MIN_ALT_POPULATION,
    REGION,
    SITE,
    Gazetteer,
    normalize_name,
)
from flashpoint.nlp.doctext import text_of

__all__ = ["Mention", "facility_rows", "is_town", "recognize"]

_ALWAYS = {"GPE", "LOC", "FAC"}
_IF_KNOWN = {"ORG", "PERSON", "NORP"}
#: Labels the small model gives some transliterated town names ("near Mayadeen" as a DATE).
_MISREAD_AS_TIME = {"DATE", "TIME"}
#: Entities whose names may hold a place: "the Venice Commission" (ORG), "the Muscat
#: International Film Festival" (EVENT), "Manchester City" (a GPE the gazetteer lacks).
_EMBEDDING = {"ORG", "GPE", "EVENT", "WORK_OF_ART"}
#: Words before a lone surname that make it a person's: "President Obama", "Mr Clinton".
_TITLE_POS = {"PROPN"}
#: Prepositions of movement: "driving to Castlegar", "moved from Thornhill".
_TOWARDS = {"to", "from"}
_REGION_WORDS = {"province", "governorate", "region", "district", "state", "county", "oblast"}
_LEADING = {"the", "The"}
#: Words that open a sentence with a capital but name nothing: "The base, which hosts U.S.
#: troops" is no facility named "The" (a city has that as an alternate name).
_FUNCTION_WORDS = frozenset({"the", "this", "that", "these", "those", "its", "their", "his",
                             "her", "our", "a", "an", "another", "each", "every", "some", "one"})
#: What may follow a place adjective that modifies nothing ("in English.", "Chinese are").
_NOT_MODIFIED = {"AUX", "ADP", "DET", "PRON", "SCONJ", "PART", "ADV"}
_LISTING = {",", "and", "or", "&", "/"}
_HYPHENS = {"-", "\u2010", "\u2011", "\u2013"}
#: An upper-case place at the start of a line or of a sentence, before a comma, "(AP)" or a
#: dash: "SAN DIEGO (AP) --", "... says. BOSTON (Reuters) -", "IMMOKALEE \u2013 Congressman".
_DATELINE = re.compile(
    r"(?m)(?:^\s*|(?<=[.!?\"\u201d])\s+)([A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,3})"
    r"(?=\s*(?:,|\(|--|\u2014|\u2013|-|:))"
)
#: A dateline city this large is trusted without the model's help.
_DATELINE_CITY = 20_000
#: A city named by a span the model calls an ORG or PERSON must be at least this large.
_BIG_CITY = 100_000


@dataclass(frozen=True)
class Mention:
    """A span of the document that names a place, with where the evidence came from."""

    text: str
    start: int
    end: int
    source: str  # entity label (GPE, LOC, ...), DEMONYM, EMBEDDED, GAZETTEER, DATELINE,
    #              CAPITAL, SEAT (an institution in the capital), STATE or REPEAT
    hint: str | None = None  # "region" when followed by "province", "governorate", ...
    demonym: bool = False


def recognize(parsed: Doc, gazetteer: Gazetteer) -> list[Mention]:
    """Toponym mentions of ``parsed`` in text order, without overlaps."""
    mentions: list[Mention] = []
    for ent in parsed.ents:
        mention = _from_entity(ent, gazetteer)
        if mention is not None:
            mentions.append(mention)
        elif ent.label_ in _EMBEDDING and len(ent) > 1:
            mentions.extend(_embedded(_trim(ent), gazetteer))
    found_in_text = (_gazetteer_matches(parsed, gazetteer) + _facility_names(parsed, gazetteer)
                     + _datelines(parsed, gazetteer))
    mentions = _merge(mentions, found_in_text, parsed)
    mentions = _add_surface_forms(mentions, parsed, gazetteer)
    mentions = _add_from_discourse(mentions, parsed, gazetteer)
    text = text_of(parsed)
    mentions = [seat for m in mentions if not _names_a_flag(m, text)
                for seat in _capital(m, parsed, gazetteer)]
    return [_with_hint(m, parsed) for m in mentions if not m.demonym or _modifies(m, parsed)]


#: "the Liberian-flagged Magic Seas", "flagged in Liberia", "sailing under the flag of Panama":
#: the country a ship is registered in, not a place of the story.
_FLAG_AFTER = re.compile(r"[-\s](?:flagged|registered)\b", re.IGNORECASE)
_FLAG_BEFORE = re.compile(r"\b(?:flagged|registered|flag of)(?:\s+in)?\s+(?:the\s+)?$", re.IGNORECASE)


def _names_a_flag(mention: Mention, text: str) -> bool:
    return (_FLAG_AFTER.match(text, mention.end) is not None
            or _FLAG_BEFORE.search(text[max(0, mention.start - 30):mention.start]) is not None)


def _capital(mention: Mention, parsed: Doc, gaz: Gazetteer) -> list[Mention]:
    """"the Iraqi capital", "Yemen's capital": the country's capital city, by its name.

    An institution that sits there ("Iraq's parliament", ``seat_nouns`` in ``toponyms.yaml``)
    becomes a mention of the capital of its own, after the country's, which keeps its span:
    "the British parliament" names Britain and stands in London."""
    text = text_of(parsed)
    adjective, possessive = _seat_patterns()
    if mention.demonym:
        seat = adjective.match(text, mention.end)
        entry = gaz.demonym(mention.text) if seat is not None else None
    else:
        seat = possessive.match(text, mention.end)
        entry = next((e for e in gaz.lookup(mention.text) if e.kind == "country"), None) \
            if seat is not None else None
    if seat is None:
        return [mention]
    name = gaz.capital_of(entry.country) if entry is not None and entry.kind == "country" else None
    if name is None:
        return [mention]
    if seat.group("noun").split()[0].lower() == "capital":
        return [Mention(name, mention.start, seat.end(), "CAPITAL")]
    return [mention, Mention(name, seat.start("noun"), seat.end(), "SEAT")]


@lru_cache(maxsize=1)
def _seat_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The seat nouns after a place adjective ("the Iraqi capital") and after a country's
    possessive ("Syria's capital city"), longest first."""
    from flashpoint.geo.link import place_rules  # link imports this module's resolver

    nouns = sorted(place_rules().seat_nouns, key=len, reverse=True)
    alternatives = "|".join(re.escape(noun).replace(r"\ ", r"\s+") for noun in nouns)
    return (re.compile(rf" (?P<noun>{alternatives})\b", re.IGNORECASE),
            re.compile(rf"(?:'s|’s) (?P<noun>{alternatives})\b", re.IGNORECASE))


def _modifies(mention: Mention, parsed: Doc) -> bool:
    """Whether a place adjective modifies what follows it ("British forces", "Irish
    immigrants"): alone it names a language ("in English"), people ("many Chinese are") or a
    team ("The Irish need 85 points"), none of which is a place."""
    span = parsed.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or span.end >= len(parsed):
        return False
    follower = parsed[span.end]
    if follower.text in _LISTING and span.end + 1 < len(parsed):
        # "German, Irish and other immigrants": a list of adjectives before one noun
        return parsed[span.end + 1].pos_ in {"PROPN", "ADJ", "NOUN"}
    if follower.is_punct:
        return follower.text in _HYPHENS  # "Russian-backed", "Syrian-Turkish border"
    return follower.pos_ not in _NOT_MODIFIED


def _add_from_discourse(mentions: list[Mention], parsed: Doc, gaz: Gazetteer) -> list[Mention]:
    """The states after towns ("Allendale, N.J."), known places after a locative preposition
    ("in Colchester"), then every other writing of a name recognised as a place (see
    :mod:`flashpoint.geo.discourse` and :mod:`flashpoint.geo.locatives`)."""
    from flashpoint.geo.discourse import repeated_names, states_after_towns  # imports Mention
    from flashpoint.geo.link import place_rules
    from flashpoint.geo.locatives import after_prepositions, objects_of_place_verbs

    mentions = sorted(mentions + states_after_towns(mentions, parsed, gaz), key=lambda m: m.start)
    rules = place_rules()
    locative = after_prepositions(mentions, parsed, gaz, rules.locative, rules.settlement_nouns)
    mentions = sorted(mentions + locative, key=lambda m: m.start)
    taken = objects_of_place_verbs(mentions, parsed, gaz, rules.place_object_verbs)
    mentions = sorted(mentions + taken, key=lambda m: m.start)
    return sorted(mentions + repeated_names(mentions, parsed, gaz), key=lambda m: m.start)


def _trim(ent: Span) -> Span:
    """Drop a leading "the" and a trailing possessive: gold spans and names carry neither."""
    start, end = ent.start, ent.end
    while start < end - 1 and ent.doc[start].text in _LEADING:
        start += 1
    while end - 1 > start and ent.doc[end - 1].text in {"'s", "’s", "'"}:
        end -= 1
    return ent.doc[start:end]


def _from_entity(ent: Span, gaz: Gazetteer) -> Mention | None:
    span = _trim(ent)
    text = span.text
    if not text or not text[0].isalnum() or gaz.is_not_place(text):
        return None
    words = text.split()
    if len(words) > 1 and words[-1] == "State" and _is_us_state(" ".join(words[:-1]), gaz):
        # "Mississippi State", "Arizona State": a university named after the state
        span = span[:-1]
        text = span.text
    if ent.label_ == "GPE" and not _in_gazetteer(text, gaz):
        # Countries, states and towns are all in the gazetteer; a "GPE" that is not is
        # nearly always a person or an organisation the small model mislabelled.
        return None
    if ent.label_ == "GPE" and not gaz.rows(text) and gaz.demonym(text) is not None:
        # "an Emirati offshore field": an adjective the model took for a place says whose
        return Mention(text, span.start_char, span.end_char, "DEMONYM", demonym=True)
    if ent.label_ in _ALWAYS:
        return Mention(text, span.start_char, span.end_char, ent.label_)
    if ent.label_ in _MISREAD_AS_TIME:
        return _town_misread_as_time(span, gaz)
    if ent.label_ not in _IF_KNOWN:
        return None
    if gaz.demonym(text) is not None:
        return Mention(text, span.start_char, span.end_char, "DEMONYM", demonym=True)
    if ent.label_ != "NORP" and _is_known_place(text, gaz):
        return Mention(text, span.start_char, span.end_char, ent.label_)
    if ent.label_ != "NORP" and _after_locative(span) and is_town(text, gaz):
        # "in Absard": a town too small to trust as a bare ORG, placed by its preposition
        return Mention(text, span.start_char, span.end_char, ent.label_)
    if (ent.label_ == "PERSON" and _lone_name(span) and _placed_like_town(span)
            and is_town(text, gaz, own_name=True)):
        # "Instead of driving to Castlegar", "the Nelson office": a one-word "person" never
        # introduced by a full name, used where towns are, is a town the model took for a
        # surname
        return Mention(text, span.start_char, span.end_char, ent.label_)
    return None


def _town_misread_as_time(span: Span, gaz: Gazetteer) -> Mention | None:
    """A "date" that is a capitalised name without digits, after a preposition of place, and a
    town's name ("near Mayadeen"): the model read an unfamiliar name as a time. Months and
    weekdays are listed as not places, so "in March" stays a date."""
    words = list(span)
    if not all(t.text[:1].isupper() and not t.like_num for t in words):
        return None
    if not (_after_locative(span) and is_town(span.text, gaz)):
        return None
    return Mention(span.text, span.start_char, span.end_char, "GPE")


def _placed_like_town(span: Span) -> bool:
    """Where a town's name stands and a person's rarely does: after "to" or "from" ("driving
    to Castlegar"), after ", of" ("Miss Abdhou, of Hayes,"), or before a common noun it
    modifies ("the Nelson office", "Nelson residents")."""
    root = span.root
    if root.dep_ == "compound":
        return root.head.pos_ == "NOUN"
    if root.dep_ != "pobj":
        return False
    prep = root.head
    if prep.lower_ in _TOWARDS:
        return True
    return prep.lower_ == "of" and prep.i > 0 and prep.doc[prep.i - 1].text == ","


def _lone_name(span: Span) -> bool:
    """A one-word PERSON that no longer PERSON of the document contains and no title or
    first name precedes: news introduces people by their full name before the surname."""
    if len(span) != 1:
        return False
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].pos_ in _TITLE_POS:
        return False
    word = span.text
    return not any(e.label_ == "PERSON" and len(e) > 1 and word in {t.text for t in e}
                   for e in doc.ents)


def _after_locative(span: Span) -> bool:
    from flashpoint.geo.link import place_rules  # link imports this module's resolver

    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ in place_rules().locative


def is_town(text: str, gaz: Gazetteer, own_name: bool = False,
            min_population: int = MIN_ALT_POPULATION) -> bool:
    """A town of some size known by this name (alternate names are indexed for such towns);
    with ``own_name``, by its own name, not an alternate one."""
    key = normalize_name(text)
    return any(gaz.kinds[r] == CITY and gaz.pops[r] >= min_population
               and (not own_name or normalize_name(gaz.names[r]) == key)
               for r in gaz.rows(text))


def _is_us_state(text: str, gaz: Gazetteer) -> bool:
    return any(gaz.kinds[r] == REGION and gaz.countries[r] == "USA" for r in gaz.rows(text))


def _in_gazetteer(text: str, gaz: Gazetteer) -> bool:
    if gaz.rows(text) or gaz.demonym(text) is not None:
        return True
    words = text.split()
    if len(words) < 2:
        return False
    if words[-1] == "City":
        # "Manchester City", "Norwich City": a club or district named after a known city
        return _is_known_place(" ".join(words[:-1]), gaz)
    if words[-1].lower() not in _REGION_WORDS:
        return False
    return bool(gaz.rows(" ".join(words[:-1])))


def _is_known_place(text: str, gaz: Gazetteer, min_city: int = _BIG_CITY) -> bool:
    """A country, region, site, or a large city known by exactly this name."""
    key = normalize_name(text)
    for row in gaz.rows(text):
        kind = gaz.kinds[row]
        if kind in (COUNTRY, REGION, SITE, CONTINENT):
            return True
        if kind == CITY and gaz.pops[row] >= min_city and normalize_name(gaz.names[row]) == key:
            return True
    return False


def _embedded(span: Span, gaz: Gazetteer) -> list[Mention]:
    """Known places inside an organisation's name: "Jamaica Cancer Society", "University of
    California", "FrontCounter BC". Longest runs of 1-3 capitalised tokens first."""
    found: list[Mention] = []
    i = 0
    while i < len(span):
        for size in (3, 2, 1):
            head = span[i:i + size]
            if len(head) < size or len(head) == len(span) or head[-1].is_punct:
                continue
            if not head.text[0].isupper() or not _is_known_place(head.text, gaz):
                continue
            found.append(Mention(head.text, head.start_char, head.end_char, "EMBEDDED"))
            i += size - 1
            break
        i += 1
    return found


_SEPARATORS = r"[\s\-\u2010-\u2015]+"
#: Where an alias may begin: a character that no word character or hyphen precedes.
_WORD_START = re.compile(r"(?<![\w-])\S")


class _AliasMatcher:
    """Every curated alias matched in a text, separators flexible, case ignored, longest
    alias first: what one alternation of all of them finds with ``finditer``, found faster.

    That alternation tries each of its hundreds of aliases at every character of the text.
    An alias can only match where a word begins with its first letter, so the matcher jumps
    from word start to word start and tries there only the aliases whose first letter
    matches (in their order in the alternation, so the same alias wins). Which first
    letters match a character is asked of the regex engine itself (``re.IGNORECASE``, with
    its own case folding: "İ" matches "i"), once per character seen."""

    def __init__(self, aliases: tuple[str, ...]) -> None:
        self._parts: list[str] = []
        firsts: list[str] = []
        for alias in sorted(aliases, key=len, reverse=True):
            tokens = [t for t in re.split(_SEPARATORS, alias) if t]
            if not tokens:
                continue  # nothing to match (the one alternation would match everywhere)
            self._parts.append(_SEPARATORS.join(re.escape(t) for t in tokens))
            firsts.append(tokens[0][0])
        self._firsts = {f: re.compile(re.escape(f), re.IGNORECASE) for f in set(firsts)}
        self._first_of = firsts
        self._by_char: dict[str, re.Pattern[str] | None] = {}
        self._by_parts: dict[tuple[int, ...], re.Pattern[str]] = {}
        for first in sorted(self._firsts):  # compiled with the gazetteer, not mid-document
            for char in (first, first.lower(), first.upper()):
                if len(char) == 1:
                    self._pattern_for(char)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """Non-overlapping matches, left to right, as ``finditer`` of the alternation."""
        end = 0
        for start in _WORD_START.finditer(text):
            at = start.start()
            if at < end:
                continue
            pattern = self._pattern_for(text[at])
            match = pattern.match(text, at) if pattern is not None else None
            if match is not None:
                yield match
                end = match.end()

    def _pattern_for(self, char: str) -> re.Pattern[str] | None:
        """The alternation of the aliases that may begin with ``char``, in their order."""
        if char not in self._by_char:
            starting = {f for f, first in self._firsts.items() if first.fullmatch(char)}
            parts = tuple(i for i, f in enumerate(self._first_of) if f in starting)
            if parts and parts not in self._by_parts:
                alternation = "|".join(self._parts[i] for i in parts)
                self._by_parts[parts] = re.compile(r"(?<![\w-])(?:" + alternation
                                                   + r")(?![\w-])", re.IGNORECASE)
            self._by_char[char] = self._by_parts[parts] if parts else None
        return self._by_char[char]


@lru_cache(maxsize=2)
def _alias_matcher(gaz_id: int, aliases: tuple[str, ...]) -> _AliasMatcher:
    """The curated aliases' matcher, built once per gazetteer."""
    del gaz_id  # part of the cache key only
    return _AliasMatcher(aliases)


def _gazetteer_matches(parsed: Doc, gaz: Gazetteer) -> list[Mention]:
    aliases = tuple(sorted(gaz.curated_aliases))
    matcher = _alias_matcher(id(gaz), aliases)
    found = []
    for match in matcher.finditer(text_of(parsed)):
        text = match.group(0)
        if not (text[0].isupper() or text[0].isdigit()):
            continue
        words = text.split()
        if len(words) > 1 and words[-1].lower() in _REGION_WORDS and gaz.rows(" ".join(words[:-1])):
            # "Anbar province": the name is "Anbar"; the word after it is a hint
            name = text[: text.rstrip().rfind(" ")].rstrip()
            found.append(Mention(name, match.start(), match.start() + len(name), "GAZETTEER",
                                 hint="region"))
        else:
            found.append(Mention(text, match.start(), match.end(), "GAZETTEER"))
    return found


@lru_cache(maxsize=1)
def _facility_pattern() -> tuple[re.Pattern[str], tuple[str, ...]]:
    """A capitalised name of one to three words followed by a facility word ("the Qayyarah
    airfield", "the Al-Qaim base", "the K-1 military base")."""
    from flashpoint.geo.link import place_rules  # link imports this module's resolver

    words = tuple(sorted(place_rules().facility_words, key=len, reverse=True))
    suffix = "|".join(r"[\s\-]+".join(re.escape(p) for p in w.split()) for w in words)
    name = r"(?:[Aa]l[\s\-])?[A-Z][\w'\u2019]*(?:[\s\-][A-Z0-9][\w'\u2019]*){0,2}"
    return re.compile(rf"(?<![\w-])({name})[\s\-]+(?:{suffix})(?![\w-])"), words


def facility_rows(text: str, gaz: Gazetteer) -> tuple[int, ...]:
    """Rows a facility name points to: a curated site under any of its facility words ("the
    Qayyarah airfield" is the site listed as "Qayyarah air base"), else the town it is named
    after ("the Al-Qaim base" lies at Al-Qaim). Empty when the text is no facility name."""
    pattern, words = _facility_pattern()
    match = pattern.fullmatch(text)
    if match is None:
        return ()
    name = match.group(1)
    sites = tuple(dict.fromkeys(r for w in words for r in gaz.rows(f"{name} {w}")
                                if gaz.kinds[r] == SITE))
    if sites:
        return sites
    if gaz.demonym(name) is not None:
        return ()
    key = normalize_name(name)
    return tuple(r for r in gaz.rows(name) if gaz.kinds[r] == CITY
                 and (gaz.pops[r] >= MIN_ALT_POPULATION or normalize_name(gaz.names[r]) == key))


def _facility_names(parsed: Doc, gaz: Gazetteer) -> list[Mention]:
    pattern, _ = _facility_pattern()
    found = []
    for match in pattern.finditer(text_of(parsed)):
        start = _facility_start(match, gaz)
        if start is not None:
            found.append(Mention(match.string[start:match.end()], start, match.end(), "GAZETTEER",
                                 hint="facility"))
    return found


def _facility_start(match: re.Match[str], gaz: Gazetteer) -> int | None:
    """Where the facility name of ``match`` begins: the whole capitalised run if it names one,
    else the longest tail of it that does ("Saudi Arabia's Shaybah oil field" is the Shaybah
    oil field, owned by the country named before it)."""
    offsets = [0] + [gap.end() for gap in re.finditer(r"[\s\-]+", match.group(1))]
    for offset in offsets:
        begin = match.start(1) + offset
        first = match.string[begin:match.end(1)].split()[0].split("-")[0]
        if first.lower() in _FUNCTION_WORDS:
            continue
        if facility_rows(match.string[begin:match.end()], gaz):
            return begin
    return None


def _datelines(parsed: Doc, gaz: Gazetteer) -> list[Mention]:
    """Upper-case datelines ("SAN DIEGO (AP) --", "TORONTO, Ont. --") that the model, trained
    on mixed case, leaves unlabelled: the place where the story was filed."""
    found = []
    for match in _DATELINE.finditer(text_of(parsed)):
        name = match.group(1).strip()
        if _is_known_place(name.title(), gaz, min_city=_DATELINE_CITY):
            start = match.start(1)
            found.append(Mention(name, start, start + len(name), "DATELINE"))
    return found


def _merge(model: list[Mention], curated: list[Mention], parsed: Doc) -> list[Mention]:
    """Model spans, except where a curated match covers them; curated matches fill gaps.

    A curated match strictly inside a longer entity of the model ("Central District" in
    "Seoul Central District Court") is part of another name and is dropped."""
    ents = [(e.start_char, e.end_char) for e in parsed.ents]
    curated = [c for c in curated
               if not any(s <= c.start and c.end <= e and (e - s) > (c.end - c.start)
                          for s, e in ents)]
    kept: list[Mention] = []
    for mention in model:
        covering = [c for c in curated if c.start <= mention.start and mention.end <= c.end
                    and (c.end - c.start) > (mention.end - mention.start)]
        if not covering:
            kept.append(mention)
    for cur in curated:
        if not any(m.start < cur.end and cur.start < m.end for m in kept):
            kept.append(cur)
    kept.sort(key=lambda m: m.start)
    return kept


def _add_surface_forms(mentions: list[Mention], parsed: Doc, gaz: Gazetteer) -> list[Mention]:
    """Country names, their short forms and place adjectives the model left unlabelled or
    buried in a longer name ("Russian" in "the Russian Foreign Ministry"), matched by their
    exact written form so that "US" is found and "us" is not."""
    forms = gaz.surface_forms()
    taken = [(m.start, m.end) for m in mentions]
    people = [(e.start_char, e.end_char) for e in parsed.ents if e.label_ == "PERSON"]
    # a span's text is the document's text from its first token's start to its last token's
    # end: slicing it is what ``parsed[i:j].text`` gives, without a Span per try
    text = text_of(parsed)
    bounds = parsed.to_array([IDX, LENGTH]).tolist() if len(parsed) else []
    starts = [start for start, _ in bounds]
    ends = [start + length for start, length in bounds]
    count = len(starts)
    added: list[Mention] = []
    i = 0
    while i < count:
        if not text[starts[i]:starts[i] + 1].isupper():
            i += 1
            continue
        for size in (4, 3, 2, 1):
            if i + size > count:
                continue
            start, end = starts[i], ends[i + size - 1]
            written = text[start:end]
            if written not in forms:
                continue
            if any(s < end and start < e for s, e in taken + people):
                break
            added.append(Mention(written, start, end, "GAZETTEER", demonym=forms[written]))
            i += size - 1
            break
        i += 1
    return sorted(mentions + added, key=lambda m: m.start)


def _with_hint(mention: Mention, parsed: Doc) -> Mention:
    span = parsed.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or span.end >= len(parsed):
        return mention
    follower = parsed[span.end]
    if follower.lower_ in _REGION_WORDS:
        if follower.lower_ == "state" and follower.text[0].isupper():
            return mention  # "Mississippi State" is a university, not a hint
        return Mention(mention.text, mention.start, mention.end, mention.source, "region",
                       mention.demonym)
    return mention
