"""The actor knowledge base and argument resolution, on sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from flashpoint.errors import ModelError
from flashpoint.events import Coder, load_coder
from flashpoint.events.actors import load_actors
from flashpoint.records import Document, Event, OffsetMap
from flashpoint.settings import Settings


@pytest.fixture(scope="module")
def coder() -> Coder:
    return load_coder(Settings())


def code(nlp, coder: Coder, text: str, published: str = "2021-03-10") -> list[Event]:
    document = Document(
        doc_id=Document.id_for(text), text=text, raw_text=text, offsets=OffsetMap(),
        origin="actors.txt", raw_hash=Document.id_for(text), format="txt", published=published,
    )
    return coder.code(document, nlp(text))


def one(events: list[Event], event_type: str) -> Event:
    matching = [e for e in events if e.event_type == event_type]
    assert len(matching) == 1, [(e.event_type, e.trigger) for e in events]
    return matching[0]


# -- the knowledge base --------------------------------------------------------------------------

def test_every_iso_country_is_known_with_names_demonyms_and_capitals() -> None:
    actors = load_actors()
    assert actors.counts["countries"] >= 249
    assert actors.counts["people"] >= 100 and actors.counts["groups"] >= 25
    for phrase, country in [("Burkina Faso", "BFA"), ("Kyrgyzstan", "KGZ"), ("the Bhutanese", "BTN"),
                            ("Ivorian troops", "CIV"), ("a Nepali official", "NPL")]:
        assert actors.resolve(phrase).country == country, phrase


@pytest.mark.parametrize(
    ("phrase", "country", "sector"),
    [
        ("Washington", "USA", "government"),
        ("Ottawa", "CAN", "government"),
        ("talks with Baghdad", "IRQ", "government"),
        ("Damascus", "SYR", "government"),
        ("Moscow", "RUS", "government"),
        ("Beijing", "CHN", "government"),
        ("U.S. forces", "USA", "military"),
        ("an Iranian general", "IRN", "military"),
        ("the Canadian navy", "CAN", "military"),
        ("Iraq's foreign ministry", "IRQ", "government"),
        ("the Iraqi parliament", "IRQ", "government"),
        ("the Pentagon", "USA", "military"),
        ("CENTCOM", "USA", "military"),
        ("the State Department", "USA", "government"),
        ("Iran's Quds Force", "IRN", "military"),
        ("the Trump administration", "USA", "government"),
    ],
)
def test_countries_capitals_and_institutions(phrase: str, country: str, sector: str) -> None:
    actor = load_actors().resolve(phrase)
    assert (actor.country, actor.sector) == (country, sector)
    assert actor.text == phrase


@pytest.mark.parametrize(
    ("phrase", "country", "sponsor"),
    [
        ("Kataib Hezbollah", "IRQ", "IRN"),
        ("the Popular Mobilisation Units", "IRQ", "IRN"),
        ("Hashd al-Shaabi fighters", "IRQ", "IRN"),
        ("Ansarallah", "YEM", "IRN"),
        ("Daesh", None, None),
        ("the SDF", "SYR", "USA"),
    ],
)
def test_groups_carry_their_base_country_and_sponsor(phrase: str, country: str | None,
                                                     sponsor: str | None) -> None:
    found = load_actors().find(phrase)
    assert found is not None
    entry, _alias = found
    assert (entry.country, entry.sponsor) == (country, sponsor)


def test_a_sponsor_prefix_is_not_the_actor() -> None:
    actor = load_actors().resolve("Tehran-aligned militias")
    assert actor.country == "UNK" and actor.sector == "militia"


def test_people_are_placed_by_the_role_they_held_at_the_date() -> None:
    actors = load_actors()
    in_office = actors.resolve("President Trump", "2019-06-20")
    assert (in_office.country, in_office.sector, in_office.name) == ("USA", "government", "Donald Trump")
    private = actors.resolve("Trump", "2022-08")
    assert (private.country, private.sector) == ("USA", None)
    assert actors.resolve("President Biden", "2021").sector == "government"
    # A surname two people share goes to the one in office at the date.
    assert actors.resolve("Gen. Vance", "2019-02-01").country == "CAN"
    assert actors.resolve("Vance", "2025-06-01").name == "JD Vance"


def test_groups_are_placed_where_they_were_based_at_the_date(nlp, coder) -> None:
    """The name "al-Qaeda in the Arabian Peninsula" was al-Qaeda's Saudi branch's until the
    Saudi and Yemeni branches merged in Yemen in 2009; the gunmen a report leaves unnamed are
    the group's."""
    actors = load_actors()
    assert actors.resolve("al-Qaeda in the Arabian Peninsula", "2004-05-30").country == "SAU"
    assert actors.resolve("AQAP", "2015-01-09").country == "YEM"
    text = ("RIYADH, May 30, 2004 —\n"
            "Gunmen stormed an oil company compound in Khobar on Saturday. A group calling itself "
            "al-Qaeda in the Arabian Peninsula claimed responsibility.\n")
    stormed = [e for e in code(nlp, coder, text, "2004-05-30") if e.trigger == "stormed"]
    assert stormed and stormed[0].source is not None and stormed[0].source.country == "SAU"


