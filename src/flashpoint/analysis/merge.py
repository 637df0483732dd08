"""Merging repeat reports of one real-world event into clusters (the incidents-to-be).

The same rocket attack is told by many documents, and often twice in one (a key-points summary
and the body; "the June 27th attacks" three paragraphs after the strikes were told). Merging
groups those reports without deleting any: ``events`` keeps every one.

How a report finds its incident (``merge_rules.yaml`` holds the points and thresholds):

* **blocking**: only reports of the same PLOVER type whose dates could match are compared;
* **vetoes**: dates further apart than ``AnalysisSettings.merge_max_days`` (a month or year must
  contain the day), two precise places further apart than ``merge_max_km`` (unless both reports
  name the same two actors on the same day: a misplaced report is likelier than a second such
  event), places in different countries across documents, two named actors of different
  countries that are not each other's sponsor, and undated reports in different documents;
* **evidence**: what agrees scores points (same day, same place, same actor or country, same
  mode and act word, a definite repeat mention of an act told in an earlier sentence); a report
  joins the cluster it scores best against when the total reaches the threshold of its case
  (across documents, within one document, undated within one document); ties go to the cluster
  told nearest before it in the same document;
* **profile, not chain**: a report is compared with the cluster's *profile* (the date, place and
  actors most members agree on) and never with whichever member it resembles, so A~B and B~C
  cannot pull a C that contradicts A into one blob;
* **decisions** (:mod:`flashpoint.analysis.decisions`): a person's ``join`` puts reports together
  first; ``split`` keeps reports apart, or one report on its own.

Reports are taken in text order (ingest order of documents, then position), so a rebuild of the
same database gives the same clusters, and a later ingest only adds to what was there.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from typing import Any, Iterable, Mapping, NamedTuple, Sequence

from flashpoint.analysis.reports import Party, Place, Report
from flashpoint.errors import ModelError
from flashpoint.records import great_circle_km
from flashpoint.settings import AnalysisSettings

__all__ = [
    "MergeRules",
    "Constraints",
    "Profile",
    "Match",
    "Finding",
    "Cluster",
    "load_merge_rules",
    "cluster_reports",
    "compare",
    "profile_of",
    "is_repeat_mention",
    "stem",
]

_WORDS = re.compile(r"[\w'\u2019.\-]+|[,;:()\"\u201c\u201d]")
_PLACE_RANK = {"site": 0, "city": 1, "region": 2, "country": 3}
_DATE_RANK = {10: 0, 7: 1, 4: 2}
_VETO_POINTS = -3  # how a contradiction counts when choosing a representative (never merges)


@dataclass(frozen=True)
class MergeRules:
    """``merge_rules.yaml``, read once: points, thresholds, repeat-mention words, type nouns."""

    evidence: Mapping[str, Any]
    thresholds: Mapping[str, int]
    coarse_places: frozenset[str]
    determiners: frozenset[str]
    breakers: frozenset[str]
    max_words_between: int
    nouns: Mapping[str, frozenset[str]]

    def points(self, group: str, finding: str) -> int:
        value = self.evidence[group]
        return int(value[finding] if isinstance(value, Mapping) else value)


@lru_cache(maxsize=4)
def load_merge_rules(path: str | None = None) -> MergeRules:
    """The packaged rules (or ``path``), with each PLOVER type's nouns from ``plover.yaml``."""
    from flashpoint.events.ontology import load_ontology, read_data_file

    data = read_data_file("merge_rules.yaml", path)
    try:
        words = data["repeat_mention"]
        rules = MergeRules(
            evidence=data["evidence"],
            thresholds={k: int(v) for k, v in data["thresholds"].items()},
            coarse_places=frozenset(data["coarse_places"]),
            determiners=frozenset(str(w).lower() for w in words["determiners"]),
            breakers=frozenset(str(w).lower() for w in words["breakers"]),
            max_words_between=int(words["max_words_between"]),
            nouns={name: frozenset(n.lower() for n in t.nouns | frozenset(_phrase_heads(t.phrases)))
                   for name, t in load_ontology().types.items()},
        )
        _check(rules)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ModelError(f"merge_rules.yaml is malformed: {exc!r}") from exc
    return rules


