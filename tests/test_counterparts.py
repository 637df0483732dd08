"""Missing sides filled from the document's dyads (``flashpoint.events.counterparts``), and the
argument readings that decide what counts as missing."""

from __future__ import annotations

import pytest

from flashpoint.events import Coder, load_coder
from flashpoint.events.actors import PlaceWords
from flashpoint.events.counterparts import fill_counterparts
from flashpoint.records import Actor, Document, Event, OffsetMap
from flashpoint.settings import Settings

USA = Actor(text="U.S. forces", name="United States", country="USA", sector="military", id="USAMIL")
KH = Actor(text="Kata'ib Hezbollah", name="Kata'ib Hezbollah", country="IRQ", sector="militia", id="KH")
IRAQ = Actor(text="Baghdad", name="Iraq", country="IRQ", sector="government", id="IRQGOV")
IRAN = Actor(text="Iran", name="Iran", country="IRN", id="IRN")


def _event(event_type: str, source: Actor | None, target: Actor | None, start: int, quad: int = 4) -> Event:
    return Event(doc_id="d", sentence="s", char_start=start, char_end=start + 1, event_type=event_type,
                 coder_version="test", source=source, target=target, quad_class=quad)


def test_missing_target_is_the_named_sides_latest_counterpart() -> None:
    events = [_event("ASSAULT", USA, KH, 0), _event("ASSAULT", USA, None, 10)]
    filled = fill_counterparts(events)
    assert filled[1].target is not None
    assert (filled[1].target.country, filled[1].target.name, filled[1].target.text) == ("IRQ", "Kata'ib Hezbollah", "")
    assert filled[0] == events[0]


def test_missing_source_takes_the_counterpart_of_the_target() -> None:
    events = [_event("ASSAULT", KH, USA, 0), _event("ACCUSE", None, USA, 10, quad=2),
              _event("ACCUSE", IRAQ, IRAN, 20, quad=2)]
    filled = fill_counterparts(events)
    assert filled[1].source is not None and filled[1].source.country == "IRQ"


def test_the_same_kind_of_act_is_preferred_and_later_events_count_when_none_came_before() -> None:
    events = [_event("ASSAULT", USA, None, 0), _event("CONSULT", USA, IRAQ, 10, quad=1),
              _event("ASSAULT", USA, IRAN, 20)]
    filled = fill_counterparts(events)
    assert filled[0].target is not None and filled[0].target.country == "IRN"


def test_named_unknowns_sector_phrases_unknown_doers_and_relations_are_kept() -> None:
    named = Actor(text="the Galaxy Leader", country="UNK")
    militants = Actor(text="militants", country="UNK", sector="insurgent")
    unknown_doer = Actor(text="", country="UNK")
    allies = Actor(text="its closest allies", country="UNK")
    base = Actor(text="another base", country="UNK", sector="military")
    not_an_actor = Actor(text="the operation", country="UNK")
    prior = _event("ASSAULT", USA, KH, 0)
    cases = [_event("ASSAULT", KH, named, 10), _event("ASSAULT", militants, USA, 20),
             _event("ASSAULT", unknown_doer, USA, 30), _event("REQUEST", USA, allies, 40, quad=1)]
    filled = fill_counterparts([prior, *cases], site_heads=frozenset({"base"}),
                               relational_heads=frozenset({"allies"}))
    assert filled[1:] == cases
    more = fill_counterparts([prior, _event("ASSAULT", KH, base, 10), _event("ASSAULT", USA, not_an_actor, 20)],
                             site_heads=frozenset({"base"}))
    assert more[1].target is not None and more[1].target.country == "USA"
    assert more[2].target is not None and more[2].target.country == "IRQ"


def test_nothing_is_filled_without_a_dyad_of_the_named_side() -> None:
    events = [_event("ASSAULT", IRAN, USA, 0), _event("ASSAULT", KH, None, 10)]
    assert fill_counterparts(events) == events


# -- on parsed text --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def coder() -> Coder:
    return load_coder(Settings())


