"""Reading rules for one episode told over several sentences: an unnamed air or drone attack at
the place a named state's air attacks just hit is that state's; a passive attack restated by a
noun that names its doer ("targeted in a string of U.S. strikes") is that doer's; "killed in an
Israeli strike" names whom the strike hit; "whose attacks" are the relative clause's noun's; a
time clause the parser split at an apposition keeps its subject. And dates: a claim of
responsibility is dated by the act claimed ("Sunday's shooting spree"), which also dates the
episode the report goes on to tell, while the report's statements keep the report's day; a vow
to strike "again" does not end the episode, nor does a denial that anyone claimed an act; a
participle describing a name ("formed in 2018") does not date the clause's act; "have since
detained" is of the report's month. And forces owned by a pronoun the resolver cannot place ("the
army said its jets had hit Hamas targets") are the state's the story sets against the target,
a nationality the parser hangs on the weapon of an act noun ("Israeli drone strikes") names the
doer, and the object of "ordered Israel to halt its offensive" does what the infinitive says. In
a background piece whose story has come up to the report's week a weekday counts from the report
("On Thursday night" after Nov. 27, in a report of Dec. 5), and "last Wednesday" always does.

Like the other reading-rule modules: each rule is checked end to end on a short text of its
own, all coded as one batch (``tests.rules_support.code_texts``)."""

from __future__ import annotations

from tests.rules_support import coded_fixture
from tests.rules_support import country as _country
from tests.rules_support import one as _one

TEXTS = {
    "struck_there_before": (
        "BEIRUT, March 9, 2024 —\n"
        "Israeli warplanes struck Hezbollah positions around the village of Khiam on Friday. "
        "A drone strike in Khiam later killed two people, Lebanon's state news agency said.\n"),
    "suspect_elsewhere": (
        "ERBIL, Iraq, March 9, 2024 —\n"
        "U.S. aircraft struck Kata'ib Hezbollah depots near al-Qaim on Friday. "
        "A drone later struck near Erbil airport, which hosts U.S. troops.\n"),
    "restating_noun": (
        "IDLIB, Syria, Feb. 18, 2025 —\n"
        "The group's commanders have been targeted in a string of U.S. strikes in the Idlib region "
        "since last summer.\n"),
    "killed_in": (
        "TYRE, Lebanon, June 4, 2024 —\n"
        "Two men were killed in an Israeli strike on a motorcycle near Tyre on Monday.\n"),
    "whose_attacks": (
        "WASHINGTON, Feb. 2, 2024 —\n"
        "Central Command said the parts were bound for the Houthis in Yemen, whose attacks on "
        "merchant ships in the Red Sea began in November.\n"),
    "split_time_clause": (
        "HAIFA, Israel, Oct. 20, 2024 —\n"
        "Neither Netanyahu nor his wife was at home when the drone, one of three launched from "
        "Lebanon that morning, smashed into the house in the coastal town.\n"),
    "claimed_act": (
        "AMMAN, Dec. 21, 2016 —\n"
        "The Islamic State group on Tuesday claimed responsibility for Sunday's shooting spree in "
        "the southern Jordanian city of Karak.\n"
        "In a statement, the group said four of its fighters had attacked Jordanian police, and it "
        "vowed to strike again.\n"
        "The gunmen then drove into the city and opened fire on a police station.\n"),
    "accusation_lead": (
        "LONDON, Aug. 4, 2021 —\n"
        "Britain and the United States have blamed Iran for a drone attack on an oil tanker off "
        "Oman on Thursday night.\n"
        "Britain summoned Iran's ambassador in protest.\n"),
    "no_claim": (
        "BAGHDAD, March 10, 2021 —\n"
        "Rockets struck the air base on March 3. No group has claimed the attack, which came a "
        "week after the Feb. 15 rocket attack on Erbil. Iraqi police found the launcher near the "
        "town.\n"),
    "described_name": (
        "WASHINGTON, Feb. 18, 2025 —\n"
        "The group, formed in 2018 by fighters loyal to al-Qaeda, was designated a terrorist group "
        "by the United States in 2019.\n"),
    "owned_by_a_pronoun": (
        "JERUSALEM, Oct. 9, 2023 —\n"
        "Hamas gunmen stormed Israeli towns on Saturday. On Sunday the army said its jets had hit "
        "hundreds of Hamas targets overnight.\n"),
    "weapon_owner": (
        "DEIR AL-BALAH, Gaza, April 2, 2024 —\n"
        "Israeli drone strikes hit a convoy of aid workers in Deir al-Balah late on Monday.\n"),
    "object_control": (
        "THE HAGUE, May 25, 2024 —\n"
        "The court on Friday ordered Israel to halt its offensive in Rafah.\n"),
    "background_weekday": (
        "SULAIMANIYAH, Dec. 5, 2021 —\n"
        "Militants have killed more than a dozen Peshmerga fighters since late November.\n"
        "The first attack came near Kolajo late on Nov. 27, when militants hit a guard post.\n"
        "On Thursday night militants struck Peshmerga positions near Makhmour.\n"),
    "last_weekday": (
        "BAGHDAD, Aug. 27, 2019 —\n"
        "Explosions tore through a militia depot in southern Baghdad on Aug. 12.\n"
        "Last Wednesday the militia's deputy chief blamed the United States for the blasts.\n"),
    "since_then": (
        "ANKARA, Oct. 25, 2024 —\n"
        "Two gunmen stormed the headquarters of an arms maker near Ankara on Wednesday. Police have "
        "since detained dozens of people suspected of links to the attackers.\n"),
}