def _check(rules: MergeRules) -> None:
    """Fail at load time, not mid-rebuild, when a threshold or a point value is missing."""
    missing = {"across_documents", "same_document", "undated_repeat_mention", "undated"}
    missing -= set(rules.thresholds)
    if missing:
        raise KeyError(f"thresholds lack {sorted(missing)}")
    findings = {"date": ("same_day", "within_days", "contains", "undated"),
                "place": ("near", "same_country", "unplaced", "suspect_country", "not_compared"),
                "actor": ("same_actor", "same_country", "sponsor", "unknown", "suspect_country")}
    for group, names in findings.items():
        for name in names:
            rules.points(group, name)
    rules.points("mode", "same")
    rules.points("mode", "differs")
    rules.points("same_trigger", "")
    rules.points("repeat_mention", "")


def _phrase_heads(phrases: Iterable[str]) -> list[str]:
    return [p.split()[-1] for p in phrases if p.split()]


@dataclass(frozen=True)
class Constraints:
    """A person's merge decisions in force (see :mod:`flashpoint.analysis.decisions`).

    ``together``: ``(event_a, event_b, decision_id)`` joins, oldest first; ``apart``: pairs a split
    keeps in different incidents; ``alone``: events a split took out on their own (no automatic
    merge with them).
    """

    together: tuple[tuple[str, str, str], ...] = ()
    apart: frozenset[frozenset[str]] = frozenset()
    alone: Mapping[str, str] = field(default_factory=dict)  # event id -> decision id


@dataclass(frozen=True)
class Profile:
    """What a cluster (or one report) looks like to a newcomer: its consensus fields."""

    event_type: str
    representative: str
    date: str | None
    interval: tuple[int, int] | None
    place: Place | None
    source: Party | None
    target: Party | None
    triggers: frozenset[str]
    groups: frozenset[str]
    mode: str | None = None


class Finding(NamedTuple):
    """One test of a comparison: what was found, its points, and ``None`` points for a veto."""

    label: str
    points: int | None
    km: float | None = None

    @property
    def rules_out(self) -> bool:
        return self.points is None


@dataclass(frozen=True)
class Match:
    """A newcomer compared with a profile: total points, the case's threshold, each test, and
    the test that ruled the match out, if one did."""

    score: int
    threshold: int
    case: str
    tests: Mapping[str, str]
    distance_km: float | None = None
    ruled_out: str | None = None

    @property
    def merges(self) -> bool:
        return self.ruled_out is None and self.score >= self.threshold

    def reason(self, matched: str) -> dict[str, Any]:
        """The ``incident_events.reason`` JSON object."""
        out: dict[str, Any] = {"matched": matched, "score": self.score,
                               "threshold": self.threshold, "case": self.case,
                               "tests": dict(self.tests)}
        if self.distance_km is not None:
            out["distance_km"] = round(self.distance_km, 1)
        if self.ruled_out is not None:
            out["ruled_out_by"] = self.ruled_out
        return out


@dataclass
class Cluster:
    """Reports merged so far, why each joined, and the profile newcomers are compared with."""

    members: list[Report]
    reasons: dict[str, dict[str, Any] | None]
    profile: Profile
    sealed: bool = False


# -- tests -------------------------------------------------------------------------------------


def _date_test(a: Profile, b: Profile, same_doc: bool, settings: AnalysisSettings,
               rules: MergeRules) -> Finding:
    """Equal, within ``merge_max_days``, or a coarse date containing the other."""
    if a.interval is None or b.interval is None:
        if not same_doc:
            return Finding("undated, in different documents: ruled out", None)
        return Finding("undated (same document)", rules.points("date", "undated"))
    gap = max(0, b.interval[0] - a.interval[1], a.interval[0] - b.interval[1])
    if len(a.date or "") == 10 and len(b.date or "") == 10:
        if gap == 0:
            return Finding(f"same day {a.date}", rules.points("date", "same_day"))
        if gap <= settings.merge_max_days:
            return Finding(f"{gap} day(s) apart ({a.date}, {b.date})", rules.points("date", "within_days"))
        return Finding(f"{gap} days apart ({a.date}, {b.date}): ruled out", None)
    coarse, fine = sorted((a.date or "", b.date or ""), key=len)
    if gap == 0:
        return Finding(f"{coarse} contains {fine}", rules.points("date", "contains"))
    return Finding(f"{coarse} does not contain {fine}: ruled out", None)