def _code(nlp, coder: Coder, text: str) -> list[Event]:
    document = Document(doc_id=Document.id_for(text), text=text, raw_text=text, offsets=OffsetMap(),
                        origin="t.txt", raw_hash=Document.id_for(text), format="txt", published="2021-07-15")
    return coder.code(document, nlp(text))


def test_an_act_named_as_the_object_of_a_light_verb_keeps_its_recipient(nlp, coder: Coder) -> None:
    events = _code(nlp, coder, "Canada provided training and financial assistance to Kurdish Peshmerga "
                               "fighters to battle Islamic State jihadis in 2014.")
    aid = [e for e in events if e.event_type == "AID"]
    assert aid and aid[0].source is not None and aid[0].source.country == "CAN"
    assert aid[0].target is not None and aid[0].target.country == "IRQ"


def test_a_possessed_relational_noun_is_not_its_owner(nlp, coder: Coder) -> None:
    events = _code(nlp, coder, "Iran urged its closest allies to join the new government.")
    request = [e for e in events if e.event_type == "REQUEST"]
    assert request and request[0].source is not None and request[0].source.country == "IRN"
    assert request[0].target is None or request[0].target.country != "IRN"


def test_a_re_mentioned_operation_gets_the_recipient_from_the_story(nlp, coder: Coder) -> None:
    events = _code(nlp, coder, "U.S. aircraft struck Kata'ib Hezbollah weapons depots near Qaim on Sunday. "
                               "The Pentagon said the operation was ordered by President Biden.")
    assaults = [e for e in events if e.event_type == "ASSAULT" and "ordered" in e.sentence]
    assert assaults, [e.to_record() for e in events]
    assert assaults[0].target is not None and assaults[0].target.country == "IRQ"


def test_a_dyad_of_another_kind_lends_only_its_country() -> None:
    spokesman = Actor(text="the State Department", name="State Department", country="USA", id="USAGOV")
    events = [_event("ACCUSE", spokesman, KH, 0, quad=2), _event("ASSAULT", KH, None, 10)]
    target = fill_counterparts(events)[1].target
    assert target == Actor(text="", country="USA")


def test_a_participle_names_the_doer_and_a_passive_blame_the_claimed_one(nlp, coder: Coder) -> None:
    events = _code(nlp, coder, "The attack, claimed by Kata'ib Hezbollah, injured four U.S. service members. "
                               "Israel was blamed for the bombing of the consulate.")
    attack = [e for e in events if e.event_type == "ASSAULT" and "injured" in e.sentence]
    assert attack and attack[0].source is not None and attack[0].source.country == "IRQ"
    bombing = [e for e in events if e.event_type == "ASSAULT" and "blamed" in e.sentence]
    assert bombing and bombing[0].status == "claimed"
    assert bombing[0].source is not None and bombing[0].source.country == "ISR"


def test_a_subjectless_while_clause_shares_the_mood_of_its_clause(nlp, coder: Coder) -> None:
    recommended = _code(nlp, coder, "While recognizing Washington's leading role, Ottawa could consider "
                                    "forging closer ties with Baghdad.")
    assert recommended and all(e.status == "hypothetical" for e in recommended)
    reported = _code(nlp, coder, "Britain struck the depot while France condemned the attack.")
    assert {e.event_type for e in reported if e.status == "actual"} >= {"ASSAULT", "ACCUSE"}


def test_weapons_that_slam_into_a_place_attack_it_and_no_one_claiming_is_no_claim(nlp, coder: Coder) -> None:
    impact = _code(nlp, coder, "Two rockets slammed into the Green Zone late Wednesday, Iraqi security officials said.")
    assert [e.event_type for e in impact] == ["ASSAULT"]
    assert impact[0].target is not None and impact[0].target.text == "the Green Zone"
    criticism = _code(nlp, coder, "Iran slammed the decision. The strikes were quickly condemned by Iraq's military.")
    assert [e.event_type for e in criticism] == ["ACCUSE", "ACCUSE"]
    unclaimed = _code(nlp, coder, "No group claimed responsibility for the rocket attack on the base.")
    assert not [e for e in unclaimed if e.status in ("actual", "claimed") and e.trigger and "claim" in e.trigger]


