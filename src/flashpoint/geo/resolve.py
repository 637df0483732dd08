"""Toponym resolution: choosing one gazetteer entry for each recognised mention.

A name such as "Paris" or "Washington" has dozens of entries; news leaves the choice to the
reader's sense of context. We score each candidate with:

* a prior: countries and curated sites/regions above cities, cities by log population, the
  entry's own name above an alternate name;
* the document's geography: countries named in the document, and the countries of its
  unambiguous places (a second pass uses the first pass's choices);
* local patterns: "X, Y" and "X in Y" where Y contains X (a state, region or country),
  "X province" for regions over the city of the same name;
* damping: a town far smaller than its largest namesake gets only part of the context bonus
  ("London" in a US story is still London); a US state named among other states beats a
  country of the same name ("Georgia"); an upper-case dateline ("WASHINGTON (AP)") is a city.

"near X" keeps X's point but flags the place as approximate (``near=True``). A small town in a
country the rest of the document never names, or in a US state it never names while it names
others (:func:`flashpoint.geo.infer.stray_towns`: "Franklin", Indiana, in a New Orleans story),
is taken for a namesake of something the gazetteer lacks. Such a mention, and one the
gazetteer cannot resolve, is placed by :mod:`flashpoint.geo.infer` (a town named inside it, else
the nearest place of the text) and flagged ``inferred=True``.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Iterable

from spacy.tokens import Doc

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
from flashpoint.geo.infer import guess, stray_towns
from flashpoint.geo.recognize import Mention, facility_rows, recognize
from flashpoint.nlp.doctext import text_of
from flashpoint.records import Document, Location, great_circle_km

__all__ = ["Place", "resolve", "find_places", "PRECISION_RANK"]

#: The spec's precision for each gazetteer kind (a continent or macro-region is coarser than
#: any spec value; it is reported as "region" with no country).
_PRECISION = {SITE: "site", CITY: "city", REGION: "region", COUNTRY: "country", CONTINENT: "region"}
#: Lower is more specific.
PRECISION_RANK = {"site": 0, "city": 1, "region": 2, "country": 3}
#: Priors on the scale of log10(population): a country or a curated site beats any namesake
#: town, a region loses to a city of a million people of the same name (Erbil, Basra).
_KIND_PRIOR = {SITE: 10.0, COUNTRY: 9.0, REGION: 6.0, CONTINENT: 8.5}
_STATE_PRIOR = 5.5  # a US state: "New York" and "Washington" are cities first
#: A town smaller than this, in a country the rest of the document never names, is dropped.
_STRAY_POP = 50_000
_ACRONYM = re.compile(r"^[A-Z]{2,3}$")
#: Evidence for other countries this heavy makes a town of an unnamed country a stray.
_FOREIGN_EVIDENCE = 3.0
#: A town this close to the centre of a country the document names is not on the wrong continent:
#: Masyaf in a report that names Lebanon and Israel, but not Syria.
_NEIGHBOUR_KM = 400.0
#: A city this large is good evidence of the document's country, and beats its namesake region.
_BIG_CITY = 100_000
#: Words after a name that the gazetteer may index without. "County" is not among them: the
#: gazetteer has no counties, and "Morris County" is not the town of Morris.
_SUFFIX = re.compile(r"\s+(province|governorate|region|district|state|city|oblast|prefecture)$",
                     re.I)
#: A direction word before a country or region: "southern Lebanon", "in north-eastern Syria".
_DIRECTION_WORD = (r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)ern"
                   r"|central")
#: What joins a place to the one that contains it: "X, Y", "X in Y", "X in the Y region" (an
#: article only after a word: "X, the Y" is an apposition).
_PARENT_GLUE = re.compile(r"^\s*(,|(?:in|of|near|outside)(?=\s|$))(?:(?<=[a-z])\s+the(?=\s))?\s*(?:(?:"
                          + _DIRECTION_WORD + r")\s+)?$", re.I)
_DIRECTION = re.compile(r"\b(" + _DIRECTION_WORD + r")\s+(?:the\s+)?$", re.I)
_NEAR = re.compile(r"\b(near|outside|close to|on the outskirts of|north of|south of|east of|"
                   r"west of|northeast of|northwest of|southeast of|southwest of)\s+(the\s+)?$",
                   re.I)


_SENTENCE_END = re.compile(r"[.!?\"\u201d]\s*$")
_DATELINE_TAIL = re.compile(r"\s*(?:\(|,|--|\u2014|\u2013|-)")


@dataclass(frozen=True)
class Place:
    """A resolved toponym: where the text points, and which words point there."""

    name: str
    country: str | None  # ISO3
    lat: float
    lon: float
    precision: str  # site | city | region | country
    gazetteer_id: str
    text: str
    start: int
    end: int
    kind: str = "city"  # gazetteer kind: site | region | country | city | continent
    near: bool = False
    demonym: bool = False  # named by an adjective ("Iraqi"): says whose, rarely where
    score: float = 0.0
    inferred: bool = False  # the name is not in the gazetteer: placed by a guess (geo.infer)

    def to_location(self) -> Location:
        """The spec's location object."""
        return Location(self.name, self.country, round(self.lat, 5), round(self.lon, 5),
                        self.precision)