def _place_test(a: Place | None, b: Place | None, settings: AnalysisSettings, rules: MergeRules,
                *, repeat: bool = False, same_doc: bool = False, same_dyad: bool = False) -> Finding:
    """Near, same country, or one unplaced. A repeat mention's place is not compared (it comes
    from its context). Within one document a country-level place in another country, and for
    the same two named actors on the same day any distance, is tolerated at a cost: the
    geocoder's error is likelier than two such events."""
    if repeat:
        return Finding("not compared (repeat mention)", rules.points("place", "not_compared"))
    if a is None or b is None:
        return Finding("one report unplaced", rules.points("place", "unplaced"))
    coarse = a.precision in rules.coarse_places or b.precision in rules.coarse_places
    if not coarse and None not in (a.lat, a.lon, b.lat, b.lon):
        km = great_circle_km(a.lat, a.lon, b.lat, b.lon)  # type: ignore[arg-type]
        where = f"{km:.0f} km apart ({a.name}; {b.name})"
        if km <= settings.merge_max_km:
            return Finding(where, rules.points("place", "near"), km)
        if same_dyad:
            return Finding(f"{where}, tolerated: the same actors on the same day",
                           rules.points("place", "suspect_country"), km)
        return Finding(f"{where}: ruled out", None, km)
    if a.country and b.country and a.country != b.country:
        where = f"in different countries ({a.name}; {b.name})"
        if same_doc or same_dyad:
            return Finding(f"{where}, one only a country", rules.points("place", "suspect_country"))
        return Finding(f"{where}: ruled out", None)
    return Finding(f"same country ({a.name}; {b.name})", rules.points("place", "same_country"))


def _actor_test(a: Party | None, b: Party | None, rules: MergeRules) -> Finding:
    """Same actor, same country, sponsor relation, unknown; countries of two named actors that
    are not so related rule the match out. Either unnamed: a tolerated suspicion."""
    if a is None or b is None or not a.known or not b.known:
        return Finding("one side unknown", rules.points("actor", "unknown"))
    if a.actor_id is not None and a.actor_id == b.actor_id:
        return Finding(f"same actor ({a.label()})", rules.points("actor", "same_actor"))
    if a.country == b.country and "" in (a.state_sector, b.state_sector) and None not in (
            a.state_sector, b.state_sector):  # the state as a whole, and one of its bodies
        return Finding(f"same state ({a.country})", rules.points("actor", "same_actor"))
    if a.country == b.country:
        return Finding(f"same country ({a.country})", rules.points("actor", "same_country"))
    if a.side & b.side:
        shared = ", ".join(sorted(a.side & b.side))
        return Finding(f"sponsor agrees ({a.label()}, {b.label()}: {shared})",
                       rules.points("actor", "sponsor"))
    if a.named and b.named:
        return Finding(f"{a.label()} and {b.label()}: countries contradict, ruled out", None)
    return Finding(f"countries differ ({a.country}, {b.country}), one actor unnamed",
                   rules.points("actor", "suspect_country"))


def compare(new: Profile, repeat: bool, cluster: Profile, settings: AnalysisSettings,
            rules: MergeRules) -> Match:
    """How well a newcomer (a report, or reports joined by a person) fits a cluster.
    ``repeat``: the newcomer is a definite reference to an act the cluster holds from an earlier
    sentence of the same document."""
    same_doc = bool(new.groups & cluster.groups)
    found = {"date": _date_test(new, cluster, same_doc, settings, rules),
             "source": _actor_test(new.source, cluster.source, rules),
             "target": _actor_test(new.target, cluster.target, rules)}
    same_dyad = (_same_actor(found["source"]) and _same_actor(found["target"])
                 and found["date"].label.startswith("same day"))
    found["place"] = _place_test(new.place, cluster.place, settings, rules, repeat=repeat and same_doc,
                                 same_doc=same_doc, same_dyad=same_dyad)
    tests = {"type": f"same ({new.event_type})", **{k: f.label for k, f in sorted(found.items())}}
    score = sum(f.points or 0 for f in found.values())
    if new.mode and cluster.mode:
        same = new.mode == cluster.mode
        tests["mode"] = f"same ({new.mode})" if same else f"differs ({new.mode}, {cluster.mode})"
        score += rules.points("mode", "same" if same else "differs")
    shared = _shared_trigger(new.triggers, cluster.triggers)
    if shared:
        tests["trigger"] = f"same act word ({shared})"
        score += rules.points("same_trigger", "")
    if repeat and same_doc:
        tests["repeat_mention"] = "a definite reference to an act told earlier in the document"
        score += rules.points("repeat_mention", "")
    case = _case(same_doc, new.interval is not None and cluster.interval is not None, repeat)
    ruled_out = next((k for k, f in sorted(found.items()) if f.rules_out), None)
    return Match(score, rules.thresholds[case], case.replace("_", " "), tests, found["place"].km,
                 ruled_out)


