"""The model's attribute rules (tag map and exceptions), applied without a ``Matcher``.

spaCy's ``AttributeRuler`` runs a ``Matcher`` over every token with every one of its rules
(179 in the small English model, nearly all one-token rules on ``TAG``/``LOWER``/``DEP``): more
than a tenth of a whole parse, for what is mostly a table look-up. :class:`CompiledRules` gives
the same annotation from the same rules, read from the loaded ruler:

* a one-token rule matches a token by its values of the rules' attributes alone, so the result
  for a combination of values is worked out once (with bit sets: each attribute value selects
  the token patterns it satisfies) and then looked up, for the distinct combinations of a
  document (``numpy.unique``) rather than for each token;
* the few longer rules ("gon na") are checked where their first token matches;
* as in the ruler, everything is matched on the document as it came in, and where several
  rules set an attribute of a token the later rule wins; results are written with
  ``Doc.from_array``.

Rules using anything else (operators, extension attributes, other predicates) make
:func:`compile_rules` raise :class:`UnsupportedRules`, and the model's own ruler stays in place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator

import numpy
from spacy.attrs import DEP, IDS, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.strings import StringStore, get_string_id
from spacy.tokens import Doc
from spacy.util import minibatch

from flashpoint.errors import ModelError, UnsupportedRules

__all__ = ["CompiledRules", "RulesComponent", "compile_rules", "RULES_COMPONENT"]

RULES_COMPONENT = "flashpoint_attribute_rules"
#: Token attributes a rule may test: their ``Doc.to_array`` value is what the ``Matcher`` tests.
_MATCHABLE = frozenset({"ORTH", "LOWER", "NORM", "TAG", "POS", "DEP", "LEMMA", "SHAPE", "IS_SPACE",
                        "IS_PUNCT", "IS_ALPHA", "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE"})
#: Token attributes a rule may set: plain token fields, so ``Doc.from_array`` sets them as the
#: ruler does (the ruler also writes lexeme fields, but none of these is one).
_WRITABLE = (POS, TAG, MORPH, LEMMA, DEP)
#: Results kept per attribute value and per combination of values (about a vocabulary's worth;
#: beyond it the cache starts again rather than grow for ever in a long-running process).
_MAX_CACHED = 500_000


@dataclass
class _AttributeTest:
    """Which token patterns each value of one attribute satisfies, as bits (one per pattern)."""

    attr: int
    free: int = 0  # patterns that do not test this attribute
    equal: dict[int, int] = field(default_factory=dict)
    inside: dict[int, int] = field(default_factory=dict)
    outside: list[tuple[frozenset[int], int]] = field(default_factory=list)
    regex: list[tuple[re.Pattern[str], int]] = field(default_factory=list)
    cache: dict[int, int] = field(default_factory=dict)

    def bits(self, value: int, strings: StringStore) -> int:
        """The patterns that a token whose attribute has ``value`` satisfies, as far as this
        attribute goes (a pattern that does not test it always does)."""
        found = self.cache.get(value)
        if found is None:
            if len(self.cache) >= _MAX_CACHED:
                self.cache.clear()
            found = self.free | self.equal.get(value, 0) | self.inside.get(value, 0)
            for values, bit in self.outside:
                if value not in values:
                    found |= bit
            for pattern, bit in self.regex:
                if pattern.search(strings[value]):
                    found |= bit
            self.cache[value] = found
        return found


@dataclass(frozen=True)
class _Long:
    """A rule pattern of several tokens: its token patterns' bits, and which token it sets."""

    rule: int
    bits: tuple[int, ...]
    target: int