def find_places(document: Document | str, parsed: Doc, gazetteer: Gazetteer) -> list[Place]:
    """Every resolvable toponym of a parsed document, in text order.

    ``document`` is taken for symmetry with ``Coder.code``; offsets are into ``parsed.text``,
    which is the document's cleaned text. The result is kept on the parsed document, so the
    stages that read places (placing events, the report's home country) find them once."""
    key = f"flashpoint.places.{id(gazetteer)}"
    if key not in parsed.user_data:
        parsed.user_data[key] = resolve(recognize(parsed, gazetteer), text_of(parsed), gazetteer)
    return list(parsed.user_data[key])


def resolve(mentions: list[Mention], text: str, gazetteer: Gazetteer,
            infer: bool = True) -> list[Place]:
    """Resolve mentions jointly: a first pass on priors, a second with document context.

    With ``infer``, mentions the gazetteer cannot place are placed by a guess (``inferred``)."""
    candidates = [_candidates(m, gazetteer) for m in mentions]
    parents = _parents(mentions, text)
    for child, parent in parents.items():
        state = _postal_state(mentions[parent], text[mentions[child].end:mentions[parent].start],
                              gazetteer)
        if state is not None:
            candidates[parent] = (state,)
    first = [_best(m, c, gazetteer, _Evidence()) for m, c in zip(mentions, candidates)]
    by_name = _context(mentions, first, candidates, gazetteer)
    children = {parent: child for child, parent in parents.items()}
    resolved: list[tuple[Place, int]] = []
    resolved_mentions: list[Mention] = []
    unresolved: list[Mention] = []
    others: dict[str, tuple[Counter, Counter, Counter]] = {}
    for i, (mention, cands) in enumerate(zip(mentions, candidates)):
        evidence = _evidence(i, mentions, candidates, first, by_name, parents, children, text,
                             others)
        chosen = _best(mention, cands, gazetteer, evidence)
        if chosen is None or _stray(chosen[0], evidence, gazetteer, normalize_name(mention.text)):
            unresolved.append(mention)
            continue
        resolved.append((_place(mention, chosen[0], chosen[1], text, gazetteer), chosen[0]))
        resolved_mentions.append(mention)
    strays = stray_towns(resolved, gazetteer, abroad=False)  # abroad: _stray's business
    if strays:
        unresolved += [m for m, (_, row) in zip(resolved_mentions, resolved) if row in strays]
        resolved = [(place, row) for place, row in resolved if row not in strays]
    places = [place for place, _ in resolved]
    if infer and unresolved:
        everything = _Evidence(countries=_fold(c for c, _, _ in by_name.values()),
                               states=_fold(s for _, s, _ in by_name.values()))
        guesses = [_guess(m, resolved, text, gazetteer, everything) for m in unresolved]
        places = sorted(places + [g for g in guesses if g is not None], key=lambda p: p.start)
    return places


