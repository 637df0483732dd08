"""Turning an argument phrase into an :class:`~flashpoint.records.Actor`.

The knowledge base lives in ``flashpoint/data/actors/``: every country (names, demonyms, the
capitals news uses for governments), organisations (institutions, armed forces, non-state groups
with the country they operate in and their sponsor, IGOs, NGOs, media, firms), people with
date-bounded roles, and the sector words. ``organisations.yaml`` and ``people.yaml`` are kept by
hand for the theatres flashpoint watches; ``organisations_world.yaml`` and ``people_world.yaml``
extend them to the rest of the world (governments since 1975, armed forces, armed groups, IGOs),
merged in after them. Facilities come from ``sites.yaml`` (who hosts whom).

Resolution works at two levels:

* text (:meth:`ActorDictionary.resolve`): the *longest* alias inside the phrase wins, so "Iran's
  Islamic Revolutionary Guards Corps" is the IRGC rather than Iran; an alias followed by
  "-backed" / "-aligned" is a sponsor, not the actor ("Iran-backed militias" are not Iranian);
  a person is placed by the role held at the event's date ("President Biden" in 2021 is the U.S.
  government, "Trump" in 2022 a private American); a phrase naming only a country takes its
  sector from its own words ("U.S. forces" -> military, "Tehran" -> government);
* parse (:meth:`ActorDictionary.resolve_span`): what the words around the phrase say about it —
  the user of a facility ("sites used by Kata'ib Hezbollah"), the forces a base hosts at the date
  (``sites.yaml``), the country of a place left or of a city struck, whose "its military" is, an
  apposition ("Yehia Rasool, Iraq's military spokesman"), an ``of``/``for`` phrase ("a spokesman
  for the Iraqi government"), a self-given name ("a group calling itself ..."), for generic
  mentions ("the group", "the militants", "the base", "the commander") the group, site or phrase
  named before them, a bare title in a national body's statement ("the President") as that
  body's own, and unnamed armed groups placed where the text puts them ("Iran-backed militias
  in Syria").

An attack whose doer the text does not name gets UNK, or the country of the armed groups the
report names (the guidelines' "UNK plus the suspected country"). Phrases naming no known actor
keep their text, with country ``UNK``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Sequence

import yaml
from spacy.tokens import Doc, Span, Token

from flashpoint.errors import ModelError
from flashpoint.events.arguments import (LOYALTY, PLACE_LEFT, UNKNOWN_ATTACKER, UNKNOWN_DOER, allegiance_masters,
                                         pobj, reduced_relative_subject)
from flashpoint.nlp.doctext import text_of
from flashpoint.records import Actor

__all__ = [
    "ActorEntry",
    "ActorDictionary",
    "AliasMatch",
    "PartyWords",
    "PlaceWords",
    "Role",
    "load_actors",
    "normalise_quotes",
]

# Adjectives that say a group is not of the place or the speaker: "foreign troops".
_FOREIGN = frozenset({"foreign", "overseas", "outside"})
# Verbs (lemmas) that state a ship's flag: "flagged in Liberia", "registered in Panama".
_FLAG_VERBS = frozenset({"flag", "flagged", "register", "registered"})

#: Sector codes used in actor ids (CAMEO-style ``USAMIL``).
SECTOR_CODES: Mapping[str, str] = {
    "government": "GOV",
    "military": "MIL",
    "militia": "MIL",
    "rebel": "REB",
    "insurgent": "REB",
    "police": "COP",
    "civilian": "CVL",
    "opposition": "OPP",
    "igo": "IGO",
    "ngo": "NGO",
    "media": "MED",
    "business": "BUS",
}
NON_STATE = frozenset({"militia", "rebel", "insurgent"})
_DATA_FILES = ("countries.yaml", "organisations.yaml", "organisations_world.yaml", "people.yaml",
               "people_world.yaml", "sectors.yaml")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00b4": "'"})
_WORD_START = re.compile(r"(?<![\w'])\w")
_DEFINITE = {"the", "this", "these", "that", "those", "its", "their", "his", "her"}
_LOOKBACK_SENTENCES = 3
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
#: Pronouns that stand for one person ("He condemned the strike").
_PERSON_PRONOUNS = frozenset({"he", "she"})
#: How many sentences back a speaker's "he" or "she" may go, through sentences of that pronoun.
_SPEAKER_REACH = 4
#: Pronouns that never stand for a person.
_THING_PRONOUNS = frozenset({"it", "its", "itself"})
_MAX_DEPTH = 3


def normalise_quotes(text: str) -> str:
    """Curly apostrophes to straight ones (same length, so offsets survive)."""
    return text.translate(_QUOTES)


# -- entries --------------------------------------------------------------------------------------

#: Sectors of unnamed bodies of a state ("the government", "officials", "the army").
STATE_SECTORS = frozenset({"government", "military", "police"})


@dataclass(frozen=True)
class Role:
    """A position held between two ISO dates (inclusive; ``None`` = open)."""

    role: str
    sector: str | None
    country: str | None
    start: str | None
    end: str | None

    def covers(self, when: str) -> bool:
        low, high = _date_bounds(when)
        starts = self.start is None or high >= _date_bounds(self.start)[0]
        return starts and (self.end is None or low <= _date_bounds(self.end)[1])


@dataclass(frozen=True)
class ActorEntry:
    """One known actor: ``kind`` is ``country``, ``capital``, ``organisation`` or ``person``."""

    id: str
    name: str
    kind: str
    country: str | None
    sector: str | None = None
    sponsor: str | None = None
    roles: tuple[Role, ...] = ()

    def role_at(self, when: str | None) -> Role | None:
        """The role held at ``when`` (the latest-starting one if several); with no date, the
        latest role, since undated text is mostly about the present."""
        if not self.roles:
            return None
        if when is None:
            return self.roles[-1]
        active = [r for r in self.roles if r.covers(when)]
        return max(active, key=lambda r: r.start or "") if active else None

    def placed(self, when: str | None) -> tuple[str | None, str | None]:
        """(country, sector) of this actor at ``when``."""
        role = self.role_at(when)
        if role is None:
            return self.country, self.sector
        return role.country or self.country, role.sector or self.sector

    def as_actor(self, text: str, when: str | None) -> Actor:
        """This actor as the phrase ``text`` names it, placed at ``when``."""
        country, sector = self.placed(when)
        return Actor(text=text, name=self.name, country=country or "UNK", sector=sector, id=self.id)


@dataclass(frozen=True)
class Site:
    """A facility from ``sites.yaml``: its country and the foreign forces it hosted, when."""

    id: str
    name: str
    country: str | None
    hosted: tuple[Role, ...] = ()

    def host_at(self, when: str | None) -> str | None:
        for stay in self.hosted:  # the main host is listed first
            if when is None or stay.covers(when):
                return stay.country
        return None


@dataclass(frozen=True)
class AliasMatch:
    start: int
    end: int
    alias: str
    entries: tuple[Any, ...]


def _roles(spec: Mapping[str, Any]) -> tuple[Role, ...]:
    """The date-bounded roles of a person or an organisation ("roles" in the actor files): a
    leader's offices, or the country a group was based in over a span of years."""
    country = spec.get("country")
    return tuple(Role(str(r.get("role", "")), r.get("sector"), r.get("country") or country,
                      _iso(r.get("from")), _iso(r.get("to")))
                 for r in spec.get("roles") or ())


def _date_bounds(when: str) -> tuple[str, str]:
    """The first and last day a (possibly partial) ISO date can mean."""
    when = str(when)
    if len(when) == 4:
        return when + "-01-01", when + "-12-31"
    if len(when) == 7:
        return when + "-01", when + "-31"
    return when, when


def _iso(value: Any) -> str | None:
    return None if value is None else str(value)


# -- alias index ----------------------------------------------------------------------------------

class _AliasIndex:
    """Exact-phrase lookup of aliases at word starts, longest first.

    Aliases of up to four capital letters (US, PMF) must match exactly; aliases that start with a
    capital must start with one in the text too ("Turkey", not "turkey"); the rest ignore case.

    At a word start only the lengths of the aliases that begin with the text's next ``_PREFIX``
    characters are tried (a scan tried every alias length at every word: the coder's largest
    cost). Upper and lower case are one-to-one and context-free in ASCII only, so a prefix with
    another character falls back to every length.
    """

    _PREFIX = 3

    def __init__(self) -> None:
        self._by_key: dict[str, list[tuple[str, Any]]] = {}
        self._lengths: list[int] = []
        self._by_prefix: dict[str, list[int]] = {}
        self._short: list[int] = []

    def add(self, alias: str, value: Any) -> None:
        alias = normalise_quotes(str(alias)).strip()
        if not alias:
            return
        bucket = self._by_key.setdefault(alias.lower(), [])
        if all(v is not value for _a, v in bucket):
            bucket.append((alias, value))

    def freeze(self) -> None:
        self._lengths = sorted({len(k) for k in self._by_key}, reverse=True)
        prefixes: dict[str, set[int]] = {}
        for key in self._by_key:
            if len(key) >= self._PREFIX:
                prefixes.setdefault(key[: self._PREFIX], set()).add(len(key))
        self._short = [n for n in self._lengths if n < self._PREFIX]
        self._by_prefix = {p: [*sorted(lengths, reverse=True), *self._short] for p, lengths in prefixes.items()}

    def _lengths_at(self, text: str, start: int) -> list[int]:
        """The alias lengths worth trying at ``start``, longest first."""
        prefix = text[start : start + self._PREFIX]
        if not prefix.isascii():
            return self._lengths
        return self._by_prefix.get(prefix.lower(), self._short)

    @staticmethod
    def _case_ok(alias: str, found: str) -> bool:
        letters = alias.replace(".", "")
        if letters.isupper() and len(letters) <= 4:
            return found == alias
        return not alias[0].isupper() or found[0].isupper()

    def scan(self, text: str) -> list[AliasMatch]:
        """Every longest alias match, left to right, not overlapping."""
        text = normalise_quotes(text)
        matches: list[AliasMatch] = []
        position = 0
        for word in _WORD_START.finditer(text):
            start = word.start()
            if start < position:
                continue
            for length in self._lengths_at(text, start):
                end = start + length
                if end > len(text) or (end < len(text) and (text[end].isalnum() or text[end] == "_")):
                    continue
                candidates = self._by_key.get(text[start:end].lower())
                if not candidates:
                    continue
                found = text[start:end]
                values = tuple(v for alias, v in candidates if self._case_ok(alias, found))
                if values:
                    matches.append(AliasMatch(start, end, found, values))
                    position = end
                    break
        return matches