@pytest.mark.parametrize(("text", "when", "country", "sector"), [
    ("Prime Minister Ehud Olmert", "2006-07-12", "ISR", "government"),
    ("President Reagan", "1986-04-14", "USA", "government"),
    ("Secretary of State George Shultz", "1987-05-18", "USA", "government"),
    ("Col. Moammar Gadhafi", "1986-04-15", "LBY", "government"),
    ("Prime Minister Imran Khan", "2019-02-28", "PAK", "government"),
    ("Foreign Minister Ahmet Davutoglu", "2010-06-01", "TUR", "government"),
])
def test_office_holders_of_past_decades_are_known(text: str, when: str, country: str, sector: str) -> None:
    """Heads of state and government and their foreign and defence ministers since 1975 (and
    militant leaders) are in people.yaml with the dates of their offices."""
    actor = load_actors().resolve(text, when)
    assert (actor.country, actor.sector) == (country, sector)


def test_regional_leaders_and_office_titles() -> None:
    actors = load_actors()
    assert actors.resolve("Prime Minister Saad Hariri", "2019-08-25").country == "LBN"
    assert actors.resolve("President Ilham Aliyev", "2023-01-27").country == "AZE"
    # "Foreign" alone is no alias of Britain's Foreign, Commonwealth and Development Office
    assert actors.resolve("Foreign Minister Jalil Abbas Jilani", "2024-01-19").country == "PAK"
    # a person's surname right after "the" names something else ("the Carney": the ship)
    assert actors.find("the Carney", "2025-04-01") is None


def test_a_national_air_defence_system_is_its_military() -> None:
    """"intercepted by Iron Dome": Israel's own system, so Israel's forces did the intercepting."""
    actors = load_actors()
    for text in ("Iron Dome", "the Iron Dome system", "Iron Dome interceptors", "David's Sling"):
        actor = actors.resolve(text, "2023-05-10")
        assert (actor.country, actor.sector) == ("ISR", "military"), text


def test_the_treasury_alone_is_the_us_treasury() -> None:
    """In the reports flashpoint reads, "the Treasury" that imposes sanctions is the U.S. one."""
    assert load_actors().resolve("the Treasury", "2021-03-10").country == "USA"


def test_the_international_community_is_coded_as_an_intergovernmental_body() -> None:
    actor = load_actors().resolve("the international community", "2019-09-16")
    assert (actor.country, actor.sector) == ("IGO", "igo")


def test_a_data_file_without_countries_is_a_model_error(tmp_path: Path) -> None:
    bad = tmp_path / "actors.yaml"
    bad.write_text("people: {}\n", encoding="utf-8")
    with pytest.raises(ModelError):
        load_actors(str(bad))