def _guess(mention: Mention, resolved: list[tuple[Place, int]], text: str, gaz: Gazetteer,
           evidence: _Evidence) -> Place | None:
    """A place, marked ``inferred``, for a name the gazetteer lacks (:func:`infer.guess`)."""
    named = frozenset(normalize_name(place.text) for place, _ in resolved)
    found = guess(mention, resolved, gaz, evidence.states,
                  lambda inner: _inner_choice(inner, gaz, evidence), named, text)
    if found is None:
        return None
    if isinstance(found, Place):
        return replace(found, text=mention.text, start=mention.start, end=mention.end,
                       near=False, demonym=mention.demonym, score=0.0, inferred=True)
    return replace(_place(mention, found[0], found[1], text, gaz), inferred=True)


def _inner_choice(inner: Mention, gaz: Gazetteer, evidence: _Evidence) -> tuple[int, float] | None:
    """The place a name inside a longer name points to, unless it is a town of a country the
    document never names while it names others at length: "Liverpool Academy" in a story
    about Egypt is a brand, not a place in England."""
    chosen = _best(inner, _candidates(inner, gaz), gaz, evidence)
    if chosen is None or gaz.kinds[chosen[0]] != CITY:
        return chosen
    total = sum(evidence.countries.values())
    if total >= _FOREIGN_EVIDENCE and not evidence.countries.get(gaz.countries[chosen[0]]):
        return None
    return chosen


def _candidates(mention: Mention, gaz: Gazetteer) -> tuple[int, ...]:
    if mention.demonym:
        entry = gaz.demonym(mention.text)
        return (entry.row,) if entry is not None else ()
    text = mention.text
    if mention.source == "STATE" and text in gaz.state_forms:
        return (gaz.state_forms[text],)
    if mention.hint == "facility":
        return facility_rows(text, gaz)
    if mention.hint == "region":
        # "the Kurdistan region" names the Kurdistan Region, not Iran's Kurdistan Province
        regional = tuple(dict.fromkeys(r for word in ("province", "region") for r in
                                       gaz.rows(f"{text} {word}") if gaz.kinds[r] == REGION))
        regional += tuple(r for r in gaz.rows(text) if gaz.kinds[r] == REGION and r not in regional)
        if regional:
            return regional
    rows = _plausible(text, gaz.rows(text), gaz)
    if not rows:
        stripped = _SUFFIX.sub("", text)
        if stripped != text:
            rows = _plausible(stripped, gaz.rows(stripped), gaz)
    if not rows and "." in text and text in gaz.state_forms:
        rows = (gaz.state_forms[text],)  # "N.J.": the dotted form cannot mean anything else
    if not rows and "," in text:
        rows = _comma_rows(text, gaz)
    return rows


def _comma_rows(text: str, gaz: Gazetteer) -> tuple[int, ...]:
    """Candidates for one span that holds "X, Y" ("Washington, D.C.", "Paris, France"):
    the name without its comma if the gazetteer has it so, else the places called X that
    lie in a place called Y; an X that lies in no Y keeps all its candidates."""
    joined = _plausible(text, gaz.rows(text.replace(",", "")), gaz)
    if joined:
        return joined
    head, _, tail = text.partition(",")
    head, tail = head.strip(), tail.strip()
    rows = _plausible(head, gaz.rows(head), gaz)
    outer = gaz.rows(tail) + ((gaz.state_forms[tail],) if tail in gaz.state_forms else ())
    inside = tuple(r for r in rows if any(gaz.contains(o, r) for o in outer))
    return inside or rows


def _postal_state(mention: Mention, glue: str, gaz: Gazetteer) -> int | None:
    """The US state of a postal code or AP abbreviation after a comma ("Seattle, WA",
    "Slidell, La."); alone, "WA", "IN" or "La." mean other things, so the form is read as a
    state only in that position."""
    if glue.strip() != ",":
        return None
    return gaz.state_forms.get(mention.text)


