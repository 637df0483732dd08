"""Event dates: time expressions attached to a trigger, the episode being told, the report's date.

Sentences written for these tests. The publication date is Thursday, 15 July 2021, so weekdays
resolve to the week of 12 July ("on Tuesday" -> 2021-07-13).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from flashpoint.events import load_coder
from flashpoint.events.dates import DateIndex
from flashpoint.events.dating import When, span_when
from flashpoint.events.timex import find_expressions, load_lexicon
from flashpoint.records import Document, OffsetMap
from flashpoint.settings import Settings

PUBLISHED = "2021-07-15"  # a Thursday


def date_of(nlp, text: str, word: str, event_type: str | None = "ASSAULT", nth: int = 0,
            published: str | None = PUBLISHED) -> str | None:
    """The date the dater gives the event whose trigger is the ``nth`` token ``word``."""
    doc = nlp(text)
    token = [t for t in doc if t.text == word][nth]
    return DateIndex(text, published).event_date(token, event_type)


# -- explicit dates ----------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On March 4th, 2019, Turkish jets bombed a depot near Dohuk.", "2019-03-04"),
        ("On March 4th, Turkish jets bombed a depot near Dohuk.", "2021-03-04"),
        ("On December 30th, Turkish jets bombed a depot near Dohuk.", "2020-12-30"),
        ("Turkish jets bombed a depot near Dohuk on Jan. 3.", "2021-01-03"),
        ("Turkish jets bombed a depot near Dohuk on 4 May 2018.", "2018-05-04"),
        ("In January 2020, Turkish jets bombed a depot near Dohuk.", "2020-01"),
        ("In May, Turkish jets bombed a depot near Dohuk.", "2021-05"),
        ("In 2019, Turkish jets bombed a depot near Dohuk.", "2019"),
    ],
)
def test_explicit_dates_with_their_precision(nlp, text: str, expected: str) -> None:
    assert date_of(nlp, text, "bombed") == expected


def test_a_year_carries_to_a_later_date_of_the_paragraph(nlp) -> None:
    text = "On February 2nd, 2020, rebels shelled the airport, and on February 9th they bombed the port."
    assert date_of(nlp, text, "shelled") == "2020-02-02"
    assert date_of(nlp, text, "bombed") == "2020-02-09"


def test_no_publication_date_and_no_year_gives_no_date(nlp) -> None:
    assert date_of(nlp, "On March 4th, Turkish jets bombed a depot.", "bombed", published=None) is None


# -- weekdays ----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On Tuesday, gunmen ambushed a convoy near Tikrit.", "2021-07-13"),
        ("Gunmen ambushed a convoy near Tikrit early on Thursday.", "2021-07-15"),
        ("Gunmen ambushed a convoy near Tikrit early Wednesday.", "2021-07-14"),
        ("Gunmen ambushed a convoy near Tikrit on Sunday night.", "2021-07-11"),
        ("Gunmen ambushed a convoy near Tikrit last Thursday.", "2021-07-08"),
        ("On Friday, gunmen ambushed a convoy near Tikrit.", "2021-07-09"),
    ],
)
def test_weekdays_are_the_latest_such_day_on_or_before_publication(nlp, text: str, expected: str) -> None:
    assert date_of(nlp, text, "ambushed") == expected


def test_in_a_background_piece_weekdays_count_from_the_episode(nlp) -> None:
    text = ("On March 10th, 2020, rebels shelled the airport. "
            "On Sunday, rebels ambushed a convoy on the airport road.")
    assert date_of(nlp, text, "ambushed") == "2020-03-08"


def test_a_dateline_gives_no_event_its_date(nlp) -> None:
    text = "MOSUL, Iraq, Jan. 9, 2020 —\nRockets hit a base near Mosul on Wednesday."
    assert date_of(nlp, text, "hit", published="2020-01-09") == "2020-01-08"


# -- relative expressions ----------------------------------------------------------------------

@pytest.mark.parametrize(
    ("second", "expected"),
    [
        ("Two days later, jets bombed their positions.", "2021-07-14"),
        ("The next day, jets bombed their positions.", "2021-07-13"),
        ("Jets bombed their positions the following day.", "2021-07-13"),
        ("Hours later, jets bombed their positions.", "2021-07-12"),
        ("Jets bombed their positions the same day.", "2021-07-12"),
        ("Jets bombed their positions a day earlier.", "2021-07-11"),
    ],
)
def test_relative_expressions_count_from_the_episode(nlp, second: str, expected: str) -> None:
    text = "Militants shelled the base on Monday. " + second
    assert date_of(nlp, text, "shelled") == "2021-07-12"
    assert date_of(nlp, text, "bombed") == expected


def test_an_act_two_days_after_another(nlp) -> None:
    text = "The army raided a village on Saturday, two days after insurgents ambushed a convoy."
    assert date_of(nlp, text, "raided") == "2021-07-10"
    assert date_of(nlp, text, "ambushed") == "2021-07-08"


def test_a_relative_clause_counts_from_its_sentence(nlp) -> None:
    text = ("Jets bombed depots on Sunday in retaliation for the ambush that killed two soldiers "
            "three days earlier.")
    assert date_of(nlp, text, "bombed") == "2021-07-11"
    assert date_of(nlp, text, "killed") == "2021-07-08"


def test_before_a_named_episode(nlp) -> None:
    text = ("Jets bombed a militia depot on June 20th. "
            "Two days before the strikes, the defence minister inspected the base.")
    assert date_of(nlp, text, "inspected", event_type="CONSULT") == "2021-06-18"


def test_vague_durations_give_a_month(nlp) -> None:
    text = "The army raided a village on Saturday, days after insurgents ambushed a convoy."
    assert date_of(nlp, text, "ambushed") == "2021-07"


# -- vague periods -----------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("when", "expected"),
    [
        ("last week", "2021-07"),
        ("earlier this month", "2021-07"),
        ("last month", "2021-06"),
        ("this week", "2021-07"),
        ("yesterday", "2021-07-14"),
        ("overnight", "2021-07-15"),
        ("three years ago", "2018"),
    ],
)
def test_periods_relative_to_publication(nlp, when: str, expected: str) -> None:
    text = f"Insurgents ambushed a convoy near Tikrit {when}."
    assert date_of(nlp, text, "ambushed") == expected


def test_a_period_is_as_precise_as_both_its_ends_allow() -> None:
    assert span_when(date(2021, 7, 5), date(2021, 7, 11)) == When(date(2021, 7, 11), "month")
    assert span_when(date(2021, 6, 28), date(2021, 7, 4)).iso == "2021"
    assert span_when(date(2019, 12, 30), date(2020, 1, 3)) is None


# -- bounds and deadlines are not event dates --------------------------------------------------

def test_deadlines_and_since_are_not_event_dates(nlp) -> None:
    assert date_of(nlp, "Ottawa extended the deployment until March 31, 2022.", "extended",
                   event_type="MOBILIZE") is None
    assert date_of(nlp, "Canada has kept troops in Iraq since 2014.", "kept",
                   event_type="MOBILIZE") is None


def test_a_deadline_lends_no_year_to_an_earlier_month() -> None:
    text = "In March 2021 the mandate was extended until March 31, 2022. Fighting peaked in March."
    values = {text[m.start:m.end]: m.value for m in DateIndex(text, PUBLISHED).mentions}
    assert values["March"] == "2021-03"


def test_future_phrases_are_found_and_never_used(nlp) -> None:
    lexicon = load_lexicon()
    text = "The designation takes effect in 30 days; talks resume next week."
    kinds = {text[e.start:e.end]: e.kind for e in find_expressions(text, lexicon, [])}
    assert kinds == {"in 30 days": "future", "next week": "future"}


def test_an_act_following_another_does_not_take_its_date(nlp) -> None:
    text = "On March 2nd, following the assassination of a judge by gunmen, police arrested twelve men."
    assert date_of(nlp, text, "arrested", event_type="COERCE") == "2021-03-02"
    assert date_of(nlp, text, "assassination") is None


# -- the episode: inheritance only when safe ---------------------------------------------------

def test_an_undated_act_continues_the_episode(nlp) -> None:
    text = "Rebels shelled the airport on Monday. The shells damaged a runway."
    assert date_of(nlp, text, "damaged") == "2021-07-12"


def test_no_inheritance_across_a_change_of_time(nlp) -> None:
    text = "Rebels shelled the airport on Monday. Previously, the rebels had attacked the port."
    assert date_of(nlp, text, "attacked") is None
    text = "Rebels shelled the airport on Monday. The airport was attacked again."
    assert date_of(nlp, text, "attacked") is None


def test_no_inheritance_after_a_long_paragraph(nlp) -> None:
    text = ("On May 3rd, gunmen attacked an army base. Two soldiers died. The base was closed.\n"
            "The gunmen attacked a police station.")
    assert date_of(nlp, text, "attacked", nth=1) is None


def test_an_undated_act_with_nothing_before_has_no_date(nlp) -> None:
    assert date_of(nlp, "Militants shelled a police station near Kirkuk.", "shelled") is None


def test_a_flashback_does_not_become_the_episode(nlp) -> None:
    text = ("Rebels shelled the airport on Wednesday. The rebels had seized the port on June 2nd. "
            "The army urged them to withdraw.")
    assert date_of(nlp, text, "seized", event_type="COERCE") == "2021-06-02"
    assert date_of(nlp, text, "urged", event_type="REQUEST") == PUBLISHED


# -- statements --------------------------------------------------------------------------------

def test_an_undated_statement_gets_the_publication_date(nlp) -> None:
    text = "Rebels shelled the airport on Wednesday. The ministry condemned the shelling."
    assert date_of(nlp, text, "condemned", event_type="ACCUSE") == PUBLISHED


def test_a_report_days_after_its_episode_dates_reactions_by_the_episode(nlp) -> None:
    text = "Rebels shelled the airport on Monday. The ministry condemned the shelling."
    assert date_of(nlp, text, "condemned", event_type="ACCUSE") == "2021-07-12"


def test_a_speaker_who_goes_on_keeps_his_date(nlp) -> None:
    text = ("General Mark Olsen said on Monday that the brigade would leave Basra. "
            "He called the decision final.")
    assert date_of(nlp, text, "called", event_type="ACCUSE") == "2021-07-12"


# -- the coder and the user's seeds ------------------------------------------------------------

@pytest.fixture(scope="module")
def seed_events(nlp, seeds_dir: Path) -> list:
    coder = load_coder(Settings())
    events = []
    for path in sorted(seeds_dir.glob("00[01]_*.txt")):
        text = path.read_text(encoding="utf-8")
        document = Document(doc_id=Document.id_for(text), text=text, raw_text=text,
                            offsets=OffsetMap(), origin=path.name, raw_hash=Document.id_for(text),
                            format="txt", published=PUBLISHED, url=None)
        events.extend(coder.code(document, nlp(text)))
    return events


def test_seed_dates(seed_events) -> None:
    dates = {e.date for e in seed_events if e.status in ("actual", "claimed")}
    assert {"2021-06-27", "2021-06-28", "2021-07-05", "2020-01", "2020-01-07", "2021-03"} <= dates
    before = [e for e in seed_events if e.sentence.startswith("Two days before")
              and e.status == "actual" and e.trigger != "airstrikes"]
    assert before and all(e.date == "2021-06-25" for e in before)
    for event in seed_events:  # a deadline year never becomes an event's date
        assert event.date is None or event.date <= PUBLISHED, (event.trigger, event.date)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a report dated Thursday 15 July tells of the following Monday: days after publication
        ("On Monday, July 19, the council voted to sanction the militia.", "2021-07-19"),
        # the weekday fits neither this year nor last: no year rather than one from years back
        ("On Monday, June 23, Turkish jets bombed a depot near Dohuk.", None),
        # last year's date, weekday checked
        ("On Saturday, December 5, Turkish jets bombed a depot near Dohuk.", "2020-12-05"),
    ],
)
def test_a_yearless_date_is_placed_near_publication_or_not_at_all(nlp, text: str, expected: str | None) -> None:
    word = "voted" if "voted" in text else "bombed"
    assert date_of(nlp, text, word, event_type="SANCTION" if word == "voted" else "ASSAULT") == expected


def test_an_update_dated_the_day_after_publication_keeps_the_year(nlp) -> None:
    text = "UPDATE, July 16: Turkish jets bombed a depot near Dohuk."
    assert date_of(nlp, text, "bombed") == "2021-07-16"
