"""Which earlier act a re-mention names, when it names it by a proper name.

"The Saada strike", "the Tower 22 attack", "the Douma attack": news retells an act by a
definite noun and a name taken from the first telling, usually its place. The nearest earlier
act of the same word is often another one ("an April 17 strike on Ras Isa ..., and an April 28
attack that hit a detention centre in Saada"). The argument finder asks, for the re-mention's
doer and target: do the words of an earlier act include the name the re-mention carries? A
name that is an actor's ("the U.S. airstrikes") says whose act it was, not which one: the
caller leaves such names out.
"""

from __future__ import annotations

from typing import Callable

from spacy.tokens import Token

__all__ = ["name_modifiers", "own_words", "tells_of"]


def name_modifiers(head: Token, is_actor: Callable[[str], bool]) -> list[str]:
    """The proper-name modifiers before an act noun that do not name an actor, lower-cased:
    "the Saada strike" -> saada; "the U.S. airstrikes" -> none."""
    names = [head.doc[c.left_edge.i : c.i + 1] for c in head.children
             if c.dep_ in ("compound", "nmod", "amod") and c.pos_ == "PROPN" and c.i < head.i]
    return [name.text.lower() for name in names if not is_actor(name.text)]


def own_words(head: Token) -> str:
    """The words of a phrase without the conjuncts anywhere inside it, lower-cased, in order: in
    "an April 17 strike on Ras Isa, which killed 80 people, and an April 28 attack in Saada" the
    parser may join the attack to "people", but the strike's own words do not include Saada."""
    own, stack = [], [head]
    while stack:
        token = stack.pop()
        own.append(token)
        stack.extend(c for c in token.children if c.dep_ not in ("conj", "cc"))
    return " ".join(t.lower_ for t in sorted(own, key=lambda t: t.i))


def tells_of(earlier: Token, names: list[str]) -> bool:
    """Whether the act headed by ``earlier`` includes one of ``names`` in its own words."""
    words = own_words(earlier)
    return any(name in words for name in names)