def _plausible(text: str, rows: tuple[int, ...], gaz: Gazetteer) -> tuple[int, ...]:
    """Drop hamlets reached only through an alternate name: GeoNames lists odd variants for
    small places ("West Coast" for a village) that would otherwise catch common phrases.
    A name of two or three capitals is an acronym: of the towns, it keeps those it abbreviates."""
    key = normalize_name(text)
    if _ACRONYM.match(text):
        # "CHU", "ANC": an acronym, not a town called Chu; a city is abbreviated by its
        # initials ("LA", "NYC", "KL").
        return tuple(r for r in rows if gaz.kinds[r] != CITY
                     or "".join(w[0] for w in gaz.names[r].split()).upper() == text)
    return tuple(r for r in rows if gaz.kinds[r] != CITY or gaz.pops[r] >= MIN_ALT_POPULATION
                 or normalize_name(gaz.names[r]) == key)


def _parents(mentions: list[Mention], text: str) -> dict[int, int]:
    """Mention index -> index of the mention that contains it by "X, Y" or "X in Y"."""
    parents: dict[int, int] = {}
    for i in range(len(mentions) - 1):
        glue = text[mentions[i].end:mentions[i + 1].start]
        if len(glue) <= 24 and _PARENT_GLUE.match(glue) and not _controlled_by(mentions[i + 1], text):
            parents[i] = i + 1
    return parents


def _controlled_by(mention: Mention, text: str) -> bool:
    """A demonym that opens a compound ("in the Israeli-controlled Golan Heights", "in
    Kurdish-held Qamishli") names who holds the place, not the country it lies in."""
    return mention.demonym and text[mention.end:mention.end + 1] == "-"


def _prior(row: int, key: str, gaz: Gazetteer) -> float:
    kind = gaz.kinds[row]
    if kind == CITY:
        score = math.log10(gaz.pops[row] + 10)
    elif kind == REGION and isinstance(gaz.gids[row], int):
        score = _STATE_PRIOR
    else:
        score = _KIND_PRIOR[kind]
    if normalize_name(gaz.names[row]) == key:
        score += 1.5  # the entry's own name, not one of its alternate names
    return score


def _weight(row: int, cands: tuple[int, ...], gaz: Gazetteer) -> float:
    """How much a first-pass choice says about the document's countries.

    Countries, demonyms, curated sites and regions are near certain; a large city whose name
    belongs to one country is good evidence; any other town is weak evidence (it may be a
    namesake chosen for lack of context)."""
    kind = gaz.kinds[row]
    if kind in (COUNTRY, SITE, REGION):
        return 1.0
    if kind == CITY and gaz.pops[row] >= _BIG_CITY:
        countries = {gaz.countries[r] for r in cands}
        return 1.0 if len(countries) == 1 else 0.5
    return 0.2


@dataclass(frozen=True)
class _Evidence:
    """What the rest of the document says about one mention."""

    countries: Counter = field(default_factory=Counter)  # ISO3 -> weight
    states: Counter = field(default_factory=Counter)  # (ISO3, admin1 code) -> weight
    units: Counter = field(default_factory=Counter)  # (ISO3, admin1) named as a state itself
    parent_cands: tuple[int, ...] | None = None  # "X, Y" / "X in Y": Y's candidates
    parent_choice: int | None = None  # Y's first-pass choice
    parent_in: bool = False  # "X in Y" rather than "X, Y" (which may be a list: "Saipan, Guam")
    child_cands: tuple[int, ...] | None = None  # X's candidates, when this mention is Y
    dateline: bool = False  # the mention opens a dateline ("WASHINGTON (AP) --")


def _is_dateline(mention: Mention, text: str) -> bool:
    """An upper-case name opening a line or sentence before "(AP)", a comma or a dash."""
    if not mention.text.isupper() or len(mention.text) < 4:
        return False
    before = text[max(0, mention.start - 3):mention.start]
    if before.strip() and not _SENTENCE_END.search(before):
        return False
    return bool(_DATELINE_TAIL.match(text, mention.end))


