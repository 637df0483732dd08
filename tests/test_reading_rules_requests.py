"""Reading rules for requests, protests, the international community and loyalties, found on
the development sets in the sixteenth session. A meeting held "at Turkey's request" is Turkey's
request of whoever met; a protest lodged "with Beijing" is aimed at Beijing, while a complaint
lodged with a council is lodged with a forum; "the international community" is everyone else,
never the story's other side (it is coded as an intergovernmental body, as the gold does). Forces "loyal to" a leader are his side's; "loyal to" a state
they are its proxies, which keep their own country as "Iran-backed" ones do. Troops sent are
what was sent, not the target: sent "into southern Lebanon" they are sent against Lebanon,
sent "toward the strait" against no one the story names; "reinforced the embassy" keeps the
embassy as what was reinforced.

Like the other reading-rule modules: each rule is checked end to end on a short text of its own,
all coded as one batch (``tests.rules_support.code_texts``)."""

from __future__ import annotations

from tests.rules_support import coded_fixture
from tests.rules_support import country as _country
from tests.rules_support import one as _one

TEXTS = {
    "met_at_request": (
        "BRUSSELS, Nov. 27, 2015 —\n"
        "NATO envoys met in an emergency session on Friday at Turkey's request.\n"),
    "request_of_two": (
        "NEW YORK, March 2, 2023 —\n"
        "The Security Council held a closed meeting on Thursday at the request of Moscow.\n"),
    "protest_with": (
        "TOKYO, Aug. 5, 2022 —\n"
        "Chinese missiles landed in Japan's exclusive economic zone on Thursday. "
        "Tokyo lodged a protest with Beijing the same day.\n"),
    "complaint_with_forum": (
        "BAGHDAD, July 20, 2022 —\n"
        "Turkish artillery shelled a resort in the Kurdistan region on Wednesday. "
        "Baghdad lodged a complaint with the U.N. Security Council on Thursday.\n"),
    "international_community": (
        "DAMASCUS, Jan. 21, 2024 —\n"
        "Israeli missiles hit a building in the Mezzeh district of Damascus on Saturday. "
        "The Syrian foreign ministry urged the international community to act.\n"),
    "loyal_to_a_leader": (
        "TRIPOLI, April 9, 2019 —\n"
        "Warplanes loyal to Khalifa Haftar struck Mitiga airport on Monday. "
        "Gunmen loyal to Bashar al-Assad ambushed a patrol near Jableh.\n"),
    "loyal_to_a_state": (
        "ERBIL, Oct. 18, 2020 —\n"
        "Kurdish officials accused armed factions loyal to Iran of organising the crowd.\n"),
    "sent_into": (
        "JERUSALEM, Oct. 14, 2024 —\n"
        "Hezbollah fired rockets at Haifa on Sunday. "
        "The army sent ground forces into southern Lebanon two weeks ago.\n"),
    "sent_toward": (
        "SEOUL, Jan. 5, 2021 —\n"
        "Iran's Revolutionary Guards seized a South Korean tanker in the Gulf on Monday. "
        "Seoul dispatched its anti-piracy unit toward the strait.\n"),
    "deployed_passive": (
        "HASAKAH, Jan. 26, 2022 —\n"
        "American armoured vehicles were deployed around the prison on Tuesday.\n"),
}


coded = coded_fixture("rules_requests", TEXTS)


def test_a_request_answered_by_a_meeting_was_made_of_those_who_met(coded) -> None:
    request = _one(coded["met_at_request"], "request")
    assert (_country(request.source), _country(request.target)) == ("TUR", "IGO")


def test_at_the_request_of_names_the_asker_and_the_clause_the_asked(coded) -> None:
    request = _one(coded["request_of_two"], "request")
    assert (_country(request.source), _country(request.target)) == ("RUS", "IGO")


def test_a_protest_lodged_with_a_government_is_aimed_at_it(coded) -> None:
    protest = _one(coded["protest_with"], "lodged")
    assert (protest.event_type, _country(protest.source), _country(protest.target)) == ("ACCUSE", "JPN", "CHN")


def test_a_complaint_lodged_with_a_council_is_not_aimed_at_the_council(coded) -> None:
    complaint = _one(coded["complaint_with_forum"], "lodged a complaint")
    assert complaint.event_type == "ACCUSE" and _country(complaint.target) != "IGO"


def test_the_international_community_is_not_the_other_side(coded) -> None:
    urged = _one(coded["international_community"], "urged")
    assert urged.target is not None and urged.target.text == "the international community"
    assert _country(urged.target) == "IGO"  # not Israel, the side the story sets against Syria


def test_forces_loyal_to_a_leader_are_his_sides(coded) -> None:
    struck = _one(coded["loyal_to_a_leader"], "struck")
    ambushed = _one(coded["loyal_to_a_leader"], "ambushed")
    assert (_country(struck.source), _country(ambushed.source)) == ("LBY", "SYR")


def test_factions_loyal_to_a_state_are_not_that_state(coded) -> None:
    accused = _one(coded["loyal_to_a_state"], "accused")
    assert _country(accused.target) != "IRN"


def test_troops_sent_into_a_country_are_sent_against_it(coded) -> None:
    sent = _one(coded["sent_into"], "sent")
    assert sent.event_type == "MOBILIZE" and _country(sent.target) == "LBN"


def test_a_unit_sent_toward_a_place_is_sent_against_no_one_named(coded) -> None:
    sent = _one(coded["sent_toward"], "dispatched")
    assert sent.event_type == "MOBILIZE" and _country(sent.source) == "KOR"
    assert _country(sent.target) in (None, "UNK")


def test_forces_deployed_by_no_one_named_are_their_own_senders(coded) -> None:
    deployed = _one(coded["deployed_passive"], "deployed")
    assert (_country(deployed.source), deployed.target) == ("USA", None)
