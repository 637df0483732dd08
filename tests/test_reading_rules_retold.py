"""Reading rules for which act a later mention retells, and so whom a condemnation is aimed
at: a strike owned by its day ("condemned Sunday's strike") points back to the strike told
before, and the day is not a party; an accusation about something other than an attack
("accused Hamas of hiding fighters in the building") does not make the accused the doer of the
attack retold after it; an act only aimed at, in an infinitive ("a cell preparing to attack
towns"), is not the one a later "the raid" retells; and "X carried out what it called a
precision strike" is X's strike. A time is never whom an act is blamed on ("blamed a misfired rocket for the
deaths on Saturday"), and a claimed attack "which killed ten people" was aimed at them. Acts
a statement names by their doer ("called the Israeli actions hostile") are aimed at that doer,
and weapons that are the subject of their own strike ("drones launched by the rebels struck")
were sent by whoever launched them. After an attack, "several relatives were wounded" tells its
consequences, while "Israeli aircraft killed other commanders" is another act. A group called
again by a common noun ("the militants" after "Islamic State fighters") is placed as the named
group is, where the text puts it. "It" opening a sentence after a time ("Last week it bombed
crossings") is the subject of the sentence before, and weapons called again by a definite noun
("the warplanes had attacked from the direction of al-Tanf") are those of the attack just told. A decision condemned is the last act of policy told before it,
never an attack told in between. A place taken is taken from someone: "retook Tikrit from the
Islamic State" is aimed at the group. The victim an attack on a place killed is named by his
phrase, not by the clause that says more about him ("killed X, whom the army accused of
funnelling Iranian money"). An act someone is only accused of ("a woman accused of planting a
bomb") is not the act a later "the raids" retells, nor what "the jets" did; an act only
vowed ("vowed to keep striking Hezbollah") is not what "the drone" did, and one told in
passing is taken only when no other was told. Nor is an act only denied ("has denied firing
the rocket"): "condemned the raid" after it is aimed at the jets' strike. An act named by its
date ("the 1983 bombing of the Marine barracks", "the Jan. 28 drone attack") is not the story's
latest act retold, and one whose own clause says whom it killed ("the U.S. drone strike that
killed Qassem Soleimani") was aimed at him, not at the latest act's target;
a killing "in a U.S. drone strike" was done by the strike's doer, whatever it provoked later; and
"the Hamas-led attack" was Hamas's. A word that names one kind of act ("the assassination of General
Soleimani") retells its own act, even one told in passing, before the latest act told. In a run
of condemnations, "the attack" is the act the one before condemned by its doer's name ("condemned
the Israeli strike. ... denounced the attack"). Missiles brought down are the defence, not the
raid a later "the raid" retells; and "it" never stands for a person ("telephoned his Syrian
counterpart, Faisal Mekdad, and condemned it"). "X were among the sites hit" names what the
attack just told hit; X did not hit it.

Like the other reading-rule modules: each rule is checked end to end on a short text of its
own, all coded as one batch (``tests.rules_support.code_texts``)."""

from __future__ import annotations

from tests.rules_support import coded_fixture
from tests.rules_support import country as _country
from tests.rules_support import one as _one