def _evidence(i: int, mentions: list[Mention], candidates: list[tuple[int, ...]],
              first: list[tuple[int, float] | None],
              by_name: dict[str, tuple[Counter, Counter, Counter]],
              parents: dict[int, int], children: dict[int, int], text: str,
              others: dict[str, tuple[Counter, Counter, Counter]]) -> _Evidence:
    """The evidence for mention ``i``: every other name's countries and states, and the
    mentions it is paired with by "X, Y".

    ``others`` caches, per normalised name, the totals of every other name (the same for
    each mention of the name), so that a document with many place names costs one sum per
    name rather than one per mention; the totals are read, never changed."""
    key = normalize_name(mentions[i].text)
    if key not in others:
        rest = [pair for k, pair in by_name.items() if k != key]
        others[key] = (_fold(c for c, _, _ in rest), _fold(s for _, s, _ in rest),
                       _fold(u for _, _, u in rest))
    countries, states, units = others[key]
    parent = parents.get(i)
    child = children.get(i)
    return _Evidence(
        countries=countries,
        states=states,
        units=units,
        parent_cands=candidates[parent] if parent is not None else None,
        parent_choice=first[parent][0] if parent is not None and first[parent] else None,
        parent_in=parent is not None and _glue_word(text, mentions[i], mentions[parent]) == "in",
        child_cands=candidates[child] if child is not None else None,
        dateline=_is_dateline(mentions[i], text),
    )


def _glue_word(text: str, child: Mention, parent: Mention) -> str:
    """The word that puts ``child`` in ``parent`` (",", "in", "of", ...), as :func:`_parents`
    matched it."""
    found = _PARENT_GLUE.match(text[child.end:parent.start])
    return found.group(1).lower() if found else ""


def _fold(counters: Iterable[Counter]) -> Counter:
    """The counters added up in order, in place: what ``sum(counters, Counter())`` gives
    (same keys in the same order, the same float additions in the same order, so the same
    scores to the last bit) without copying the running total at every step. Equal only
    because every weight is positive (``Counter.__add__`` drops counts that are not)."""
    total: Counter = Counter()
    for counter in counters:
        for key, value in counter.items():
            total[key] += value
    return total


def _context(mentions: list[Mention], first: list[tuple[int, float] | None],
             candidates: list[tuple[int, ...]], gaz: Gazetteer
             ) -> dict[str, tuple[Counter, Counter, Counter]]:
    """Country and state evidence per normalised name, so that a name is never its own
    context (three mentions of "Kent" must not vote Kent, Ohio into the document).

    States (first-level units, by their GeoNames admin1 code) matter inside a large country:
    "Riverdale" in a story that names Paterson and "N.J." is the New Jersey borough."""
    by_name: dict[str, tuple[Counter, Counter, Counter]] = {}
    for mention, chosen, cands in zip(mentions, first, candidates):
        if chosen is None or mention.source == "SEAT":
            continue  # "the British parliament": London adds nothing that "British" did not
        row = chosen[0]
        country = gaz.countries[row]
        if country and country != "UNK":  # a sea that points to no coast is no evidence
            countries, states, units = by_name.setdefault(normalize_name(mention.text),
                                                          (Counter(), Counter(), Counter()))
            weight = _weight(row, cands, gaz)
            countries[country] += weight
            if gaz.admin1[row] and gaz.kinds[row] in (CITY, REGION, SITE):
                states[(country, gaz.admin1[row])] += weight
                if gaz.kinds[row] == REGION:
                    units[(country, gaz.admin1[row])] += weight
    return by_name


def _best(mention: Mention, cands: tuple[int, ...], gaz: Gazetteer, evidence: _Evidence
          ) -> tuple[int, float] | None:
    if not cands:
        return None
    dateline = evidence.dateline or mention.source == "DATELINE"
    key = normalize_name(mention.text)
    largest = _largest_namesake(cands, key, gaz)
    best: tuple[int, float] | None = None
    for row in cands:
        score = (_prior(row, key, gaz)
                 + _context_bonus(row, evidence, gaz) * _namesake_damping(row, largest, gaz)
                 + _sibling_bonus(row, evidence, gaz))
        if gaz.kinds[row] == REGION:
            if mention.hint == "region":
                score += 3.0
            elif any(gaz.kinds[c] == CITY and gaz.pops[c] >= _BIG_CITY and gaz.contains(row, c)
                     for c in cands):
                score -= 3.0  # "Basra" without "province": the city, capital of its namesake
        score += _pair_bonus(row, evidence, gaz)
        if dateline and gaz.kinds[row] == CITY:
            score += 2.0  # "WASHINGTON (AP) --": a story is filed from a city
        if best is None or score > best[1]:
            best = (row, score)
    return best


