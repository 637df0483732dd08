"""Reading rules for words of acts, added in the seventeenth session from the nineteenth
development set: "voiced support" is support as "expressed support" is; "battled the gunmen" is
an attack; "knocked down the missiles" is an interception, aimed at whoever fired them.

Like the other reading-rule modules: each rule is checked end to end on a short text of its own,
all coded as one batch (``tests.rules_support.code_texts``)."""

from __future__ import annotations

from tests.rules_support import coded_fixture
from tests.rules_support import country as _country
from tests.rules_support import one as _one

TEXTS = {
    "voiced_support": (
        "LONDON, June 28, 1993 —\n"
        "Britain voiced firm support for the American action.\n"),
    "battled": (
        "NAIROBI, Sept. 22, 2013 —\n"
        "Kenyan troops and police battled the gunmen inside the mall on Sunday.\n"),
    "knocked_down": (
        "TEL AVIV, Jan. 20, 1991 —\n"
        "Iraq fired eight Scud missiles at Israel on Friday. Israeli air defences knocked down "
        "several of the missiles.\n"),
}


coded = coded_fixture("rules_vocabulary", TEXTS)


def test_voiced_support_is_support(coded) -> None:
    voiced = _one(coded["voiced_support"], "voiced")
    assert voiced.event_type == "SUPPORT" and _country(voiced.source) == "GBR"


def test_battled_is_an_attack(coded) -> None:
    battled = _one(coded["battled"], "battled")
    assert battled.event_type == "ASSAULT" and _country(battled.source) == "KEN"


def test_knocked_down_missiles_are_intercepted_against_their_firer(coded) -> None:
    knocked = _one(coded["knocked_down"], "knocked")
    assert knocked.event_type == "ASSAULT"
    assert (_country(knocked.source), _country(knocked.target)) == ("ISR", "IRQ")
