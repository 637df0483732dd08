"""Action-reaction chains: which incident answers which earlier one.

Two kinds of evidence make a :class:`~flashpoint.analysis.model.ChainLink`:

* **text** (``kind="text"``): a report says so. A cue of ``chain_cues.yaml`` in the sentence of
  an asserted event makes that event the response. A *forward* cue ("in retaliation for", "to
  avenge") or a *backward* one ("X triggered Y") points at a phrase naming the earlier act: an
  event coded inside that phrase is the cause; otherwise the phrase is matched against earlier
  incidents by the date it names ("the June 27th attacks"), its act word ("the assassinations"),
  the actors it names, and whether the earlier act was done by the responder's target; the
  best fit wins, the most recent on a tie. A *bare* cue ("retaliated", "retaliatory") names no
  act: the cause is the most recent hostile act by the other side within
  ``AnalysisSettings.chain_window_days`` (or told earlier in the same document when undated).
* **structure** (``kind="structure"``): a hostile act of material conflict (QuadClass 4) by side
  B against side A within ``chain_window_days`` after one by A against B, both dated to the day.
  A side is the actor's country plus its sponsor, so Iran and the militias it backs are one side.
  An attacker the text does not name still links when the earlier act was against the country
  where it struck (or its suspected country); such links score lower, and say so.

A chain is a connected component of links, its incidents in date order (:func:`list_chains`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Sequence

from sqlalchemy import Connection, select

from flashpoint.analysis.cues import (
    ChainCues,
    CueHit,
    PhraseDate,
    Reference,
    find_cues,
    load_chain_cues,
    read_reference,
)
from flashpoint.analysis.incidents import BuiltIncident
from flashpoint.analysis.merge import stem
from flashpoint.analysis.model import ChainLink, Incident, load_incidents
from flashpoint.analysis.reports import Party, Report, date_interval
from flashpoint.records import stable_hash
from flashpoint.settings import AnalysisSettings
from flashpoint.store import Store, schema
from flashpoint.store.store import reading

__all__ = ["link_incidents", "components", "list_chains"]
_STRUCTURE_BASE = {"named": 0.6, "suspected": 0.45, "unknown": 0.35}


# -- incidents as linking sees them --------------------------------------------------------------


@dataclass(frozen=True)
class _Node:
    incident: Incident
    members: tuple[Report, ...]
    interval: tuple[int, int] | None
    source: Party | None
    target: Party | None
    place_countries: frozenset[str]
    triggers: frozenset[str]

    @property
    def id(self) -> str:
        return self.incident.incident_id

    @property
    def day(self) -> bool:
        return self.incident.date is not None and len(self.incident.date) == 10


def _node(built: BuiltIncident) -> _Node:
    inc = built.incident
    return _Node(
        incident=inc,
        members=built.members,
        interval=date_interval(inc.date),
        source=_party(inc, "source"),
        target=_party(inc, "target"),
        place_countries=frozenset(m.place.country for m in built.members
                                  if m.place is not None and m.place.country),
        triggers=frozenset(stem(m.trigger.split()[-1]) for m in built.members if m.trigger),
    )


def _party(incident: Incident, role: str) -> Party | None:
    values = [getattr(incident, f"{role}_{k}") for k in ("name", "country", "sector", "actor_id", "sponsor")]
    return None if all(v is None for v in values) else Party(*values)


def _label(node: _Node) -> str:
    inc = node.incident
    who = node.source.label() if node.source else "unknown"
    whom = node.target.label() if node.target else "unknown"
    where = f" at {inc.loc_name}" if inc.loc_name else ""
    return f"{inc.event_type} by {who} against {whom}{where} ({inc.date or 'undated'})"


def _may_precede(cause: _Node, response: _Node, before: tuple[Any, ...]) -> bool:
    """Whether ``cause`` can have come before ``response`` (reported at text position
    ``before``): dates not in the wrong order; undated, told earlier in the same document."""
    if cause.id == response.id:
        return False
    if cause.interval is not None and response.interval is not None:
        if cause.interval[0] > response.interval[1]:
            return False
        if cause.interval != response.interval or not cause.day:
            return True
    first = _first_in_document(cause, before[0])
    return first is not None and first < before


def _first_in_document(node: _Node, seq: int) -> tuple[Any, ...] | None:
    """The text position of the node's first report in the document ingested ``seq``-th."""
    found = [m.position for m in node.members if m.position[0] == seq]
    return min(found) if found else None