def test_unnamed_militias_take_the_group_the_report_names_and_blame_claims(nlp, coder: Coder) -> None:
    events = _code(nlp, coder, "U.S. officials have blamed Iran-backed militias for similar attacks. "
                               "A U.S. drone strike killed four members of Kata'ib Hezbollah on Sunday.")
    blame = [e for e in events if e.event_type == "ACCUSE"]
    assert blame and blame[0].target is not None and blame[0].target.country == "IRQ"
    attacks = [e for e in events if e.trigger == "attacks"]
    assert attacks and attacks[0].status == "claimed"


def test_a_weapon_shot_down_as_it_stands_for_its_firer(nlp, coder: Coder) -> None:
    events = _code(nlp, coder, "The Houthis fired an anti-ship missile at a U.S. destroyer on Sunday, but it was "
                               "shot down by a U.S. fighter jet, Central Command said.")
    downing = [e for e in events if e.trigger and e.trigger.startswith("shot")]
    assert downing and downing[0].source is not None and downing[0].source.country == "USA"
    assert downing[0].target is not None and downing[0].target.country == "YEM"


def test_counted_weapons_are_instruments_and_an_answered_act_is_its_own_event(nlp, coder: Coder) -> None:
    events = _code(nlp, coder, "Hezbollah launched dozens of rockets at northern Israel on Sunday. "
                               "The Houthis fired a barrage of drones toward Eilat.")
    launched, fired = [e for e in events if e.event_type == "ASSAULT"][:2]
    assert launched.target is not None and launched.target.country == "ISR"
    assert fired.target is not None and fired.target.text == "Eilat"
    answered = _code(nlp, coder, "Israeli aircraft struck military sites in Iran early Saturday in response to "
                                 "Iran's missile attack on Israel on Oct. 1.")
    dyads = {(e.source.country if e.source else None, e.target.country if e.target else None)
             for e in answered if e.event_type == "ASSAULT"}
    assert dyads == {("ISR", "IRN"), ("IRN", "ISR")}


def test_a_side_named_by_the_events_town_takes_its_country() -> None:
    from flashpoint.events.counterparts import place_named_sides
    from flashpoint.records import Location

    haifa = Location(name="Haifa", country="ISR", lat=32.79, lon=34.99, precision="city")
    event = replace_event(_event("ASSAULT", Actor(text="Hezbollah", country="LBN"), Actor(text="Haifa", country="UNK"), 0),
                          location=haifa)
    placed = place_named_sides([event])[0]
    assert placed.target is not None and (placed.target.country, placed.target.text) == ("ISR", "Haifa")
    elsewhere = replace_event(event, target=Actor(text="a fishing boat", country="UNK"))
    assert place_named_sides([elsewhere], PlaceWords(vessel=frozenset({"boat"}))) == [elsewhere]


def replace_event(event: Event, **changes: object) -> Event:
    from dataclasses import replace

    return replace(event, **changes)


def test_foreign_troops_are_not_the_hosts_and_an_investigated_act_happened(nlp, coder: Coder) -> None:
    events = _code(nlp, coder, "The Iraqi parliament voted in January to expel foreign troops.")
    expel = [e for e in events if e.trigger == "expel"]
    assert expel and expel[0].target is not None and expel[0].target.country != "IRQ"
    probe = _code(nlp, coder, "Trudeau urged Iran to allow a full investigation into the downing of Flight PS752.")
    downing = [e for e in probe if e.trigger == "downing"]
    assert downing and downing[0].status == "actual"


def test_no_one_hurt_in_an_attack_does_not_negate_the_attack(nlp, coder: Coder) -> None:
    events = _code(nlp, coder, "Militants fired rockets at the base on Friday. No one was hurt in the attack, "
                               "a spokesman said.")
    assert not [e for e in events if e.status == "negated"]


