"""Reading rules for sides the sentence leaves to the story, and for acts told with everyday
words: civilians placed by "in Pakistan's Balochistan province" rather than by a Washington
dateline, a state office named by no state ("the foreign ministry", "the presidency"), a
"foreign ministry" that is not foreign troops, "the coalition" of a report about Yemen, an air
strike on property whose suspected attacker is of the country hit, "Yemen's capital" placed
at Sanaa, a listing whose "as a
terrorist entity" the parser misreads, and acts such as a bomb tearing through a street,
raising security, resuming funding, closing an airspace and executing prisoners; a named
victim shot in a city, whose rank title ("Col.") must stay one token; a person called by
surname after being named in full; "a Saudi-led coalition airstrike"; a zone declared
closed, a decision called hasty, concerns shared; the Islamic State of a report set elsewhere; missiles shot down named by a
count; a demand joined to an accusation; "its embassy" stormed by protesters; a frigate that
struck a mine, the one hit; bases a militia hit in its own country, which stand for the forces
they host, unless warplanes hit them; missiles fired in one volley with drones sent "against"
a target, at that target.

Like the other reading-rule modules: each rule is checked end to end on a short text of its
own, all coded as one batch (``tests.rules_support.code_texts``)."""

from __future__ import annotations

from tests.rules_support import coded_fixture
from tests.rules_support import country as _country
from tests.rules_support import one as _one