coded = coded_fixture("rules_episodes", TEXTS)


def test_an_unnamed_drone_strike_where_a_named_state_just_struck_is_that_states(coded) -> None:
    """Hezbollah is the only group named, but it was the target of the Israeli strikes on the
    same village: the drone strike that killed two there is Israel's, on Lebanon's side."""
    strike = [e for e in coded["struck_there_before"] if e.trigger and "drone" in e.trigger.lower()]
    assert strike, [e.trigger for e in coded["struck_there_before"]]
    assert (_country(strike[0].source), _country(strike[0].target)) == ("ISR", "LBN")


def test_an_unnamed_attack_on_another_side_elsewhere_keeps_its_suspect(coded) -> None:
    """The drone on a base hosting U.S. troops far from where the U.S. struck: not American."""
    struck = [e for e in coded["suspect_elsewhere"] if e.trigger == "struck"]
    assert _country(struck[-1].source) != "USA"


def test_a_passive_attack_restated_by_a_noun_takes_the_nouns_doer(coded) -> None:
    targeted = _one(coded["restating_noun"], "targeted")
    assert _country(targeted.source) == "USA"


def test_the_casualties_of_a_strike_are_its_target(coded) -> None:
    strike = _one(coded["killed_in"], "strike")
    assert strike.target is not None and strike.target.text == "Two men"
    assert _country(strike.source) == "ISR"


def test_whose_attacks_are_the_relative_clauses_nouns(coded) -> None:
    attacks = _one(coded["whose_attacks"], "attacks")
    assert attacks.source is not None and attacks.source.text == "the Houthis"


def test_a_split_time_clause_keeps_its_own_subject(coded) -> None:
    """Not Netanyahu (the main clause's subject): the drone from Lebanon."""
    smashed = _one(coded["split_time_clause"], "smashed")
    assert _country(smashed.source) == "LBN"


def test_a_claim_is_dated_by_the_act_claimed_and_dates_the_episode(coded) -> None:
    events = coded["claimed_act"]
    assert _one(events, "claimed responsibility").date == "2016-12-18"
    assert _one(events, "attacked").date == "2016-12-18"
    assert _one(events, "opened fire").date == "2016-12-18"  # "vowed to strike again" ends nothing


def test_after_an_accusation_lead_the_reports_statements_keep_the_reports_day(coded) -> None:
    events = coded["accusation_lead"]
    assert _one(events, "attack").date == "2021-07-29"
    assert _one(events, "summoned").date in ("2021-08-04", "2021-08-03")


def test_a_denied_claim_does_not_move_the_episode(coded) -> None:
    """"No group has claimed the attack, which came a week after the Feb. 15 attack": the
    episode stays March 3, so the launcher found next is not dated Feb. 15."""
    found = [e for e in coded["no_claim"] if e.trigger == "found"]
    assert all(e.date != "2021-02-15" for e in found)
    assert _one(coded["no_claim"], "struck").date == "2021-03-03"


def test_a_participle_describing_a_name_does_not_date_the_clause(coded) -> None:
    assert _one(coded["described_name"], "designated").date == "2019"


def test_forces_owned_by_an_unplaced_pronoun_are_the_states_the_story_sets_against_the_target(coded) -> None:
    """"the army said its jets had hit Hamas targets": the army is no one's the text names, but
    the side that deals with Hamas in this story is Israel."""
    hit = _one(coded["owned_by_a_pronoun"], "hit")
    assert (_country(hit.source), _country(hit.target)) == ("ISR", "PSE")


def test_a_nationality_the_parser_hangs_on_the_weapon_names_the_doer(coded) -> None:
    """"Israeli drone strikes" at a sentence's start parses as "Israeli drone" + "strikes"."""
    hit = _one(coded["weapon_owner"], "hit")
    assert _country(hit.source) == "ISR"


def test_the_object_of_an_order_does_what_the_infinitive_says(coded) -> None:
    """"ordered Israel to halt its offensive": the halt is Israel's, not the court's (and the
    offensive, told as halted, is no act of its own: ``halting_words``)."""
    halt = _one(coded["object_control"], "halt")
    assert _country(halt.source) == "ISR"
    assert not [e for e in coded["object_control"] if e.trigger == "offensive"]


def test_a_weekday_in_a_background_piece_that_has_reached_the_report_counts_from_it(coded) -> None:
    """The lead is more than a week old, so weekdays would count from the episode told; but
    the story, begun on Nov. 27, has come up to the report's week: "On Thursday night" in a
    report of Dec. 5 is Dec. 2, not the Thursday before the episode."""
    assert _one(coded["background_weekday"], "struck").date == "2021-12-02"


def test_last_weekday_counts_from_the_report_even_in_a_background_piece(coded) -> None:
    assert _one(coded["last_weekday"], "blamed").date == "2019-08-21"


def test_an_act_done_since_the_episode_is_of_the_reports_month(coded) -> None:
    assert _one(coded["since_then"], "detained").date == "2024-10"