TEXTS = {
    "day_owned": (
        "DAMASCUS, June 3, 2024 —\n"
        "Israeli jets struck an arms depot near Homs on Sunday, state media said.\n"
        "Jordan's foreign ministry condemned Sunday's strike as a violation of Syria's sovereignty.\n"),
    "other_accusation": (
        "CAIRO, Aug. 11, 2024 —\n"
        "An Israeli air strike on a school in Gaza City killed dozens of people on Saturday.\n"
        "The Israeli military accused Hamas of hiding fighters inside the building.\n"
        "Egypt condemned the attack as a massacre.\n"),
    "named_and_intended": (
        "BEIRUT, Oct. 3, 2024 —\n"
        "Israel carried out what it called a precision strike on a militant cell preparing to "
        "attack Israeli towns on Wednesday.\n"
        "Qatar called the raid a violation of Lebanon's sovereignty.\n"),
    "blamed_on_a_day": (
        "GAZA, Aug. 8, 2022 —\n"
        "Israel blamed a misfired Islamic Jihad rocket for the deaths of four children in "
        "Jabalia on Saturday.\n"),
    "claimed_with_victims": (
        "AMMAN, Dec. 21, 2016 —\n"
        "The Islamic State group on Tuesday claimed responsibility for a shooting in the city of "
        "Karak, which killed ten people.\n"),
    "named_actions": (
        "MOSCOW, Sept. 25, 2018 —\n"
        "The defence ministry blamed Israel on Monday for the loss of a plane off Latakia.\n"
        "It called the Israeli actions hostile.\n"),
    "launched_weapons": (
        "RIYADH, May 17, 2019 —\n"
        "Drones launched by Yemeni rebels struck two pumping stations west of Riyadh on Tuesday.\n"),
    "named_killer": (
        "GAZA CITY, May 14, 2023 —\n"
        "Israeli jets bombed homes in Gaza City on Tuesday, killing three commanders.\n"
        "Several relatives were wounded.\n"
        "Over the following days Israeli aircraft killed other Islamic Jihad commanders.\n"),
    "unnamed_killer": (
        "RIYADH, May 30, 2004 —\n"
        "Militants stormed a residential compound in Khobar on Saturday, killing 22 people.\n"
        "The siege came four weeks after gunmen killed five Westerners at an office in Yanbu.\n"),
    "placed_antecedent": (
        "BAGHDAD, June 12, 2014 —\n"
        "Islamic State fighters overran Mosul on Tuesday.\n"
        "On Wednesday the militants stormed the Turkish consulate in Mosul.\n"),
    "pronoun_after_time": (
        "DAMASCUS, Nov. 21, 2024 —\n"
        "Israel has struck Syria hundreds of times since the civil war began. Last week it bombed "
        "crossings on the Lebanese border.\n"),
    "definite_weapons": (
        "DAMASCUS, Nov. 21, 2024 —\n"
        "Israeli air strikes on the desert city of Palmyra killed dozens of people on Wednesday.\n"
        "The defence ministry said the warplanes had attacked from the direction of the al-Tanf "
        "area.\n"),
    "decision": (
        "OTTAWA, June 20, 2024 —\n"
        "Ottawa listed the Revolutionary Guards as a terrorist entity on Wednesday.\n"
        "Iranian drones struck a tanker in the Gulf of Oman on Thursday.\n"
        "Russia condemned the decision.\n"),
    "taken_from": (
        "BAGHDAD, April 3, 2015 —\n"
        "The government declared on Wednesday that its forces had retaken Tikrit from the "
        "Islamic State.\n"),
    "victim_described": (
        "GAZA CITY, May 6, 2019 —\n"
        "On Sunday an Israeli missile hit a car in Gaza City and killed Hamed al-Khodari, whom "
        "the army accused of funnelling Iranian money to Hamas.\n"),
    "jets_after_a_blamed_barrage": (
        "JERUSALEM, May 10, 2018 —\n"
        "Israel struck dozens of Iranian sites in Syria overnight in what it called a response "
        "to a rocket barrage on its posts in the Golan Heights. The army blamed the barrage on "
        "Iran's Quds Force, saying about 20 rockets were fired shortly after midnight. The jets "
        "also destroyed several Syrian air-defence batteries, the army said.\n"),
    "drone_after_a_vow": (
        "JERUSALEM, Oct. 15, 2024 —\n"
        "Prime Minister Benjamin Netanyahu vowed on Monday to keep striking Hezbollah as he "
        "toured the base where a drone launched by the group killed four soldiers on Sunday. "
        "The drone slammed into a dining hall south of Haifa.\n"),
    "alleged_in_between": (
        "ANKARA, Nov. 21, 2022 —\n"
        "Turkish warplanes pounded militant positions in northern Syria overnight. Police in "
        "Istanbul arrested a Syrian woman accused of planting a bomb. Kurdish officials said the "
        "raids had killed civilians.\n"),
    "denied_in_between": (
        "BEIRUT, Aug. 1, 2024 —\n"
        "Israeli jets struck a building in Beirut's southern suburbs on Tuesday, killing a senior "
        "Hezbollah commander.\n"
        "Hezbollah has denied firing the rocket that killed 12 children in Majdal Shams on Saturday.\n"
        "Lebanon's government condemned the raid as a violation of the country's sovereignty.\n"),
    "year_named": (
        "BEIRUT, Oct. 23, 2023 —\n"
        "Israeli jets struck a Hezbollah post near Naqoura on Sunday.\n"
        "Veterans gathered in Beirut to mark the 1983 bombing of the Marine barracks.\n"),
    "killing_in_a_strike": (
        "BAGHDAD, Jan. 8, 2020 —\n"
        "Iran fired missiles at two bases in Iraq on Wednesday in retaliation for the killing of "
        "Qassem Soleimani in a U.S. drone strike.\n"),
    "led_attack": (
        "GAZA, Nov. 2, 2023 —\n"
        "Aid convoys have waited for weeks since the Hamas-led attack on Israel.\n"),
    "date_named": (
        "BAGHDAD, Feb. 20, 2024 —\n"
        "U.S. jets struck militia depots near Qaim on Monday.\n"
        "Officials recalled the Jan. 28 drone attack on Tower 22 in Jordan.\n"),
    "strike_that_killed": (
        "BAGHDAD, Jan. 4, 2021 —\n"
        "Iran-backed militias fired rockets at Ain al-Asad air base on Monday.\n"
        "Protesters burned flags in Baghdad on the anniversary of the U.S. drone strike that killed "
        "Qassem Soleimani.\n"),
    "assassination_told_in_passing": (
        "OTTAWA, July 15, 2021 —\n"
        "In January 2020, Iraqi militias vowed revenge for the Trump administration's "
        "assassination of General Qasem Soleimani. On June 27th, President Biden ordered a "
        "strike against Shiite militias in Iraq and Syria. The assassination of General "
        "Soleimani also set off a deadly series of escalations.\n"),
    "condemnation_run": (
        "RAFAH, May 27, 2024 —\n"
        "An Israeli air strike on Sunday night set fire to a tent camp in Rafah, killing 45 people.\n"
        "Hours earlier, Hamas fighters fired rockets at Tel Aviv, their first such attack in months.\n"
        "Ireland condemned the Israeli strike.\n"
        "Norway denounced the attack in the strongest terms.\n"),
    "raid_and_defence": (
        "DAMASCUS, June 13, 2022 —\n"
        "Israeli jets struck Damascus airport on Friday, tearing up its runways.\n"
        "The Syrian army said the missiles were fired from the Golan Heights and that air "
        "defences had downed most of them.\n"
        "Russia's foreign ministry denounced the raid.\n"),
    "among_the_sites_hit": (
        "ERBIL, Iraq, Sept. 29, 2022 —\n"
        "Iran's Revolutionary Guards fired ballistic missiles at Kurdish opposition groups near "
        "Koya on Wednesday.\n"
        "Offices of the Kurdistan Democratic Party of Iran were among the sites hit.\n"),
    "named_drone_downed": (
        "WASHINGTON, June 21, 2019 —\n"
        "Iranian forces shot down a U.S. Navy Global Hawk drone over the Strait of Hormuz on "
        "Thursday.\n"
        "Britain condemned the attack.\n"),
    "it_after_a_person": (
        "TEHRAN, June 13, 2022 —\n"
        "Israeli warplanes bombed the port of Latakia on Friday, setting containers ablaze.\n"
        "Iran's foreign minister telephoned his Syrian counterpart, Faisal Mekdad, and condemned "
        "it as a breach of Syria's sovereignty.\n"),
}