# -- arguments in sentences ----------------------------------------------------------------------

def test_passive_by_phrase_is_the_source(nlp, coder) -> None:
    event = one(code(nlp, coder, "A police station in Kirkuk was bombed by Daesh fighters on Monday."),
                "ASSAULT")
    assert event.source.name == "Islamic State"
    assert event.target.country == "UNK" or event.target.sector == "police"


def test_possessor_of_a_nominal_is_the_source(nlp, coder) -> None:
    event = one(code(nlp, coder, "Russia's shelling of Kharkiv killed eleven people."), "ASSAULT")
    assert event.source.country == "RUS"


def test_under_the_direction_of_names_the_source(nlp, coder) -> None:
    text = "At the direction of President Biden, American jets bombed a depot used by Kataib Hezbollah."
    event = one(code(nlp, coder, text), "ASSAULT")
    assert event.source.country == "USA"
    assert (event.target.country, event.target.sector) == ("IRQ", "militia")  # the depot's users


def test_at_someones_direction_names_who_sent_the_jets(nlp, coder) -> None:
    text = ("Hours later, at President Joe Biden's direction, F-15E jets struck facilities in "
            "Deir ez-Zor province used by groups tied to Iran's Revolutionary Guards.")
    event = one(code(nlp, coder, text), "ASSAULT")
    assert event.source.country == "USA"


def test_turkmen_are_a_people_of_iraq_and_syria_not_turkmenistans() -> None:
    actors = load_actors()
    assert actors.resolve("Syrian Turkmen rebels").country == "SYR"
    assert actors.resolve("Turkmenistani officials").country == "TKM"


def test_a_generic_mention_takes_its_antecedent(nlp, coder) -> None:
    text = ("Asaib Ahl al-Haq fighters paraded through central Baghdad on Monday. "
            "The group fired rockets at a Turkish base near Mosul on Tuesday.")
    event = one(code(nlp, coder, text), "ASSAULT")
    assert event.source.name == "Asa'ib Ahl al-Haq" and event.source.country == "IRQ"


def test_a_generic_mention_with_no_antecedent_keeps_its_text(nlp, coder) -> None:
    event = one(code(nlp, coder, "The militants fired rockets at a Turkish base on Tuesday."), "ASSAULT")
    assert event.source.text == "The militants" and event.source.country == "UNK"
    assert event.target.country == "TUR"


def test_an_x_backed_group_is_placed_where_it_operates_not_with_its_sponsor(nlp, coder) -> None:
    text = "Iran-backed militants in Syria fired drones at a Jordanian outpost."
    event = one(code(nlp, coder, text), "ASSAULT")
    assert event.source.country == "SYR"
    assert event.target.country == "JOR"


def test_an_unknown_named_actor_keeps_its_text(nlp, coder) -> None:
    event = one(code(nlp, coder, "Commander Farid Osmanov condemned the Turkish airstrike."), "ACCUSE")
    assert event.source.text == "Commander Farid Osmanov"
    assert (event.source.country, event.source.sector) == ("UNK", "military")


def test_an_agentless_attack_has_an_unknown_source(nlp, coder) -> None:
    event = one(code(nlp, coder, "Three rockets struck the Canadian embassy in Kabul on Friday."), "ASSAULT")
    assert event.source is not None and event.source.country == "UNK"
    assert event.target.country == "CAN"


def test_a_condemned_attack_stands_for_its_doer_named_before(nlp, coder) -> None:
    text = ("Turkish warplanes bombed villages in northern Iraq on Sunday. "
            "The Iraqi foreign ministry condemned the strikes on Monday.")
    condemn = one(code(nlp, coder, text), "ACCUSE")
    assert (condemn.source.country, condemn.target.country) == ("IRQ", "TUR")


def test_a_base_stands_for_the_forces_it_hosts(nlp, coder) -> None:
    text = "Two rockets hit Ain al-Asad air base in western Anbar on Tuesday."
    event = one(code(nlp, coder, text, published="2021-03-10"), "ASSAULT")
    assert (event.target.country, event.target.sector) == ("USA", "military")