# -- the dictionary -------------------------------------------------------------------------------

@dataclass(frozen=True)
class PartyWords:
    """Words for the story's two sides named together ("both sides", "the two countries":
    ``party_heads``, ``party_groups`` and ``party_quantifiers`` in ``sectors.yaml``), and the
    nouns of a demand aimed at no party (``inquiry_nouns``: "called for an investigation")."""

    heads: frozenset[str] = frozenset()
    groups: frozenset[str] = frozenset()
    quantifiers: frozenset[str] = frozenset()
    inquiries: frozenset[str] = frozenset()

    def ask_inquiry(self, words: str) -> bool:
        """Whether a demand's first words ask for an inquiry ("for an independent and prompt
        investigation into the strike")."""
        return any(w in self.inquiries for w in re.findall(r"[\w'-]+", words.lower())[:6])

    def name_both(self, text: str) -> bool:
        """Whether a side's words name the parties together: "both sides", "sides", "all
        parties", "both countries", "the two governments" (not "the countries" alone)."""
        words = re.findall(r"[\w'-]+", text.lower())
        if not words:
            return False
        head = words[-1]
        if head in self.heads:
            return True
        return head in self.groups and any(w in self.quantifiers for w in words[:-1])


@dataclass(frozen=True)
class PlaceWords:
    """Words by which a side is read off the place of its event, once the geoparser has placed
    it (``counterparts.place_named_sides``): property (``facility``: "depots", "an army post"),
    kinds of settlement ("the town"), capitalised titles of state office ("Foreign Minister"),
    ships, which fly their own flag wherever they are hit (``vessel``), what is fired at a
    target (``projectile``: "missiles"), and a country's own defences (``territorial``)."""

    facility: frozenset[str] = frozenset()
    settlement: frozenset[str] = frozenset()
    office_titles: frozenset[str] = frozenset()
    vessel: frozenset[str] = frozenset()
    projectile: frozenset[str] = frozenset()
    territorial: frozenset[str] = frozenset()


@dataclass
class _Config:
    sectors: dict[str, str]
    group_heads: frozenset[str]
    site_heads: frozenset[str]
    relational_heads: frozenset[str]
    parties: PartyWords
    vessel_heads: frozenset[str]
    settlement_heads: frozenset[str]
    facility_heads: frozenset[str]
    territorial_heads: frozenset[str]
    projectile_heads: frozenset[str]
    owner_verbs: frozenset[str]
    place_prepositions: frozenset[str]
    launch_verbs: frozenset[str]
    facility_links: frozenset[str]
    not_member: re.Pattern[str]
    reporter_titles: frozenset[str]
    office_titles: frozenset[str]
    reporter_personnel: frozenset[str]
    name_prefixes: frozenset[str] = frozenset()
    max_sector_words: int = 3
    craft_kinds: dict[str, str] = field(default_factory=dict)  # lemma -> kind ("jet": aircraft)
    craft_anaphors: frozenset[str] = frozenset()