coded = coded_fixture("rules_retold", TEXTS)


def test_a_strike_owned_by_its_day_is_the_one_told_before(coded) -> None:
    condemned = _one(coded["day_owned"], "condemned")
    assert condemned.target is not None and condemned.target.text != "Sunday"
    assert _country(condemned.target) == "ISR"


def test_an_accusation_about_another_act_does_not_name_the_attacker(coded) -> None:
    condemned = _one(coded["other_accusation"], "condemned")
    assert _country(condemned.target) == "ISR"


def test_what_x_called_a_strike_is_xs_strike(coded) -> None:
    strike = _one(coded["named_and_intended"], "strike")
    assert _country(strike.source) == "ISR"


def test_an_act_only_aimed_at_is_not_the_one_retold(coded) -> None:
    called = _one(coded["named_and_intended"], "called")
    assert _country(called.target) == "ISR"


def test_a_day_is_not_whom_an_act_is_blamed_on(coded) -> None:
    events = coded["blamed_on_a_day"]
    assert all(side is None or side.text != "Saturday"
               for event in events for side in (event.source, event.target))
    assert _country(_one(events, "blamed").target) == "PSE"


def test_a_claimed_attack_was_aimed_at_those_it_killed(coded) -> None:
    claimed = _one(coded["claimed_with_victims"], "claimed responsibility")
    assert claimed.target is not None and claimed.target.text == "ten people"