TEXTS = {
    "unowned_office": (
        "WASHINGTON, Jan. 18, 2024 —\n"
        "Iranian missiles struck a village in Pakistan's Balochistan province on Tuesday, killing "
        "two children. The foreign ministry condemned the attack as an unprovoked violation of "
        "Pakistani airspace. In a statement, the presidency condemned the attack.\n"),
    "office_in_capital": (
        "MOSCOW, Jan. 28, 2023 —\n"
        "The foreign ministry in Baku summoned Iran's ambassador on Friday.\n"),
    "yemen_coalition": (
        "SANAA, March 26, 2016 —\n"
        "Houthi rebels fired missiles at the Saudi city of Najran on Friday. Overnight, coalition "
        "warplanes pounded the Houthi-held capital. The coalition accused the rebels of hiding "
        "weapons in Hodeidah.\n"),
    "funeral_hall": (
        "SANAA, Oct. 9, 2016 —\n"
        "Airstrikes tore through a packed funeral hall in Yemen's capital on Saturday, killing more than 140 "
        "mourners. The Saudi-led coalition at first denied carrying out any raid in the area, but "
        "later admitted its jets had bombed the hall. "
        "Thousands of Houthi supporters marched past the U.N. compound in Sanaa on Sunday.\n"),
    "listed_as": (
        "OTTAWA, Oct. 16, 2024 —\n"
        "Canada has listed Samidoun, a Vancouver-based pro-Palestinian network, as a terrorist "
        "entity under the Criminal Code, Public Safety Minister Dominic LeBlanc announced on "
        "Tuesday.\n"),
    "everyday_acts": (
        "ANKARA, Nov. 14, 2022 —\n"
        "A bomb tore through Istanbul's Istiklal Avenue on Sunday, killing six people. "
        "Israel has raised security at its diplomatic missions abroad. "
        "Ottawa resumed funding for UNRWA last week. "
        "Turkey had closed its airspace to flights to and from Sulaymaniyah. "
        "Iran executed two men convicted of spying on Monday. "
        "Saudi Arabia broke off diplomatic relations with Iran in January 2016. "
        "Limpet mines tore into two more tankers in the Gulf of Oman in June 2019. "
        "U.S. cargo planes carried out airdrops of food over Mount Sinjar in August 2014. "
        "Mr. Putin called it a stab in the back.\n"),
    "named_victim": (
        "TEHRAN, May 23, 2022 —\n"
        "Gunmen shot Col. Hassan Khodaei outside his home in Tehran on Sunday.\n"),
    "fired_from_over": (
        "DAMASCUS, Sept. 9, 2024 —\n"
        "Israeli missiles struck a research centre near Masyaf in western Syria on Sunday night. "
        "Syria's army said the missiles were fired from over northern Lebanon.\n"),
    "town_next_door": (
        "BEIRUT, Sept. 9, 2024 —\n"
        "Israeli missiles struck a research centre near Masyaf on Sunday night. The missiles were "
        "fired from over northern Lebanon, the agency said.\n"),
    "surname": (
        "BAGHDAD, May 27, 2021 —\n"
        "Iraqi forces arrested Qasim Muslih, a commander of the Popular Mobilization Forces, on "
        "Wednesday. Officials said Muslih had ordered the killing of an activist in Karbala.\n"),
    "led_coalition_strike": (
        "SANAA, Aug. 10, 2018 —\n"
        "A Saudi-led coalition airstrike hit a school bus in Dahyan on Thursday, killing dozens of "
        "children. Houthi leaders denounced the bombing as a massacre.\n"),
    "frames": (
        "AMMAN, June 22, 2016 —\n"
        "Jordan's army declared the northern border a closed military zone on Tuesday. Tehran called "
        "the decision hasty and extreme. The State Department said it shared Jordan's concerns.\n"),
    "islamic_state_elsewhere": (
        "OTTAWA, Feb. 24, 2025 —\n"
        "Canadian frigates have escorted merchant ships off Yemen since March. Under Operation "
        "IMPACT, Canadian CF-18s bombed Islamic State targets until February 2016. In January 2022, "
        "Islamic State gunmen stormed an army post in Diyala province.\n"),
    "interceptions": (
        "JERUSALEM, Oct. 2, 2024 —\n"
        "Iran fired about 180 ballistic missiles at Israel on Tuesday. Most were shot down by "
        "Israeli air defences, helped by two U.S. Navy destroyers that fired about a dozen "
        "interceptors. The U.S. Embassy accused the Houthis of kidnapping sailors and demanded "
        "their release.\n"),
    "its_embassy": (
        "RIYADH, Jan. 4, 2016 —\n"
        "Saudi Arabia broke off diplomatic relations with Iran late on Sunday, a day after "
        "protesters stormed its embassy in Tehran.\n"),
    "struck_a_mine": (
        "WASHINGTON, April 16, 1988 —\n"
        "The American frigate Samuel B. Roberts struck a mine in the central Gulf on Thursday, "
        "injuring ten sailors. Israeli jets struck a bomb factory in Gaza on Friday.\n"),
    "militia_hits_bases": (
        "BAGHDAD, Jan. 10, 2024 —\n"
        "U.S. jets struck Kataib Hezbollah sites in western Iraq on Friday. On Sunday, Kataib "
        "Hezbollah fighters fired rockets at two bases in Iraq.\n"),
    "warplanes_hit_a_base": (
        "BAGHDAD, Jan. 10, 2024 —\n"
        "U.S. jets struck Kataib Hezbollah sites in western Iraq on Friday. On Sunday, "
        "warplanes pounded a Kataib Hezbollah base in Iraq.\n"),
    "one_volley": (
        "ERBIL, Iraq, Sept. 29, 2022 —\n"
        "A U.S. fighter shot down a drone over Erbil on Tuesday. Iran's Revolutionary Guards "
        "fired ballistic missiles and sent explosive drones against Iranian Kurdish opposition "
        "groups in Iraq's Kurdistan region on Wednesday.\n"),
}


coded = coded_fixture("rules_sides", TEXTS)


def test_an_unowned_state_office_is_the_state_the_story_sets_against_the_other_side(coded) -> None:
    events = coded["unowned_office"]
    struck = _one(events, "missiles struck")
    assert _country(struck.target) == "PAK"  # "in Pakistan's Balochistan province", not the dateline's
    ministry, presidency = [e for e in events if e.event_type == "ACCUSE"]
    assert (ministry.source.text, _country(ministry.source), _country(ministry.target)) == (
        "The foreign ministry", "PAK", "IRN")
    assert _country(presidency.source) == "PAK"