def _gap(cause: _Node, response: _Node) -> int | None:
    """Days from cause to response when both are dated to the day; else unknown."""
    if not (cause.day and response.day) or cause.interval is None or response.interval is None:
        return None
    return response.interval[0] - cause.interval[0]


def _within_window(cause: _Node, response: _Node, settings: AnalysisSettings) -> bool:
    if cause.interval is None or response.interval is None:
        return True  # undated: _may_precede already asked for the same document, told earlier
    return response.interval[0] - cause.interval[1] <= settings.chain_window_days


def _sides_meet(a: Party | None, b: Party | None) -> bool:
    return a is not None and b is not None and bool(a.side & b.side)


# -- text links --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Found:
    """A cause found for a cue, how strongly it fits (0..1), and what made it fit."""

    cause: _Node
    weight: float
    notes: tuple[str, ...]


def _date_fit(ref: PhraseDate, node: _Node,
              response: _Node) -> int:
    """2: the phrase's date is the node's; 1: consistent at a coarser precision; 0: not it."""
    if node.incident.date is None:
        return 0
    parts = [int(p) for p in node.incident.date.split("-")]
    mine = (parts + [None, None])[:3]
    year, month, day = ref
    if year is None:  # "the June 27th attacks": the response's year, or the one before
        known = response.incident.date
        if known is not None and mine[0] not in (int(known[:4]), int(known[:4]) - 1):
            return 0
        year = mine[0]
    given = [(year, mine[0]), (month, mine[1]), (day, mine[2])]
    if any(a is not None and b is not None and a != b for a, b in given):
        return 0
    return 2 if all(a == b for a, b in given) else 1


def _fit(ref: Reference, node: _Node, response: _Node) -> tuple[int, list[str], bool]:
    """Points of a candidate cause against a phrase, the notes, and whether the phrase named it
    by date or actor (a bare act word is weaker: it must be recent or in the same document)."""
    points, notes = 0, []
    dated = max((_date_fit(d, node, response) for d in ref.dates), default=0)
    if dated:
        points += dated
        notes.append(f"its date ({node.incident.date})")
    if node.incident.event_type in ref.types:
        points += 1
        notes.append(f"its type ({node.incident.event_type})")
    if ref.stems & node.triggers:
        points += 1
        notes.append(f"its act word ({sorted(ref.stems & node.triggers)[0]})")
    named = [p for p in (node.source, node.target) if p is not None
             and any(i == p.actor_id or (c is not None and c == p.country) for i, c in ref.actors)]
    if named:
        points += len(named)
        notes.append("its actors (" + ", ".join(p.label() for p in named) + ")")
    if _sides_meet(node.source, response.target):
        points += 1
        notes.append(f"its doer ({node.source.label() if node.source else ''}) is the one now hit")
    return points, notes, bool(dated or named)


def _response(hit: CueHit, reports: Sequence[Report], sentence: str, cues: ChainCues,
              settings: AnalysisSettings) -> Report | None:
    """The event the cue's sentence reports as the answer, nearest to the cue (hostile first):
    for a forward cue, before it ("Y did Z in response to X") or, when the cue opens the
    sentence, after its phrase; after a backward cue; right at a bare one, and hostile."""
    def at(r: Report) -> int:
        return (r.trigger_start if r.trigger_start is not None else r.char_start) - r.char_start

    if hit.kind == "forward":
        opening = re.fullmatch(r"\W*(?:[\w'-]+\s*,)?\W*", sentence[: hit.start]) is not None
        found = [r for r in reports if (at(r) >= hit.phrase_end if opening else at(r) < hit.start)]
    elif hit.kind == "backward":
        found = [r for r in reports if at(r) >= hit.end]
    else:
        found = [r for r in reports if r.quad_class in settings.hostile_quad_classes
                 and _words_between(sentence, hit, at(r)) <= cues.bare_reach]
    if not found:
        return None
    return min(found, key=lambda r: (r.quad_class not in settings.hostile_quad_classes,
                                     min(abs(at(r) - hit.start), abs(at(r) - hit.end)), r.position))


def _words_between(sentence: str, hit: CueHit, offset: int) -> int:
    gap = sentence[hit.end:offset] if offset >= hit.end else sentence[offset:hit.start]
    words = re.findall(r"[\w'-]+", gap)
    return len(words) - (1 if offset < hit.start and words else 0)  # the act word itself


