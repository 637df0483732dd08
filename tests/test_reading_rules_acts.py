"""Reading rules for acts news tells with everyday words: a phone call ("telephoned"), freeing
people (a release) against freeing a town (taking it), custody ("taken into custody", "let
go"), pulling a country out of a deal (a rejection), an attack reported "according to" someone
(no accord struck), missiles fired *from* a country's
airspace, which places the strike elsewhere, sanctions told as placing someone under them, 
faulting someone (an accusation), a killing told as a fact beside an attack that is only
vowed, and a murder condemned (an accusation of whoever did it). A name given to an act accuses
whom the name names ("what it called Ukrainian sabotage", "an atrocity committed by Russia"),
but a name for what a physical act hit ("destroyed what the kingdom called a hostile aerial
target") charges no one, and "committed" describing a crime agrees to nothing. Whoever "pressed" or "intensified" an
offensive (light verbs, like "launched") did it. A pledge of force in a that-clause ("pledged
that they would avenge the commander") is a threat, as "pledged revenge" is. Two attack verbs joined by "and", each with an object of its own, are two
acts ("stormed a police station and kidnapped two officers"), unless they tell one raid ("struck a
depot and hit a radar site"), a launch and its impact, or a second blow at the same thing
("stormed the compound and set its buildings ablaze").

Like the other reading-rule modules: each rule is checked end to end on a short text of its
own, all coded as one batch (``tests.rules_support.code_texts``)."""

from __future__ import annotations

from tests.rules_support import coded_fixture
from tests.rules_support import country as _country
from tests.rules_support import one as _one

TEXTS = {
    "telephoned": (
        "WASHINGTON, Jan. 13, 2016 —\n"
        "John Kerry telephoned his Iranian counterpart, Mohammad Javad Zarif, on Tuesday.\n"),
    "freed_people": (
        "TEHRAN, Jan. 14, 2016 —\n"
        "Iran freed ten U.S. Navy sailors on Wednesday morning.\n"),
    "freed_town": (
        "BAGHDAD, June 27, 2016 —\n"
        "Iraqi forces freed the town of Falluja from Islamic State fighters on Sunday.\n"),
    "custody": (
        "WASHINGTON, Feb. 16, 2024 —\n"
        "The 14 crew members of the dhow were taken into custody by U.S. forces. "
        "Iranian officials said the Americans had been let go after an inquiry.\n"),
    "out_of_deal": (
        "WASHINGTON, May 9, 2018 —\n"
        "President Donald Trump pulled the United States out of the 2015 nuclear agreement with "
        "Iran on Tuesday.\n"),
    "fired_from_airspace": (
        "MOSCOW, April 9, 2018 —\n"
        "Israeli jets struck the T-4 air base in Syria's Homs province on Monday. "
        "Russia's defence ministry said two Israeli F-15 jets had fired eight missiles from "
        "Lebanese airspace.\n"),
    "according_to": (
        "TEHRAN, Oct. 15, 2019 —\n"
        "The Sabiti was hit by two explosions on Friday about 60 miles off the Saudi port of "
        "Jeddah, tearing holes in its hull, according to its owner, the National Iranian Tanker "
        "Company.\n"),
    "inside_a_name": (
        "BAGHDAD, April 28, 2024 —\n"
        "The prime minister ordered the Joint Operations Command to form a committee. "
        "Coalition troops will leave Al-Asad Air Base by September 2025.\n"),
    "sent_against": (
        "BEIRUT, Jan. 10, 2024 —\n"
        "On Tuesday, Hezbollah sent explosive drones against the army's headquarters in Safed.\n"),
    "sent_to_join": (
        "OTTAWA, Oct. 8, 2014 —\n"
        "Parliament voted on Tuesday to send six CF-18 fighter jets to join the air campaign "
        "against the Islamic State.\n"),
    "harassed": (
        "WASHINGTON, July 10, 2023 —\n"
        "Russian jets harassed American drones over Syria on Wednesday, U.S. officials said.\n"),
    "any_that": (
        "WASHINGTON, April 23, 2020 —\n"
        "President Trump said he had instructed the Navy to destroy any Iranian gunboats that "
        "harassed American ships at sea.\n"),
    "submarine": (
        "WASHINGTON, Dec. 22, 2020 —\n"
        "The U.S. Navy sent the submarine USS Georgia through the Strait of Hormuz on Monday.\n"),
    "placed_under": (
        "BEIRUT, Oct. 21, 2024 —\n"
        "The association, which Washington placed under sanctions in 2007, denied any wrongdoing.\n"),
    "faulted": (
        "WASHINGTON, June 20, 2024 —\n"
        "Central Command faulted Iran, saying its warship had ignored the distress call.\n"),
    "killing_beside_vow": (
        "BEIRUT, Oct. 14, 2024 —\n"
        "Netanyahu vowed on Monday to keep striking Hezbollah as he toured the base where a drone "
        "killed four soldiers on Sunday.\n"
        "He also vowed to strike the group and kill its commanders.\n"),
    "condemned_murder": (
        "KARBALA, Iraq, May 11, 2021 —\n"
        "Gunmen linked to Kata'ib Hezbollah shot an activist outside his home on Sunday.\n"
        "The U.S. Embassy condemned the murder in the strongest terms.\n"),
    "named_culprit": (
        "KYIV, Oct. 11, 2022 —\n"
        "Moscow fired missiles at Kyiv on Monday in response to what it called Ukrainian sabotage. "
        "Zelensky called the strikes another atrocity committed by Russia.\n"),
    "name_of_what_was_downed": (
        "BAGHDAD, Jan. 27, 2021 —\n"
        "Saudi air defences destroyed what the kingdom called a hostile aerial target over Riyadh "
        "on Saturday. Iran's foreign ministry condemned what it called Israel's flagrant "
        "aggression.\n"),
    "pressed_offensive": (
        "ANKARA, Oct. 14, 2019 —\n"
        "U.S. officials met Kurdish leaders in Hasakah on Sunday.\n"
        "Turkish forces pressed their offensive against the Kurdish-led Syrian Democratic Forces "
        "on Monday.\n"),
    "pledged_that": (
        "BAGHDAD, Jan. 6, 2020 —\n"
        "Militia leaders pledged on Sunday that they would avenge the commander and strike American "
        "forces.\n"),
    "two_acts_joined": (
        "KIRKUK, May 3, 2022 —\n"
        "Gunmen stormed a police station near Hawija on Monday and kidnapped two officers. "
        "Militants stormed a checkpoint near Tuz Khurmatu and set its watchtower ablaze. "
        "Turkish jets struck an ammunition depot near Duhok and hit a radar site. "
        "Militants fired rockets at the airport and damaged a hangar.\n"),
}


