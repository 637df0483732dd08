"""Reading rules for who speaks, who was hit and where a named facility is: a personal pronoun standing alone
as a subject ("He condemned the attack") is the person who was the subject of the sentence
before (or, through sentences whose speaker is that pronoun, of the last one that named him), and a person called again by surname is the one named in full before; a state official
whom that first mention names only by title ("Energy Minister Khalid al-Falih") is of the
country of a local report. A facility name that the text prefixes with its owner ("Saudi
Arabia's Shaybah oil field") is still the facility, placed at the town it is named after; a
body is of whoever a relative clause says runs it ("the ministry, which is run by Hamas"). A journalist named by
no nationality is of the place he was attacked at, as civilians are (the town an attack on them
is placed at outweighs the dateline's country); and a person the knowledge
base does not know, killed by a foreign state's strike placed only in a country, is of that
country; a participle conjoined to a passive verb shares its voice ("was tracked down and
killed": the one killed is the subject). And "call" makes an act hypothetical only when it asks for it ("called for an end to
the strikes"): an act inside the name it gives ("what it called a warning strike", "called the
raid a response to Thursday's strikes") happened, while the act it only names ("called the
strikes a hostile act") is commented on, not told again.

Like the other reading-rule modules: each rule is checked end to end on a short text of its
own, all coded as one batch (``tests.rules_support.code_texts``)."""

from __future__ import annotations

from tests.rules_support import coded_fixture
from tests.rules_support import country as _country
from tests.rules_support import one as _one

TEXTS = {
    "owned_facility": (
        "RIYADH, Aug. 20, 2019 —\n"
        "Drones launched by Yemen's Houthi rebels set fire to a gas plant at Saudi Arabia's "
        "Shaybah oil field on Saturday, officials said.\n"),
    "local_official": (
        "RIYADH, Aug. 20, 2019 —\n"
        "Houthi drones struck the Shaybah oil field in the east of the kingdom on Saturday.\n"
        "Energy Minister Khalid al-Falih said the fire had been put out within hours.\n"
        "He condemned the strike as sabotage aimed at world energy supplies.\n"
        "Falih also urged other governments to confront the rebels.\n"),
    "unofficial_speaker": (
        "WASHINGTON, Aug. 20, 2019 —\n"
        "Houthi drones struck an oil field in eastern Saudi Arabia on Saturday.\n"
        "Energy analyst Karen Young said the damage looked limited.\n"
        "She condemned the strike as reckless.\n"),
    "journalist": (
        "DIWANIYAH, Iraq, May 11, 2021 —\n"
        "Gunmen shot television reporter Samir Karim outside his home in Diwaniyah on Monday.\n"),
    "people_at_a_town": (
        "JERUSALEM, March 1, 2024 —\n"
        "More than 100 Palestinians were killed on Thursday as crowds surged around aid trucks.\n"
        "\n"
        "The Israeli military said soldiers had shot at people who approached them near Gaza City.\n"),
    "run_by": (
        "JERUSALEM, March 1, 2024 —\n"
        "More than 100 Palestinians were killed on Thursday as crowds surged around aid trucks, "
        "according to the territory's health ministry.\n"
        "The ministry, which is run by Hamas, accused Israeli troops of opening fire on people "
        "waiting for flour.\n"),
    "foreign_strike_in_country": (
        "WASHINGTON, July 13, 2022 —\n"
        "A U.S. drone strike in Syria on Tuesday killed Walid Haddad, the command said.\n"),
    "own_state_in_country": (
        "DAMASCUS, July 13, 2022 —\n"
        "A Syrian army raid in Syria on Tuesday killed Walid Haddad, state media said.\n"),
    "shared_passive": (
        "BAGHDAD, March 15, 2025 —\n"
        "The commander was tracked down and killed in Anbar on Friday, the command said.\n"),
    "naming": (
        "BEIRUT, Oct. 14, 2024 —\n"
        "Hezbollah called the raid a response to Thursday's Israeli strikes on central Beirut.\n"
        "In Sahnaya, Israel carried out what it called a warning strike on an armed group on "
        "Wednesday.\n"
        "Egypt called for an end to the bombardment of Gaza.\n"),
    "speaker_through_pronouns": (
        "WASHINGTON, Nov. 4, 2021 —\n"
        "Pentagon spokesman John Kirby called the claim false on Wednesday. He said Iranian "
        "forces had seized a tanker in international waters. American ships never tried to stop "
        "them, he added. He called Iran's conduct a violation of international law.\n"),
}

coded = coded_fixture("rules_speakers", TEXTS)


def test_a_facility_prefixed_by_its_owner_is_placed_at_its_town(coded) -> None:
    fire = _one(coded["owned_facility"], "set fire")
    assert fire.location is not None and fire.location.name == "Shaybah"
    assert fire.location.country == "SAU"


def test_a_pronoun_subject_is_the_official_who_spoke_before(coded) -> None:
    condemned = _one(coded["local_official"], "condemned")
    assert _country(condemned.source) == "SAU"


def test_a_surname_is_the_official_named_in_full_before(coded) -> None:
    urged = _one(coded["local_official"], "urged")
    assert _country(urged.source) == "SAU"


def test_a_speaker_of_no_office_gets_no_country_from_the_dateline(coded) -> None:
    condemned = _one(coded["unofficial_speaker"], "condemned")
    assert _country(condemned.source) in (None, "UNK")


def test_a_journalist_of_no_stated_nationality_is_of_the_place_attacked(coded) -> None:
    shot = _one(coded["journalist"], "shot")
    assert _country(shot.target) == "IRQ"


def test_people_attacked_at_a_town_are_of_the_town_not_the_dateline(coded) -> None:
    shot = _one(coded["people_at_a_town"], "shot")
    assert _country(shot.target) == "PSE"


def test_a_body_is_of_whoever_a_relative_clause_says_runs_it(coded) -> None:
    accused = _one(coded["run_by"], "accused")
    assert _country(accused.source) == "PSE"


def test_a_person_killed_by_a_foreign_strike_in_a_country_is_of_that_country(coded) -> None:
    strike = _one(coded["foreign_strike_in_country"], "drone strike")
    assert (_country(strike.source), _country(strike.target)) == ("USA", "SYR")


def test_a_person_killed_by_his_own_states_forces_is_of_the_place(coded) -> None:
    """Once read as no one's (a wanted foreigner as often as a citizen); on the gold sets the
    place's country was the gold side of such victims every time (an Islamic State leader
    killed by Iraqi forces, a journalist detained by Belarus's police in Minsk)."""
    raid = _one(coded["own_state_in_country"], "raid")
    assert _country(raid.target) == "SYR"


def test_an_act_inside_a_name_given_by_call_happened(coded) -> None:
    events = coded["naming"]
    assert _one(events, "strikes").status == "actual"
    assert _one(events, "strike").status == "actual"


def test_an_act_called_for_is_still_hypothetical(coded) -> None:
    assert _one(coded["naming"], "bombardment").status == "hypothetical"


def test_a_participle_conjoined_to_a_passive_shares_its_subject_as_the_target(coded) -> None:
    killed = _one(coded["shared_passive"], "killed")
    assert killed.target is not None and killed.target.text == "The commander"
    assert killed.source is None or killed.source.text != "The commander"


def test_a_speakers_he_goes_back_through_sentences_he_spoke(coded) -> None:
    accusations = [e for e in coded["speaker_through_pronouns"] if e.event_type == "ACCUSE"]
    last = max(accusations, key=lambda e: e.char_start)
    assert (_country(last.source), _country(last.target)) == ("USA", "IRN")