def _largest_namesake(cands: tuple[int, ...], key: str, gaz: Gazetteer) -> int:
    """The population of the largest town that bears the name as its own.

    A city that has the name only as an alternate one (Columbus, Ohio, listed under
    "Franklin" for its county) is no famous namesake that readers think of first, so it must
    not damp the context of the towns actually called so. Falls back to every candidate when
    none bears the name as its own."""
    towns = [r for r in cands if gaz.kinds[r] == CITY]
    own = [r for r in towns if normalize_name(gaz.names[r]) == key]
    return max((gaz.pops[r] for r in own or towns), default=0)


def _context_bonus(row: int, evidence: _Evidence, gaz: Gazetteer) -> float:
    """Up to 3 for a candidate in the document's country, and up to 2 more in its state."""
    country = gaz.countries[row]
    bonus = 0.0
    weight = evidence.countries.get(country, 0.0) if country else 0.0
    if weight:
        bonus += 2.0 * weight / sum(evidence.countries.values()) + 0.5 * min(weight, 2.0)
    state = evidence.states.get((country, gaz.admin1[row]), 0.0) if gaz.admin1[row] else 0.0
    if state and gaz.kinds[row] == CITY:
        bonus += 1.0 + 0.5 * min(state, 2.0)
    return bonus


def _namesake_damping(row: int, largest: int, gaz: Gazetteer) -> float:
    """How much of the document's context a town may use against a far larger namesake.

    Readers take "London" or "Louisville" for the famous city even in a story full of other
    places of Ohio or Mississippi; only an explicit pairing ("London, Ky.", scored apart) or a
    namesake of comparable size makes them think of the small town. From 1 for a town at
    least a tenth of the largest namesake's size down to 0.25 for one a ten-thousandth."""
    if gaz.kinds[row] != CITY or largest <= 0:
        return 1.0
    gap = math.log10(largest / max(gaz.pops[row], 1))
    return max(0.25, min(1.0, 1.0 - 0.25 * (gap - 1.0)))


def _sibling_bonus(row: int, evidence: _Evidence, gaz: Gazetteer) -> float:
    """A first-level unit named among other units of its country ("Alaska, Hawaii, Florida
    and Georgia"): a document that moves between a country's states speaks at that level,
    so "Georgia" there is the state, not the country. Up to 2 for four other states."""
    if gaz.kinds[row] != REGION or not gaz.admin1[row]:
        return 0.0
    country, own = gaz.countries[row], gaz.admin1[row]
    others = {code for (iso3, code) in evidence.units if iso3 == country and code != own}
    return 0.5 * min(len(others), 4)


def _pair_bonus(row: int, evidence: _Evidence, gaz: Gazetteer) -> float:
    """"X, Y": X lies in Y, and Y is what contains X ("Tacoma, Washington" is the state)."""
    bonus = 0.0
    if evidence.parent_cands:
        if evidence.parent_choice is not None and gaz.contains(evidence.parent_choice, row):
            bonus += 6.0
        elif any(gaz.contains(p, row) for p in evidence.parent_cands):
            bonus += 3.0
    if evidence.child_cands and any(gaz.contains(row, c) for c in evidence.child_cands):
        bonus += 3.0
    return bonus