def test_retaliation_reverses_the_roles(nlp, coder) -> None:
    text = ("Israeli jets struck a Hezbollah depot in southern Lebanon on Monday in retaliation "
            "for the rocket attack that wounded two soldiers.")
    attacks = [e for e in code(nlp, coder, text) if e.event_type == "ASSAULT"]
    strike = next(e for e in attacks if e.trigger == "struck")
    assert (strike.source.country, strike.target.country) == ("ISR", "LBN")
    rocket = next(e for e in attacks if e.trigger != "struck")
    assert rocket.source.country == "LBN"


def test_a_speaker_who_said_and_called_on_is_the_requester(nlp, coder) -> None:
    text = ("Jordan's foreign ministry said the Houthis had seized another ship and called on "
            "the group to release its crew.")
    request = one(code(nlp, coder, text), "REQUEST")
    assert (request.source.country, request.target.country) == ("JOR", "YEM")


def test_a_base_handed_over_stands_for_its_own_country(nlp, coder) -> None:
    text = "Coalition troops handed the K-1 air base over to Iraqi forces on Sunday."
    event = one(code(nlp, coder, text, published="2020-03-29"), "RETREAT")
    assert event.source.country in ("USA", "IGO")
    assert event.target.country == "IRQ"


def test_its_forces_belong_to_the_clause_subject(nlp, coder) -> None:
    text = "Qatar said its air force had shot down a drone over the Gulf."
    event = one(code(nlp, coder, text), "ASSAULT")
    assert (event.source.country, event.source.sector) == ("QAT", "military")


def test_a_linked_ship_is_its_countrys_but_a_linked_militia_is_not_its_sponsors() -> None:
    from flashpoint.events.actors import load_actors

    actors = load_actors()
    assert actors.resolve("an Israel-linked container ship").country == "ISR"
    assert actors.resolve("Iran-linked militias").country == "UNK"


@pytest.mark.parametrize(("phrase", "country"), [
    ("National Security Council", "USA"),
    ("Iraq's National Security Council", "IRQ"),
    ("the Iraqi National Security Council", "IRQ"),
    ("Iran's Supreme National Security Council", "IRN"),
    ("New Democratic Party", "CAN"),
])
def test_a_state_body_that_many_states_have_is_the_named_states(phrase: str, country: str) -> None:
    """A bare "National Security Council" is the White House's, not the U.N. Security Council;
    with another state named before it, it is that state's."""
    assert load_actors().resolve(phrase).country == country


def test_the_knowledge_base_is_built_once_whether_or_not_the_path_is_given() -> None:
    """The analysis refresh calls ``load_actors()`` after the coder's ``load_actors(None)``: one
    knowledge base, not two."""
    from flashpoint.events.actors import load_actors

    assert load_actors() is load_actors(None)


@pytest.mark.parametrize(("phrase", "country"), [
    ("Republican critics", "USA"),
    ("Republican presidential candidates", "USA"),
    ("Senator Lindsey Graham", "USA"),
    ("Senate Democrats", "USA"),
    ("Iraq's Republican Guard", "IRQ"),  # the longer alias wins
    ("the Irish Republican Army", "GBR"),
])
def test_american_parties_and_senators_are_american(phrase: str, country: str) -> None:
    assert load_actors().resolve(phrase, "2020-01-10").country == country


def test_the_palace_is_no_party() -> None:
    assert load_actors().resolve("the Republican Palace", "2022-08-29").country != "USA"


def test_the_president_a_senator_urged_is_not_the_senator(nlp, coder) -> None:
    events = code(nlp, coder, "Senator Marco Rubio urged the president to rethink the withdrawal.",
                  published="2019-10-10")
    urged = one(events, "REQUEST")
    assert urged.target is not None and urged.target.country == "USA"
    assert urged.target.name != "Marco Rubio"