class ActorDictionary:
    """Alias lookup over the knowledge base, and resolution of argument phrases to actors."""

    def __init__(self, data: Mapping[str, Any], sites: Sequence[Mapping[str, Any]] = (),
                 regions: Sequence[Mapping[str, Any]] = ()) -> None:
        self._index = _AliasIndex()
        self._sites = _AliasIndex()
        self._places = _AliasIndex()
        self._place_names: set[str] = set()
        self._generic: dict[str, str] = {}  # entry id -> the common noun it goes by
        self._theatres: dict[str, tuple[ActorEntry, frozenset[str], str | None]] = {}  # id -> (entry, countries, until)
        self.counts: dict[str, int] = {}
        try:
            self._load(data)
            self._load_sites(sites)
            self._load_places(regions)
            self._config = self._read_config(data)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ModelError(f"the actor data files are malformed: {exc!r}") from exc
        self._index.freeze()
        self._sites.freeze()

    # -- loading -------------------------------------------------------------------------------
    def _load(self, data: Mapping[str, Any]) -> None:
        # People and organisations first: on equal length their aliases win over a country's.
        people = data.get("people") or {}
        for key, spec in people.items():
            entry = ActorEntry(id=str(key), name=str(spec["name"]), kind="person",
                               country=spec.get("country"), sector=spec.get("sector"),
                               roles=_roles(spec))
            for alias in spec["names"]:
                self._index.add(alias, entry)
        organisations = data.get("organisations") or {}
        for key, spec in organisations.items():
            entry = ActorEntry(id=str(key), name=str(spec["name"]), kind="organisation",
                               country=spec.get("country"), sector=spec.get("sector"),
                               sponsor=spec.get("sponsor"), roles=_roles(spec))
            for alias in spec["names"]:
                self._index.add(alias, entry)
            if spec.get("generic"):
                self._generic[entry.id] = str(spec["generic"]).lower()
            if spec.get("theatre"):
                self._theatres[entry.id] = (entry, frozenset(str(c) for c in spec["theatre"]),
                                            _iso(spec.get("theatre_to")))
        countries = data["countries"]
        for iso3, spec in countries.items():
            country = ActorEntry(id=iso3, name=str(spec["name"]), kind="country", country=iso3)
            capital = ActorEntry(id=iso3, name=str(spec["name"]), kind="capital", country=iso3,
                                 sector="government")
            for alias in [*spec.get("names", ()), *spec.get("demonyms", ())]:
                self._index.add(alias, country)
            self._place_names.update(str(n).lower() for n in spec.get("names", ())
                                     if "." not in str(n) and not str(n).isupper())
            for alias in spec.get("capitals", ()):
                self._index.add(alias, capital)
        self.counts = {"countries": len(countries), "organisations": len(organisations),
                       "groups": sum(1 for s in organisations.values()
                                     if s.get("sector") in NON_STATE),
                       "people": len(people)}

    def _load_places(self, regions: Sequence[Mapping[str, Any]]) -> None:
        """Provinces and the cities they are named after ("Erbil", "Anbar"): a target given as
        such a place stands for its country."""
        for spec in regions:
            country = ActorEntry(id=str(spec["id"]), name=str(spec["name"]), kind="place",
                                 country=spec.get("country"))
            for alias in [spec["name"], *(spec.get("aliases") or ())]:
                self._places.add(alias, country)
                self._place_names.add(str(alias).lower())
        self._places.freeze()

    def _load_sites(self, sites: Sequence[Mapping[str, Any]]) -> None:
        for spec in sites:
            hosted = tuple(
                Role("host", "military", h.get("nation"), _iso(h.get("from")), _iso(h.get("to")))
                for h in spec.get("hosted") or ()
            )
            site = Site(str(spec["id"]), str(spec["name"]), spec.get("country"), hosted)
            for alias in [spec["name"], *(spec.get("aliases") or ())]:
                self._sites.add(alias, site)
        self.counts["sites"] = len(sites)

    @staticmethod
    def _read_config(data: Mapping[str, Any]) -> _Config:
        sectors = {str(w).lower(): s for s, words in data["sectors"].items() for w in words}

        def words(key: str) -> frozenset[str]:
            return frozenset(str(w).lower() for w in data.get(key) or ())

        def suffix(key: str) -> re.Pattern[str]:
            alternatives = "|".join(re.escape(s) for s in data.get(key) or ("\x00",))
            return re.compile(rf"\s*-\s*(?:{alternatives})\b", re.IGNORECASE)

        return _Config(
            sectors=sectors,
            group_heads=words("group_heads"),
            site_heads=words("site_heads"),
            relational_heads=words("relational_heads"),
            parties=PartyWords(words("party_heads"), words("party_groups"), words("party_quantifiers"),
                               words("inquiry_nouns")),
            vessel_heads=words("vessel_heads"),
            settlement_heads=words("settlement_heads"),
            facility_heads=words("facility_heads"),
            territorial_heads=words("territorial_heads"),
            projectile_heads=words("projectile_heads"),
            owner_verbs=words("owner_verbs"),
            place_prepositions=words("place_prepositions"),
            launch_verbs=words("launch_verbs"),
            facility_links=words("facility_links"),
            not_member=suffix("suffixes_not_membership"),
            reporter_titles=words("reporter_titles"),
            office_titles=words("office_titles"),
            reporter_personnel=words("reporter_personnel"),
            name_prefixes=frozenset(str(w) for w in data.get("name_prefixes") or ()),
            craft_kinds={str(w).lower(): str(kind) for kind, words in (data.get("craft_kinds") or {}).items()
                         for w in words},
            craft_anaphors=words("craft_anaphors"),
            max_sector_words=max(len(w.split()) for w in sectors),
        )

    # -- text lookup ---------------------------------------------------------------------------
    def matches(self, text: str) -> list[AliasMatch]:
        """Alias matches in ``text`` that name a member, not a sponsor ("Iran-backed"). For a
        vessel the link is its identity: an "Israel-linked ship" is what an attacker took for
        Israel's, where "Iran-linked militias" are not Iran's."""
        text = normalise_quotes(text)
        words = text.split()
        vessel = bool(words) and words[-1].lower() in self._config.vessel_heads
        return [m for m in self._index.scan(text) if vessel or not self._config.not_member.match(text, m.end)]

    def names_place(self, text: str) -> bool:
        """Whether ``text`` is a country's or a province's name written out ("Jordan",
        "Anbar"), not an abbreviation ("U.S.") or a demonym ("Iranian")."""
        return normalise_quotes(text).strip().lower() in self._place_names

    def find(self, text: str, when: str | None = None) -> tuple[ActorEntry, str] | None:
        """The entry of the longest alias in ``text`` (with the alias text), if any."""
        best: AliasMatch | None = None
        for match in self._past_prefixes(text, _people_not_after_the(text, self.matches(text))):
            if best is None or len(match.alias) > len(best.alias):
                best = match
            elif len(match.alias) == len(best.alias) and _rank(match) < _rank(best):
                best = match
        if best is None:
            return None
        return self._choose(best.entries, when), best.alias

    def _past_prefixes(self, text: str, matches: list[AliasMatch]) -> list[AliasMatch]:
        """Matches less those inside a name that a prefix opens: in "the USS Carney" the
        prefix names the ship, and "Carney" is the ship's name, not the person's."""
        prefixes = self._config.name_prefixes
        opened = [m for m in matches if m.alias in prefixes]
        if not opened:
            return matches
        inside: set[int] = set()
        for prefix in opened:
            end = prefix.end
            for word in re.finditer(r"\S+", text[end:]):
                if not word.group()[0].isupper():
                    break
                end = prefix.end + word.end()
            inside |= {id(m) for m in matches if prefix.end <= m.start < end}
        return [m for m in matches if id(m) not in inside]

    @staticmethod
    def _choose(entries: tuple[Any, ...], when: str | None) -> ActorEntry:
        """Among entries sharing an alias ("Vance"), the one holding a role at ``when``."""
        if len(entries) > 1 and when is not None:
            for entry in entries:
                if entry.kind == "person" and entry.role_at(when) is not None:
                    return entry
        return entries[0]

    @property
    def site_heads(self) -> frozenset[str]:
        """Head words of military or diplomatic facilities ("base", "embassy", "compound")."""
        return self._config.site_heads

    @property
    def property_heads(self) -> frozenset[str]:
        """Head words of property that stands for no one's forces ("depots", "radar"): the
        facility words less the sites that host troops."""
        return self._config.facility_heads - self._config.site_heads

    @property
    def place_words(self) -> PlaceWords:
        """The words by which sides are read off their event's place (:class:`PlaceWords`)."""
        config = self._config
        return PlaceWords(self.property_heads, config.settlement_heads, config.office_titles,
                          config.vessel_heads, config.projectile_heads, config.territorial_heads)

    @property
    def parties(self) -> PartyWords:
        """The words that name the story's two sides together ("both sides", "the two countries")."""
        return self._config.parties

    @property
    def vessel_heads(self) -> frozenset[str]:
        """Head words of ships ("tanker", "vessels", "shipping")."""
        return self._config.vessel_heads

    @property
    def office_titles(self) -> frozenset[str]:
        """Titles of state office written capitalised before a name ("Foreign Minister")."""
        return self._config.office_titles

    @property
    def settlement_heads(self) -> frozenset[str]:
        """Kinds of settlement ("town", "village"): a side that is one is the place's people."""
        return self._config.settlement_heads

    @property
    def relational_heads(self) -> frozenset[str]:
        """Nouns that name others by their relation to an owner ("allies", "rivals")."""
        return self._config.relational_heads

    def sector_of(self, text: str) -> str | None:
        """The sector named by the phrase's words, read from its head (the end) leftwards."""
        words = re.findall(r"[\w'-]+", normalise_quotes(text).lower())
        sectors = self._config.sectors
        for i in range(len(words) - 1, -1, -1):
            for size in range(self._config.max_sector_words, 0, -1):
                if i - size + 1 < 0:
                    continue
                phrase = " ".join(words[i - size + 1 : i + 1])
                if phrase in sectors:
                    return sectors[phrase]
        return None

    def site(self, text: str) -> Site | None:
        """The facility named in ``text``, if any (longest alias)."""
        found = self._sites.scan(text)
        if not found:
            return None
        return max(found, key=lambda m: len(m.alias)).entries[0]

    def resolve(self, text: str, when: str | None = None) -> Actor:
        """An Actor for a noun phrase: dictionary identity where known, else text and UNK."""
        text = " ".join(text.split())
        found = self.find(text, when)
        phrase_sector = self.sector_of(text)
        if found is None:
            return Actor(text=text, country="UNK", sector=phrase_sector)
        entry, alias = found
        if entry.kind == "person" and _the_surname(text, alias):
            return Actor(text=text, country="UNK", sector=phrase_sector)  # "the Carney": a ship
        if entry.kind in ("country", "capital"):
            sector = phrase_sector or entry.sector
            code = SECTOR_CODES.get(sector or "", "")
            return Actor(text=text, name=entry.name, country=entry.country,
                         sector=sector, id=f"{entry.country}{code}")
        country, sector = entry.placed(when)
        owner = self._state_named_before(text, alias, entry) if entry.kind == "organisation" else None
        if owner is not None:  # "Iraq's National Security Council": Iraq's own, not Washington's
            code = SECTOR_CODES.get(sector or "", "")
            return Actor(text=text, name=text, country=owner, sector=sector, id=f"{owner}{code}")
        return Actor(text=text, name=entry.name, country=country or "UNK",
                     sector=sector or phrase_sector, id=entry.id)

    def _state_named_before(self, text: str, alias: str, entry: ActorEntry) -> str | None:
        """Another state named just before a state body's name ("Iraq's National Security
        Council", "the Iraqi National Security Council"): many states have a body of that name,
        and the one named is that state's."""
        if entry.sector != "government" or entry.country is None:
            return None
        at = text.lower().find(alias.lower())
        prefix = text[:at].strip().removesuffix("'s").removesuffix("\u2019s") if at > 0 else ""
        words = [w for w in prefix.split() if w.lower() != "the"]
        if not words:
            return None
        found = self.find(" ".join(words))
        if found is None or found[0].kind not in ("country", "capital"):
            return None
        country = found[0].country
        return country if country and country != entry.country else None

    # -- parse-aware resolution ----------------------------------------------------------------
    def resolve_span(self, span: Span, when: str | None = None, _depth: int = 0) -> Actor:
        """The actor a phrase of a parsed sentence stands for (see the module docstring).

        The phrase's own words decide first; then, for a phrase they leave unknown, each reading
        of its context in turn (a site, a possessive pronoun, a describing phrase, an antecedent,
        the speaker's own officials, a place), most specific first.
        """
        labelled = self._labelled(span, when)
        if labelled is not None:
            return labelled
        vessel = self._named_vessel(span)
        if vessel is not None:  # "the U.S. destroyer Nitze", "the destroyer Carney": a ship
            return vessel
        both = self._both_parties(span)
        if both is not None:  # "both sides", "the two governments": read off the story's dyad
            return Actor(text=both, country="UNK")  # (events.counterparts), not off the place
        included = self._included_in(span)
        if included is not None and _depth < _MAX_DEPTH:  # "militia groups, including the ones targeted"
            return _retext(self.resolve_span(included, when, _depth + 1), span.text)
        if self._foreign_forces(span):
            return self.resolve(span.text, when)  # "foreign troops": not of the place or the reporter
        if self._relational(span):  # "its closest allies", "Tehran's partners": not the owner
            return self._unowned_words(span, when) or self._described_as(
                span, Actor(text=span.text, country="UNK"), when, _depth) or Actor(text=span.text, country="UNK")
        actor = self._across_boundary(span, when) or self.resolve(span.text, when)
        actor = self._generic_antecedent(span, actor, when) or actor
        for step in (self._place_left, self._used_by):
            found = step(span, actor, when, _depth)
            if found is not None:
                return found
        flagged = self._flag_of_vessel(span, actor, when, _depth)
        if flagged is not None:
            return flagged
        if actor.country != "UNK":
            return actor
        for step in (self._at_site, self._at_place, self._seated_in, self._owned, self._described_as,
                     self._loyal_to, self._named_in_full, self._antecedent, self._named_by_modifier,
                     self._same_head_before,
                     self._story_flag, self._reporter,
                     self._named_place):
            found = step(span, actor, when, _depth)
            if found is not None:  # "the militants": Islamic State, placed where the text puts it
                if found.country not in ("UNK", None):
                    return found
                return self._placed_group(found, span, span.root, when)
        return self._placed_group(actor, span, span.root, when)

    def _both_parties(self, span: Span) -> str | None:
        """The words of a phrase that names the story's two sides together, with the "both"
        before it that :func:`noun_phrase` leaves out ("urged both governments"), or None."""
        doc = span.doc
        before = doc[span.start - 1] if span.start > 0 else None
        text = span.text
        if before is not None and before.lower_ in self._config.parties.quantifiers and before.head.i == span.root.i:
            text = f"{before.text} {text}"
        return text if self._config.parties.name_both(text) else None

    def _foreign_forces(self, span: Span) -> bool:
        """ "foreign troops", "outside powers": someone else's, not the place's or the reporter's.
        A state's "foreign ministry" or "foreign minister" is an office of that state."""
        if not any(t.dep_ == "amod" and t.lower_ in _FOREIGN for t in span.root.children):
            return False
        return self.sector_of(span.text) != "government"

    def _generic_antecedent(self, span: Span, actor: Actor, when: str | None) -> Actor | None:
        """A body called by its common noun alone ("the coalition", "coalition air raids") is
        the body of that noun the document named last before it: the Saudi-led coalition in a
        story about Yemen, the U.S.-led one in a story about Iraq."""
        noun = self._generic.get(actor.id or "")
        found = self.find(span.text, when) if noun is not None else None
        if found is None or not found[1].lower().startswith(noun):
            return None
        entry = found[0]
        for match in reversed(self._mentions(span.doc, 0, span.start_char)):
            named = next((e for e in match.entries if self._generic.get(e.id) == noun), None)
            if named is None or match.alias.lower().startswith(noun):
                continue  # another bare mention says nothing of which body it is
            if named.id == entry.id:
                return None
            country, sector = named.placed(when)
            return Actor(text=actor.text, name=named.name, country=country or "UNK",
                         sector=sector or actor.sector, id=named.id)
        return self._body_of_theatre(span, actor, noun, entry, when)

    def _body_of_theatre(self, span: Span, actor: Actor, noun: str, default: ActorEntry,
                         when: str | None) -> Actor | None:
        """With no body of that noun named before it, "the coalition" is the one whose theatre
        the report is about: the Saudi-led coalition where the actors named are mostly Yemeni
        and Saudi ("coalition warplanes pounded the Houthi-held capital"), the U.S.-led one where
        they are Iraqi and Syrian. The data files give each body its ``theatre``."""
        bodies = [(e, countries) for key, (e, countries, until) in self._theatres.items()
                  if self._generic.get(key) == noun and _in_theatre_then(when, until)]
        if len(bodies) < 2:
            return None
        seen = Counter(self._choose(m.entries, when).placed(when)[0] for m in self._mentions(span.doc))
        best, countries = max(bodies, key=lambda body: sum(seen[c] for c in body[1]))
        default_countries = self._theatres[default.id][1] if default.id in self._theatres else frozenset()
        if best.id == default.id or sum(seen[c] for c in countries) <= sum(seen[c] for c in default_countries):
            return None
        country, sector = best.placed(when)
        return Actor(text=actor.text, name=best.name, country=country or "UNK",
                     sector=sector or actor.sector, id=best.id)

    def suspect(self, span: Span, when: str | None, victim: Actor | None,
                weapons: Sequence[Token] = ()) -> Actor:
        """The suspected doer of an attack whose attacker ``span`` the text leaves unnamed, knowing
        whom it hit and with what. Where the weapons came from says it first ("a one-way attack
        drone fired from Iran", "a drone launched from Lebanon"); else the report's suspects, of
        which a group the victim's own country backs is none ("rockets slammed into Ain al-Asad
        ... the U.S.-backed Syrian Democratic Forces said ...")."""
        origin = self._launched_from([span.root, *weapons])
        if origin is not None:
            return Actor(text="", country=origin)
        return self._suspected(span, when, victim.country if victim is not None else None)

    def air_suspect(self, span: Span, when: str | None) -> Actor | None:
        """The suspected doer of an unnamed attack from warplanes on no named side, which armed
        groups do not fly: the state whose forces, government or people the report names last
        before the attack ("Israeli special forces freed four hostages in Nuseirat. Warplanes
        and artillery pounded the surrounding streets"). None if none."""
        doc = span.doc
        for match in reversed(self._mentions(doc, 0, span.start_char)):
            mention = doc.char_span(match.start, match.end, alignment_mode="expand")
            if mention is None or _names_a_place(mention.root, self._config.place_prepositions):
                continue  # "in central Gaza" says where, not who
            entry = self._choose(match.entries, when)
            country, sector = entry.placed(when)
            if country in (None, "UNK", "IGO") or sector in NON_STATE:
                continue
            if entry.kind in ("country", "capital") or sector in STATE_SECTORS:
                return Actor(text="", country=country, sector="military")
        return None

    def _launched_from(self, tokens: Sequence[Token]) -> str | None:
        """The country a weapon or an attack was fired or launched from, if the text says."""
        verbs = self._config.launch_verbs
        tokens = [*tokens, *(c for t in tokens for c in t.children if c.dep_ in ("nsubj", "nsubjpass", "dobj"))]
        for token in tokens:
            told = [token, *(c for c in token.children if c.dep_ in ("acl", "relcl"))]
            if token.dep_ in ("nsubj", "nsubjpass"):  # "the drone, one of three launched from Lebanon"
                told.append(token.head)  # as the parser splits it: "the drone" is what was launched
            told += [g for c in token.children if c.dep_ == "appos" for g in c.children if g.dep_ == "acl"]
            for verb in (v for v in told if v.lemma_.lower() in verbs):
                places = (pobj(prep) for prep in verb.children if prep.dep_ == "prep" and prep.lower_ == "from")
                for place in (p for p in places if p is not None):
                    country = self._country_of_origin(place)
                    if country not in (None, "UNK", "IGO"):
                        return country
        return None

    def _country_of_origin(self, place: Token) -> str | None:
        """The country a "from" phrase names: a place ("from Iran"), or a description of one
        ("from Syrian territory")."""
        phrase = _compact(place).text
        country = self._country_of_place(phrase)
        if country is None and place.pos_ != "PROPN":
            country = self.resolve(phrase).country
        return country

    def _labelled(self, span: Span, when: str | None) -> Actor | None:
        """Spans the argument finder marked: an attacker the text leaves unnamed (the suspect),
        an act standing for its unnamed doer, and pronouns."""
        if span.label_ == UNKNOWN_ATTACKER:
            return self.suspect(span, when, None)
        if span.label_ == UNKNOWN_DOER or (span.root.pos_ in ("VERB", "AUX") and span[-1].pos_ in ("VERB", "AUX")):
            return Actor(text="", country="UNK")  # an act standing for its doer ("a Saudi-led coalition": no act)
        if span.root.pos_ == "PRON":
            speaker = self._speaker_before(span, when)
            if speaker is not None and speaker.country != "UNK":
                return speaker
            return self._person_before(span, when) or speaker or Actor(text=span.text, country="UNK")
        return None

    @staticmethod
    def _included_in(span: Span) -> Span | None:
        """The group "the ones" / "those" stands for when the text lists it as part of one:
        "some militia groups, including the ones targeted on June 27"."""
        root = span.root
        if root.lower_ not in ("one", "ones", "those") or root.dep_ != "pobj":
            return None
        prep = root.head
        if prep.lower_ not in ("including", "like", "among") or prep.head.pos_ not in ("NOUN", "PROPN"):
            return None
        group = prep.head
        return span.doc[group.left_edge.i : group.i + 1]

    def _relational(self, span: Span) -> bool:
        """A possessed relational noun: "its allies", "Iran's rivals"."""
        root = span.root
        relational = self._config.relational_heads
        if root.lemma_.lower() not in relational and root.lower_ not in relational:
            return False
        return any(c.dep_ == "poss" for c in root.children)

    def _unowned_words(self, span: Span, when: str | None) -> Actor | None:
        """A relational phrase's own words, less its owner, still say whose it is: "his Iranian
        counterpart" is Iran's, whoever "his" is."""
        owners = {t.i for c in span.root.children if c.dep_ == "poss" for t in c.subtree}
        words = " ".join(t.text for t in span if t.i not in owners)
        actor = self.resolve(words, when)
        return _retext(actor, span.text) if actor.country != "UNK" else None

    def _place_left(self, span: Span, actor: Actor, when: str | None, depth: int) -> Actor | None:
        """A place left or handed over stands for its country ("left the Qayyarah airfield",
        "ordered staff to leave the U.S. Embassy in Baghdad"), not for the forces it hosts."""
        if span.label_ != PLACE_LEFT:
            return None
        root = span.root
        if actor.country != "UNK" and root.lemma_.lower() not in self._config.site_heads:
            return None
        site = self.site(_with_next(span, 2).text)
        if actor.country == "UNK" and site is not None:
            return Actor(text=actor.text, name=site.name, country=site.country or "UNK")
        placed = self._placed_civilians(Actor(text=actor.text), span, root)
        return placed if placed.country not in ("UNK", None) or actor.country == "UNK" else None

    def _used_by(self, span: Span, actor: Actor, when: str | None, depth: int) -> Actor | None:
        """Property or places that the text says someone uses stand for that user."""
        if depth >= _MAX_DEPTH or not (actor.name is None or _is_country_only(actor)):
            return None
        user = self._facility_user(span.root, when, depth)
        return None if user is None else _retext(user, actor.text)

    def _at_site(self, span: Span, actor: Actor, when: str | None, depth: int) -> Actor | None:
        site = self.site(_with_next(span, 2).text)  # "Tower 22": the number may fall outside
        return None if site is None else self._site_actor(site, actor.text, when)

    def _at_place(self, span: Span, actor: Actor, when: str | None, depth: int) -> Actor | None:
        """"more than 60 targets in Houthi-controlled Yemen": targets take their place's country."""
        if actor.name is not None or span.root.lemma_.lower() not in self._config.facility_heads \
                or any(c.dep_ == "poss" for c in span.root.children):
            return None  # "their positions in Syria's Idlib province" are their owners'
        country = self._place_of(span.root)
        return None if country is None else Actor(text=actor.text, country=country, sector=actor.sector)

    def _seated_in(self, span: Span, actor: Actor, when: str | None, depth: int) -> Actor | None:
        """ "the government in Baghdad", "officials in Tehran", "the authorities in Sanaa", "In
        Tehran, the foreign ministry said": an unnamed body of state placed in a capital or
        country is that country's."""
        root = span.root
        if actor.name is not None or actor.sector not in STATE_SECTORS:
            return None
        lemma = root.lemma_.lower()
        if any(c.dep_ == "poss" for c in root.children) or lemma in self._config.facility_heads \
                or lemma in self._config.site_heads:
            return None  # "its consulate in Damascus" is the owner's, not the host's
        for prep in [c for c in root.children if c.dep_ == "prep" and c.lower_ == "in"] + _fronted_in(span):
            obj = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN"), None)
            country = self._country_of_place(_compact(obj).text) if obj is not None else None
            if country is not None:
                return Actor(text=actor.text, country=country, sector=actor.sector,
                             id=f"{country}{SECTOR_CODES.get(actor.sector or '', '')}")
        return None

    def _owned(self, span: Span, actor: Actor, when: str | None, depth: int) -> Actor | None:
        owner = self._possessor(span, when, depth) or self._generic_owner(span, when, depth) \
            or self._runner(span, when, depth)
        return None if owner is None else _retext(owner, actor.text, keep_sector=actor.sector)

    def _runner(self, span: Span, when: str | None, depth: int) -> Actor | None:
        """Whose "the ministry, which is run by Hamas" is: the one its relative clause says runs
        it (``owner_verbs``)."""
        if depth >= _MAX_DEPTH:
            return None
        for clause in span.root.children:
            if clause.dep_ != "relcl" or clause.lemma_.lower() not in self._config.owner_verbs:
                continue
            agent = next((c for c in clause.children if c.dep_ == "agent"), None)
            runner = pobj(agent) if agent is not None else None
            if runner is not None:
                found = self.resolve_span(span.doc[runner.left_edge.i : runner.i + 1], when, depth + 1)
                if found.country != "UNK":
                    return found
        return None

    def _generic_owner(self, span: Span, when: str | None, depth: int) -> Actor | None:
        """Whose "the group's leaders" are: the group the generic possessor stands for."""
        owner = next((t for t in span.root.children if t.dep_ == "poss" and t.pos_ == "NOUN"), None)
        if owner is None or depth >= _MAX_DEPTH or owner.lemma_.lower() not in self._config.group_heads:
            return None
        found = self.resolve_span(span.doc[owner.left_edge.i : owner.i + 1], when, depth + 1)
        return found if found.country != "UNK" else None

    def _described_as(self, span: Span, actor: Actor, when: str | None, depth: int) -> Actor | None:
        if depth >= _MAX_DEPTH:
            return None
        for described in self._described(span.root):
            other = self.resolve_span(described, when, depth + 1)
            if other.country != "UNK":
                return _retext(other, actor.text, keep_sector=actor.sector)
        return None

    def _loyal_to(self, span: Span, actor: Actor, when: str | None, depth: int) -> Actor | None:
        """Whose "gunmen loyal to Bashar al-Assad" or "forces loyal to Haftar" are: the leader's
        or the body's they are loyal to. Loyal to a state ("factions loyal to Iran") they are its
        proxies, not its forces, as "Iran-backed" ones are."""
        if depth >= _MAX_DEPTH:
            return None
        for master in allegiance_masters(span.root, LOYALTY):
            found = self.resolve_span(_compact(master), when, depth + 1)
            if found.country != "UNK" and found.id != found.country:
                return _retext(found, actor.text, keep_sector=actor.sector)
        return None

    def _named_in_full(self, span: Span, actor: Actor, when: str | None, depth: int) -> Actor | None:
        """"Muslih" after "Qasim Muslih, the Popular Mobilization Forces' operations commander":
        a person called by surname is the one the text named in full before, and the words
        around that first mention say whose he is."""
        root = span.root
        if root.pos_ != "PROPN" or depth >= _MAX_DEPTH or any(t.pos_ == "NOUN" for t in span):
            return None
        for token in reversed(span.doc[: span.start]):
            if token.text == root.text and token.dep_ != "compound" \
                    and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.children):
                return _as_named_before(self.resolve_span(_compact(token), when, depth + 1), actor.text)
        return None

    def _speaker_before(self, span: Span, when: str | None) -> Actor | None:
        """ "He condemned the strike" after "Energy Minister Khalid al-Falih said ...": a personal
        pronoun standing alone as a subject is the person who was the subject of the sentence
        before (news moves on to a new speaker by name, never by pronoun)."""
        root = span.root
        if len(span) != 1 or root.lower_ not in _PERSON_PRONOUNS or root.dep_ not in ("nsubj", "nsubjpass"):
            return None
        sentence = root.sent
        for _ in range(_SPEAKER_REACH):  # "He said ...", "..., he added." carry the speaker on
            if sentence.start == 0:
                return None
            sentence = span.doc[sentence.start - 1].sent
            person = next((t for t in sentence if t.dep_ == "nsubj" and t.head.dep_ == "ROOT"
                           and t.ent_type_ == "PERSON"), None)
            if person is not None:
                return _as_named_before(self.resolve_span(_compact(person), when, _MAX_DEPTH - 1), span.text)
            if not any(t.lower_ == root.lower_ and t.dep_ == "nsubj" for t in sentence):
                return None
        return None

    def _flag_of_vessel(self, span: Span, actor: Actor, when: str | None, depth: int) -> Actor | None:
        """A ship named and then described by its flag or owner ("the Gibraltar Eagle, a
        U.S.-owned bulk carrier", "the Rubymar, a Belize-flagged cargo ship") is that country's,
        whatever its name says."""
        for described in self._described(span.root):
            if self._vessel_word(described.root):
                return self._described_as(span, actor, when, depth)
        flag = self._flag_stated(span.root)
        if flag is not None and (span.root.pos_ == "PROPN" or self._vessel_word(span.root)):
            return Actor(text=actor.text, country=flag, sector=actor.sector)  # "the Eternity C, flagged in Liberia"
        return None

    def _named_vessel(self, span: Span) -> Actor | None:
        """A ship called by its name right after a word for a ship ("the destroyer Carney",
        "the tanker Marlin Luanda", "The U.S. destroyer Nitze", whose head word the parser may
        leave out of the phrase): of the country the words before that word name ("U.S.",
        "British"), else of none, and never the person or the capital its name also is."""
        doc = span.doc
        first = max(span.start - 1, span.sent.start)
        word = next((t for t in doc[first: span.end - 1]
                     if self._config.craft_kinds.get(t.lemma_.lower()) == "ship" and t.pos_ == "NOUN"), None)
        if word is None or not all(t.pos_ in ("PROPN", "NUM") for t in doc[word.i + 1: span.end]):
            return None
        modifiers: list[str] = []
        for before in reversed(doc[span.sent.start: word.i]):
            if before.lower_ in ("the", "a", "an") or before.pos_ == "ADP" or before.is_punct and before.text != "-":
                break
            modifiers.insert(0, before.text)
        state = self._country_among(modifiers)  # "U.S.", "British", "Marshall Islands-flagged"
        text = doc[min(span.start, word.i): span.end].text
        if state is not None:  # the ship's state, as the phrase's words name it
            return Actor(text=text, name=state.name, country=state.country, id=state.country)
        named = self.find(doc[word.i + 1: span.end].text)
        if named is not None and named[0].kind in ("person", "country", "capital"):
            return Actor(text=text, country="UNK")  # a ship named after someone or somewhere
        return None  # a ship the knowledge base names, or no one: the usual reading

    def _country_among(self, words: list[str]) -> ActorEntry | None:
        """The country the longest run of ``words`` names ("Marshall Islands", "U.S.")."""
        for size in range(len(words), 0, -1):
            for start in range(len(words) - size + 1):
                found = self.find(" ".join(words[start: start + size]))
                if found is not None and found[0].kind in ("country", "capital") and found[0].country:
                    return found[0]
        return None

    def _flag_stated(self, root: Token) -> str | None:
        """The country a participle clause on ``root`` says it is flagged or registered in (the
        parser often hangs the clause that follows an object on the verb: "struck the Eternity
        C, also flagged in Liberia")."""
        clauses = [c for c in root.children if c.dep_ in ("acl", "relcl", "appos")] + [
            c for c in root.head.children if c.dep_ == "advcl" and _right_after(root, c)]
        for clause in clauses:
            if clause.lemma_.lower() not in _FLAG_VERBS:
                continue
            for prep in clause.children:
                place = pobj(prep)
                if prep.dep_ == "prep" and prep.lower_ in ("in", "under") and place is not None:
                    return self._country_of_place(_compact(place).text)
        return None

    def _vessel_word(self, token: Token) -> bool:
        """A word for a ship ("tanker", "vessels")."""
        heads = self._config.vessel_heads
        return token.lower_ in heads or token.lemma_.lower() in heads

    def _named_place(self, span: Span, actor: Actor, when: str | None, depth: int) -> Actor | None:
        """A target that is only a province or city ("fired missiles at Erbil", "an attack on the
        town of Douma"): its country."""
        named = _of_name(span.root)
        text = named.text if named is not None else span.text
        place = self._places.scan(text)
        if not place or actor.sector is not None or len(place[-1].alias) < len(text) - 4:
            return None
        entry = place[-1].entries[0]
        return Actor(text=actor.text, name=entry.name, country=entry.country or "UNK")

    def _suspected(self, span: Span, when: str | None, victim: str | None = None) -> Actor:
        """The doer of an attack the sentence leaves unnamed: the gold guidelines code it as UNK
        "plus the suspected country", and in a report about armed groups the suspects are the
        groups it names (the named group nearest the attack, else the country the report places
        its unnamed militias in). With no group in the report, the doer stays UNK."""
        doc = span.doc
        key = f"flashpoint.suspects.{id(self)}"
        if key not in doc.user_data:
            doc.user_data[key] = self._suspects(doc, when)
        named, generic = doc.user_data[key]
        if generic is not None:
            return Actor(text="", country=generic[0], sector=generic[1])
        named = [item for item in named if victim is None or item[3] != victim]
        if named:
            nearest = min(named, key=lambda item: abs(item[0] - span.start_char))
            return Actor(text="", country=nearest[1], sector=nearest[2])
        return Actor(text="", country="UNK")

    def _suspects(self, doc: Doc, when: str | None) -> tuple[list[tuple[int, str, str | None, str | None]],
                                                               tuple[str, str | None] | None]:
        """The armed groups a report names (offset, country, sector, sponsor), and the country
        it places its unnamed militias in."""
        named = []
        for match in self._mentions(doc):
            entry = self._choose(match.entries, when)
            country = _armed_country(entry, when)  # "al-Qaeda in the Arabian Peninsula" in 2004: Saudi
            if country:
                named.append((match.start, country, entry.sector, entry.sponsor))
        generic = None
        config = self._config
        for token in doc:
            if token.pos_ != "NOUN" or not (config.sectors.get(token.lower_) in NON_STATE
                                             or token.lower_ in config.group_heads):
                continue
            phrase = _compact(token)
            affiliated = any(c.dep_ in ("acl", "amod") and c.lemma_.lower() in (
                "affiliate", "affiliated", "link", "linked", "back", "backed", "ally", "allied", "align", "aligned")
                for c in token.children)
            if not (affiliated or config.not_member.search(phrase.text) or token.lower_ in (
                    "militias", "militants")):
                continue
            placed = self.resolve_span(phrase, when)  # "Iran-aligned Iraqi factions": Iraqi
            if placed.country in ("UNK", None) or placed.sector not in NON_STATE:  # "groups affiliated with the IRGC"
                placed = self._placed_group(Actor(text=phrase.text, sector="militia"), phrase, token, when)
            if placed.country not in ("UNK", None):
                generic = (placed.country, placed.sector)
                break
        return named, generic

    def _place_of(self, root: Token) -> str | None:
        """The country a phrase's own "in"/"at"/"beside" place names (or its verb's: "struck 85
        targets at seven facilities in Iraq and Syria"; "the air base beside Sanaa's airport")."""
        heads = [root, root.head] if root.dep_ == "dobj" else [root]
        for prep in (c for head in heads for c in head.children):
            if prep.dep_ == "prep" and prep.lower_ in ("in", "at", "inside", "across", "near", "beside", "outside"):
                for obj in (c for c in prep.subtree if c.dep_ in ("pobj", "conj", "poss") and c.pos_ == "PROPN"):
                    country = self._country_of_place(_compact(obj).text)
                    if country is not None:
                        return country
        return None

    def _person_before(self, span: Span, when: str | None) -> Actor | None:
        """"he"/"she": the person named last before it (same or previous sentences). Not "it", and
        not a name after "the" ("the Carney" is a warship named after someone)."""
        if span.root.lower_ in _THING_PRONOUNS:
            return None
        window = _window_start(span)
        text = text_of(span.doc)
        for match in reversed(self._mentions(span.doc, window, span.start_char)):
            entry = self._choose(match.entries, when)
            if entry.kind == "person" and not (_the_before(text, match.start) and " " not in match.alias.strip()):
                return entry.as_actor(span.text, when)
        return None

    def _reporter(self, span: Span, actor: Actor, when: str | None, depth: int = 0) -> Actor | None:
        """A bare title ("the President", "the defense secretary") in a sentence whose speaker is
        a national body means that body's own officeholder: "The Pentagon said ... at the
        direction of the President"."""
        if actor.sector not in STATE_SECTORS or any(t.pos_ == "PROPN" and t.lower_ != "president"
                                                for t in span if t.i != span.root.i):
            return None
        personnel = span.root.lower_ in self._config.reporter_personnel and span.root.tag_ == "NNS"
        if span.root.lower_ not in self._config.reporter_titles and not personnel:
            return None
        if len(span) > 3 or not (personnel or any(t.lower_ == "the" for t in span)):
            return None
        for token in span.sent:
            if token.i >= span.start:
                break
            if token.dep_ in ("nsubj", "nsubjpass") and token.pos_ in ("PROPN", "NOUN"):
                speaker = self.resolve(_compact(token).text, when)
                if speaker.country not in ("UNK", None, "IGO"):
                    # the body's officeholder, not the speaker ("Senator Marco Rubio urged the
                    # president" names no senator twice)
                    code = SECTOR_CODES.get(actor.sector or "", "")
                    return Actor(text=actor.text, name=None, country=speaker.country,
                                 sector=actor.sector, id=f"{speaker.country}{code}")
        return None

    def _mentions(self, doc: Doc, start: int = 0, end: int | None = None) -> list[AliasMatch]:
        """The document's alias matches (computed once per document) between two offsets."""
        key = f"flashpoint.actor_mentions.{id(self)}"
        if key not in doc.user_data:
            doc.user_data[key] = self.matches(text_of(doc))
        stop = len(text_of(doc)) if end is None else end
        return [m for m in doc.user_data[key] if m.start >= start and m.end <= stop]

    def _across_boundary(self, span: Span, when: str | None) -> Actor | None:
        """A name cut by a sentence break or a bad parse ("Kata'ib | Hezbollah fighters"):
        an alias of the document's text that overlaps the phrase."""
        doc = span.doc
        for match in self._mentions(doc):
            if match.start < span.end_char and match.end > span.start_char and (
                match.start < span.start_char or match.end > span.end_char
            ) and (match.start < doc[span.start].idx or match.end > span.end_char):
                entry = self._choose(match.entries, when)
                if entry.kind in ("organisation", "person"):
                    return entry.as_actor(span.text, when)
        return None

    def _possessor(self, span: Span, when: str | None, depth: int) -> Actor | None:
        """Whose "its military" / "their trainers" is: the subject of the clause that governs
        the phrase ("Iran admitted that its military had shot down ...")."""
        if any(t.dep_ == "poss" and t.lower_ == "whose" for t in span) and depth < _MAX_DEPTH:
            return self._relative_owner(span, when, depth)
        pronoun = next((t for t in span if t.dep_ == "poss" and t.pos_ == "PRON"), None)
        if pronoun is None or depth >= _MAX_DEPTH or pronoun.lower_ not in ("its", "their", "his", "her"):
            return None
        node = span.root
        for _ in range(8):
            if node.head.i == node.i:
                return None
            node = node.head
            subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")
                            and not (span.start <= c.i < span.end)), None)
            if subject is not None and pronoun.lower_ == "its" and subject.tag_ in ("NNS", "NNPS"):
                continue  # "protesters stormed its embassy": not the protesters' (theirs)
            if subject is not None and subject.pos_ != "PRON":
                actor = self.resolve_span(_compact(subject), when, depth + 1)
                if pronoun.lower_ in ("his", "her") and actor.id is not None and actor.id == actor.country:
                    continue  # "Kadhimi said Turkey had ..., and his government summoned": a person's
                if actor.country != "UNK":
                    return actor
                owner = next((c for c in subject.children if c.dep_ == "poss"), None)  # "Israel's retaliation"
                if owner is not None and owner.pos_ != "PRON":
                    actor = self.resolve_span(_compact(owner), when, depth + 1)
                    if actor.country != "UNK":
                        return actor
        return None

    def _relative_owner(self, span: Span, when: str | None, depth: int) -> Actor | None:
        """Whose "whose government" is: the noun the relative clause describes ("Foreign
        Minister Mélanie Joly, whose government listed the Guards": Joly's, Canada's)."""
        clause = span.root.head
        while clause.dep_ == "conj" and clause.head.i != clause.i:
            clause = clause.head
        if clause.dep_ != "relcl":
            return None
        actor = self.resolve_span(_compact(clause.head), when, depth + 1)
        return actor if actor.country not in (None, "UNK") else None

    def _facility_user(self, root: Token, when: str | None, depth: int) -> Actor | None:
        """X in "facilities used by X", "sites belonging to X", "bases hosting X", "a vehicle
        carrying X fighters": property or places stand for whoever the text says uses them."""
        config = self._config
        if root.lemma_.lower() not in config.facility_heads and root.lower_ not in config.facility_heads:
            return None
        for clause in root.subtree:
            if clause.dep_ not in ("acl", "relcl") or clause.lemma_.lower() not in config.facility_links:
                continue
            if not _nominal_path(clause.head, root):
                continue
            for child in clause.children:
                user = None
                if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ in ("to", "by")):
                    user = next((c for c in child.children if c.dep_ == "pobj"), None)
                elif child.dep_ == "dobj":
                    user = child
                if user is None or user.pos_ == "PRON":
                    continue
                actor = self.resolve_span(_compact(user), when, depth + 1)
                if actor.country == "UNK":  # "buildings in eastern Syria used by Iran-backed militias"
                    actor = self._placed_group(actor, _compact(user), root, when)
                if actor.country != "UNK":
                    return actor
        return None

    def _site_actor(self, site: Site, text: str, when: str | None) -> Actor:
        """A base stands for the foreign forces it hosts at the date, else its own country."""
        host = site.host_at(when)
        country = host or site.country or "UNK"
        return Actor(text=text, name=site.name, country=country, sector="military",
                     id=f"{country}MIL")

    @staticmethod
    def _described(root: Token) -> Iterable[Span]:
        """Phrases that say who an unknown head is: its apposition, the apposition it is part of,
        its ``of``/``for`` phrase ("a spokesman for the Iraqi government"), the name it goes by
        ("a group calling itself ..."), and an attribute ("X, a senior commander of ...")."""
        subject = reduced_relative_subject(root)  # "the militia Washington blamed": not its name
        for child in root.children:
            if child.dep_ == "appos" and (subject is None or child.i != subject.i):
                yield _compact(child)
        if root.dep_ == "appos":
            yield _compact(root.head)
        heads = [root, *(c for c in root.children if c.dep_ == "conj")]
        for head in heads:
            for child in head.children:
                if child.dep_ in ("prep", "agent") and child.lower_ in ("of", "for", "from", "within", "by"):
                    obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                    if obj is not None:
                        yield _compact(obj)
        if root.lemma_.lower() in ("facility", "building", "site", "compound", "headquarters"):
            for child in root.children:  # "a maintenance facility on a coalition base"
                if child.dep_ == "prep" and child.lower_ in ("on", "at", "inside", "within"):
                    obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                    if obj is not None:
                        yield _compact(obj)
            nearby = list(root.children) + (list(root.head.children) if root.dep_ == "dobj" else [])
            for child in nearby:
                if child.lower_ in ("next", "adjacent", "close"):  # "a building next to Iran's embassy"
                    for grand in child.children:
                        obj = next((c for c in grand.children if c.dep_ == "pobj"), None)
                        if grand.lower_ == "to" and obj is not None:
                            yield _compact(obj)
        for child in root.children:  # "groups affiliated with Iran's Revolutionary Guards"
            if child.dep_ == "acl" and child.lemma_.lower() in ("affiliate", "link", "tie", "ally", "back"):
                for prep in child.children:
                    obj = pobj(prep)
                    if obj is not None:
                        yield _compact(obj)
        for child in root.children:
            if child.dep_ in ("acl", "relcl") and child.lemma_.lower() in ("call", "know", "name", "identify"):
                for grand in child.subtree:
                    if grand.pos_ == "PROPN" and grand.head.pos_ != "PROPN":
                        yield _compact(grand)

    def _antecedent(self, span: Span, actor: Actor, when: str | None, depth: int = 0) -> Actor | None:
        """For a generic mention ("the group", "the militants", "the base"), the non-state group
        or site named last before it in the same or the previous sentences."""
        root = span.root
        head = root.lemma_.lower()
        config = self._config
        if any(t.pos_ == "PROPN" for t in span) and not root.lower_ == "guards":
            return None
        if not any(t.lower_ in _DEFINITE for t in span):
            return None
        is_group = head in config.group_heads or root.lower_ in config.group_heads
        is_site = head in config.site_heads or root.lower_ in config.site_heads
        if not (is_group or is_site):
            return None
        window = _window_start(span)
        text = text_of(span.doc)
        if is_site:
            sites = [m for m in self._sites.scan(text[window : span.start_char])]
            if sites:
                return self._site_actor(sites[-1].entries[0], span.text, when)
        before = list(reversed(self._mentions(span.doc, 0, span.start_char)))
        for generic_ok in (False, True):  # "the Guards" names the Revolutionary Guards first
            for match in before:
                entry = self._choose(match.entries, when)
                if entry.kind != "organisation":
                    continue
                alias_words = _alias_words(match.alias)
                named = root.lower_ in alias_words or head in alias_words
                if is_site and not named:
                    continue  # "the embassy" after "the U.S. Embassy compound"
                if named or (generic_ok and entry.sector in NON_STATE and match.start >= window):
                    return entry.as_actor(span.text, when)
        return None

    def _named_by_modifier(self, span: Span, actor: Actor, when: str | None, depth: int = 0
                           ) -> Actor | None:
        """"two Guards officers": a capitalised group word before the head ("Guards", one of
        ``group_heads``) stands for the body named before whose name holds it (the
        Revolutionary Guards), as "the Guards" does; a body named nowhere before is not guessed."""
        modifier = next((c for c in span.root.children if c.dep_ == "compound"
                         and c.text[:1].isupper() and c.lower_ in self._config.group_heads), None)
        if modifier is None:
            return None
        for match in reversed(self._mentions(span.doc, 0, span.start_char)):
            entry = self._choose(match.entries, when)
            if entry.kind == "organisation" and modifier.lower_ in _alias_words(match.alias):
                return entry.as_actor(span.text, when)
        return None

    def _same_head_before(self, span: Span, actor: Actor, when: str | None, depth: int) -> Actor | None:
        """"the commander" after "a senior commander of Harakat al-Nujaba": the last earlier
        phrase with the same head noun (or, for a craft, a noun of its kind: "the jet" after
        "a Russian Su-24 bomber"), if it names whose it is."""
        root = span.root
        if root.pos_ != "NOUN" or not any(t.lower_ in _DEFINITE for t in span) or depth >= _MAX_DEPTH:
            return None
        # Places and crafts keep their reference through a whole report ("the compound", "the
        # jet"); people and groups only over a few sentences.
        lemma = root.lemma_.lower()
        kind = self._config.craft_kinds.get(lemma)
        window = 0 if lemma in self._config.site_heads or kind is not None else _window_start(span)
        earlier = [t for t in span.doc[: span.start] if t.idx >= window]
        found = self._last_with_owner(earlier, lambda t: t.lemma_ == root.lemma_, when, depth)
        if found is None and kind is not None and lemma in self._config.craft_anaphors:
            # not the own word's mentions, read above; of the same number: one craft is not
            # "merchant ships"
            found = self._last_with_owner(
                earlier, lambda t: t.lemma_ != root.lemma_ and t.tag_ == root.tag_
                and self._config.craft_kinds.get(t.lemma_.lower()) == kind, when, depth)
        return _retext(found, actor.text) if found is not None else None

    def _last_with_owner(self, tokens: Sequence[Token], fits: Callable[[Token], bool], when: str | None,
                         depth: int) -> Actor | None:
        """The last noun of ``tokens`` that ``fits`` and whose phrase names its side."""
        for token in reversed(tokens):
            if token.pos_ == "NOUN" and fits(token):
                earlier = self.resolve_span(_compact(token), when, depth + 1)
                if earlier.country != "UNK":
                    return earlier
        return None

    def _story_flag(self, span: Span, actor: Actor, when: str | None, depth: int) -> Actor | None:
        """A ship the text names without a flag ("the tanker Mercer Street") in a report whose
        flagged ships all fly one flag ("The Liberian-flagged vessel, managed by ..."): that
        flag. Reports give a ship's flag once, often a sentence after its name; with two flags
        in the report the ship stays unplaced."""
        named = any(t.lower_ in _DEFINITE or t.pos_ == "PROPN" for t in span)
        if depth >= _MAX_DEPTH or not named or not any(t.pos_ == "NOUN" and self._vessel_word(t) for t in span):
            return None
        flags = set()
        for token in span.doc:
            head = token.head
            if token.lower_.endswith("flagged") and (head.pos_ == "PROPN" or self._vessel_word(head)):
                flagged = self.resolve_span(_compact(head), when, depth + 1)
                if flagged.country != "UNK":
                    flags.add(flagged.country)
        if len(flags) != 1:
            return None
        return Actor(text=actor.text, country=flags.pop(), sector=actor.sector)

    def _placed_group(self, actor: Actor, span: Span, root: Token, when: str | None) -> Actor:
        """An unnamed or transnational armed group takes the country the text places it in
        ("Islamic State targets in Syria", "Iran-aligned parties in Baghdad", "militant groups
        operating in Syria and Iraq"), else that of the armed group the document named last
        (news about "the militias" is about the ones it has named). Civilians, and air defences
        of no stated owner, are of the country they are in; so is a police force the text gives
        no country ("police detained more than 70 suspects" in Colombo are Sri Lanka's)."""
        proxy = self._config.not_member.search(span.text) is not None or any(
            self._config.sectors.get(w) in NON_STATE for w in re.findall(r"[\w'-]+", span.text.lower()))
        if actor.country in ("UNK", None) and actor.sector in ("civilian", "opposition", "police"):
            return self._placed_civilians(actor, span, root)
        if actor.country in ("UNK", None) and root.lower_ in self._config.territorial_heads:
            return self._placed_defences(actor, span, root)
        if actor.country not in ("UNK", None) or not (actor.sector in NON_STATE or proxy):
            return self._titled(actor, span)
        return self._placed_armed(actor, span, root, when)

    def _placed_defences(self, actor: Actor, span: Span, root: Token) -> Actor:
        """Air defences of no stated owner: the country of the place their phrase or the
        paragraph puts them in (not the dateline's: a report from Ottawa tells of Iran's)."""
        country = self._place_of(root) or self._place_in_paragraph(span, own_sentence=True)
        if country is None:
            return actor
        return replace(actor, country=country)

    def _placed_civilians(self, actor: Actor, span: Span, root: Token) -> Actor:
        """Protesters, residents, workers: the country of the place the text puts them in (their
        own phrase, their sentence, or the sentence before)."""
        country = self._place_of(root)
        place = self._places.scan(span.text)
        if country is None and place:
            country = place[-1].entries[0].country
        if country is None:
            country = self._place_in_paragraph(span, own_sentence=True)
        if country is None:  # the dateline's city: "BAGHDAD, Jan. 1, 2020 —"
            first = next(iter(span.doc.sents), None)
            if first is not None and first.end_char <= span.start_char:
                country = self._country_of_place(first.text.split(",")[0].title())
        if country is None:
            return actor
        return replace(actor, country=country)

    def _titled(self, actor: Actor, span: Span) -> Actor:
        """"a government spokesman", "the foreign minister" with no country: the country named
        last before it in the same or the previous sentence."""
        if actor.country not in ("UNK", None) or actor.sector != "government" or len(span) > 4:
            return actor
        if span.root.lower_ not in self._config.reporter_titles | {"spokesman", "spokeswoman", "spokesperson"}:
            return actor
        sents = _sentence_starts(span.doc)
        index = max((i for i, s in enumerate(sents) if s <= span.start_char), default=0)
        window = sents[max(0, index - 1)]
        for match in reversed(self._mentions(span.doc, window, span.start_char)):
            entry = match.entries[0]
            if entry.kind in ("country", "capital") and entry.country:
                return Actor(text=actor.text, name=entry.name, country=entry.country,
                             sector=actor.sector, id=f"{entry.country}GOV")
        return actor

    def _placed_armed(self, actor: Actor, span: Span, root: Token, when: str | None) -> Actor:
        own = self._own_place(span, root)
        country = own or self._place_of_sentence(span) \
            or self._group_named_before(span, when) or self._place_in_paragraph(span) \
            or self._place_of_lede(span) or self._group_named_after(span, when)
        theatre = self._theatres.get(actor.id or "")
        if theatre is not None and own is None and country not in theatre[1]:
            country = self._theatre_country(span.doc, theatre[1])
        if country is None:
            return actor
        return replace(actor, country=country)

    def _theatre_country(self, doc: Doc, countries: frozenset[str]) -> str:
        """A group of no one country whose phrase does not place it ("Islamic State targets",
        "the Islamic State claimed the bombings"), told of in a report set elsewhere (a Canadian
        brief, a bombing in Iran): its own theatre, the one of its countries the report names
        most (``theatre`` in the data files; with none named, the first in alphabetical order)."""
        named = Counter(m.entries[0].country for m in self._mentions(doc) if m.entries[0].country in countries)
        return max(sorted(countries), key=lambda c: named[c])

    def _own_place(self, span: Span, root: Token) -> str | None:
        """The country of the place the phrase itself puts the group in ("militants in Anbar")."""
        for token in root.subtree:
            if span.start <= token.i < span.end and token.i != root.i:
                continue
            if token.dep_ != "pobj" or token.head.lower_ not in ("in", "inside", "from", "across"):
                continue
            country = self._country_of_place(_compact(token).text)
            if country is not None:
                return country
        return None

    def _group_named_before(self, span: Span, when: str | None) -> str | None:
        """The country of the armed group the document named last before the phrase."""
        before = reversed(self._mentions(span.doc, 0, span.start_char))
        named = (_armed_country(m.entries[0], when) for m in before)
        return next((country for country in named if country), None)

    def _place_in_paragraph(self, span: Span, own_sentence: bool = False) -> str | None:
        """The country of the place the nearest sentence of the paragraph puts its events in:
        an earlier one, or (``own_sentence``) the phrase's own sentence first."""
        window, end = _window_start(span), span.sent.start_char
        starts = [s for s in _sentence_starts(span.doc) if window <= s < end or (own_sentence and s == end)]
        return next(filter(None, (self._place_of_sentence_at(span.doc, s) for s in reversed(starts))), None)

    def _place_of_lede(self, span: Span) -> str | None:
        """The country of the place the report's first sentences put its events in ("two
        rockets struck Al-Asad Air Base in western Iraq"), for a group the rest of the report
        leaves unplaced: the report is about the place it opened with."""
        opening = [s for s in _sentence_starts(span.doc)[:3] if s < span.sent.start_char]
        return next(filter(None, (self._place_of_sentence_at(span.doc, s) for s in opening)), None)

    def _place_of_sentence_at(self, doc: Doc, start: int) -> str | None:
        """:meth:`_place_of_sentence` of the sentence that begins at character ``start``."""
        sent = doc.char_span(start, start + 1, alignment_mode="expand")
        return self._place_of_sentence(sent) if sent is not None else None

    def _group_named_after(self, span: Span, when: str | None) -> str | None:
        """The country of the first armed group the report names after an unnamed one ("Iran-backed
        militias ... four members of Kata'ib Hezbollah were killed"): the report is about it."""
        named = (_armed_country(m.entries[0], when) for m in self._mentions(span.doc, span.end_char))
        return next((country for country in named if country), None)

    def _place_of_sentence(self, span: Span) -> str | None:
        """The country of the first place the sentence puts its events in ("in western Iraq",
        "in Pakistan's Balochistan province")."""
        for token in span.sent:
            if token.dep_ != "pobj" or token.head.lower_ not in ("in", "inside") \
                    or token.head.head.lemma_.lower() in _FLAG_VERBS:  # "flagged in Liberia": no place
                continue
            named = [token] if token.pos_ == "PROPN" else \
                [c for c in token.children if c.dep_ == "poss" and c.pos_ == "PROPN"]
            for name in named:
                country = self._country_of_place(_compact(name).text)
                if country is not None:
                    return country
        return None

    def _country_of_place(self, text: str) -> str | None:
        found = self.find(text)
        if found is not None and found[0].kind in ("country", "capital"):
            return found[0].country
        place = self._places.scan(text)
        return place[-1].entries[0].country if place else None