coded = coded_fixture("rules_acts", TEXTS)


def test_a_phone_call_is_a_consultation(coded) -> None:
    call = _one(coded["telephoned"], "telephoned")
    assert (call.event_type, _country(call.source), _country(call.target)) == ("CONSULT", "USA", "IRN")


def test_freeing_people_is_a_release_and_freeing_a_town_is_taking_it(coded) -> None:
    freed = _one(coded["freed_people"], "freed")
    assert (freed.event_type, _country(freed.source), _country(freed.target)) == ("RETREAT", "IRN", "USA")
    taken = _one(coded["freed_town"], "freed")
    assert (taken.event_type, _country(taken.source)) == ("COERCE", "IRQ")


def test_custody_and_letting_go(coded) -> None:
    events = coded["custody"]
    custody = _one(events, "taken into custody")
    assert (custody.event_type, _country(custody.source)) == ("COERCE", "USA")
    let_go = _one(events, "let go")
    assert let_go.event_type == "RETREAT"


def test_pulling_a_country_out_of_a_deal_rejects_it(coded) -> None:
    pulled = _one(coded["out_of_deal"], "pulled")
    assert (pulled.event_type, _country(pulled.source)) == ("REJECT", "USA")


def test_missiles_fired_from_a_countrys_airspace_struck_elsewhere(coded) -> None:
    fired = _one(coded["fired_from_airspace"], "fired")
    assert fired.location is None or fired.location.country != "LBN"


def test_a_report_according_to_someone_strikes_no_accord(coded) -> None:
    """"hit ..., according to its owner": the attribution is no object of "hit", so the
    override for "struck a deal / an accord" does not make the attack an agreement."""
    hit = _one(coded["according_to"], "hit")
    assert hit.event_type == "ASSAULT"


