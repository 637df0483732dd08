"""Turning an argument phrase into an :class:`~flashpoint.records.Actor`.

The dictionary (``flashpoint/data/actors.yaml``) lists countries (names, demonyms, capitals),
organisations and people. A phrase is resolved by the *longest* alias found inside it, so
"Iran's Islamic Revolutionary Guards Corps" is the IRGC rather than Iran, and "Iranian General
Qasem Soleimani" is Soleimani (IRN, military). When only a country is named, the sector comes
from the phrase's own words ("U.S. forces" -> military; "Tehran" -> government). Phrases naming
no known actor keep their text, with country ``UNK``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Mapping

from flashpoint.errors import ModelError
from flashpoint.events.ontology import read_data_file
from flashpoint.records import Actor

__all__ = ["ActorEntry", "ActorDictionary", "load_actors", "normalise_quotes"]

#: Sector codes used in actor ids (CAMEO-style ``USAMIL``).
SECTOR_CODES: Mapping[str, str] = {
    "government": "GOV",
    "military": "MIL",
    "militia": "MIL",
    "insurgent": "REB",
    "police": "COP",
    "civilian": "CVL",
    "opposition": "OPP",
    "igo": "IGO",
}

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00b4": "'"})


def normalise_quotes(text: str) -> str:
    """Curly apostrophes to straight ones (same length, so offsets survive)."""
    return text.translate(_QUOTES)


@dataclass(frozen=True)
class ActorEntry:
    """One known actor: ``kind`` is ``country``, ``capital``, ``organization`` or ``person``."""

    id: str
    name: str
    kind: str
    country: str | None
    sector: str | None = None
    sponsor: str | None = None


class ActorDictionary:
    """Alias lookup over the actor dictionary, longest alias first."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        self._aliases: dict[str, ActorEntry] = {}
        self._exact: dict[str, ActorEntry] = {}  # case-sensitive acronyms
        try:
            self._load(data)
            self._sectors = self._sector_words(data["sectors"])
            not_member = "|".join(re.escape(s) for s in data["suffixes_not_membership"])
        except (KeyError, TypeError) as exc:
            raise ModelError(f"actors.yaml is malformed: {exc!r}") from exc
        self._not_member = re.compile(rf"\s*-\s*(?:{not_member})\b", re.IGNORECASE)
        self._pattern = self._compile()

    # -- loading -------------------------------------------------------------------------------
    def _add(self, alias: str, entry: ActorEntry) -> None:
        alias = normalise_quotes(str(alias)).strip()
        letters = alias.replace(".", "")
        if letters.isupper() and len(letters) <= 4:
            self._exact.setdefault(alias, entry)
        else:
            self._aliases.setdefault(alias.lower(), entry)

    def _load(self, data: Mapping[str, Any]) -> None:
        # Organisations and people first: their aliases win over a country's on equal length.
        for kind, section in (("organization", "organizations"), ("person", "people")):
            for key, spec in (data.get(section) or {}).items():
                entry = ActorEntry(
                    id=str(key), name=str(spec["name"]), kind=kind,
                    country=spec.get("country"), sector=spec.get("sector"),
                    sponsor=spec.get("sponsor"),
                )
                for alias in spec["names"]:
                    self._add(alias, entry)
        for iso3, spec in data["countries"].items():
            country = ActorEntry(id=iso3, name=str(spec["name"]), kind="country", country=iso3)
            capital = ActorEntry(id=iso3, name=str(spec["name"]), kind="capital",
                                 country=iso3, sector="government")
            for alias in [*spec.get("names", ()), *spec.get("demonyms", ())]:
                self._add(alias, country)
            for alias in spec.get("capitals", ()):
                self._add(alias, capital)

    @staticmethod
    def _sector_words(spec: Mapping[str, Any]) -> dict[str, str]:
        return {str(word).lower(): sector for sector, words in spec.items() for word in words}

    def _compile(self) -> re.Pattern[str]:
        # One alternation, longest alias first, so the regex itself prefers the longest match.
        folded = sorted(self._aliases, key=len, reverse=True)
        exact = sorted(self._exact, key=len, reverse=True)
        alternatives = [f"(?i:{re.escape(a)})" for a in folded] + [re.escape(a) for a in exact]
        alternatives.sort(key=lambda a: len(a), reverse=True)
        return re.compile(r"(?<![\w])(?:" + "|".join(alternatives) + r")(?![\w])")

    # -- lookup --------------------------------------------------------------------------------
    def find(self, text: str) -> tuple[ActorEntry, str] | None:
        """The entry of the longest alias in ``text`` (with the alias text), if any."""
        text = normalise_quotes(text)
        best: tuple[ActorEntry, str] | None = None
        for match in self._pattern.finditer(text):
            alias = match.group(0)
            entry = self._exact.get(alias) or self._aliases.get(alias.lower())
            if entry is None:
                continue
            if entry.kind in ("country", "capital") and self._not_member.match(text, match.end()):
                continue  # "Iran-backed militias": Iran is a sponsor, not a member
            
            if best is None or len(alias) > len(best[1]):
                best = (entry, alias)
        return best

    def sector_of(self, text: str) -> str | None:
        """The sector named by the phrase's words, read from its head (the end) leftwards."""
        words = re.findall(r"[\w'-]+", normalise_quotes(text).lower())
        for i in range(len(words) - 1, -1, -1):
            for size in (2, 1):  # "prime minister", "security forces" before single words
                if i - size + 1 < 0:
                    continue
                phrase = " ".join(words[i - size + 1 : i + 1])
                if phrase in self._sectors:
                    return self._sectors[phrase]
        return None

    def resolve(self, text: str) -> Actor:
        """An Actor for a noun phrase: dictionary identity where known, else text and UNK."""
        text = " ".join(text.split())
        found = self.find(text)
        phrase_sector = self.sector_of(text)
        if found is None:
            return Actor(text=text, country="UNK", sector=phrase_sector)
        entry, _alias = found
        if entry.kind in ("country", "capital"):
            sector = phrase_sector or entry.sector
            if entry.kind == "country" and phrase_sector is None:
                sector = None
            code = SECTOR_CODES.get(sector or "", "")
            return Actor(text=text, name=entry.name, country=entry.country,
                         sector=sector, id=f"{entry.country}{code}")
        return Actor(text=text, name=entry.name, country=entry.country or "UNK",
                     sector=entry.sector or phrase_sector, id=entry.id)


@lru_cache(maxsize=4)
def load_actors(path: str | None = None) -> ActorDictionary:
    """The actor dictionary from ``actors.yaml`` (or ``path``), built once per process."""
    data = read_data_file("actors.yaml", path)
    if not isinstance(data, dict) or "countries" not in data:
        raise ModelError("actors.yaml must hold a 'countries' mapping")
    return ActorDictionary(data)