def test_acts_named_by_their_doer_are_aimed_at_that_doer(coded) -> None:
    called = _one(coded["named_actions"], "called")
    assert _country(called.target) == "ISR"


def test_weapons_striking_were_sent_by_whoever_launched_them(coded) -> None:
    struck = _one(coded["launched_weapons"], "struck")
    assert struck.source is not None and struck.source.text == "Yemeni rebels"
    assert _country(struck.source) == "YEM"


def test_a_killing_by_a_named_doer_after_an_attack_is_another_act(coded) -> None:
    events = coded["named_killer"]
    killed = _one(events, "killed")
    assert (_country(killed.source), _country(killed.target)) == ("ISR", "PSE")
    assert not [e for e in events if e.trigger == "wounded"]


def test_a_killing_by_unnamed_gunmen_after_an_attack_is_another_act(coded) -> None:
    # "gunmen", bare, are no doer told before (as "the gunmen" would be): a new act
    killed = _one(coded["unnamed_killer"], "killed")
    assert killed.event_type == "ASSAULT" and killed.target is not None
    assert killed.target.text == "five Westerners"


def test_a_group_called_again_by_a_common_noun_is_placed_as_the_named_one(coded) -> None:
    stormed = _one(coded["placed_antecedent"], "stormed")
    assert stormed.source is not None and stormed.source.name == "Islamic State"
    assert _country(stormed.source) == "IRQ"


def test_it_after_a_time_is_the_subject_of_the_sentence_before(coded) -> None:
    bombed = _one(coded["pronoun_after_time"], "bombed")
    assert _country(bombed.source) == "ISR"


def test_weapons_called_again_are_those_of_the_attack_just_told(coded) -> None:
    attacked = _one(coded["definite_weapons"], "attacked")
    assert _country(attacked.source) == "ISR"


def test_a_decision_condemned_is_the_policy_told_before_not_an_attack(coded) -> None:
    condemned = _one(coded["decision"], "condemned")
    assert _country(condemned.target) == "CAN"


def test_a_place_taken_is_taken_from_the_party_named(coded) -> None:
    retaken = _one(coded["taken_from"], "retaken")
    assert retaken.target is not None and retaken.target.name == "Islamic State"


def test_a_victim_is_named_by_his_phrase_not_the_clause_about_him(coded) -> None:
    hit = _one(coded["victim_described"], "hit")
    assert _country(hit.target) == "PSE"