def _fronted_in(span: Span) -> list[Token]:
    """The "in" that opens the clause whose subject ``span`` is: "In Tehran, the ministry said"."""
    verb = span.root.head
    if span.root.dep_ not in ("nsubj", "nsubjpass") or verb.i == span.root.i:
        return []
    return [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in" and c.i < span.start
            and c.i == c.sent.start]


def _right_after(phrase: Token, clause: Token) -> bool:
    """Whether ``clause`` follows ``phrase`` with only punctuation and adverbs between."""
    return clause.i > phrase.i and all(t.is_punct or t.pos_ == "ADV" for t in phrase.doc[phrase.i + 1:clause.i])


def _nominal_path(node: Token, root: Token) -> bool:
    """Whether ``node`` hangs from ``root`` through nouns and prepositions only (so the clause
    on it still describes ``root``: "sites on the border used by X")."""
    for _ in range(6):
        if node.i == root.i:
            return True
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            return False
        node = node.head
    return False


def _rank(match: AliasMatch) -> int:
    """On equal length, people and organisations beat countries (their names are specific)."""
    kinds = {e.kind for e in match.entries}
    return 0 if kinds & {"person", "organisation"} else 1


def _is_country_only(actor: Actor) -> bool:
    return actor.id is not None and actor.id[:3] == actor.country and len(actor.id) <= 6


