"""Reading rules for the story's two sides named together, found on the development and
held-out sets in the seventeenth session. "Urged both sides to show restraint", "called on all
parties", "urged both governments": a third party addresses both sides of the story's latest
conflict it is no side of; "the two sides agreed", "the two governments agreed": the doers are
the one and the other of the story's latest dyad of acts done. The side is named as both
parties; its country is the first's (a side carries one country in the spec).

Like the other reading-rule modules: each rule is checked end to end on a short text of its own,
all coded as one batch (``tests.rules_support.code_texts``)."""

from __future__ import annotations

from tests.rules_support import coded_fixture
from tests.rules_support import country as _country
from tests.rules_support import one as _one

TEXTS = {
    "urged_both": (
        "BEIRUT, Oct. 9, 2023 —\n"
        "Hezbollah fired rockets at Israeli positions on Sunday. France condemned the barrage. "
        "The United Nations urged both sides to show maximum restraint.\n"),
    "both_governments": (
        "NEW DELHI, May 9, 2025 —\n"
        "Pakistani artillery shelled Indian border villages on Thursday. China urged both "
        "governments to de-escalate.\n"),
    "two_sides_agreed": (
        "TEHRAN, July 22, 2020 —\n"
        "Iraq's prime minister met Iran's president in Tehran on Tuesday. Iran's supreme leader "
        "said Iraq should expel American forces. The two governments agreed to expand trade.\n"),
    "no_story": (
        "GENEVA, May 9, 2025 —\n"
        "The envoy urged both sides to return to talks.\n"),
}


coded = coded_fixture("rules_both_sides", TEXTS)


def test_both_sides_addressed_by_a_third_party_are_the_conflicts(coded) -> None:
    urged = _one(coded["urged_both"], "urged")
    assert urged.target is not None and urged.target.name in ("Hezbollah and Israel", "Israel and Hezbollah")
    assert _country(urged.target) in ("LBN", "ISR")  # not France, which only condemned


def test_both_governments_after_both_is_left_out_of_the_phrase(coded) -> None:
    urged = _one(coded["both_governments"], "urged")
    assert urged.target is not None and urged.target.text == "both governments"
    assert _country(urged.target) in ("PAK", "IND")


def test_the_two_governments_that_agreed_are_the_latest_dyad_of_acts_done(coded) -> None:
    agreed = _one(coded["two_sides_agreed"], "agreed")
    assert {_country(agreed.source), _country(agreed.target)} == {"IRQ", "IRN"}  # not the expulsion advised


def test_both_sides_without_a_story_stay_unknown(coded) -> None:
    urged = _one(coded["no_story"], "urged")
    assert urged.target is not None and _country(urged.target) == "UNK"