def test_an_act_only_alleged_is_not_the_one_retold(coded) -> None:
    """ "the raids" are the warplanes' told first, not the planting the arrested woman is
    accused of, told in between."""
    raids = _one(coded["alleged_in_between"], "raids")
    assert _country(raids.source) == "TUR"


def test_definite_weapons_are_not_those_of_an_alleged_or_vowed_act(coded) -> None:
    """ "The jets" are Israel's, not the Quds Force's the barrage was blamed on; "the drone"
    is the group's whose drone killed the soldiers, not Netanyahu's, who only vowed strikes."""
    destroyed = _one(coded["jets_after_a_blamed_barrage"], "destroyed")
    assert _country(destroyed.source) == "ISR"
    slammed = _one(coded["drone_after_a_vow"], "slammed")
    assert _country(slammed.source) == "LBN"


def test_an_act_only_denied_is_not_the_one_retold(coded) -> None:
    """ "The raid" Lebanon condemns is the Israeli jets' strike, not the rocket fire
    Hezbollah denies, told in between."""
    condemned = _one(coded["denied_in_between"], "condemned")
    assert _country(condemned.target) == "ISR"


def test_an_act_named_by_its_date_is_not_the_latest_act_retold(coded) -> None:
    """Not the Israeli jets' (its doer is unnamed, and may be guessed from its place), nor
    the U.S. jets' on the American outpost."""
    bombing = _one(coded["year_named"], "bombing")
    assert _country(bombing.source) != "ISR"
    attack = _one(coded["date_named"], "attack")
    assert _country(attack.source) != "USA"


def test_a_strike_that_killed_someone_was_aimed_at_him(coded) -> None:
    strike = _one(coded["strike_that_killed"], "drone strike")
    assert _country(strike.source) == "USA" and _country(strike.target) == "IRN"


def test_a_killing_in_a_strike_is_the_strikes_doers(coded) -> None:
    """The reprisal reading would make the bases struck in retaliation the killer."""
    killing = _one(coded["killing_in_a_strike"], "killing")
    assert _country(killing.source) == "USA" and _country(killing.target) == "IRN"


def test_a_led_attack_is_the_leaders(coded) -> None:
    attack = _one(coded["led_attack"], "attack")
    assert _country(attack.source) == "PSE" and _country(attack.target) == "ISR"


def test_a_specific_act_word_retells_its_own_act_even_one_told_in_passing(coded) -> None:
    """"The assassination of General Soleimani" is the one "vowed revenge for" named, by the
    Trump administration, not the latest act told in the foreground (Biden's strike)."""
    events = [e for e in coded["assassination_told_in_passing"] if e.trigger == "assassination"]
    retold = events[-1]
    assert retold.source is not None and retold.source.name != "Joe Biden"
    assert "Trump" in (retold.source.text or retold.source.name or "")


def test_a_run_of_condemnations_retells_the_act_condemned_before(coded) -> None:
    """"Ireland condemned the Israeli strike. Norway denounced the attack": the strike, not the
    rockets Hamas fired, which the story called an attack last."""
    denounced = _one(coded["condemnation_run"], "denounced")
    assert _country(denounced.target) == "ISR"


def test_a_defence_against_a_raid_is_not_the_raid_retold(coded) -> None:
    denounced = _one(coded["raid_and_defence"], "denounced")
    assert _country(denounced.target) == "ISR"
    # a drone named by its model is an asset: its downing is the attack retold
    condemned = _one(coded["named_drone_downed"], "condemned")
    assert _country(condemned.target) == "IRN"


def test_it_is_never_a_person_just_named(coded) -> None:
    condemned = _one(coded["it_after_a_person"], "condemned")
    assert _country(condemned.target) == "ISR"


def test_what_was_among_the_sites_hit_was_hit_by_the_attack_told(coded) -> None:
    hit = _one(coded["among_the_sites_hit"], "hit")
    assert hit.target is not None and hit.target.text.startswith("Offices")
    assert _country(hit.source) == "IRN"