def _names_a_place(token: Token, place_prepositions: frozenset[str]) -> bool:
    """Whether a name is the object of a preposition of place ("in central Gaza", "from
    Lebanon", "in the mountains of northern Iraq"), which says where something is, not who
    acts."""
    while token.dep_ == "pobj":
        preposition = token.head
        if preposition.lower_ in place_prepositions:
            return True
        if preposition.lower_ != "of":
            return False
        token = preposition.head
    return False


def _armed_country(entry: ActorEntry, when: str | None) -> str | None:
    """The country of a named armed non-state group at ``when`` ("Kata'ib Hezbollah": IRQ),
    else None."""
    if entry.kind == "organisation" and entry.sector in NON_STATE:
        return entry.placed(when)[0]
    return None


def _the_surname(text: str, alias: str) -> bool:
    """A person's one-word name after "the" ("the Carney", "the Mason") names a thing called
    after someone, a warship most often: people are not called "the" by surname."""
    words = text.lower().split()
    return len(words) == 2 and words[0] == "the" and " " not in alias.strip() and words[1] == alias.lower()


def _the_before(text: str, offset: int) -> bool:
    """Whether the word right before ``offset`` is "the" ("the Carney")."""
    return text[:offset].rstrip().lower().split()[-1:] == ["the"]