def _same_actor(found: Finding) -> bool:
    """Both reports name the same actor in this role (one operation of one dyad on one day is
    one incident even where a coder placed a report wrongly: places then only lower the score)."""
    return found.label.startswith(("same actor", "same state"))


def _case(same_doc: bool, dated: bool, repeat: bool) -> str:
    if not same_doc:
        return "across_documents"
    if dated:
        return "same_document"
    return "undated_repeat_mention" if repeat else "undated"


def _shared_trigger(a: frozenset[str], b: frozenset[str]) -> str | None:
    for x in sorted(a):
        for y in sorted(b):
            if x == y or (min(len(x), len(y)) >= 4 and (x.endswith(y) or y.endswith(x))):
                return min(x, y, key=len)
    return None


def stem(word: str) -> str:
    """A crude stem, enough to see "strikes", "striking" and "strike" as one act word."""
    word = re.sub(r"[^a-z\-]", "", word.lower())
    for suffix in ("ings", "ing", "ies", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)] + ("y" if suffix == "ies" else "")
            break
    return word.rstrip("e") if len(word) > 4 else word


def is_repeat_mention(report: Report, rules: MergeRules) -> bool:
    """The act word is a noun of its type introduced by a definite determiner or a possessive,
    with only modifiers between ("the June 27th attacks", "the country's retaliatory attack")."""
    if not report.trigger or report.trigger_start is None:
        return False
    head = report.trigger.split()[-1].lower()
    forms = {head, head[:-1], head[:-2], head[:-3] + "y"}
    if not forms & rules.nouns.get(report.event_type, frozenset()):
        return False
    before = report.sentence[: max(0, report.trigger_start - report.char_start)]
    words = _WORDS.findall(before)
    for distance, word in enumerate(reversed(words)):
        lowered = word.lower().replace("\u2019", "'")
        if lowered in rules.determiners or lowered.endswith("'s") or lowered.endswith("s'"):
            return True
        if distance >= rules.max_words_between or lowered in rules.breakers:
            return False
        if not any(ch.isalnum() for ch in word):
            return False
    return False


# -- profiles ----------------------------------------------------------------------------------


def profile_of(members: Sequence[Report], settings: AnalysisSettings, rules: MergeRules,
               memo: _PairMemo | None = None) -> Profile:
    """The consensus of ``members``: for each field the value most members are compatible with
    (ties: the more precise, then the earlier), and the member that best stands for them.

    ``memo`` keeps the pairwise tests of a clustering run: a cluster's profile is taken again
    each time it grows, and its old pairs need not be tested again."""
    memo = _PairMemo() if memo is None else memo
    dated = [m for m in members if m.interval is not None]
    when = _consensus(dated, memo.test(
        "date", lambda x, y: not _date_test(_bare(x), _bare(y), False, settings, rules).rules_out),
        lambda m: _DATE_RANK.get(len(m.date or ""), 3))
    placed = [m for m in members if m.place is not None]
    where = _consensus(placed, memo.test(
        "place", lambda x, y: not _place_test(x.place, y.place, settings, rules).rules_out),
        lambda m: _PLACE_RANK.get(m.place.precision or "", 4) if m.place else 5)
    agrees = memo.test("actor", lambda p, o: (_actor_test(p, o, rules).points or 0) > 0)
    source = _party_consensus([m.source for m in members], agrees)
    target = _party_consensus([m.target for m in members], agrees, source)
    draft = Profile(
        event_type=members[0].event_type,
        representative=members[0].event_id,
        date=when.date if when else None,
        interval=when.interval if when else None,
        place=where.place if where else None,
        source=source,
        target=target,
        triggers=frozenset(stem(m.trigger.split()[-1]) for m in members if m.trigger),
        groups=frozenset(m.group_id for m in members),
        mode=_most_common(m.mode for m in members),
    )
    best = min(members, key=lambda m: (-_agreement(m, draft, settings, rules), -_information(m),
                                       m.position))
    return replace(draft, representative=best.event_id)


def _most_common(values: Iterable[str | None]) -> str | None:
    """The most frequent non-null value; ties: the first seen."""
    counts: dict[str, int] = {}
    for value in values:
        if value is not None:
            counts[value] = counts.get(value, 0) + 1
    return max(counts, key=lambda v: counts[v]) if counts else None