def _in_phrase(hit: CueHit, reports: Sequence[Report], response: _Node,
               node_of: Mapping[str, _Node]) -> _Found | None:
    """An act coded inside the phrase ("in retaliation for the rocket attack that killed ..."):
    the text itself says which act is answered."""
    inside = [r for r in reports if r.trigger_start is not None
              and hit.phrase_start <= r.trigger_start - r.char_start < hit.phrase_end]
    for report in sorted(inside, key=lambda r: (abs((r.trigger_start or 0) - r.char_start - hit.end),
                                                r.position)):
        cause = node_of[report.event_id]
        if cause.id != response.id and _dates_allow(cause, response):
            return _Found(cause, 1.0, ("the act it names is reported in the same sentence",))
    return None


def _dates_allow(cause: _Node, response: _Node) -> bool:
    return (cause.interval is None or response.interval is None
            or cause.interval[0] <= response.interval[1])


def _recency(node: _Node, response: _Node, at: tuple[Any, ...]) -> tuple[Any, ...]:
    """Sort key for "the most recent": the later date; for an undated response, the act told
    last before it in its document."""
    told = [m.position for m in node.members if m.position[0] == at[0] and m.position < at]
    last = max(told) if told else (-1, -1, -1, "")
    if response.interval is None:
        return (last,)
    return (node.interval[0] if node.interval else -1, last)


def _named_cause(hit: CueHit, response: _Node, at: tuple[Any, ...], nodes: Sequence[_Node],
                 settings: AnalysisSettings) -> _Found | None:
    """The earlier incident the phrase names best (date, act word, actors, sides); the most
    recent one on a tie. A phrase fitting by its act word alone must be recent and told in the
    same document."""
    ref = read_reference(hit.phrase)
    best: tuple[Any, _Found] | None = None
    for node in nodes:
        if not _may_precede(node, response, at):
            continue
        points, notes, named = _fit(ref, node, response)
        if points == 0 or not (named or ref.types & {node.incident.event_type} or ref.stems & node.triggers):
            continue
        if not named and not (_within_window(node, response, settings)
                              and _first_in_document(node, at[0]) is not None):
            continue
        key = (points, _recency(node, response, at))
        if best is None or key > best[0]:
            found = _Found(node, min(1.0, 0.6 + 0.1 * points),
                           (f"\u201c{hit.phrase}\u201d fits it by " + ", ".join(notes),))
            best = (key, found)
    return None if best is None else best[1]


def _answered_by_side(response: _Node, at: tuple[Any, ...], nodes: Sequence[_Node],
                      settings: AnalysisSettings) -> _Found | None:
    """For a bare cue: the most recent hostile act by the responder's target against the
    responder's side (or, the responder unnamed, against anyone), within the chain window."""
    best: tuple[Any, _Found] | None = None
    for node in nodes:
        if (node.incident.quad_class not in settings.hostile_quad_classes
                or not _may_precede(node, response, at) or not _within_window(node, response, settings)
                or not _sides_meet(node.source, response.target)):
            continue
        full = _sides_meet(node.target, response.source)
        if not full and response.source is not None and response.source.named:
            continue
        note = (f"the cue names no act; the most recent hostile act by the one now hit "
                f"({node.source.label() if node.source else ''}) is this one")
        if not full:
            note += " (the responder is not named, so its side is not checked)"
        key = (_recency(node, response, at), full)
        if best is None or key > best[0]:
            best = (key, _Found(node, 0.9 if full else 0.75, (note,)))
    return None if best is None else best[1]


def _text_link(hit: CueHit, reports: Sequence[Report], node_of: Mapping[str, _Node],
               nodes: Sequence[_Node], settings: AnalysisSettings, cues: ChainCues) -> ChainLink | None:
    answer = _response(hit, reports, reports[0].sentence, cues, settings)
    if answer is None:
        return None
    response = node_of[answer.event_id]
    found: _Found | None = None
    if hit.phrase:
        found = (_in_phrase(hit, reports, response, node_of)
                 or _named_cause(hit, response, answer.position, nodes, settings))
    if found is None and hit.kind == "bare":
        found = _answered_by_side(response, answer.position, nodes, settings)
    if found is None:
        return None
    cause = found.cause
    quote = _quote(answer.sentence, hit)
    explanation = (f"{_label(response)} answers {_label(cause)}: a report says \u201c{quote}\u201d; "
                   + "; ".join(found.notes) + ".")
    return ChainLink(link_id=stable_hash("chain-link", cause.id, response.id, "text"),
                     cause_id=cause.id, response_id=response.id, kind="text",
                     score=round(cues.scores[hit.kind] * found.weight, 3),
                     explanation=explanation, cue=hit.cue, gap_days=_gap(cause, response))