@dataclass
class CompiledRules:
    """The rules of one ``AttributeRuler``, compiled (see the module docstring)."""

    attrs: list[int]  # the attributes the rules test, as ``Doc.to_array`` columns
    tests: list[_AttributeTest]
    writes: list[dict[int, int]]  # per rule: attribute -> value it sets
    single: list[int]  # per one-token pattern bit position: its rule, else -1
    long: list[_Long]
    long_first: int  # bits of the first token patterns of ``long``
    single_bits: int  # bits of the one-token patterns
    _resolved: dict[tuple[int, ...], tuple[int, tuple[tuple[int, int], ...]]] = field(default_factory=dict)
    _sets: dict[int, tuple[tuple[int, int], ...]] = field(default_factory=dict)

    def apply(self, doc: Doc) -> None:
        """Set the attributes the rules give ``doc``'s tokens."""
        if len(doc) == 0:
            return
        rows, inverse = numpy.unique(doc.to_array(self.attrs).reshape(len(doc), -1), axis=0, return_inverse=True)
        inverse = inverse.reshape(-1)
        resolved = [self._resolve(tuple(row), doc.vocab.strings) for row in rows.tolist()]
        current = doc.to_array(list(_WRITABLE)).reshape(len(doc), -1)
        values = numpy.zeros((len(rows), len(_WRITABLE)), dtype="uint64")
        chosen = numpy.zeros((len(rows), len(_WRITABLE)), dtype=bool)
        for u, (_sat, sets) in enumerate(resolved):
            for col, value in sets:
                values[u, col], chosen[u, col] = value, True
        out = numpy.where(chosen[inverse], values[inverse], current)
        if self.long:
            self._apply_long(out, [resolved[u][0] for u in inverse.tolist()])
        doc.from_array(list(_WRITABLE), out)

    def _resolve(self, row: tuple[int, ...], strings: StringStore) -> tuple[int, tuple[tuple[int, int], ...]]:
        """The patterns a token with these values satisfies, and what its one-token rules set."""
        found = self._resolved.get(row)
        if found is None:
            if len(self._resolved) >= _MAX_CACHED:
                self._resolved.clear()
            sat = -1
            for test, value in zip(self.tests, row):
                sat &= test.bits(value, strings)
            sets = self._sets.get(sat)
            if sets is None:
                sets = self._sets[sat] = self._winners(sat)
            found = self._resolved[row] = (sat, sets)
        return found

    def _winners(self, sat: int) -> tuple[tuple[int, int], ...]:
        """``(column, value)`` of each attribute the latest matching one-token rule sets."""
        winners: dict[int, tuple[int, int]] = {}
        for rule in self._rules(sat):
            for attr, value in self.writes[rule].items():
                if attr not in winners or winners[attr][0] < rule:
                    winners[attr] = (rule, value)
        return tuple((_WRITABLE.index(a), v) for a, (_r, v) in winners.items())

    def _rules(self, sat: int) -> Iterator[int]:
        """The one-token rules whose patterns are among the bits of ``sat``."""
        bits = sat & self.single_bits
        while bits:
            low = bits & -bits
            yield self.single[low.bit_length() - 1]
            bits ^= low

    def _apply_long(self, out: numpy.ndarray, sats: list[int]) -> None:
        """Overlay the matches of the several-token rules where they outrank the one-token ones
        (``sats``: each token's satisfied patterns)."""
        n = len(sats)
        best: dict[tuple[int, int], int] = {}  # (token, column) -> rule that set it
        for i, sat in enumerate(sats):
            if not sat & self.long_first:
                continue
            for pattern in self.long:
                end = i + len(pattern.bits)
                if end > n or not all(sats[i + k] & bit for k, bit in enumerate(pattern.bits)):
                    continue
                token = i + pattern.target
                for attr, value in self.writes[pattern.rule].items():
                    col = _WRITABLE.index(attr)
                    rival = best.get((token, col), self._single_rule(sats[token], attr))
                    if pattern.rule >= rival:
                        best[(token, col)] = pattern.rule
                        out[token, col] = value

    def _single_rule(self, sat: int, attr: int) -> int:
        """The latest one-token rule that a token with patterns ``sat`` matches and sets ``attr``."""
        return max((rule for rule in self._rules(sat) if attr in self.writes[rule]), default=-1)