class _PairMemo:
    """Results of pairwise tests, by test and by the two objects compared (kept alive with
    their result, so that an object's id is never another's while the memo lives)."""

    def __init__(self) -> None:
        self._found: dict[tuple[str, int, int], tuple[Any, Any, bool]] = {}

    def test(self, kind: str, check: Any) -> Any:
        """``check`` (a pure test of two objects), remembered under ``kind``."""
        found = self._found

        def remembered(a: Any, b: Any) -> bool:
            key = (kind, id(a), id(b))
            hit = found.get(key)
            if hit is None:
                hit = found[key] = (a, b, bool(check(a, b)))
            return hit[2]

        return remembered


def _consensus(members: Sequence[Report], compatible: Any, rank: Any) -> Report | None:
    """The member whose value most others are compatible with (``compatible``: whether a pair
    is not ruled out); ties: ``rank``, then earliest."""
    if not members:
        return None
    support = {m.event_id: sum(1 for o in members if compatible(m, o)) for m in members}
    return min(members, key=lambda m: (-support[m.event_id], rank(m), m.position))


def _party_consensus(parties: Sequence[Party | None], agrees: Any,
                     other: Party | None = None) -> Party | None:
    """The actor most members agree with (``agrees``: whether the actor test of a pair scores
    points); ties: one of another country than ``other`` (the consensus source: a report of a
    state attacking itself is more often the coder reading "the U.S. airstrikes" as both
    sides), then a named one, then the earliest."""
    known = [p for p in parties if p is not None and p.known]
    if not known:
        return next((p for p in parties if p is not None), None)

    def support(p: Party) -> int:
        return sum(1 for o in known if agrees(p, o))

    def itself(p: Party) -> bool:
        return other is not None and other.known and p.country == other.country

    order = {id(p): i for i, p in enumerate(known)}
    return min(known, key=lambda p: (-support(p), itself(p), not p.named, order[id(p)]))


def _bare(report: Report) -> Profile:
    return Profile(report.event_type, report.event_id, report.date, report.interval, report.place,
                   report.source, report.target, frozenset(), frozenset({report.group_id}))


def _agreement(member: Report, profile: Profile, settings: AnalysisSettings, rules: MergeRules) -> int:
    """How well one member reproduces the consensus: agreement scores, a contradiction counts
    against it, and so does lacking what the consensus has (an unknown target, no date)."""
    bare = _bare(member)
    found = [_date_test(bare, profile, True, settings, rules),
             _place_test(member.place, profile.place, settings, rules),
             _actor_test(member.source, profile.source, rules),
             _actor_test(member.target, profile.target, rules)]
    lacks = [profile.interval is not None and member.interval is None,
             profile.place is not None and member.place is None,
             _lacks(member.source, profile.source), _lacks(member.target, profile.target)]
    return sum(_VETO_POINTS if f.points is None else f.points for f in found) - sum(lacks)


def _lacks(party: Party | None, consensus: Party | None) -> bool:
    return consensus is not None and consensus.known and (party is None or not party.known)


def _information(member: Report) -> int:
    """How much a report says: precise date and place, named actors, casualty figures."""
    score = 3 - _DATE_RANK.get(len(member.date or ""), 3)
    if member.place is not None:
        score += 4 - _PLACE_RANK.get(member.place.precision or "", 4)
    score += sum(1 for p in (member.source, member.target) if p is not None and p.named)
    return score + (member.fatalities is not None) + (member.injuries is not None)


# -- clustering --------------------------------------------------------------------------------


@dataclass
class _Unit:
    """Reports that enter clustering together: one report, or reports a person joined."""

    members: list[Report]
    reasons: dict[str, dict[str, Any] | None]
    sealed: bool


class _Index:
    """Clusters by type and day (and by year for month- or year-dated members), and by document
    group: the candidates a newcomer is compared with."""

    def __init__(self) -> None:
        self.days: dict[tuple[str, int], set[int]] = defaultdict(set)
        self.years: dict[tuple[str, int], set[int]] = defaultdict(set)
        self.groups: dict[tuple[str, str], set[int]] = defaultdict(set)

    def add(self, index: int, report: Report) -> None:
        kind = report.event_type
        self.groups[(kind, report.group_id)].add(index)
        if report.interval is None:
            return
        lo, hi = report.interval
        if lo == hi:
            self.days[(kind, lo)].add(index)
            return
        for year in _years(lo, hi):
            self.years[(kind, year)].add(index)

    def candidates(self, profile: Profile, slack: int) -> set[int]:
        kind = profile.event_type
        found: set[int] = set()
        for group in profile.groups:
            found |= self.groups.get((kind, group), set())
        if profile.interval is not None:
            lo, hi = profile.interval
            for day in range(lo - slack, hi + slack + 1):
                found |= self.days.get((kind, day), set())
            for year in _years(lo - slack, hi + slack):
                found |= self.years.get((kind, year), set())
        return found


