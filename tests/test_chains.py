"""Action-reaction chains on real databases: the user's seeds and the demo corpus through the real
pipeline, and stories written through ``Store`` (sentences written for these tests)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from flashpoint.analysis import list_chains, list_incidents, refresh
from flashpoint.analysis.cues import find_cues, load_chain_cues
from flashpoint.errors import ConfigError
from flashpoint.pipeline import run_ingest
from flashpoint.records import Location
from flashpoint.settings import AnalysisSettings, Settings
from flashpoint.store import Store
from tests.test_merge import (
    ASAD,
    BAGHDAD,
    KH,
    QAIM,
    UNKNOWN,
    USA,
    Act,
    actor,
    incident_of,
    ingest_seeds,
    write_story,
)

ANALYSIS = AnalysisSettings()


def links_of(store: Store) -> list[dict[str, Any]]:
    return [link for chain in list_chains(store) for link in chain["links"]]


def chain_with(store: Store, incident_id: str) -> dict[str, Any]:
    found = [c for c in list_chains(store) if incident_id in {i["incident_id"] for i in c["incidents"]}]
    assert len(found) == 1, f"{incident_id} is in {len(found)} chains"
    return found[0]


# -- the seeds --------------------------------------------------------------------------------------


@pytest.fixture(scope="module", params=["published", "inferred"])
def seeds(request: pytest.FixtureRequest, seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Store:
    """The seeds with their publication dates (tests/gold/README.md), and with the dates the
    coder infers itself (weekday-qualified dates: "On Sunday, June 27th" is 2021)."""
    db = tmp_path_factory.mktemp(f"chains-{request.param}") / "seeds.db"
    ingest_seeds(seeds_dir, db, with_dates=request.param == "published")
    with Store.open(f"sqlite:///{db}") as store:
        yield store


def one(incidents: list[dict[str, Any]], date: str, **roles: str) -> dict[str, Any]:
    """The ASSAULT incident of ``date`` whose roles' countries (``source=``/``target=``) match;
    the largest if several."""
    found = [i for i in incidents if i["event_type"] == "ASSAULT" and i["date"] == date
             and all(i[role]["country"] == country for role, country in roles.items())]
    assert found, f"no ASSAULT incident on {date} with {roles}"
    return max(found, key=lambda i: i["n_events"])


def test_the_june_july_2021_exchange_is_one_chain(seeds: Store) -> None:
    incidents = list_incidents(seeds)
    strikes = one(incidents, "2021-06-27", source="USA", target="IRQ")
    omar = one(incidents, "2021-06-28", target="USA")
    asad = one(incidents, "2021-07-05", target="USA")
    embassy = one(incidents, "2021-07-06", target="USA")
    chain = chain_with(seeds, strikes["incident_id"])
    ordered = [i["incident_id"] for i in chain["incidents"]]
    assert ordered == [i["incident_id"] for i in (strikes, omar, asad, embassy)]
    assert (chain["start"], chain["end"]) == ("2021-06-27", "2021-07-06")
    links = {(l["cause_id"], l["response_id"]): l for l in chain["links"]}
    rockets = links[(strikes["incident_id"], omar["incident_id"])]
    assert rockets["kind"] == "text" and rockets["gap_days"] == 1
    assert "retaliat" in rockets["cue"] and "June 27th" in rockets["explanation"]
    for answer in (asad, embassy):
        assert any(response == answer["incident_id"] for _, response in links), answer


def test_the_soleimani_killing_and_the_missile_attack_on_al_asad_are_a_chain(seeds: Store) -> None:
    incidents = list_incidents(seeds)
    killing = next(i for i in incidents if i["target"]["actor_id"] == "qasem_soleimani")
    missiles = one(incidents, killing["date"], source="IRN", target="USA")
    chain = chain_with(seeds, killing["incident_id"])
    link = next(l for l in chain["links"] if l["response_id"] == missiles["incident_id"])
    assert link["cause_id"] == killing["incident_id"] and link["kind"] == "text"
    assert link["gap_days"] is None  # both dated to January 2020 only
    assert link["cue"] in ("triggered", "retaliatory")


def test_every_link_is_explained_and_scored(seeds: Store) -> None:
    links = links_of(seeds)
    assert len(links) >= 4
    for link in links:
        assert link["kind"] in ("text", "structure") and 0 < link["score"] <= 1
        assert link["explanation"].endswith(".")
        assert (" answers " if link["kind"] == "text" else " after ") in link["explanation"]
        assert (link["cue"] is None) == (link["kind"] == "structure")


def test_chains_filter_by_date_and_country(seeds: Store) -> None:
    assert {c["start"][:4] for c in list_chains(seeds)} >= {"2020", "2021"}
    assert {c["start"][:4] for c in list_chains(seeds, since="2021")} == {"2021"}
    assert {c["start"][:4] for c in list_chains(seeds, until="2020-12")} == {"2020"}
    assert list_chains(seeds, country="IRN")  # the 2021 militias are Iran's proxies, 2020 Iran itself
    assert list_chains(seeds, country="CAN") == []
    with pytest.raises(ConfigError):
        list_chains(seeds, since="June 2021")


# -- cues ---------------------------------------------------------------------------------------


def test_cues_and_what_they_point_at() -> None:
    cues = load_chain_cues()
    forward = find_cues("Militias fired rockets at the base in retaliation for the March 3 strike, "
                        "officials said.", cues)
    assert [(h.kind, h.cue, h.phrase) for h in forward] == [
        ("forward", "in retaliation for", "the March 3 strike")]
    backward = find_cues("The killing of the commander triggered a wave of rocket attacks.", cues)
    assert [(h.kind, h.phrase) for h in backward] == [("backward", "The killing of the commander")]
    assert find_cues("Sirens were triggered at the embassy overnight.", cues) == []  # a passive
    bare = find_cues("The group retaliated by shelling the town.", cues)
    assert [(h.kind, h.cue, h.phrase) for h in bare] == [("bare", "retaliated", "")]


# -- stories written through Store ----------------------------------------------------------------


def test_structural_links_answer_the_other_sides_last_act(tmp_path: Path) -> None:
    """U.S. strikes on Kata'ib Hezbollah (3 March); the group's rockets on Al-Asad four days later
    (named: a full-score link); unidentified gunmen's rockets near Baghdad on 9 March (the
    attacker unknown, but the attack struck in Iraq, the home of the side hit first: a weaker
    link); the Houthis at sea, an Iraqi police raid on the group (one side against itself) and a
    drone attack 27 days later link to nothing."""
    houthis = actor("Houthis", "YEM", "houthis", "rebel")
    tanker = actor(None, "GRC")
    police = actor("Iraqi police", "IRQ", "IRQCOP", "police")
    story = [
        Act("U.S. aircraft struck two depots used by Kata'ib Hezbollah near Al-Qaim on 3 March.",
            "struck", "2023-03-03", USA, KH, QAIM, mode="aerial"),
        Act("Four days later, Kata'ib Hezbollah fired rockets at Al-Asad air base.",
            "fired", "2023-03-07", KH, USA, ASAD, mode="heavy-weapons"),
        Act("Houthi forces fired a missile at a Greek-owned tanker in the Red Sea on 8 March.",
            "fired", "2023-03-08", houthis, tanker, Location("Red Sea", None, 20.0, 38.0, "region")),
        Act("On 9 March, unidentified gunmen fired rockets at U.S. troops near Baghdad.",
            "fired", "2023-03-09", UNKNOWN, USA, BAGHDAD, mode="heavy-weapons"),
        Act("On 10 March, Iraqi police raided an office of Kata'ib Hezbollah in Basra.",
            "raided", "2023-03-10", police, KH, Location("Basra", "IRQ", 30.5, 47.8, "city")),
        Act("On 30 March, Kata'ib Hezbollah launched drones at U.S. forces in Syria.",
            "launched", "2023-03-30", KH, USA, Location("Syria", "SYR", 35.0, 38.0, "country"), mode="drone"),
    ]
    with Store.open(f"sqlite:///{tmp_path / 'story.db'}") as store:
        ids = write_story(store, "exchange", story)
        summary = refresh(store, ANALYSIS)
        strike, rockets, sea, gunmen, raid, drones = (incident_of(store, e) for e in ids)
        links = {(l["cause_id"], l["response_id"]): l for l in links_of(store)}
        assert set(links) == {(strike, rockets), (strike, gunmen)}
        named, unknown = links[(strike, rockets)], links[(strike, gunmen)]
        assert named["kind"] == unknown["kind"] == "structure"
        assert (named["gap_days"], unknown["gap_days"]) == (4, 6)
        assert unknown["score"] < named["score"]
        assert "not named" in unknown["explanation"] and "IRQ" in unknown["explanation"]
        assert summary.chains == 1 and summary.structure_links == 2
        assert not {sea, raid, drones} & {i for pair in links for i in pair}


def test_a_text_cue_names_the_act_it_answers_by_date_and_act_word(tmp_path: Path) -> None:
    """Two strikes by the same side; the answer, eighteen days after the first (outside the
    structural window), says which one it answers."""
    israel = actor("Israel", "ISR", "ISRMIL", "military")
    hezbollah = actor("Hezbollah", "LBN", "hezbollah", "militia")
    south = Location("Nabatieh", "LBN", 33.38, 35.48, "city")
    story = [
        Act("On 2 May, Israeli jets bombed a Hezbollah weapons depot near Nabatieh.",
            "bombed", "2023-05-02", israel, hezbollah, south, mode="aerial"),
        Act("On 9 May, Israeli drones struck a Hezbollah convoy near Nabatieh.",
            "struck", "2023-05-09", israel, hezbollah, south, mode="drone"),
        Act("Hezbollah fired anti-tank missiles at an Israeli army post on 20 May in retaliation "
            "for the 2 May bombing.",
            "fired", "2023-05-20", hezbollah, israel, Location("Metula", "ISR", 33.28, 35.58, "city")),
    ]
    with Store.open(f"sqlite:///{tmp_path / 'cue.db'}") as store:
        first, second, answer = write_story(store, "cue", story)
        refresh(store, ANALYSIS)
        links = links_of(store)
        text = [l for l in links if l["kind"] == "text"]
        assert len(text) == 1
        cause, response = incident_of(store, first), incident_of(store, answer)
        assert (text[0]["cause_id"], text[0]["response_id"]) == (cause, response)
        assert text[0]["cue"] == "in retaliation for" and text[0]["gap_days"] == 18
        assert "2023-05-02" in text[0]["explanation"] and "bomb" in text[0]["explanation"]
        # the second strike is eleven days before the answer: a structural link, kept beside the text one
        answered = {(l["cause_id"], l["kind"]) for l in links if l["response_id"] == response}
        assert answered == {(cause, "text"), (incident_of(store, second), "structure")}


# -- the demo corpus ------------------------------------------------------------------------------


def test_the_demo_corpus_produces_merges_and_chains(corpus_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "corpus.db"
    summary = run_ingest([str(corpus_dir)], Settings(db=str(db), quiet=True))
    analysis = summary.analysis
    assert analysis is not None
    print(f"demo corpus: {summary.events} events; {analysis}")
    assert analysis["merged"] >= 20 and analysis["multi_report_incidents"] >= 10
    assert analysis["text_links"] >= 3 and analysis["structure_links"] >= 3 and analysis["chains"] >= 3
    with Store.open(f"sqlite:///{db}") as store:
        chains = list_chains(store)
        assert len(chains) == analysis["chains"]
        cross_document = [i for i in list_incidents(store) if i["n_docs"] > 1]
        assert cross_document, "some incidents are reported by several documents"
        # the Soleimani strike (3 January 2020) is in the chain of the winter 2019-20 exchange
        soleimani = [c for c in chains
                     if any(i["target"]["actor_id"] == "qasem_soleimani" for i in c["incidents"])]
        assert len(soleimani) == 1 and soleimani[0]["start"] <= "2020-01-03" <= soleimani[0]["end"]