def _quote(sentence: str, hit: CueHit) -> str:
    """The cue with some words around it, cut at word boundaries."""
    start = max(0, min(hit.start, hit.phrase_start if hit.phrase else hit.start) - 60)
    end = min(len(sentence), max(hit.end, hit.phrase_end) + 40)
    while start > 0 and not sentence[start - 1].isspace():
        start += 1
    while end < len(sentence) and not sentence[end].isspace():
        end -= 1
    text = sentence[start:end].strip()
    return ("\u2026" if start > 0 else "") + text + ("\u2026" if end < len(sentence) else "")


def _text_links(nodes: Sequence[_Node], settings: AnalysisSettings, cues: ChainCues) -> list[ChainLink]:
    node_of = {m.event_id: n for n in nodes for m in n.members}
    sentences: dict[tuple[str, int], list[Report]] = defaultdict(list)
    for node in nodes:
        for member in node.members:
            sentences[(member.doc_id, member.char_start)].append(member)
    links: list[ChainLink] = []
    for reports in sorted(sentences.values(), key=lambda rs: min(r.position for r in rs)):
        reports.sort(key=lambda r: r.position)
        for hit in find_cues(reports[0].sentence, cues):
            link = _text_link(hit, reports, node_of, nodes, settings, cues)
            if link is not None:
                links.append(link)
    return links


# -- structural links ------------------------------------------------------------------------------


def _structure_tier(cause: _Node, response: _Node) -> str | None:
    """How a hostile act answers an earlier one by side: ``named`` (both sides known),
    ``suspected`` (the responder's country is the coder's suspicion), ``unknown`` (the attacker
    is not known, but the attack struck in the country of the side hit first, or where the
    earlier act took place); None. Acts of a side against itself answer nothing."""
    if not (cause.source and cause.source.side and cause.target and cause.target.side):
        return None
    if _sides_meet(cause.source, cause.target) or _sides_meet(response.source, response.target):
        return None  # a side against itself (a government against its militias) is no exchange
    if not _sides_meet(cause.source, response.target):
        return None
    attacker = response.source
    if attacker is not None and attacker.known and cause.target.side & attacker.side:
        return "named" if attacker.named else "suspected"
    if attacker is not None and attacker.named:
        return None
    where = response.incident.loc_country
    return "unknown" if where and where in cause.target.side | cause.place_countries else None


def _structure_note(tier: str, cause: _Node, response: _Node) -> str:
    attacker = response.source.label() if response.source else "an unnamed attacker"
    first = cause.source.label() if cause.source else ""
    struck = cause.target.label() if cause.target else ""
    if tier == "named":
        return f"{attacker}, on the side {first} struck ({struck}), hit back at it"
    if tier == "suspected":
        return (f"the attacker is not named; the report suspects {attacker}, on the side {first} "
                f"struck ({struck}); scored lower")
    return (f"the attacker is not named; it struck {first}'s side in "
            f"{response.incident.loc_country}, where {first} had struck; scored lower")


def _structure_links(nodes: Sequence[_Node], settings: AnalysisSettings) -> list[ChainLink]:
    """For each hostile act dated to the day, the most recent earlier one it answers by side."""
    hostile = sorted((n for n in nodes if n.incident.quad_class == 4 and n.day and n.interval),
                     key=lambda n: (n.interval[0] if n.interval else 0, n.id))
    days = [n.interval[0] if n.interval else 0 for n in hostile]
    links: list[ChainLink] = []
    for response in hostile:
        day = response.interval[0] if response.interval else 0
        window = hostile[bisect_left(days, day - settings.chain_window_days):bisect_right(days, day)]
        best: tuple[Any, _Node, str] | None = None
        for cause in window:
            gap = _gap(cause, response) or 0
            if gap == 0 and not _may_precede(cause, response, min(m.position for m in response.members)):
                continue
            tier = _structure_tier(cause, response)
            if tier is None:
                continue
            key = (-gap, tier == "named", tier != "unknown", cause.id)
            if best is None or key > best[0]:
                best = (key, cause, tier)
        if best is not None:
            links.append(_structure_link(best[1], response, best[2], settings))
    return links