def _stray(row: int, evidence: _Evidence, gaz: Gazetteer, key: str) -> bool:
    """A town in a country the rest of the document never mentions, far from the countries
    it does, or outside the region the text puts it in.

    Usually the name of something the gazetteer lacks ("Heathrow" the airport, not the Florida
    town); no place is better than a place on the wrong continent. So is a big city reached only
    by another language's name (``key``, the mention's normalised text, is no prefix of its own:
    "the Avana fields" near Kirkuk are no Havana; "New York" for New York City is its own name
    shortened). A town next door to the story's countries is kept: reports name Masyaf without
    naming Syria. "The town of Arman
    in Sweida province" is in Syria, whatever towns of that name Russia has."""
    if gaz.kinds[row] != CITY:
        return False
    if evidence.parent_cands:
        return _outside_parent(row, evidence, gaz)
    if gaz.pops[row] >= _BIG_CITY and normalize_name(gaz.names[row]).startswith(key):
        return False
    context = evidence.countries
    total = sum(context.values())
    share = context.get(gaz.countries[row], 0.0) / total if total else 1.0
    if gaz.pops[row] >= _STRAY_POP:
        foreign = total >= _FOREIGN_EVIDENCE and share == 0.0
    else:
        foreign = total >= 2 and share < 0.2
    return foreign and not _near_a_named_country(row, context, gaz)


def _outside_parent(row: int, evidence: _Evidence, gaz: Gazetteer) -> bool:
    """A small town the text puts in a region or country ("X in Y province") that lies in
    another country than every reading of that region or country."""
    parent = evidence.parent_choice
    if parent is None or not evidence.parent_in or gaz.kinds[parent] not in (REGION, COUNTRY) \
            or gaz.pops[row] >= _BIG_CITY:
        return False
    rows = evidence.parent_cands or ()
    if any(gaz.contains(p, row) for p in rows):
        return False
    return all(gaz.countries[p] != gaz.countries[row] for p in rows)


def _near_a_named_country(row: int, context: Counter, gaz: Gazetteer) -> bool:
    """Whether the town lies within ``_NEIGHBOUR_KM`` of the centre of a country the document
    names."""
    for iso3, weight in context.items():
        country = gaz.country(iso3) if weight > 0 else None
        if country is not None and great_circle_km(gaz.lats[row], gaz.lons[row],
                                                   country.lat, country.lon) <= _NEIGHBOUR_KM:
            return True
    return False


def _place(mention: Mention, row: int, score: float, text: str, gaz: Gazetteer) -> Place:
    kind = gaz.kinds[row]
    entry = gaz.entry(row)
    before = text[max(0, mention.start - 40):mention.start]
    place = Place(
        name=entry.name,
        country=entry.country,
        lat=entry.lat,
        lon=entry.lon,
        precision=_PRECISION[kind],
        gazetteer_id=entry.gid,
        text=mention.text,
        start=mention.start,
        end=mention.end,
        kind=entry.kind,
        near=bool(_NEAR.search(before)),
        demonym=mention.demonym,
        score=round(score, 3),
    )
    if kind == COUNTRY and not mention.demonym:
        return _part_of(place, before, gaz)
    return _named_part(place, mention, before, gaz)


def _named_part(place: Place, mention: Mention, before: str, gaz: Gazetteer) -> Place:
    """"the southern Red Sea": a part of a sea or region that the gazetteer lists by the
    direction word and the name together (``toponyms.yaml`` aliases), its point rather than
    the whole one's middle."""
    found = _DIRECTION.search(before)
    if found is None:
        return place
    part = next(iter(gaz.lookup(f"{found.group(1)} {mention.text}")), None)
    if part is None or part.gid == place.gazetteer_id:
        return place
    return replace(place, name=f"{found.group(1).lower()} {place.name}", country=part.country,
                   lat=part.lat, lon=part.lon, gazetteer_id=part.gid)


def _part_of(place: Place, before: str, gaz: Gazetteer) -> Place:
    """ "southern Lebanon", "north-eastern Syria": the part of the country that the direction
    word before it names, where ``toponyms.yaml`` (``country_parts``) says that part is.

    The centre of a country is often far from where its "north" fighting is (northern Israel
    is 170 km from Israel's centroid); the Galilee is where a map reader looks. A part the data
    file does not list keeps the whole country."""
    found = _DIRECTION.search(before)
    if found is None or place.country is None:
        return place
    word = found.group(1).lower().replace("-", "")
    point = gaz.country_parts.get((place.country, word))
    if point is None:
        return place
    return replace(place, name=f"{word} {place.name}", lat=point[0], lon=point[1],
                   precision="region", kind="region", gazetteer_id=f"{place.gazetteer_id}#{word}")