def _as_named_before(earlier: Actor, text: str) -> Actor | None:
    """A person called again by surname or pronoun: who the first mention says, when it says
    so; a state official the first mention names only by title ("Energy Minister Khalid
    al-Falih") keeps that mention as the name, from which a local report's country is read
    later (``counterparts.place_named_sides``)."""
    if earlier.country != "UNK":
        return _retext(earlier, text)
    if earlier.sector in STATE_SECTORS and earlier.name is None:
        return Actor(text=text, name=earlier.text, country="UNK", sector=earlier.sector)
    return None


def _retext(actor: Actor, text: str, keep_sector: str | None = None) -> Actor:
    sector = actor.sector if keep_sector is None or actor.sector in NON_STATE else keep_sector
    return Actor(text=text, name=actor.name, country=actor.country, sector=sector, id=actor.id)


def _of_name(root: Token) -> Span | None:
    """The proper name a common noun is "of": "the town of Douma", "the port of Hodeidah"."""
    if root.pos_ != "NOUN":
        return None
    for prep in root.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            obj = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN"), None)
            if obj is not None:
                return root.doc[obj.left_edge.i : obj.i + 1]
    return None


def _in_theatre_then(when: str | None, until: str | None) -> bool:
    """Whether a body still acted in its theatre at ``when`` (an undated report: yes)."""
    return when is None or until is None or when[:7] <= until