def _structure_link(cause: _Node, response: _Node, tier: str, settings: AnalysisSettings) -> ChainLink:
    gap = _gap(cause, response) or 0
    score = _STRUCTURE_BASE[tier] * (1 - 0.5 * gap / settings.chain_window_days)
    explanation = (f"{_label(response)} came {gap} day(s) after {_label(cause)}, within "
                   f"{settings.chain_window_days} days: {_structure_note(tier, cause, response)}.")
    return ChainLink(link_id=stable_hash("chain-link", cause.id, response.id, "structure"),
                     cause_id=cause.id, response_id=response.id, kind="structure",
                     score=round(score, 3), explanation=explanation, cue=None, gap_days=gap)


# -- links and chains ------------------------------------------------------------------------------


def link_incidents(built: Sequence[BuiltIncident], settings: AnalysisSettings,
                   cues: ChainCues | None = None) -> list[ChainLink]:
    """Every link between ``built`` incidents: text links first; a structural link only where
    no link joins the same two incidents. At most one link per pair, the best scored."""
    nodes = [_node(b) for b in built]
    best: dict[frozenset[str], ChainLink] = {}
    for link in _text_links(nodes, settings, cues or load_chain_cues()):
        pair = frozenset((link.cause_id, link.response_id))
        if pair not in best or link.score > best[pair].score:
            best[pair] = link
    for link in _structure_links(nodes, settings):
        best.setdefault(frozenset((link.cause_id, link.response_id)), link)
    return sorted(best.values(), key=lambda link: link.link_id)


def components(links: Iterable[ChainLink]) -> list[list[str]]:
    """Connected components of the links' incidents (each sorted; the list sorted too)."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for link in links:
        parent[root(link.cause_id)] = root(link.response_id)
    groups: dict[str, list[str]] = defaultdict(list)
    for node in list(parent):
        groups[root(node)].append(node)
    return sorted(sorted(g) for g in groups.values())


def list_chains(target: Store | Connection, *, since: str | None = None, until: str | None = None,
                country: str | None = None) -> list[dict[str, Any]]:
    """Chains (connected components of links), ordered by start date: ``{"chain_id", "start",
    "end", "incidents" (date order), "links"}``. ``since``/``until`` keep a chain with an
    incident that could fall in the range; ``country`` one with an incident by or against it
    (or its proxies)."""
    from flashpoint.store.queries import EventFilter

    EventFilter(since=since, until=until)  # the same date checks as everywhere else
    with reading(target) as conn:
        links = [ChainLink.from_row(r._mapping) for r in conn.execute(select(schema.chain_links))]
        by_id = {i.incident_id: i for i in load_incidents(conn)}
    chains = []
    for ids in components(links):
        members = sorted((by_id[i] for i in ids if i in by_id), key=_date_order)
        if not members or not _keeps(members, since, until, country):
            continue
        chains.append(_chain(members, [link for link in links if link.response_id in ids]))
    return sorted(chains, key=lambda c: (c["start"] is None, c["start"] or "", c["chain_id"]))


def _date_order(incident: Incident) -> tuple[Any, ...]:
    return (incident.date is None, incident.date or "", incident.incident_id)


def _keeps(members: Sequence[Incident], since: str | None, until: str | None,
           country: str | None) -> bool:
    def in_range(date: str | None) -> bool:
        if date is None:
            return since is None and until is None
        return ((since is None or date + "-99-99" >= since)
                and (until is None or date <= until + "-99-99"[: 10 - len(until)]))

    def involves(i: Incident) -> bool:
        sides = {i.source_country, i.target_country, i.source_sponsor, i.target_sponsor}
        return country is None or country.upper() in sides

    return any(in_range(i.date) for i in members) and any(involves(i) for i in members)


def _chain(members: Sequence[Incident], links: Sequence[ChainLink]) -> dict[str, Any]:
    dated = [i.date for i in members if i.date]
    order = {i.incident_id: n for n, i in enumerate(members)}
    ordered = sorted(links, key=lambda l: (order.get(l.response_id, 0), order.get(l.cause_id, 0), l.link_id))
    return {
        "chain_id": stable_hash("chain", members[0].incident_id),
        "start": min(dated) if dated else None,
        "end": max(dated) if dated else None,
        "incidents": [i.to_dict() for i in members],
        "links": [{k: getattr(l, k) for k in ("cause_id", "response_id", "kind", "cue", "gap_days",
                                               "score", "explanation")} for l in ordered],
    }