def test_the_ones_targeted_and_the_groups_leaders_and_a_labelled_act(nlp, coder: Coder) -> None:
    events = _code(nlp, coder, "U.S. aircraft struck militia sites near Qaim on June 27. Some PMU militia groups, "
                               "including the ones targeted on June 27, have close ties to Tehran.")
    targeted = [e for e in events if e.trigger == "targeted"]
    assert targeted and targeted[0].target is not None and targeted[0].target.country == "IRQ"
    assert targeted[0].source is not None and targeted[0].source.country == "USA"
    threat = _code(nlp, coder, "Kata'ib Hezbollah fighters were killed in a U.S. strike on Sunday. "
                               "The group's leaders threatened to respond.")
    threatened = [e for e in threat if e.event_type == "THREATEN"]
    assert threatened and threatened[0].source is not None and threatened[0].source.country == "IRQ"
    labelled = _code(nlp, coder, "U.S. jets struck Kata'ib Hezbollah depots on Sunday. Iraq's prime minister said "
                                 "the U.S. strikes were an unacceptable attack on Iraq's sovereignty.")
    assert not [e for e in labelled if e.trigger == "attack"]


def test_acts_joined_by_and_are_distinct_and_a_suspect_description_is_no_accusation(nlp, coder: Coder) -> None:
    events = _code(nlp, coder, "The Treasury Department imposed sanctions on four Houthi officials on Thursday "
                               "and designated the group as a terrorist organization.")
    assert [e.trigger for e in events if e.event_type == "COERCE"] == ["imposed sanctions", "designated"]
    suspects = _code(nlp, coder, "Iraqi forces detained three men suspected of firing rockets at the embassy.")
    assert not [e for e in suspects if e.event_type == "ACCUSE"]
    firing = [e for e in suspects if e.trigger == "firing"]
    assert firing and firing[0].status == "claimed" and firing[0].source is not None
    assert firing[0].source.text == "three men"


def test_the_pipeline_gives_a_town_named_target_its_country(tmp_path) -> None:
    from flashpoint.pipeline import code_paths

    (tmp_path / "haifa.txt").write_text("Hezbollah fired rockets at Haifa on Monday, the Israeli military said.\n")
    events = code_paths([str(tmp_path)], Settings(published="2024-10-14")).events
    fired = [e for e in events if e.event_type == "ASSAULT"]
    assert fired and fired[0].location is not None and fired[0].location.name == "Haifa"
    assert fired[0].target is not None and (fired[0].target.text, fired[0].target.country) == ("Haifa", "ISR")


def test_rockets_on_a_base_of_the_militias_own_country_keep_the_suspects(nlp, coder: Coder) -> None:
    events = _code(nlp, coder, "U.S. warplanes struck Kata'ib Hezbollah facilities in Iraq. More than 30 rockets "
                               "hit the base, which houses Iraqi forces and U.S.-led coalition troops.")
    rockets = [e for e in events if e.trigger == "hit"]
    assert rockets and rockets[0].source is not None and rockets[0].source.country == "IRQ"


def test_a_semicolon_ends_what_a_later_denial_governs(nlp, coder: Coder) -> None:
    events = _code(nlp, coder, "Turkish officials blamed the PKK and the YPG for the Istanbul attack; "
                               "both groups denied involvement.")
    blame = [e for e in events if e.event_type == "ACCUSE"]
    assert blame and blame[0].status == "actual"


def test_joint_acts_take_the_conjoined_partner_and_calls_for_x_to_leave_name_x(nlp, coder: Coder) -> None:
    signed = _code(nlp, coder, "Britain and Iraq signed a security cooperation agreement in December.")
    agree = [e for e in signed if e.event_type == "AGREE"]
    assert agree and agree[0].target is not None and agree[0].target.country == "IRQ"
    called = _code(nlp, coder, "Prime Minister Mohammed Shia al-Sudani has repeatedly called for the U.S.-led "
                               "coalition to leave Iraq.")
    request = [e for e in called if e.event_type == "REQUEST"]
    assert request and request[0].target is not None and request[0].target.text == "the U.S.-led coalition"
    welcomed = _code(nlp, coder, "The United States and Iraq agreed to begin talks on the coalition's future. "
                                 "Iran welcomed the announcement.")
    support = [e for e in welcomed if e.event_type == "SUPPORT"]
    assert support and support[0].target is not None and support[0].target.country == "USA"