def _compact(token: Token) -> Span:
    """The token with its left modifiers and a proper-noun continuation ("Kata'ib Hezbollah
    fighters", "the Iran-backed militia Harakat al-Nujaba")."""
    doc = token.doc
    start = token.i
    for child in token.lefts:
        if child.dep_ in ("cc", "conj", "punct", "prep", "advmod", "neg", "preconj"):
            continue
        start = min(start, child.left_edge.i)
    end = token.i + 1
    while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].head.i in (token.i, end + 1, end - 1):
        end += 1
    for child in token.rights:
        if child.dep_ == "appos" and child.i == end:
            end = child.right_edge.i + 1
    while start < token.i and doc[start].is_punct:
        start += 1
    return doc[start:end]


def _with_next(span: Span, count: int) -> Span:
    """The span and up to ``count`` tokens after it."""
    return span.doc[span.start : min(span.end + count, len(span.doc))]


def _window_start(span: Span) -> int:
    """Character offset where the look-back for an antecedent begins: a few sentences back."""
    sents = _sentence_starts(span.doc)
    index = max((i for i, s in enumerate(sents) if s <= span.start_char), default=0)
    return sents[max(0, index - _LOOKBACK_SENTENCES + 1)]


def _alias_words(alias: str) -> set[str]:
    """The words of an alias, lower-cased: "Revolutionary Guards" -> {"revolutionary", "guards"}."""
    return {w.lower() for w in re.findall(r"\w+", alias)}