def _years(lo: int, hi: int) -> range:
    return range(date.fromordinal(lo).year, date.fromordinal(hi).year + 1)


def cluster_reports(reports: Sequence[Report], constraints: Constraints,
                    settings: AnalysisSettings, rules: MergeRules) -> list[Cluster]:
    """Group ``reports`` (text order) into clusters, respecting ``constraints``."""
    clusters: list[Cluster] = []
    index = _Index()
    memo = _PairMemo()
    for unit in _units(reports, constraints):
        profile = profile_of(unit.members, settings, rules, memo)
        repeat = len(unit.members) == 1 and is_repeat_mention(unit.members[0], rules)
        chosen = None if unit.sealed else _best(unit, profile, repeat, clusters, index,
                                                 constraints, settings, rules)
        if chosen is None:
            clusters.append(Cluster(list(unit.members), dict(unit.reasons), profile, unit.sealed))
            position = len(clusters) - 1
        else:
            position, match = chosen
            cluster = clusters[position]
            first = unit.members[0].event_id
            cluster.reasons.update(unit.reasons)
            reason = match.reason(cluster.profile.representative)
            if unit.reasons.get(first):
                reason["decision"] = unit.reasons[first]
            cluster.reasons[first] = reason
            cluster.members.extend(unit.members)
            cluster.profile = profile_of(cluster.members, settings, rules, memo)
        for member in unit.members:
            index.add(position, member)
    return clusters


def _best(unit: _Unit, profile: Profile, repeat: bool, clusters: Sequence[Cluster], index: _Index,
          constraints: Constraints, settings: AnalysisSettings,
          rules: MergeRules) -> tuple[int, Match] | None:
    """The cluster the unit fits best (score, then nearest in the text, then the older one)."""
    best: tuple[Any, int, Match] | None = None
    ids = [m.event_id for m in unit.members]
    for position in index.candidates(profile, settings.merge_max_days):
        cluster = clusters[position]
        if cluster.sealed or _kept_apart(ids, cluster, constraints):
            continue
        told_before = repeat and any(m.group_id == unit.members[0].group_id
                                     and m.char_start < unit.members[0].char_start
                                     for m in cluster.members)
        match = compare(profile, told_before, cluster.profile, settings, rules)
        if not match.merges:
            continue
        key = (match.score, _nearness(cluster, profile.groups), -position)
        if best is None or key > best[0]:
            best = (key, position, match)
    return None if best is None else (best[1], best[2])


def _nearness(cluster: Cluster, groups: frozenset[str]) -> tuple[Any, ...]:
    """The text position of the cluster's latest member in the newcomer's document."""
    same = [m.position for m in cluster.members if m.group_id in groups]
    return max(same) if same else (-1, -1, -1, "")


def _kept_apart(ids: Sequence[str], cluster: Cluster, constraints: Constraints) -> bool:
    if not constraints.apart:
        return False
    return any(frozenset((a, m.event_id)) in constraints.apart for a in ids for m in cluster.members)


def _units(reports: Sequence[Report], constraints: Constraints) -> list[_Unit]:
    """Reports grouped by a person's joins (skipping a join that would put a split pair
    together), in the text order of each unit's first report."""
    by_id = {r.event_id: r for r in reports}
    parent = {r.event_id: r.event_id for r in reports}
    joined: dict[str, dict[str, Any]] = {}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b, decision_id in constraints.together:
        if a not in by_id or b not in by_id or root(a) == root(b):
            continue
        left = [x for x in by_id if root(x) == root(a)]
        right = [x for x in by_id if root(x) == root(b)]
        if any(frozenset((x, y)) in constraints.apart for x in left for y in right):
            continue
        parent[root(b)] = root(a)
        joined[b] = {"matched": a, "decision_id": decision_id, "case": "joined by a person"}
        joined.setdefault(a, {"matched": b, "decision_id": decision_id, "case": "joined by a person"})
    members: dict[str, list[Report]] = defaultdict(list)
    for report in reports:
        members[root(report.event_id)].append(report)
    units = [
        _Unit(group, {r.event_id: joined.get(r.event_id) for r in group},
              any(r.event_id in constraints.alone for r in group))
        for group in members.values()
    ]
    return sorted(units, key=lambda u: u.members[0].position)
