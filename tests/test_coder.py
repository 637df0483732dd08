"""The event coder on sentences written for these tests, and on the user's seed documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from flashpoint.errors import ModelError
from flashpoint.events import Coder, load_coder
from flashpoint.events.actors import load_actors
from flashpoint.events.dates import DateIndex
from flashpoint.events.ontology import PLOVER_TYPES, load_ontology
from flashpoint.events.triggers import load_defence
from flashpoint.records import Document, Event, OffsetMap
from flashpoint.settings import Settings

PUBLISHED = "2021-07-15"
ASSERTED = {"actual", "claimed"}


@pytest.fixture(scope="module")
def coder() -> Coder:
    return load_coder(Settings())


def _document(text: str, published: str | None = PUBLISHED, origin: str = "report.txt",
              url: str | None = None) -> Document:
    return Document(
        doc_id=Document.id_for(text), text=text, raw_text=text, offsets=OffsetMap(),
        origin=origin, raw_hash=Document.id_for(text), format="txt", published=published, url=url,
    )


def code(nlp, coder: Coder, text: str, published: str | None = PUBLISHED) -> list[Event]:
    document = _document(text, published)
    return coder.code(document, nlp(text))


def only(events: list[Event], event_type: str) -> Event:
    matching = [e for e in events if e.event_type == event_type]
    assert len(matching) == 1, [(e.event_type, e.trigger) for e in events]
    return matching[0]


# -- data files ----------------------------------------------------------------------------------

def test_ontology_has_the_sixteen_plover_types_with_derived_codes() -> None:
    ontology = load_ontology()
    assert set(ontology.types) == set(PLOVER_TYPES)
    assault = ontology.types["ASSAULT"]
    assert (assault.cameo_root, assault.quad_class, assault.goldstein) == ("19", 4, -10.0)
    assert ontology.types["CONSULT"].quad_class == 1
    assert ontology.types["AID"].goldstein > 0 > ontology.types["THREATEN"].goldstein
    assert {m.name for m in assault.modes} >= {"aerial", "drone", "heavy-weapons", "explosives",
                                               "firearms", "targeted"}


def test_goldstein_weights_agree_with_the_cameo_table(shared_dir: Path) -> None:
    import csv

    table = shared_dir / "benchmarks" / "cameo-codebook" / "cameo-codes.csv"
    with table.open(encoding="utf-8") as handle:
        weights = {row["code"]: float(row["goldstein"]) for row in csv.DictReader(handle)}
    for etype in load_ontology().types.values():
        for mode in etype.modes:
            assert weights[mode.cameo] == mode.goldstein, (etype.name, mode.name)


def test_a_broken_data_file_is_a_model_error(tmp_path: Path) -> None:
    bad = tmp_path / "plover.yaml"
    bad.write_text("types: {ASSAULT: {}}\n", encoding="utf-8")
    with pytest.raises(ModelError):
        load_ontology(str(bad))


@pytest.mark.parametrize(
    ("phrase", "country", "sector"),
    [
        ("U.S. forces", "USA", "military"),
        ("an Iranian general", "IRN", "military"),
        ("Tehran", "IRN", "government"),
        ("Iran’s Islamic Revolutionary Guards Corps", "IRN", "military"),
        ("Kata’ib Hezbollah", "IRQ", "militia"),
        ("Iran-backed militias", "UNK", "militia"),
        ("Commander Farid Osmanov", "UNK", "military"),
    ],
)
def test_actor_phrases_resolve_by_longest_alias(phrase: str, country: str, sector: str) -> None:
    actor = load_actors().resolve(phrase)
    assert (actor.country, actor.sector) == (country, sector)
    assert actor.text == phrase


# -- arguments -----------------------------------------------------------------------------------

def test_passive_with_by_phrase(nlp, coder) -> None:
    event = only(code(nlp, coder, "A Syrian army checkpoint was attacked by ISIS militants."), "ASSAULT")
    assert event.source.name == "Islamic State"
    assert (event.target.country, event.target.sector) == ("SYR", "military")
    assert event.status == "actual"


def test_a_dateline_is_not_the_doer(nlp, coder) -> None:
    # the parser hangs "BAGHDAD" on "fired" as a second subject
    text = ("BAGHDAD, Jan. 8, 2020 - Iran fired more than a dozen ballistic missiles at two "
            "Iraqi bases housing American troops early on Wednesday.")
    event = only(code(nlp, coder, text), "ASSAULT")
    assert (event.source.text, event.source.country) == ("Iran", "IRN")


def test_possessive_nominalisation(nlp, coder) -> None:
    event = only(code(nlp, coder, "Turkey's downing of a Russian jet in 2015 strained relations."),
                 "ASSAULT")
    assert (event.source.country, event.target.country) == ("TUR", "RUS")
    assert event.trigger == "downing"
    assert event.date == "2015"


def test_under_the_direction_of_gives_the_source(nlp, coder) -> None:
    text = "Under the direction of the Pentagon, warplanes bombed militia depots near Qaim."
    event = only(code(nlp, coder, text), "ASSAULT")
    assert event.source.name == "Pentagon" and event.source.country == "USA"
    assert event.target.sector == "militia"
    assert event.mode == "aerial"  # the warplanes are the instrument, not the actor


def test_several_events_in_one_sentence(nlp, coder) -> None:
    text = "Iranian forces seized a British tanker, and Houthi rebels fired missiles at a Saudi airport."
    events = code(nlp, coder, text)
    seize = only(events, "COERCE")
    assert (seize.source.country, seize.target.country, seize.mode) == ("IRN", "GBR", "seize")
    attack = only(events, "ASSAULT")
    assert (attack.source.name, attack.target.country) == ("Houthis", "SAU")
    assert attack.mode == "heavy-weapons"
    assert seize.event_id != attack.event_id


def test_a_weapon_with_a_named_owner_is_an_actor(nlp, coder) -> None:
    event = only(code(nlp, coder, "Russian warplanes bombed a market in Idlib."), "ASSAULT")
    assert (event.source.country, event.mode) == ("RUS", "aerial")


def test_condemning_an_event_targets_its_doer(nlp, coder) -> None:
    text = "Yehia Rasool, Iraq's military spokesman, condemned the strikes by U.S. jets."
    accuse = only(code(nlp, coder, text), "ACCUSE")
    assert (accuse.source.country, accuse.target.country) == ("IRQ", "USA")
    assert accuse.source.text == "Yehia Rasool"  # identity borrowed from the apposition
    assert accuse.target.sector == "military"


def test_light_verb_passes_its_subject_to_the_nominal(nlp, coder) -> None:
    text = "The Israeli air force carried out airstrikes against Hamas positions."
    event = only(code(nlp, coder, text), "ASSAULT")
    assert (event.source.country, event.target.name, event.mode) == ("ISR", "Hamas", "aerial")


# -- status --------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "Ottawa should withdraw its troops from Iraq.",
        "Washington must impose sanctions on Tehran.",
        "If the talks fail, Israel could strike Iranian nuclear sites.",
        "Analysts say Iran is likely to retaliate by attacking U.S. ships.",
    ],
)
def test_recommendations_forecasts_and_conditions_are_hypothetical(nlp, coder, text: str) -> None:
    events = code(nlp, coder, text)
    assert events, "the event is still coded"
    assert {e.status for e in events} == {"hypothetical"}


def test_denied_role_is_negated(nlp, coder) -> None:
    text = "Israeli officials denied any role in the bombing of the Iranian facility."
    event = only(code(nlp, coder, text), "ASSAULT")
    assert event.status == "negated"
    assert (event.source.country, event.target.country) == ("ISR", "IRN")


def test_plain_negation(nlp, coder) -> None:
    event = only(code(nlp, coder, "Egyptian troops did not attack the convoy."), "ASSAULT")
    assert event.status == "negated"


def test_accusation_is_actual_and_the_accused_attack_claimed(nlp, coder) -> None:
    events = code(nlp, coder, "Iraqi officials accused Turkey of bombing a refugee camp near Makhmour.")
    accuse = only(events, "ACCUSE")
    assert (accuse.status, accuse.source.country, accuse.target.country) == ("actual", "IRQ", "TUR")
    attack = only(events, "ASSAULT")
    assert attack.status == "claimed"
    assert attack.source.country == "TUR"  # the accused, not the accuser


def test_threats_and_vows(nlp, coder) -> None:
    vow = only(code(nlp, coder, "Hezbollah vowed to strike Israeli cities."), "ASSAULT")
    assert (vow.status, vow.source.name, vow.target.country) == ("threatened", "Hezbollah", "ISR")
    events = code(nlp, coder, "The militia threatened to attack U.S. bases.")
    # A reported threat is coded THREATEN with status "threatened" (gold guidelines): it is
    # never counted as an asserted act.
    assert only(events, "THREATEN").status == "threatened"
    assert only(events, "THREATEN").target.country == "USA"
    assert only(events, "ASSAULT").status == "threatened"


def test_revenge_for_an_assassination_does_not_make_it_a_threat(nlp, coder) -> None:
    text = "Syrian rebels vowed revenge for Russia's assassination of their commander."
    events = code(nlp, coder, text)
    killing = only(events, "ASSAULT")
    assert (killing.status, killing.mode, killing.source.country) == ("actual", "targeted", "RUS")
    assert only(events, "THREATEN").status == "threatened"


# -- numbers -------------------------------------------------------------------------------------

def test_fatalities_and_injuries(nlp, coder) -> None:
    text = "Militants ambushed a police patrol near Kirkuk, killing five officers and wounding twelve."
    event = only(code(nlp, coder, text), "ASSAULT")
    assert (event.fatalities, event.injuries) == (5, 12)
    assert event.target.sector == "police"


def test_no_injuries_is_zero_and_silence_is_none(nlp, coder) -> None:
    event = only(code(nlp, coder, "Rockets hit the airbase on Monday, causing no injuries."), "ASSAULT")
    assert event.injuries == 0 and event.fatalities is None
    # rockets are the weapon, not a named actor: no doer, or the unknown one (UNK), per the gold guidelines
    assert event.source is None or (event.source.country == "UNK" and event.source.name is None)
    assert event.mode == "heavy-weapons"


def test_casualty_verb_codes_an_assault_when_nothing_else_does(nlp, coder) -> None:
    event = only(code(nlp, coder, "Three Afghan soldiers were killed near Herat."), "ASSAULT")
    assert (event.fatalities, event.target.country) == (3, "AFG")


def test_more_than_n_counts_n(nlp, coder) -> None:
    text = ("Iranian missiles struck the airbase, and more than 50 soldiers were treated for "
            "injuries.")
    assert only(code(nlp, coder, text), "ASSAULT").injuries == 50


# -- dates ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On June 27th, Turkish jets struck Kurdish fighters.", "2021-06-27"),
        ("On Sunday, July 4th, Turkish jets struck Kurdish fighters.", "2021-07-04"),
        ("On December 30th, Turkish jets struck Kurdish fighters.", "2020-12-30"),
        ("On January 7th, 2020, Turkish jets struck Kurdish fighters.", "2020-01-07"),
        ("In January 2020, Turkish jets struck Kurdish fighters.", "2020-01"),
        ("In 2018, Turkish jets struck Kurdish fighters.", "2018"),
        ("Turkish jets struck Kurdish fighters.", None),
    ],
)
def test_dates_resolve_against_publication(nlp, coder, text: str, expected: str | None) -> None:
    assert only(code(nlp, coder, text), "ASSAULT").date == expected


def test_year_carries_within_a_paragraph_and_future_bounds_lend_none() -> None:
    text = ("On January 7th, 2020, the mission paused; it resumed on January 16th.\n"
            "In March 2021 the mandate was extended until March 31, 2022. Fighting peaked in March.")
    index = DateIndex(text, PUBLISHED)
    values = {text[m.start:m.end]: m.value for m in index.mentions}
    assert values["January 16th"] == "2020-01-16"
    assert values["March"] == "2021-03"  # not 2022: that year lies after publication


def test_no_publication_date_and_no_year_gives_no_date(nlp, coder) -> None:
    event = only(code(nlp, coder, "On June 27th, Turkish jets struck Kurdish fighters.", published=None),
                 "ASSAULT")
    assert event.date is None


def test_date_is_inherited_in_a_paragraph_only_when_safe(nlp, coder) -> None:
    text = ("On May 3rd, gunmen attacked a Nigerian army base.\n"
            "On May 4th, the gunmen attacked a police station. Two officers were shot. "
            "The police station was attacked again by Boko Haram.\n"
            "The Nigerian army was attacked by the gunmen.")
    events = [e for e in code(nlp, coder, text) if e.event_type == "ASSAULT"]
    assert [e.trigger for e in events] == ["attacked", "attacked", "shot", "attacked", "attacked"]
    dates = [e.date for e in events]
    assert dates[:3] == ["2021-05-03", "2021-05-04", "2021-05-04"]  # the last one inherited
    assert dates[3] is None  # "again": time has moved on since the dated sentence
    assert dates[4] is None  # another paragraph


def test_following_phrase_does_not_take_the_sentence_date(nlp, coder) -> None:
    text = ("On March 2nd, following the assassination of an Iraqi judge by gunmen, Baghdad "
            "arrested twelve suspects.")
    events = code(nlp, coder, text)
    assert only(events, "COERCE").date == "2021-03-02"
    assert only(events, "ASSAULT").date is None


# -- provenance ----------------------------------------------------------------------------------

def test_provenance_offsets_and_ids(nlp, coder) -> None:
    text = ("Heading line\n"
            "  On June 2nd, Houthi forces fired drones at a Saudi oil terminal. Riyadh condemned the attack.\n"
            "- Saudi jets then bombed Houthi positions in Sanaa.")
    document = _document(text, origin="seeds/x.txt", url="https://example.org/x")
    events = coder.code(document, nlp(text))
    assert len(events) >= 3
    for event in events:
        assert document.text[event.char_start:event.char_end] == event.sentence
        assert event.sentence == event.sentence.strip() and "\n" not in event.sentence
        assert document.text[event.trigger_start:event.trigger_end] == event.trigger
        assert event.char_start <= event.trigger_start < event.trigger_end <= event.char_end
        assert (event.doc_id, event.doc_path, event.doc_url) == (
            document.doc_id, "seeds/x.txt", "https://example.org/x")
        assert event.coder_version == coder.version and coder.version.startswith("flashpoint-coder/")
        assert 0.0 <= event.confidence <= 1.0
        record = event.to_record()
        assert record["cameo_root"] and record["quad_class"] in (1, 2, 3, 4)
    again = coder.code(document, nlp(text))
    assert [e.event_id for e in again] == [e.event_id for e in events]
    drones = [e for e in events if e.mode == "drone"]
    assert drones and drones[0].sentence.startswith("On June 2nd")


def test_confidence_grows_with_completeness(nlp, coder) -> None:
    full = only(code(nlp, coder, "On June 2nd, Houthi rebels attacked a Saudi airport."), "ASSAULT")
    bare = only(code(nlp, coder, "Somebody attacked an airport."), "ASSAULT")
    assert full.confidence > bare.confidence


def test_a_parse_of_other_text_is_refused(nlp, coder) -> None:
    with pytest.raises(ModelError):
        coder.code(_document("One text."), nlp("Another text."))


# -- the user's seed documents -------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed_events(nlp, coder, seeds_dir: Path) -> dict[str, list[Event]]:
    out = {}
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        document = _document(text, origin=path.name)
        out[path.name[:3]] = coder.code(document, nlp(text))
    return out


def test_seeds_yield_the_reported_attacks(seed_events) -> None:
    for key in ("000", "001"):
        events = [e for e in seed_events[key] if e.status in ASSERTED]
        assaults = [e for e in events if e.event_type == "ASSAULT"]
        assert any(e.source and e.source.country == "USA" and e.date == "2021-06-27"
                   for e in assaults), key
        assert any(e.date == "2021-07-05" and e.mode == "heavy-weapons" for e in assaults), key
        assert any(e.date == "2021-06-28" and e.target and e.target.country == "USA"
                   for e in assaults), key
        killing = [e for e in assaults if e.mode == "targeted" and e.date == "2020-01"]
        assert killing and killing[0].source.country == "USA"
        assert killing[0].target.country == "IRN"


def test_seed_recommendations_assert_nothing(seed_events) -> None:
    for key in ("000", "001"):
        for event in seed_events[key]:
            if event.sentence.startswith(("Canada must", "Canada should", "Canada could",
                                          "The federal government must", "Within the NATO framework")):
                assert event.status not in ASSERTED, event.sentence[:80]
            if "should halt" in event.sentence or "must refrain" in event.sentence:
                assert event.status not in ASSERTED, event.sentence[:80]


def test_seed_accusations_and_denials(seed_events) -> None:
    events = seed_events["002"]
    accusations = [e for e in events if e.event_type == "ACCUSE" and e.status == "actual"]
    assert any(e.source and e.source.country == "USA" for e in accusations)
    assert any(e.event_type == "ASSAULT" and e.status == "claimed" and e.mode == "drone"
               for e in events)
    assert any(e.event_type == "ASSAULT" and e.status == "negated" for e in events)


def test_seed_offsets_hold(seed_events, seeds_dir: Path) -> None:
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for event in seed_events[path.name[:3]]:
            assert text[event.char_start:event.char_end] == event.sentence


# -- event classes of the gold guidelines ----------------------------------------------------------

def asserted(events: list[Event], event_type: str | None = None) -> list[Event]:
    return [e for e in events if e.status in ASSERTED and event_type in (None, e.event_type)]


@pytest.mark.parametrize(
    "text",
    [
        "Further militia attacks on the airbase are likely in the coming days.",
        "Another round of American retaliatory strikes is expected.",
        "If rocket attacks on the embassy continue, Washington could close it.",
        "No group will strike our troops with impunity, the minister said.",
        "Officials fear that the closure could be followed by American strikes on militia leaders.",
    ],
)
def test_forecasts_and_conditions_assert_nothing(nlp, coder, text: str) -> None:
    assert asserted(code(nlp, coder, text)) == []


def test_casualties_of_an_attack_already_reported_are_no_new_event(nlp, coder) -> None:
    text = "Militants attacked an army checkpoint near Kirkuk on Monday. Two soldiers were wounded."
    assaults = asserted(code(nlp, coder, text), "ASSAULT")
    assert [e.trigger for e in assaults] == ["attacked"]


@pytest.mark.parametrize(
    "text",
    [
        "U.S. jets struck 30 targets in eastern Syria, hitting depots used by the militia.",
        "The missiles were launched from Iran and targeted the Al-Asad base.",
        "A group calling itself Saraya Awliya al-Dam claimed responsibility for the attack.",
        "Iraq condemned the strike as an unjustified attack on its forces.",
    ],
)
def test_one_act_told_twice_in_a_sentence_is_one_event(nlp, coder, text: str) -> None:
    assert len(asserted(code(nlp, coder, text), "ASSAULT")) <= 1


def test_two_attacks_in_one_sentence_stay_two(nlp, coder) -> None:
    text = ("American jets struck five militia depots on Sunday in retaliation for the rocket "
            "attack that killed a U.S. contractor near Kirkuk.")
    assaults = asserted(code(nlp, coder, text), "ASSAULT")
    assert len(assaults) == 2
    retaliated = [e for e in assaults if e.trigger == "rocket attack"]
    assert retaliated and retaliated[0].target.country == "USA"  # the victim of "that killed"


def test_claims_of_responsibility_are_claimed(nlp, coder) -> None:
    event = only(code(nlp, coder, "The Islamic Resistance in Iraq claimed responsibility."), "ASSAULT")
    assert event.status == "claimed" and event.source.country == "IRQ"


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Iraq recalled its ambassador from Tehran on Tuesday.", "SANCTION"),
        ("Egypt summoned the Israeli ambassador in protest.", "ACCUSE"),
        ("The Iraqi government called the strikes a violation of its sovereignty.", "ACCUSE"),
        ("The coalition handed the K-1 air base over to Iraqi forces.", "RETREAT"),
        ("Canada listed the Revolutionary Guard Corps as a terrorist entity.", "COERCE"),
        ("Iraqi officials pressed the armed factions to halt their attacks.", "REQUEST"),
        ("Iran lodged a complaint with the United Nations Security Council.", "ACCUSE"),
        ("Coalition troops left the Qayyarah airfield on Thursday.", "RETREAT"),
    ],
)
def test_words_that_are_events_by_their_complement(nlp, coder, text: str, event_type: str) -> None:
    assert asserted(code(nlp, coder, text), event_type), [
        (e.event_type, e.status, e.trigger) for e in code(nlp, coder, text)]


def test_frame_words_reach_the_selective_parser_lexicon() -> None:
    lemmas = load_ontology().trigger_lemmas
    assert {"recall", "summon", "hand", "attack", "kill"} <= lemmas


@pytest.mark.parametrize(
    ("text", "not_type"),
    [
        ("The army released a video of the operation.", "RETREAT"),
        ("An Iran-backed militia fired rockets at the base.", "SUPPORT"),
        ("Camp Taji, a base that hosts coalition trainers, was hit by rockets.", "CONSULT"),
        ("Three Houthi leaders remain under U.S. sanctions.", "COERCE"),
    ],
)
def test_words_whose_complement_makes_them_no_event(nlp, coder, text: str, not_type: str) -> None:
    assert asserted(code(nlp, coder, text), not_type) == []


def test_blame_without_the_act_named_still_claims_it(nlp, coder) -> None:
    text = ("Rockets struck the U.S. Embassy in Baghdad on Sunday. "
            "Washington blamed Kata'ib Hezbollah.")
    events = [e for e in code(nlp, coder, text) if e.sentence.startswith("Washington")]
    accuse = only(events, "ACCUSE")
    assert (accuse.status, accuse.target.country) == ("actual", "IRQ")
    act = only(events, "ASSAULT")
    assert (act.status, act.source.country) == ("claimed", "IRQ")


def test_stated_cooperation_is_intent(nlp, coder) -> None:
    events = code(nlp, coder, "The ministry said the United States would deliver 500,000 vaccine doses.")
    assert asserted(events, "AGREE") and not asserted(events, "AID")


def test_announced_decisions_are_actual(nlp, coder) -> None:
    events = code(nlp, coder, "Canada will cut its troop presence in Iraq, the minister said.")
    assert asserted(events, "RETREAT")
    events = code(nlp, coder, "Esper announced that 750 soldiers would deploy to the region.")
    assert asserted(events, "MOBILIZE")


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("The spokesman said Washington had acted without consulting Baghdad.", "CONSULT"),
        ("Iran rejected the accusation as baseless.", "REJECT"),
        ("Mr. Trump said he had called off retaliatory strikes on three Iranian sites.", "ASSAULT"),
    ],
)
def test_acts_reported_as_not_happening_are_negated(nlp, coder, text: str, event_type: str) -> None:
    assert only(code(nlp, coder, text), event_type).status == "negated"


def test_a_contrast_clause_is_asserted_on_its_own(nlp, coder) -> None:
    text = ("Esper said the United States would take any action necessary, while Britain's "
            "defence secretary condemned the attack.")
    assert only(code(nlp, coder, text), "ACCUSE").status == "actual"


def test_a_relative_clause_reports_what_happened(nlp, coder) -> None:
    text = "The council demanded the release of the Galaxy Leader, a ship the Houthis seized in November."
    events = code(nlp, coder, text)
    assert only(events, "COERCE").status == "actual"
    assert only(events, "RETREAT").status == "hypothetical"  # the release is only demanded


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Syrian troops recaptured eight villages from the rebels on Thursday.", "COERCE"),
        ("ISIS militants took control of an airfield near the port.", "COERCE"),
        ("Gunmen kidnapped two Filipino sailors off the Nigerian coast.", "ASSAULT"),
        ("The army discovered a cache of weapons and ammunition near the border.", "COERCE"),
        ("Militants detonated roadside bombs near an army convoy.", "ASSAULT"),
        ("The two governments signed a ceasefire agreement in Doha.", "AGREE"),
        ("Moscow cancelled a meeting with the American envoy over the sanctions.", "SANCTION"),
        ("Hundreds of protesters marched through the capital on Friday.", "PROTEST"),
        ("The Mossad had carried out the operation, Israeli media reported.", "ASSAULT"),
    ],
)
def test_general_news_trigger_families(nlp, coder, text: str, event_type: str) -> None:
    assert asserted(code(nlp, coder, text), event_type), [
        (e.event_type, e.status, e.trigger) for e in code(nlp, coder, text)]


def test_a_deal_struck_is_no_strike(nlp, coder) -> None:
    events = code(nlp, coder, "Israel and Hamas struck a deal to exchange prisoners.")
    assert asserted(events, "AGREE") and not asserted(events, "ASSAULT")


def test_acts_of_companies_are_not_coded(nlp, coder) -> None:
    assert code(nlp, coder, "The oil company BP suspended all shipments through the Red Sea.") == []


def test_backing_described_is_no_support_event(nlp, coder) -> None:
    text = "Militants backed by Ankara attacked Kurdish positions near Manbij."
    events = code(nlp, coder, text)
    assert asserted(events, "ASSAULT") and not asserted(events, "SUPPORT")


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        # bases, posts and units (ACLED "headquarters established", "change to group activity")
        ("Turkish forces set up a new observation post near Saraqib on Monday.", "MOBILIZE"),
        ("The Russian army has established a military base outside Qamishli.", "MOBILIZE"),
        ("Dozens of Somaliland soldiers defected to Puntland on Sunday.", "MOBILIZE"),
        ("Iran's army formed a new drone unit in its southern command.", "MOBILIZE"),
        ("Damascus sent reinforcements to the Idlib front.", "MOBILIZE"),
        ("The Syrian army massed troops along the Turkish border.", "MOBILIZE"),
        # sexual violence, with the model's mislemmatised "raped"
        ("Army soldiers raped three women in a village near Juba.", "ASSAULT"),
        ("Police officers sexually assaulted detainees in Nairobi, the group said.", "ASSAULT"),
        # protest wording
        ("Thousands of protesters gathered outside parliament in Beirut on Saturday.", "PROTEST"),
        ("Hundreds of lawyers took to the streets of Harare on Thursday.", "PROTEST"),
        ("Opposition supporters staged a sit-in outside the electoral commission in Kampala.", "PROTEST"),
        # weapons seized or found
        ("Border guards intercepted a shipment of rifles at the crossing.", "COERCE"),
        ("Police discovered pistols and grenades in a car near Kabul.", "COERCE"),
        ("Iraqi forces freed several villages from ISIS near Hawija.", "COERCE"),
    ],
)
def test_more_news_trigger_families(nlp, coder, text: str, event_type: str) -> None:
    assert asserted(code(nlp, coder, text), event_type), [
        (e.event_type, e.status, e.trigger) for e in code(nlp, coder, text)]


def test_a_protest_with_demands_is_one_protest(nlp, coder) -> None:
    events = code(nlp, coder, "Thousands of students rallied in Dhaka on Monday, demanding safer roads.")
    assert asserted(events, "PROTEST") and not asserted(events, "REQUEST")


@pytest.mark.parametrize(
    "text",
    [
        "Coast guards intercepted twenty migrants off the island on Sunday.",
        "Police intercepted two suspected smugglers on the highway near Kano.",
    ],
)
def test_stopping_people_is_no_attack(nlp, coder, text: str) -> None:
    assert asserted(code(nlp, coder, text), "ASSAULT") == []


def test_intercepting_missiles_is_still_an_attack(nlp, coder) -> None:
    events = code(nlp, coder, "Israeli air defences intercepted two missiles fired from Lebanon.")
    assert asserted(events, "ASSAULT")


def test_an_industrial_explosion_is_no_attack(nlp, coder) -> None:
    text = "Five workers were killed when a boiler exploded at a fireworks warehouse in Hebei."
    assert asserted(code(nlp, coder, text), "ASSAULT") == []


@pytest.mark.parametrize(
    "text",
    [
        "Riot police dispersed the demonstrators outside the governor's office in Basra.",
        "Security forces used tear gas and rubber bullets against the crowd in Nasiriyah.",
    ],
)
def test_force_against_protesters_is_an_assault(nlp, coder, text: str) -> None:
    assert asserted(code(nlp, coder, text), "ASSAULT"), [
        (e.event_type, e.status, e.trigger) for e in code(nlp, coder, text)]


def test_tear_gas_deployed_is_no_mobilisation(nlp, coder) -> None:
    events = code(nlp, coder, "Police deployed tear gas against protesters in Karachi on Friday.")
    assert asserted(events, "ASSAULT") and not asserted(events, "MOBILIZE")


# -- an attack read off the defence against it ---------------------------------------------------

@pytest.mark.parametrize(
    ("text", "mode", "source", "target"),
    [
        ("Air defence systems at the U.S. embassy in Baghdad were activated overnight to intercept "
         "an incoming drone.", "drone", "UNK", "USA"),
        ("Sirens sounded at the U.S. consulate in Erbil as a drone threat was detected.", "drone", "UNK", "USA"),
    ],
)
def test_a_defence_against_an_attack_reports_the_attack(nlp, coder, text: str, mode: str, source: str,
                                                        target: str) -> None:
    event = only(asserted(code(nlp, coder, text)), "ASSAULT")
    assert (event.mode, event.source.country, event.target.country) == (mode, source, target)


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Patriot batteries intercepted two missiles fired at Al-Asad air base.", "USA", None),
        ("Israel's Iron Dome shot down a rocket fired from Gaza at Ashkelon.", "ISR", "PSE"),
    ],
)
def test_an_interception_is_the_defenders_act_against_the_launcher(nlp, coder, text: str, source: str,
                                                                    target: str | None) -> None:
    event = only(asserted(code(nlp, coder, text)), "ASSAULT")
    assert event.mode == "heavy-weapons"
    assert (event.source.country, event.target.country if event.target else None) == (source, target)


@pytest.mark.parametrize(
    "text",
    [
        "Iran activated its air defences.",  # no threat named
        "The minister sounded the alarm over Iran's missile programme.",  # no defender
    ],
)
def test_defence_words_without_a_defence_against_a_threat_are_no_attack(nlp, coder, text: str) -> None:
    assert asserted(code(nlp, coder, text), "ASSAULT") == []


@pytest.mark.parametrize(
    "text",
    [
        # the attack is told by its own word: the sirens add none
        "Sirens sounded at the base after a rocket attack on Erbil.",
    ],
)
def test_a_defence_adds_no_attack_the_sentence_tells_already(nlp, coder, text: str) -> None:
    assert len(asserted(code(nlp, coder, text), "ASSAULT")) == 1


def test_an_interception_and_the_hits_that_got_through_are_two_acts(nlp, coder) -> None:
    events = asserted(code(nlp, coder, "Militants fired rockets at Al-Asad air base. Most of the rockets "
                                       "were intercepted by the base's air defences, but two struck the base."),
                      "ASSAULT")
    by_word = {e.trigger: e for e in events}
    assert by_word["intercepted"].source.country == "USA"
    assert by_word["struck"].target.country == "USA"


def test_the_defence_cues_are_data(nlp, tmp_path: Path) -> None:
    packaged = (Path(__file__).resolve().parent.parent / "src/flashpoint/data/plover.yaml").read_text(
        encoding="utf-8")
    assert {"activate", "sound", "intercept"} <= load_defence().verbs
    without = tmp_path / "plover.yaml"
    without.write_text(packaged.replace("\ndefence:\n", "\nunused_defence:\n"), encoding="utf-8")
    assert load_defence(str(without)).verbs == frozenset()
    text = "Air defence systems at the U.S. embassy were activated as a drone approached."
    assert asserted(code(nlp, load_coder(Settings()), text), "ASSAULT")
    plain = load_coder(Settings(extra={"plover_path": str(without)}))
    assert asserted(code(nlp, plain, text), "ASSAULT") == []


def test_seed_embassy_drone_alert_is_an_attack_on_the_embassy(seed_events) -> None:
    for key in ("000", "001"):
        alerts = [e for e in asserted(seed_events[key], "ASSAULT") if e.date == "2021-07-06"]
        assert alerts and all(e.mode == "drone" and e.target.country == "USA"
                              and e.source.country in ("UNK", "IRQ") for e in alerts), key