def test_dismissed_talks_are_a_rejection_of_the_other_side(nlp, coder: Coder) -> None:
    events = _code(nlp, coder, "The United States and Iraq agreed to begin talks. "
                               "Kata'ib Hezbollah dismissed the talks as a delaying tactic.")
    reject = [e for e in events if e.event_type == "REJECT"]
    assert reject and reject[0].source is not None and reject[0].source.country == "IRQ"
    assert reject[0].target is not None and reject[0].target.name != "Kata'ib Hezbollah"


def test_soldiers_not_hurt_in_an_attack_do_not_negate_it(nlp, coder: Coder) -> None:
    events = _code(nlp, coder, "Canadian soldiers at the Erbil base were not hurt in Iran's missile attack "
                               "overnight, the Department of National Defence said.")
    attack = [e for e in events if e.event_type == "ASSAULT"]
    assert attack and attack[0].status == "actual"
    denied = _code(nlp, coder, "Iran did not attack the base.")
    assert [e.status for e in denied if e.event_type == "ASSAULT"] == ["negated"]


def test_a_dyad_within_one_country_is_matched_by_identity() -> None:
    events = [_event("COERCE", IRAQ, KH, 0), _event("REQUEST", KH, None, 10, quad=4)]
    target = fill_counterparts(events)[1].target
    assert target is not None and (target.name, target.country) == ("Iraq", "IRQ")


def test_met_with_a_response_is_no_meeting_but_met_by_a_minister_is(nlp, coder: Coder) -> None:
    warning = _code(nlp, coder, "Any attack on U.S. forces would be met with a decisive response.")
    assert not [e for e in warning if e.event_type in ("CONSULT", "AGREE")]
    welcome = _code(nlp, coder, "Sudani was met at the airport by Blinken.")
    assert [e.event_type for e in welcome] == ["CONSULT"]


def test_feared_acts_and_acts_there_is_no_evidence_of_are_not_asserted(nlp, coder: Coder) -> None:
    events = _code(nlp, coder, "Fears of an Israeli strike on Iran grew. "
                               "There is no evidence that Iran ordered the attack on the tanker.")
    assert not [e for e in events if e.status in ("actual", "claimed")]


def test_an_attacks_lent_target_yields_to_where_it_happened() -> None:
    from flashpoint.events.counterparts import place_named_sides
    from flashpoint.records import Location

    syria = Location(name="Syria", country="SYR", lat=35.0, lon=38.0, precision="country")
    israel = Actor(text="Israeli warplanes", name="Israel", country="ISR", id="ISRMIL")
    lent = replace_event(_event("ASSAULT", israel, Actor(text="", country="EGY"), 0), location=syria)
    assert place_named_sides([lent])[0].target == Actor(text="", country="SYR")
    named = replace_event(lent, target=Actor(text="", name="Egypt", country="EGY", id="EGY"))
    assert place_named_sides([named]) == [named]
    own = replace_event(lent, source=Actor(text="Syrian jets", country="SYR"))
    assert place_named_sides([own]) == [own]


def test_what_is_called_for_is_not_yet_done(nlp, coder: Coder) -> None:
    events = _code(nlp, coder, "Israel's foreign minister called for sanctions on the Revolutionary Guards.")
    sanctions = [e for e in events if e.trigger == "sanctions"]
    assert sanctions and sanctions[0].status == "hypothetical"
    assert [e.event_type for e in events if e.status == "actual"] == ["REQUEST"]