def compile_rules(ruler: AttributeRuler) -> CompiledRules:
    """The rules of ``ruler``, compiled; :class:`UnsupportedRules` if they cannot be."""
    strings = ruler.vocab.strings
    specs: list[tuple[int, int, int, dict[str, Any]]] = []  # (rule, pattern, position, token spec)
    long_patterns: list[tuple[int, list[int], int]] = []
    writes: list[dict[int, int]] = []
    for rule in range(len(ruler.attrs)):
        writes.append(_writes(ruler.attrs[rule]))
        for p, pattern in enumerate(ruler.matcher.get(str(rule))[1]):
            target = _target(ruler.indices[rule], len(pattern))
            first = len(specs)
            specs.extend((rule, p, k, token) for k, token in enumerate(pattern))
            if len(pattern) > 1:
                long_patterns.append((rule, list(range(first, len(specs))), target))
    names = sorted({_attr_name(key) for _r, _p, _k, token in specs for key in token})
    attrs = [IDS[name] for name in names]
    tests = [_test(IDS[name], name, specs, strings) for name in names]
    single = [rule if not any(bit in bits for _r, bits, _t in long_patterns) else -1
              for bit, (rule, _p, _k, _token) in enumerate(specs)]
    long = [_Long(rule, tuple(1 << bit for bit in bits), target) for rule, bits, target in long_patterns]
    first = 0
    for pattern in long:
        first |= pattern.bits[0]
    single_bits = sum(1 << bit for bit, rule in enumerate(single) if rule >= 0)
    return CompiledRules(attrs, tests, writes, single, long, first, single_bits)


def _writes(attrs: dict[Any, Any]) -> dict[int, int]:
    if any(not isinstance(a, int) or a not in _WRITABLE for a in attrs):
        raise UnsupportedRules(f"an attribute rule sets {sorted(map(str, attrs))}")
    return {int(a): int(v) for a, v in attrs.items()}


def _target(index: int, length: int) -> int:
    target = index if index >= 0 else length + index
    if not 0 <= target < length:
        raise UnsupportedRules(f"an attribute rule sets token {index} of a {length}-token match")
    return target


def _attr_name(key: Any) -> str:
    name = "ORTH" if str(key).upper() == "TEXT" else str(key).upper()
    if name not in _MATCHABLE:
        raise UnsupportedRules(f"an attribute rule tests {key!r}")
    return name


def _test(attr: int, name: str, specs: list[tuple[int, int, int, dict[str, Any]]], strings: StringStore) -> _AttributeTest:
    """How every token pattern of ``specs`` tests ``name`` (the ``Matcher``'s semantics)."""
    test = _AttributeTest(attr)
    for bit, (_rule, _p, _k, token) in enumerate(specs):
        flag = 1 << bit
        tested = [v for k, v in token.items() if _attr_name(k) == name]
        if not tested:
            test.free |= flag
            continue
        value = tested[0]
        if isinstance(value, (str, bool, int)) and len(tested) == 1:
            key = strings.add(value) if isinstance(value, str) else int(value)
            test.equal[key] = test.equal.get(key, 0) | flag
        elif isinstance(value, dict) and len(value) == 1 and len(tested) == 1:
            _predicate(test, flag, *next(iter(value.items())))
        else:
            raise UnsupportedRules(f"an attribute rule tests {name} with {value!r}")
    return test


def _predicate(test: _AttributeTest, flag: int, op: str, value: Any) -> None:
    if op in ("IN", "NOT_IN") and isinstance(value, list) and all(isinstance(v, (str, int)) for v in value):
        ids = frozenset(get_string_id(v) for v in value)
        if op == "IN":
            for v in ids:
                test.inside[v] = test.inside.get(v, 0) | flag
        else:
            test.outside.append((ids, flag))
    elif op == "REGEX" and isinstance(value, str):
        test.regex.append((re.compile(value), flag))
    else:
        raise UnsupportedRules(f"an attribute rule uses {op} {value!r}")


class RulesComponent:
    """The pipeline step that applies :class:`CompiledRules` in place of the model's ruler."""

    def __init__(self, name: str = RULES_COMPONENT) -> None:
        self.name = name
        self.rules: CompiledRules | None = None

    def bind(self, rules: CompiledRules) -> "RulesComponent":
        self.rules = rules
        return self

    def __call__(self, doc: Doc) -> Doc:
        if self.rules is None:
            raise ModelError(f"{self.name} is not bound to compiled rules (see RulesComponent.bind)")
        self.rules.apply(doc)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size):
            yield from (self(doc) for doc in batch)


@Language.factory(RULES_COMPONENT)
def make_rules_component(nlp: Language, name: str) -> RulesComponent:
    """An unbound :class:`RulesComponent`; ``flashpoint.nlp.pipeline`` binds it."""
    return RulesComponent(name)
