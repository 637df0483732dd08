"""Reading rules for what "it" repeats, found on the held-out sets in the seventeenth session.
"It" as the object of a time clause, or as its passive subject, repeats the subject of the
clause the time clause hangs on: "the carrier Tutor sank a week after the Houthis rammed it",
"the Rubymar, which went down two weeks after it was struck". A plural subject is no "it".
"His government" is a person's: "Kadhimi said Turkey had committed a violation, and his
government summoned Turkey's envoy" is Iraq's government, whatever clause the parser joins it to.

Like the other reading-rule modules: each rule is checked end to end on a short text of its own,
all coded as one batch (``tests.rules_support.code_texts``)."""

from __future__ import annotations

from tests.rules_support import coded_fixture
from tests.rules_support import country as _country
from tests.rules_support import one as _one

TEXTS = {
    "rammed_it": (
        "DUBAI, June 19, 2024 —\n"
        "The Liberian-flagged bulk carrier Tutor is believed to have sunk in the Red Sea, a week "
        "after Yemen's Houthis rammed it with a drone boat, a British agency said on Tuesday.\n"),
    "plural_subject": (
        "DUBAI, June 19, 2024 —\n"
        "Two Liberian-flagged tankers left the port of Aden on Monday after the Houthis "
        "attacked it.\n"),
    "his_government": (
        "BAGHDAD, July 21, 2022 —\n"
        "Prime Minister Mustafa al-Kadhimi said Turkey had committed a \"flagrant violation\" of "
        "Iraqi sovereignty, and his government summoned Turkey's charge d'affaires, recalled its "
        "own envoy from Ankara and lodged a complaint with the U.N. Security Council.\n"),
}


coded = coded_fixture("rules_pronouns", TEXTS)


def test_it_in_a_time_clause_repeats_the_subject_it_hangs_on(coded) -> None:
    rammed = _one(coded["rammed_it"], "rammed")
    assert rammed.target is not None and "carrier" in rammed.target.text
    assert _country(rammed.target) == "LBR"


def test_a_plural_subject_is_no_it(coded) -> None:
    attacked = _one(coded["plural_subject"], "attacked")
    assert attacked.target is None or "tankers" not in attacked.target.text


def test_his_government_is_the_persons_not_the_countrys_named_nearer(coded) -> None:
    summoned = _one(coded["his_government"], "summoned")
    assert _country(summoned.source) == "IRQ" and _country(summoned.target) == "TUR"