def test_killed_in_an_airstrike_names_the_doer_and_the_victims(nlp, coder: Coder) -> None:
    events = _code(nlp, coder, "Israel killed Hezbollah leader Hassan Nasrallah in a massive airstrike on Friday. "
                               "Lebanon's prime minister called the strike a massacre.")
    strike = [e for e in events if e.event_type == "ASSAULT"]
    assert strike and strike[0].source is not None and strike[0].source.country == "ISR"
    accuse = [e for e in events if e.event_type == "ACCUSE"]
    assert accuse and accuse[0].target is not None and accuse[0].target.country == "ISR"
    later = _code(nlp, coder, "Israeli jets struck Gaza on Monday. Two Israeli soldiers were killed in a roadside "
                              "bombing in the West Bank on Tuesday.")
    bombing = [e for e in later if e.trigger == "bombing"]
    assert bombing and bombing[0].target is not None and bombing[0].target.country == "ISR"


def test_troops_that_remain_deployed_are_a_state_not_a_deployment(nlp, coder: Coder) -> None:
    state = _code(nlp, coder, "The Canadian Armed Forces remain deployed in Latvia and Iraq.")
    assert not state
    act = _code(nlp, coder, "Canada deployed 200 troops to Latvia on Monday.")
    assert [e.event_type for e in act] == ["MOBILIZE"]


def test_punished_for_an_act_is_its_claimed_doer(nlp, coder: Coder) -> None:
    events = _code(nlp, coder, "Iran has vowed to punish Israel for the killing of Hamas leader Ismail Haniyeh.")
    killing = [e for e in events if e.trigger == "killing"]
    assert killing and killing[0].status == "claimed"
    assert killing[0].source is not None and killing[0].source.country == "ISR"


def test_no_group_claiming_an_attack_claims_nothing(nlp, coder: Coder) -> None:
    events = _code(nlp, coder, "An explosive-laden drone struck the residence early Sunday. "
                               "No group immediately claimed the attack.")
    assert [e.status for e in events if "claimed" in e.sentence] == ["negated"]


def test_an_act_protested_in_a_purpose_clause_happened(nlp, coder: Coder) -> None:
    events = _code(nlp, coder, "Thousands of militia supporters stormed the outer wall of the U.S. Embassy in Baghdad "
                               "on Tuesday, chanting to protest U.S. airstrikes that killed 25 fighters.")
    airstrikes = [e for e in events if e.trigger == "airstrikes"]
    assert airstrikes and airstrikes[0].status == "actual"


def test_a_downed_plane_is_the_target_and_it_stays_the_plane(nlp, coder: Coder) -> None:
    events = _code(nlp, coder, "Iran initially denied shooting down the plane but admitted on Saturday that its air "
                               "defenses had mistakenly downed it.")
    targets = [e.target.text if e.target else None for e in events if e.event_type == "ASSAULT"]
    assert targets == ["the plane", "the plane"]


def test_a_deployment_naming_no_recipient_is_not_aimed_at_the_storys_enemy() -> None:
    """"The Pentagon has sent more jets to the region" in a story of militia attacks: the
    sentence names no counterpart, so the target stays empty; an attack in the same story
    still takes the counterpart."""
    events = [_event("ASSAULT", USA, KH, 0), _event("MOBILIZE", USA, None, 10, quad=3),
              _event("ASSAULT", USA, None, 20)]
    filled = fill_counterparts(events)
    assert filled[1].target is None
    assert filled[2].target is not None and filled[2].target.country == "IRQ"


def test_an_attack_abroad_on_an_unowned_target_hit_the_country_it_happened_in() -> None:
    from flashpoint.events.counterparts import place_named_sides
    from flashpoint.records import Location

    saada = Location(name="Saada", country="YEM", lat=16.94, lon=43.76, precision="city")
    coalition = Actor(text="Saudi-led coalition jets", name="Saudi Arabia", country="SAU", id="SAUMIL")
    struck = replace_event(_event("ASSAULT", coalition, Actor(text="the same compound"), 0), location=saada)
    assert place_named_sides([struck])[0].target == Actor(text="the same compound", country="YEM")
    untold = replace_event(struck, target=None)
    assert place_named_sides([untold])[0].target == Actor(text="", country="YEM")
    ships = replace_event(struck, target=Actor(text="two tankers"))
    assert place_named_sides([ships], PlaceWords(vessel=frozenset({"tankers"}))) == [ships]
    at_home = replace_event(struck, source=Actor(text="Houthi fighters", country="YEM"))
    assert place_named_sides([at_home])[0].target == Actor(text="the same compound", country="YEM")