def _sentence_starts(doc: Doc) -> list[int]:
    key = "flashpoint.sentence_starts"
    if key not in doc.user_data:
        doc.user_data[key] = [s.start_char for s in doc.sents] or [0]
    return doc.user_data[key]


# -- loading ----------------------------------------------------------------------------------

def _read_yaml(text: str, where: str) -> Any:
    try:
        return yaml.load(text, Loader=_LOADER)
    except yaml.YAMLError as exc:
        raise ModelError(f"cannot parse {where}: {exc}") from exc


def _packaged(*parts: str) -> str:
    try:
        return resources.files("flashpoint").joinpath("data", *parts).read_text(encoding="utf-8")
    except OSError as exc:
        raise ModelError(f"cannot read data file {'/'.join(parts)}: {exc}") from exc


def _merge(target: dict[str, Any], part: Any, where: str) -> None:
    if not isinstance(part, dict):
        raise ModelError(f"{where} must hold a mapping")
    for key, value in part.items():
        if isinstance(value, dict) and isinstance(target.get(key), dict):
            target[key].update(value)
        else:
            target[key] = value


def load_actors(path: str | None = None) -> ActorDictionary:
    """The knowledge base from ``flashpoint/data/actors/`` (or ``path``: a folder of the same
    files, or one YAML file holding all sections), built once per process.

    ``load_actors()`` and ``load_actors(None)`` are one call: the cache is keyed on the path
    alone (an ``lru_cache`` on this function keyed them apart, and the analysis refresh, which
    calls it bare, built a second copy of the knowledge base after the coder had built one)."""
    return _load_actors(path)


@lru_cache(maxsize=4)
def _load_actors(path: str | None) -> ActorDictionary:
    data: dict[str, Any] = {}
    if path is None:
        for name in _DATA_FILES:
            _merge(data, _read_yaml(_packaged("actors", name), name), name)
    else:
        target = Path(path)
        files = sorted(target.glob("*.yaml")) if target.is_dir() else [target]
        for file in files:
            try:
                text = file.read_text(encoding="utf-8")
            except OSError as exc:
                raise ModelError(f"cannot read {file}: {exc}") from exc
            _merge(data, _read_yaml(text, str(file)), str(file))
        if "sectors" not in data:  # a file of names only borrows the packaged sector words
            _merge(data, _read_yaml(_packaged("actors", "sectors.yaml"), "sectors.yaml"), "sectors.yaml")
    if "countries" not in data:
        raise ModelError("the actor data must hold a 'countries' mapping")
    sites = _read_yaml(_packaged("sites.yaml"), "sites.yaml") or []
    regions = (_read_yaml(_packaged("regions.yaml"), "regions.yaml") or {}).get("regions") or []
    if not isinstance(sites, list) or not isinstance(regions, list):
        raise ModelError("sites.yaml and regions.yaml must hold lists")
    return ActorDictionary(data, sites, regions)


def _people_not_after_the(text: str, matches: list[AliasMatch]) -> list[AliasMatch]:
    """Matches less a person's name right after "the": news writes "the Carney" for the ship
    named before (the USS Carney), never for Mark Carney."""
    return [m for m in matches
            if not (all(e.kind == "person" for e in m.entries) and text[:m.start].lower().endswith("the "))]