def test_a_foreign_ministry_seated_in_a_capital_is_that_states(coded) -> None:
    summoned = _one(coded["office_in_capital"], "summoned")
    assert (_country(summoned.source), _country(summoned.target)) == ("AZE", "IRN")


def test_the_coalition_of_a_yemen_report_is_the_saudi_led_one(coded) -> None:
    events = coded["yemen_coalition"]
    pounded = _one(events, "pounded")
    accused = _one(events, "accused")
    assert (_country(pounded.source), _country(pounded.target)) == ("SAU", "YEM")
    assert _country(accused.source) == "SAU"


def test_an_air_strike_on_property_is_not_the_hit_countrys_own(coded) -> None:
    events = coded["funeral_hall"]
    hall = _one(events, "tore through")
    assert (hall.event_type, _country(hall.source), _country(hall.target)) == ("ASSAULT", "SAU", "YEM")
    assert hall.location is not None and hall.location.name == "Sanaa"
    march = _one(events, "marched")
    assert (march.event_type, _country(march.source), _country(march.target)) == ("PROTEST", "YEM", "SAU")


def test_a_listing_as_a_terrorist_entity_survives_a_long_apposition(coded) -> None:
    listed = _one(coded["listed_as"], "listed")
    assert (listed.event_type, listed.mode, _country(listed.source)) == ("COERCE", "restrict", "CAN")


def test_everyday_words_for_acts(coded) -> None:
    events = coded["everyday_acts"]
    assert _one(events, "tore through").event_type == "ASSAULT"
    assert _one(events, "raised security").event_type == "MOBILIZE"
    assert _one(events, "resumed funding").event_type == "AID"
    closed = _one(events, "closed its airspace")
    assert (closed.event_type, closed.mode) == ("COERCE", "restrict")
    executed = _one(events, "executed")
    assert (executed.event_type, _country(executed.source)) == ("ASSAULT", "IRN")
    broke = _one(events, "broke off diplomatic relations")
    assert (broke.event_type, _country(broke.source), _country(broke.target)) == ("SANCTION", "SAU", "IRN")
    assert _one(events, "tore into").event_type == "ASSAULT"
    assert _one(events, "airdrops").event_type == "AID"
    called = _one(events, "called")
    assert (called.event_type, _country(called.source)) == ("ACCUSE", "RUS")


def test_a_named_victim_of_an_attack_in_a_city_is_of_that_country(coded) -> None:
    """The rank title stays one token ("Col." split at its stop broke the sentence), and an
    unknown person shot in Tehran is taken to be Iranian."""
    shot = _one(coded["named_victim"], "shot")
    assert (shot.event_type, shot.target.text, _country(shot.target)) == (
        "ASSAULT", "Col. Hassan Khodaei", "IRN")


def test_fired_from_over_a_country_is_where_the_missiles_came_from(coded) -> None:
    events = coded["fired_from_over"]
    struck, fired = _one(events, "missiles struck"), _one(events, "fired")
    assert fired.location is not None and fired.location.country == "SYR"
    assert _country(struck.target) == "SYR"  # a research centre in Syria, hit by Israel


def test_a_town_next_door_to_the_named_countries_is_kept(coded) -> None:
    """Masyaf (Syria) in a report that names only Israel and Lebanon is not a stray namesake."""
    struck = _one(coded["town_next_door"], "missiles struck")
    assert struck.location is not None and struck.location.country == "SYR"


def test_a_surname_is_the_person_named_in_full_before(coded) -> None:
    """"Muslih" alone is the "Qasim Muslih, a commander of the Popular Mobilization Forces" of
    the sentence before: an Iraqi militia commander, not an unknown."""
    killing = [e for e in coded["surname"] if e.event_type == "ASSAULT"]
    assert [(e.source.text, _country(e.source)) for e in killing if e.source] == [("Muslih", "IRQ")]


