"""Reading rules for calls, visits and complaints. A call or talks that name no party of their own
are the setting of the verb they hang on: its subject called ("the minister raised the crew's
release in a phone call with his counterpart"), and its object was called ("told Netanyahu in a
phone call"); a recall "for consultations" is the recall's purpose, not a meeting. A relational
noun keeps the country its own words name ("his Iranian counterpart"), whoever owns it. A visit
is made where it went ("before leaving for a visit to Oman"), never at the visitor's home
dateline, and a visit that is the setting of a journey takes the journey's place ("In a rare
visit, a delegation travelled to Sanaa"); "to" names the visited only when it is followed by a
name ("a visit to the front" visits no one). "Before leaving" follows its governor at once, and
"complained that Israel had not done enough" accuses Israel.

Like the other reading-rule modules: each rule is checked end to end on a short text of its own,
all coded as one batch (``tests.rules_support.code_texts``)."""

from __future__ import annotations

from tests.rules_support import coded_fixture
from tests.rules_support import country as _country
from tests.rules_support import one as _one

TEXTS = {
    "call_with_counterpart": (
        "NEW DELHI, April 16, 2024 —\n"
        "Iranian commandos seized a container ship near the Strait of Hormuz on Saturday.\n"
        "The next day India's foreign minister raised the release of the 17 Indian crew members "
        "in a phone call with his Iranian counterpart.\n"),
    "raised_in_a_call": (
        "NEW DELHI, April 16, 2024 —\n"
        "The foreign minister raised the crew's release in a phone call on Sunday.\n"),
    "told_in_a_call": (
        "WASHINGTON, April 15, 2024 —\n"
        "President Joe Biden told Prime Minister Benjamin Netanyahu in a phone call on Saturday "
        "that Washington would not take part in a counterstrike.\n"),
    "recalled_for_consultations": (
        "BAGHDAD, Jan. 17, 2024 —\n"
        "Iraq recalled its ambassador from Tehran for consultations on Tuesday after the missile "
        "strikes on Erbil.\n"),
    "visit_abroad": (
        "TEHRAN, May 24, 2022 —\n"
        "President Ebrahim Raisi said on Monday, before leaving for a visit to Oman, that he was "
        "sure the killers would be punished.\n"),
    "visit_as_setting": (
        "RIYADH, April 10, 2023 —\n"
        "In a rare public visit, a Saudi delegation travelled to Sanaa on Sunday and held talks "
        "with Houthi leaders.\n"),
    "visit_to_the_front": (
        "OTTAWA, March 7, 2015 —\n"
        "Canadian soldiers came under mortar fire in January during a visit to the front, the "
        "military said.\n"),
    "complained": (
        "WASHINGTON, April 3, 2024 —\n"
        "An Israeli strike killed seven aid workers in Gaza on Monday.\n"
        "President Joe Biden complained on Tuesday that Israel had not done enough to protect "
        "aid workers.\n"),
}

coded = coded_fixture("rules_calls", TEXTS)


def test_a_call_named_by_no_party_is_made_by_the_subject_of_its_verb(coded) -> None:
    call = _one(coded["call_with_counterpart"], "phone call")
    assert call.event_type == "CONSULT"
    assert _country(call.source) == "IND"


def test_a_counterpart_named_by_a_demonym_is_of_that_country(coded) -> None:
    call = _one(coded["call_with_counterpart"], "phone call")
    assert call.target is not None and call.target.text == "his Iranian counterpart"
    assert _country(call.target) == "IRN"


def test_what_was_raised_in_a_call_is_not_the_one_called(coded) -> None:
    call = _one(coded["raised_in_a_call"], "phone call")
    assert call.target is None


def test_the_object_of_a_verb_told_in_a_call_is_the_one_called(coded) -> None:
    call = _one(coded["told_in_a_call"], "phone call")
    assert _country(call.source) == "USA"
    assert _country(call.target) == "ISR"


def test_a_recall_for_consultations_is_no_meeting(coded) -> None:
    assert not [e for e in coded["recalled_for_consultations"] if e.event_type == "CONSULT"]


def test_a_visit_is_placed_where_it_went_and_dated_by_the_leaving(coded) -> None:
    visit = _one(coded["visit_abroad"], "visit")
    assert _country(visit.source) == "IRN"
    assert _country(visit.target) == "OMN"
    assert visit.location is not None and visit.location.country == "OMN"
    assert visit.date == "2022-05-23"


def test_a_visit_that_is_the_setting_of_a_journey_is_at_its_destination(coded) -> None:
    visit = _one(coded["visit_as_setting"], "visit")
    assert _country(visit.source) == "SAU"
    assert visit.location is not None and visit.location.name == "Sanaa"


def test_to_names_the_visited_only_before_a_name(coded) -> None:
    visits = [e for e in coded["visit_to_the_front"] if e.trigger == "visit"]
    assert all(e.target is None or e.target.text != "the front" for e in visits)


def test_a_complaint_about_what_a_state_failed_to_do_accuses_it(coded) -> None:
    complaint = _one(coded["complained"], "complained")
    assert complaint.event_type == "ACCUSE"
    assert _country(complaint.source) == "USA"
    assert _country(complaint.target) == "ISR"