def test_a_word_inside_an_organisations_name_is_no_object_word(coded) -> None:
    """"ordered the Joint Operations Command to ..." orders no operation; the last word of a
    name still says what it is ("will leave Al-Asad Air Base" is leaving a base)."""
    events = coded["inside_a_name"]
    assert not any(e.event_type == "ASSAULT" for e in events)
    assert _one(events, "leave").event_type == "RETREAT"


def test_what_is_sent_against_someone_attacks_them(coded) -> None:
    sent = _one(coded["sent_against"], "sent")
    assert (sent.event_type, _country(sent.source)) == ("ASSAULT", "LBN")
    joined = _one(coded["sent_to_join"], "send")
    assert joined.event_type == "MOBILIZE"  # "against" belongs to the campaign, not to "send"


def test_harassing_aircraft_coerces_and_a_submarine_sent_is_a_deployment(coded) -> None:
    harassed = _one(coded["harassed"], "harassed")
    assert (harassed.event_type, _country(harassed.source)) == ("COERCE", "RUS")
    sent = _one(coded["submarine"], "sent")
    assert (sent.event_type, _country(sent.source)) == ("MOBILIZE", "USA")


def test_a_relative_clause_on_any_names_a_condition_not_an_act(coded) -> None:
    """"any Iranian gunboats that harassed American ships": no harassment happened."""
    harassed = _one(coded["any_that"], "harassed")
    assert harassed.status == "hypothetical"


def test_placing_someone_under_sanctions_is_a_coercion(coded) -> None:
    placed = _one(coded["placed_under"], "placed")
    assert placed.event_type == "COERCE" and _country(placed.source) == "USA"


def test_faulting_someone_is_an_accusation(coded) -> None:
    faulted = _one(coded["faulted"], "faulted")
    assert faulted.event_type == "ACCUSE" and _country(faulted.target) == "IRN"


def test_a_killing_told_as_fact_beside_a_vowed_attack_is_coded(coded) -> None:
    events = coded["killing_beside_vow"]
    killed = _one(events, "killed")
    assert (killed.event_type, killed.status, killed.date) == ("ASSAULT", "actual", "2024-10-13")
    assert not [e for e in events if e.trigger == "kill"]  # inside the vow: the strike says it


def test_condemning_a_murder_accuses_whoever_did_it(coded) -> None:
    condemned = _one(coded["condemned_murder"], "condemned")
    assert (_country(condemned.source), _country(condemned.target)) == ("USA", "IRQ")


def test_a_name_given_to_an_act_accuses_whom_it_names(coded) -> None:
    events = coded["named_culprit"]
    called = [e for e in events if e.trigger == "called"]
    assert [(e.event_type, _country(e.source), _country(e.target)) for e in called] == [
        ("ACCUSE", "RUS", "UKR"), ("ACCUSE", "UKR", "RUS")]
    assert not [e for e in events if e.event_type == "AGREE"]  # "committed by Russia"


def test_a_name_for_what_an_act_hit_charges_no_one(coded) -> None:
    events = coded["name_of_what_was_downed"]
    assert [e.trigger for e in events if e.sentence.startswith("Saudi")] == ["destroyed"]
    destroyed = _one(events, "destroyed")
    assert destroyed.location is not None and destroyed.location.name == "Riyadh"
    charge = [e for e in events if e.sentence.startswith("Iran's") and e.event_type == "ACCUSE"]
    assert charge and _country(charge[0].target) == "ISR"  # under a charge, the name stays


def test_whoever_pressed_an_offensive_made_it(coded) -> None:
    offensive = _one(coded["pressed_offensive"], "offensive")
    assert _country(offensive.source) == "TUR" and _country(offensive.target) == "SYR"


def test_a_pledge_of_force_in_a_that_clause_is_a_threat(coded) -> None:
    pledged = _one(coded["pledged_that"], "pledged")
    assert pledged.event_type == "THREATEN" and pledged.status == "threatened"


def test_two_attack_verbs_with_objects_of_their_own_are_two_acts(coded) -> None:
    events = [e for e in coded["two_acts_joined"] if e.event_type == "ASSAULT"]
    assert sorted(e.trigger for e in events) == ["fired", "kidnapped", "stormed", "stormed", "struck"]
    kidnapped = _one(events, "kidnapped")
    assert kidnapped.status == "actual" and kidnapped.target is not None