def test_a_led_coalition_named_before_the_act_noun_did_it(coded) -> None:
    """"A Saudi-led coalition airstrike": the parser hangs "Saudi-led" and "coalition" on the
    noun apart, and the phrase read back is no act standing for an unknown doer."""
    events = coded["led_coalition_strike"]
    hit, denounced = _one(events, "hit"), _one(events, "denounced")
    assert (_country(hit.source), _country(hit.target)) == ("SAU", "YEM")
    assert (_country(denounced.source), _country(denounced.target)) == ("YEM", "SAU")


def test_acts_read_off_their_complement(coded) -> None:
    """A zone declared closed restricts; a decision called hasty is an accusation; concerns
    shared are support."""
    events = coded["frames"]
    declared, called, shared = _one(events, "declared"), _one(events, "called"), _one(events, "shared")
    assert (declared.event_type, _country(declared.source)) == ("COERCE", "JOR")
    assert (called.event_type, _country(called.source)) == ("ACCUSE", "IRN")
    assert (shared.event_type, _country(shared.source), _country(shared.target)) == ("SUPPORT", "USA", "JOR")


def test_the_islamic_state_of_a_report_set_elsewhere_is_in_its_own_theatre(coded) -> None:
    """Not Yemen, the only country the brief names: its theatre (Iraq and Syria). And an army
    post it stormed in Iraq is Iraq's, though the group is now placed there too."""
    events = coded["islamic_state_elsewhere"]
    bombed, stormed = _one(events, "bombed"), _one(events, "stormed")
    assert (_country(bombed.source), _country(bombed.target)) == ("CAN", "IRQ")
    assert (_country(stormed.source), _country(stormed.target)) == ("IRQ", "IRQ")


def test_what_an_interception_names_by_a_count_stands_for_the_launcher(coded) -> None:
    """"Most were shot down", "fired a dozen interceptors": aimed at Iran, which fired the
    missiles; and a demand joined to an accusation is the accuser's, not the accused's."""
    events = coded["interceptions"]
    downed = _one(events, "shot down")
    interceptors = [e for e in events if e.trigger == "fired" and _country(e.source) == "USA"]
    assert (_country(downed.source), _country(downed.target)) == ("ISR", "IRN")
    assert [_country(e.target) for e in interceptors] == ["IRN"]
    demanded = _one(events, "demanded")
    assert (_country(demanded.source), _country(demanded.target)) == ("USA", "YEM")


def test_its_embassy_is_the_singular_owner_not_the_protesters_or_the_city(coded) -> None:
    """"protesters stormed its embassy in Tehran": Saudi Arabia's embassy (not the protesters',
    who would own "their", and not Tehran, where it stands)."""
    stormed = _one(coded["its_embassy"], "stormed")
    assert (stormed.target.text, _country(stormed.target)) == ("its embassy", "SAU")


def test_what_strikes_a_mine_is_hit_not_the_attacker(coded) -> None:
    """"The frigate struck a mine": the subject set off the charge; who laid it is unknown. A
    bomb factory struck is still struck by the jets."""
    events = coded["struck_a_mine"]
    mine = next(e for e in events if "frigate" in e.sentence)
    factory = next(e for e in events if "factory" in e.sentence)
    assert (mine.event_type, _country(mine.source), _country(mine.target)) == ("ASSAULT", "UNK", "USA")
    assert (factory.event_type, _country(factory.source)) == ("ASSAULT", "ISR")


def test_bases_a_militia_hit_at_home_stand_for_the_forces_they_host(coded) -> None:
    fired = _one(coded["militia_hits_bases"], "fired")
    assert _country(fired.source) == "IRQ" and _country(fired.target) == "USA"
    pounded = _one(coded["warplanes_hit_a_base"], "pounded")
    assert _country(pounded.target) == "IRQ"


def test_missiles_fired_with_drones_sent_against_a_target_are_aimed_at_it(coded) -> None:
    """Not at the American side the story's earlier dyad would lend an act with no target."""
    fired = _one(coded["one_volley"], "fired")
    assert fired.target is not None and fired.target.text == "Iranian Kurdish opposition groups"