def test_an_attack_on_what_is_no_ones_hit_the_side_of_the_place() -> None:
    """Once placed, a seizure or attack on something the text gives no owner, or on no one it
    names, hit the side of the country it happened in, whoever did it; not so a ship, what was
    fired at someone, or the act of a country's own defences."""
    from flashpoint.events.counterparts import place_named_sides
    from flashpoint.records import Location

    yerevan = Location(name="Yerevan", country="ARM", lat=40.18, lon=44.51, precision="city")
    crowds = Actor(text="angry crowds", country="ARM", sector="civilian")
    stormed = replace_event(_event("ASSAULT", crowds, Actor(text="government headquarters"), 0), location=yerevan)
    assert place_named_sides([stormed])[0].target == Actor(text="government headquarters", country="ARM")
    bombed = replace_event(_event("ASSAULT", Actor(text="a car bomb", country="UNK"), None, 0), location=yerevan)
    assert place_named_sides([bombed])[0].target == Actor(text="", country="ARM")
    words = PlaceWords(vessel=frozenset({"ship"}), projectile=frozenset({"missiles"}),
                       territorial=frozenset({"defences"}))
    for kept in (replace_event(stormed, target=Actor(text="a cargo ship")),
                 replace_event(stormed, target=Actor(text="three cruise missiles")),
                 replace_event(bombed, source=Actor(text="air defences", country="UNK")),
                 replace_event(stormed, event_type="ACCUSE")):
        assert place_named_sides([kept], words) == [kept]


def test_armed_men_of_no_country_are_of_the_country_they_struck_in() -> None:
    """Unnamed insurgents or troops who attacked or seized something where the event is placed
    are of that place's country; a state's body called by its common noun ("its jets") is
    left to the story's other side, and a named country is kept."""
    from flashpoint.events.counterparts import place_named_sides
    from flashpoint.records import Location

    timbuktu = Location(name="Timbuktu", country="MLI", lat=16.77, lon=-3.01, precision="city")
    fighters = Actor(text="fleeing fighters", country="UNK", sector="insurgent")
    burned = replace_event(_event("ASSAULT", fighters, Actor(text="a library", country="MLI"), 0), location=timbuktu)
    assert place_named_sides([burned])[0].source == Actor(text="fleeing fighters", country="MLI", sector="insurgent")
    for kept in (replace_event(burned, source=Actor(text="its jets", country="UNK", sector="military")),
                 replace_event(burned, source=Actor(text="French troops", country="FRA", sector="military")),
                 replace_event(burned, event_type="ACCUSE")):
        assert place_named_sides([kept])[0].source == kept.source


def test_local_police_placed_at_a_town_are_of_its_country_not_the_datelines() -> None:
    """Police the text names by no country, guessed from the dateline, are of the town where
    they made an arrest; police a text names (an id) keep their country."""
    from flashpoint.events.counterparts import place_named_sides
    from flashpoint.records import Location

    minsk = Location(name="Minsk", country="BLR", lat=53.9, lon=27.57, precision="city")
    police = Actor(text="police", country="BEL", sector="police")
    detained = replace_event(_event("COERCE", police, Actor(text="Roman Protasevich", country="BLR"), 0),
                             location=minsk)
    assert place_named_sides([detained])[0].source == Actor(text="police", country="BLR", sector="police")
    named = replace_event(detained, source=Actor(text="Belgian police", country="BEL", sector="police", id="BELPOL"))
    assert place_named_sides([named])[0].source == named.source
    national = replace_event(detained, location=Location(name="Belarus", country="BLR", precision="country"))
    assert place_named_sides([national])[0].source == police
