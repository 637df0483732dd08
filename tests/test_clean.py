"""Tests of the clean stage: normalisation, offsets, navigation, repeated blocks, metadata."""

from __future__ import annotations

import random
import unicodedata
from pathlib import Path

import pytest

from flashpoint.clean import blocks_of, clean_batch
from flashpoint.clean.boilerplate import load_rules
from flashpoint.clean.normalize import normalize
from flashpoint.records import BlockHistory, Document, Rejection, SourceItem
from flashpoint.settings import Settings

SETTINGS = Settings(published="2021-07-10")
AGENDA_MARKERS = ("Panel 1", "Panel 4", "Trita Parsi", "Closing (", "This panel will")
NAV_MARKERS = ("Recent Posts", "HomeMiddle East", "HomeBlog", "Image credit")


def txt_item(path: Path) -> SourceItem:
    return SourceItem(origin=str(path), raw=path.read_text(encoding="utf-8"), format="txt")


@pytest.fixture(scope="module")
def seeds(seeds_dir: Path) -> list[SourceItem]:
    paths = sorted(seeds_dir.glob("*.txt"))
    assert [p.name[:3] for p in paths] == ["000", "001", "002"]
    return [txt_item(p) for p in paths]


@pytest.fixture(scope="module")
def seed_docs(seeds: list[SourceItem]) -> list[Document]:
    out = clean_batch(seeds, BlockHistory(), SETTINGS)
    assert all(isinstance(d, Document) for d in out)
    return out  # type: ignore[return-value]


def norm_lines(text: str) -> list[str]:
    return [line for line in normalize(text).text.split("\n") if line]


def history_of(items: list[SourceItem]) -> BlockHistory:
    """What the store would hand back after storing ``items`` (built by hand from blocks_of)."""
    sightings: dict[str, set[str]] = {}
    chars: dict[str, int] = {}
    for item in items:
        pairs = blocks_of(item)
        chars[item.raw_hash] = sum(n for _, n in pairs)
        for key, _ in pairs:
            sightings.setdefault(key, set()).add(item.raw_hash)
    return BlockHistory({k: frozenset(v) for k, v in sightings.items()}, chars)


def assert_article_kept(doc: Document, source: SourceItem, exclude: set[str]) -> None:
    """Every sentence-like line of the source that is not in ``exclude`` is in the document."""
    rules = load_rules()
    kept = [
        line
        for line in norm_lines(source.raw)
        if rules.is_sentence(line) and not rules.is_nav_line(line) and line not in exclude
    ]
    assert kept, "the source should have article sentences"
    missing = [line[:60] for line in kept if line not in doc.text]
    assert not missing


# --- the seeds -------------------------------------------------------------------------------


def test_seed_batch_gives_three_documents(
    seed_docs: list[Document], seeds: list[SourceItem]
) -> None:
    assert [d.origin for d in seed_docs] == [s.origin for s in seeds]
    assert [d.raw_hash for d in seed_docs] == [s.raw_hash for s in seeds]


@pytest.mark.parametrize("k", [0, 2])
def test_seed_batch_removes_agenda_and_navigation(seed_docs: list[Document], k: int) -> None:
    text = seed_docs[k].text
    for marker in AGENDA_MARKERS + NAV_MARKERS:
        assert marker not in text, marker
    assert seed_docs[k].removed_chars > 10_000


def test_seed_batch_keeps_article_paragraphs(
    seed_docs: list[Document], seeds: list[SourceItem]
) -> None:
    agenda = set(norm_lines(seeds[0].raw)) & set(norm_lines(seeds[2].raw))
    assert_article_kept(seed_docs[0], seeds[0], exclude=agenda)
    assert_article_kept(seed_docs[2], seeds[2], exclude=agenda)
    # and 000 carries the whole of 001's article
    assert_article_kept(seed_docs[0], seeds[1], exclude=set())
    for phrase in ("June 27th", "Soleimani", "Why Iran-Canada Dialogue"):
        assert phrase in seed_docs[0].text + seed_docs[2].text
    assert "Soleimani" in seed_docs[0].text and "Soleimani" in seed_docs[1].text


def test_seed_001_is_essentially_whole(seed_docs: list[Document], seeds: list[SourceItem]) -> None:
    doc = seed_docs[1]
    lines = norm_lines(seeds[1].raw)
    assert doc.removed_chars < 0.01 * sum(len(line) for line in lines)
    assert [line for line in lines if line not in doc.text] == [lines[0]]  # the image credit
    assert doc.title is None  # "Key Points" is a section heading, not a title


def test_seed_titles(seed_docs: list[Document]) -> None:
    assert seed_docs[0].title and seed_docs[0].title in seed_docs[0].text
    assert seed_docs[2].title and seed_docs[2].title.startswith("Why Iran-Canada Dialogue")
    assert seed_docs[2].text.startswith(seed_docs[2].title)


def test_single_seed_keeps_its_article_without_evidence(seeds: list[SourceItem]) -> None:
    [doc] = clean_batch([seeds[0]], BlockHistory(), SETTINGS)
    assert isinstance(doc, Document)
    for marker in NAV_MARKERS:
        assert marker not in doc.text
    assert_article_kept(doc, seeds[0], exclude=set())
    assert "Panel 4" in doc.text  # nothing says the agenda repeats elsewhere


def test_history_from_an_earlier_batch_removes_the_agenda(seeds: list[SourceItem]) -> None:
    [first] = clean_batch([seeds[0]], BlockHistory(), SETTINGS)
    assert isinstance(first, Document)
    assert blocks_of(first) == blocks_of(seeds[0])
    [second] = clean_batch([seeds[2]], history_of([seeds[0]]), SETTINGS)
    assert isinstance(second, Document)
    for marker in AGENDA_MARKERS + NAV_MARKERS:
        assert marker not in second.text, marker
    agenda = set(norm_lines(seeds[0].raw)) & set(norm_lines(seeds[2].raw))
    assert_article_kept(second, seeds[2], exclude=agenda)


def test_history_of_a_copy_does_not_remove_the_article(seeds: list[SourceItem]) -> None:
    """001 stored, then 000 arrives: they are one article, so 000 keeps its whole text."""
    [doc] = clean_batch([seeds[0]], history_of([seeds[1]]), SETTINGS)
    assert isinstance(doc, Document)
    assert_article_kept(doc, seeds[0], exclude=set())


def test_rerun_with_stored_items_gives_the_same_documents(
    seeds: list[SourceItem], seed_docs: list[Document]
) -> None:
    """A crashed run stored some items; the re-run passes them again with a history holding them."""
    for stored in ([seeds[0]], [seeds[0], seeds[1]], seeds):
        again = clean_batch(seeds, history_of(stored), SETTINGS)
        assert again == seed_docs


def test_result_does_not_depend_on_batch_order(
    seeds: list[SourceItem], seed_docs: list[Document]
) -> None:
    out = clean_batch(seeds[::-1], BlockHistory(), SETTINGS)
    assert out[::-1] == seed_docs


def test_deterministic(seeds: list[SourceItem]) -> None:
    history = history_of([seeds[1]])
    first = clean_batch(seeds, history, SETTINGS)
    second = clean_batch(list(seeds), history, SETTINGS)
    assert first == second
    assert all(isinstance(d, Document) and d.doc_id == Document.id_for(d.text) for d in first)


# --- repeated blocks on made-up text -----------------------------------------------------------

FOOTER = (
    "The Centre is an independent forum for analysis of regional security and diplomacy.\n"
    "Opinions expressed in this piece belong to the author alone and not to the Centre."
)


def article(topic: str, n: int = 4) -> str:
    return "\n\n".join(
        f"Paragraph {k} on {topic}: officials in the capital described the {topic} at length, "
        f"and observers said the {topic} would shape decisions for months to come."
        for k in range(n)
    )


def test_shared_footer_of_two_articles_is_removed() -> None:
    a = SourceItem("a.txt", article("border talks") + "\n\n" + FOOTER, "txt")
    b = SourceItem("b.txt", article("grain exports") + "\n\n" + FOOTER, "txt")
    docs = clean_batch([a, b], BlockHistory(), SETTINGS)
    for doc, topic in zip(docs, ("border talks", "grain exports")):
        assert isinstance(doc, Document)
        assert "independent forum" not in doc.text and "author alone" not in doc.text
        assert doc.text.count(topic) == 12
        assert doc.removed_chars == sum(len(line) for line in FOOTER.split("\n"))


def test_a_dateline_two_reports_share_is_kept_in_both() -> None:
    """Two reports filed from one city on one day repeat their dateline line word for word; it
    is no site furniture, and it carries their place and date."""
    dateline = "RIYADH, Aug. 20, 2019 —"
    a = SourceItem("a.txt", dateline + "\n" + article("pipeline repairs"), "txt")
    b = SourceItem("b.txt", dateline + "\n" + article("port closures"), "txt")
    docs = clean_batch([a, b], BlockHistory(), SETTINGS)
    for doc in docs:
        assert isinstance(doc, Document) and doc.text.startswith(dateline)


@pytest.mark.parametrize("line", ["HOME — NEWS", "TORONTO, Ont. --", "Published Aug. 20, 2019 —"])
def test_lines_that_are_no_dateline(line: str) -> None:
    assert not load_rules().is_dateline(line)


def test_two_copies_of_one_article_keep_their_text() -> None:
    body = article("ceasefire")
    a = SourceItem("a.txt", "Menu\nShare this article\n" + body, "txt")
    b = SourceItem("b.txt", "Skip to content\n" + body + "\nFollow us on Twitter", "txt")
    docs = clean_batch([a, b], BlockHistory(), SETTINGS)
    assert [d.text for d in docs] == [normalize(body).text] * 2  # type: ignore[union-attr]


def test_stranded_labels_between_repeated_blocks_are_removed() -> None:
    agenda = (
        "Session One: Maritime Security in the Gulf (9:00 AM - 10:00 AM)\n"
        "This session will look at shipping lanes, naval patrols and insurance costs "
        "in the region.\n"
        "{label}\n"
        "{speaker}: Senior Fellow, Harbour Institute\n"
        "This session will then turn to the ports, the customs regimes and the regional navies.\n"
    )
    first = agenda.format(label="Break", speaker="Jane Roe")
    second = agenda.format(label="Lunch", speaker="Jon Poe")
    a = SourceItem("a.txt", article("port strike") + "\n" + first, "txt")
    b = SourceItem("b.txt", article("oil deal") + "\n" + second, "txt")
    for doc in clean_batch([a, b], BlockHistory(), SETTINGS):
        assert isinstance(doc, Document)
        for gone in ("Break", "Lunch", "Session", "Roe", "Poe", "Harbour"):
            assert gone not in doc.text
        assert "Paragraph 3" in doc.text


def test_short_repeated_lines_are_not_blocks() -> None:
    settings = SETTINGS.with_(min_boilerplate_chars=40)
    line = "Written by the desk staff"  # 25 characters, under the limit
    a = SourceItem("a.txt", article("flooding") + "\n" + line, "txt")
    b = SourceItem("b.txt", article("elections") + "\n" + line, "txt")
    for doc in clean_batch([a, b], BlockHistory(), settings):
        assert line in doc.text  # type: ignore[union-attr]


# --- navigation lines ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Recent Posts",
        "Related Articles",
        "HomeWorldTroops withdraw from the northern province",
        "Home > World > Middle East",
        "Image credit: Agency photographer",
        "Photo: Reuters",
        "Share this article",
        "Facebook Twitter LinkedIn Email",
        "Subscribe to our newsletter",
        "This website uses cookies to improve your experience.",
        "© 2021 Example Media. All rights reserved.",
        "Skip to main content",
        "Read more",
        "Tags: Iraq, Syria, NATO",
    ],
)
def test_navigation_lines_are_recognised(line: str) -> None:
    assert load_rules().is_nav_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Home prices rose five percent in June, the statistics agency said.",
        "Share prices fell sharply in Tehran after the strike on the refinery.",
        "Homeland security officials met on Tuesday.",
        "Related talks are planned for next week in Geneva, diplomats said.",
        "US-Iran Tensions in the Gulf Endanger Shipping",
    ],
)
def test_article_lines_are_not_navigation(line: str) -> None:
    assert not load_rules().is_nav_line(line)


# --- normalisation and offsets --------------------------------------------------------------------

TRICKY = [
    "\u00a0", "\u200b", "\u200d", "\ufeff", "\u00ad", "\t", "  ", "\r\n", "\n\n\n", "\u2028",
    "ﬁ", "ﬂ", "é", "e\u0301", "Ａ", "²", "…", "“", "”", "•", " • ", "\n  • ", "\u3000",
    "ß", "İ",
    "word", "Strike", "Iraq", ".", ",", "-", "Ω", "ǅ", "\u2126",
]


def base_letters(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def assert_offsets_sound(doc: Document) -> None:
    assert sum(run[2] for run in doc.offsets.runs) == len(doc.text)
    for i, ch in enumerate(doc.text):
        if ch.isalpha():
            raw_ch = doc.raw_text[doc.offsets.to_raw(i)]
            assert base_letters(ch) in base_letters(raw_ch), (i, ch, raw_ch)


def test_offsets_point_back_to_the_raw_letters(seed_docs: list[Document]) -> None:
    for doc in seed_docs:
        assert_offsets_sound(doc)
    start = seed_docs[2].text.index("Why Iran-Canada")
    raw_start, raw_end = seed_docs[2].offsets.span_to_raw(start, start + 15)
    assert seed_docs[2].raw_text[raw_start:raw_end] == "Why Iran-Canada"


@pytest.mark.parametrize("seed", range(40))
def test_offsets_property_on_random_text(seed: int) -> None:
    rng = random.Random(seed)
    raw = "".join(rng.choice(TRICKY) for _ in range(rng.randint(1, 300)))
    [out] = clean_batch([SourceItem("r.txt", raw, "txt")], BlockHistory(), SETTINGS)
    if isinstance(out, Rejection):
        assert out.kind == "empty"
        return
    assert_offsets_sound(out)
    assert normalize(out.text).text == out.text  # cleaned text is normalised


@pytest.mark.parametrize("seed", range(40))
def test_normalisation_is_idempotent(seed: int) -> None:
    rng = random.Random(1000 + seed)
    raw = "".join(rng.choice(TRICKY) for _ in range(rng.randint(1, 300)))
    once = normalize(raw).text
    assert normalize(once).text == once


def test_normalisation_details() -> None:
    raw = "  • First\u00a0point\t\there \r\n\r\n\r\n\r\nSec\u200bond  ﬁeld\u3000day\n\n"
    assert normalize(raw).text == "- First point here\n\nSecond field day"


# --- HTML, metadata, dates, rejections ---------------------------------------------------------

PAGE = """<html><head><title>Drone strike on air base | Example Wire</title>
<meta property="og:site_name" content="Example Wire">
<meta property="article:published_time" content="2021-07-06T08:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Drone strike on air base</h1>
<p>Rockets struck an air base in western Iraq on Tuesday, officials said, without causing
casualties.</p>
<p>The attack came hours after a drone assault on an airport in the north, the second such
incident this week.</p>
</article><footer>Copyright 2021 Example Wire. All rights reserved.</footer></body></html>"""


def test_html_item_is_extracted_with_metadata() -> None:
    item = SourceItem("page.html", PAGE, "html", is_html=True)
    [doc] = clean_batch([item], BlockHistory(), Settings())
    assert isinstance(doc, Document)
    assert "Rockets struck an air base" in doc.text and "All rights reserved" not in doc.text
    assert "<p>" not in doc.raw_text and "Rockets struck" in doc.raw_text
    assert doc.title == "Drone strike on air base"
    assert doc.site == "Example Wire"
    assert (doc.published, doc.published_source) == ("2021-07-06", "metadata")
    assert_offsets_sound(doc)


def test_item_metadata_wins_over_html_metadata() -> None:
    item = SourceItem(
        "feed.jsonl", PAGE, "jsonl", is_html=True, locator="line 3", title="Given title",
        site="Given site", url="https://example.org/a", published="2021-07-07",
    )
    [doc] = clean_batch([item], BlockHistory(), Settings(published="2020-01-01"))
    assert isinstance(doc, Document)
    assert (doc.title, doc.site, doc.url) == ("Given title", "Given site", "https://example.org/a")
    assert (doc.published, doc.published_source) == ("2021-07-07", "metadata")
    assert doc.locator == "line 3"


@pytest.mark.parametrize("markup", ["<html><body><div></div></body></html>", "<<<>>>", ""])
def test_html_without_text_is_malformed(markup: str) -> None:
    item = SourceItem("bad.html", markup, "html", is_html=True)
    [out] = clean_batch([item], BlockHistory(), SETTINGS)
    assert isinstance(out, Rejection)
    assert out.kind == "malformed" and "\n" not in out.reason


@pytest.mark.parametrize(
    "raw", ["", "  \n\u200b\n\t", "Recent Posts\nShare this\nSkip to content\n"]
)
def test_items_with_nothing_left_are_empty(raw: str) -> None:
    [out] = clean_batch([SourceItem("e.txt", raw, "txt")], BlockHistory(), SETTINGS)
    assert isinstance(out, Rejection)
    assert out.kind == "empty" and "\n" not in out.reason


def test_rejections_keep_their_place_in_the_batch(seeds: list[SourceItem]) -> None:
    items = [
        SourceItem("e.txt", "", "txt"),
        seeds[1],
        SourceItem("b.html", "", "html", is_html=True),
    ]
    out = clean_batch(items, BlockHistory(), SETTINGS)
    assert [type(o).__name__ for o in out] == ["Rejection", "Document", "Rejection"]


def test_publication_date_sources() -> None:
    text = "BAGHDAD, July 6, 2021 - Rockets hit an air base in western Iraq, officials said."
    meta = SourceItem("m.json", text, "json", published="2021-07-05T22:00:00+03:00")
    plain = SourceItem("p.txt", text, "txt")
    [a] = clean_batch([meta], BlockHistory(), SETTINGS)
    [b] = clean_batch([plain], BlockHistory(), SETTINGS)
    [c] = clean_batch([plain], BlockHistory(), Settings())
    got = [(d.published, d.published_source) for d in (a, b, c)]  # type: ignore[union-attr]
    assert got == [("2021-07-05", "metadata"), ("2021-07-10", "option"), ("2021-07-06", "inferred")]


def test_unreadable_metadata_date_falls_through_to_the_option() -> None:
    item = SourceItem("m.json", article("talks"), "json", published="sometime soon")
    [doc] = clean_batch([item], BlockHistory(), SETTINGS)
    assert isinstance(doc, Document)
    assert (doc.published, doc.published_source) == ("2021-07-10", "option")


def test_title_from_first_line_of_plain_text_only() -> None:
    body = "Talks Resume in Geneva\n" + article("talks")
    [txt] = clean_batch([SourceItem("t.txt", body, "txt")], BlockHistory(), SETTINGS)
    [rec] = clean_batch([SourceItem("t.json", body, "json")], BlockHistory(), SETTINGS)
    assert isinstance(txt, Document) and isinstance(rec, Document)
    assert txt.title == "Talks Resume in Geneva" and txt.text.startswith("Talks Resume")
    assert rec.title is None


# --- blocks_of ------------------------------------------------------------------------------------


def test_blocks_of_agrees_for_text_item_and_document(
    seeds: list[SourceItem], seed_docs: list[Document]
) -> None:
    for item, doc in zip(seeds, seed_docs):
        pairs = blocks_of(item)
        assert pairs == blocks_of(doc) == blocks_of(item.raw)
        assert pairs == blocks_of(normalize(item.raw).text)
        assert len({key for key, _ in pairs}) == len(pairs)
        assert all(n > 0 for _, n in pairs)


def test_blocks_of_ignores_case_spacing_and_bullets() -> None:
    assert blocks_of("  • Troops   LEFT the base") == blocks_of("- troops left the base")


def test_blocks_of_html_item_uses_extracted_text() -> None:
    item = SourceItem("page.html", PAGE, "html", is_html=True)
    [doc] = clean_batch([item], BlockHistory(), Settings())
    assert blocks_of(item) == blocks_of(doc)  # type: ignore[arg-type]


# --- cost ----------------------------------------------------------------------------------------


def test_footer_shared_by_hundreds_of_articles_is_removed_from_each() -> None:
    """Hundreds of different articles (every topic word differs) sharing one footer."""
    items = [
        SourceItem(f"{k}.txt", article(f"matter{k} region{k} talks{k}", n=10) + "\n\n" + FOOTER, "txt")
        for k in range(400)
    ]
    docs = clean_batch(items, BlockHistory(), SETTINGS)
    assert all(isinstance(d, Document) and "independent forum" not in d.text for d in docs)
    assert all(d.text.count(f"matter{k}") == 30 for k, d in enumerate(docs))  # type: ignore[union-attr]


def test_history_lookup_is_asked_about_every_block_of_the_batch(seeds: list[SourceItem]) -> None:
    bad = SourceItem("bad.html", "<html></html>", "html", is_html=True)
    page = SourceItem("page.html", PAGE, "html", is_html=True)
    asked: list[set[str]] = []

    def lookup(keys: set[str]) -> BlockHistory:
        asked.append(keys)
        return BlockHistory()

    docs = clean_batch([*seeds, bad, page], lookup, SETTINGS)
    expected = {key for item in [*seeds, page] for key, _ in blocks_of(item)}
    assert asked == [expected] and len(expected) > 100
    assert docs == clean_batch([*seeds, bad, page], BlockHistory(), SETTINGS)
    for doc, item in zip(docs, [*seeds, bad, page]):
        if isinstance(doc, Document):
            assert list(doc.blocks) == blocks_of(item) and doc.sketch is not None


def test_short_repeated_lines_beside_furniture_are_removed() -> None:
    masthead, login = "THE DAILY LEDGER", "Sign in | Join"
    top = f"{masthead}\nHome | World | Middle East | Opinion\n{login}\nSubscribe to our newsletter\n\n"
    a = SourceItem("a.txt", top + article("flooding"), "txt")
    b = SourceItem("b.txt", top + article("elections"), "txt")
    for doc in clean_batch([a, b], BlockHistory(), SETTINGS):
        assert isinstance(doc, Document)
        assert masthead not in doc.text and login not in doc.text
        assert doc.text.startswith("Paragraph 0")


def test_reworded_syndicated_copy_keeps_its_shared_paragraphs() -> None:
    """Half the paragraphs reworded: few whole blocks shared, but nearly every word.

    Block containment is 0.5 here, so only the shingle sketch tells it is one article; without
    it the three untouched paragraphs would be stripped from both copies as "repeated".
    """
    from flashpoint.clean.dedup import sketch_of

    body = [
        f"Sentence one of paragraph {k} tells how the convoy crossed the river at dawn. "
        f"Sentence two of paragraph {k} quotes a spokesman on the damage to the depot. "
        f"Sentence three of paragraph {k} adds the count of wounded from the hospital."
        for k in range(6)
    ]
    reworded = [p.replace("quotes a spokesman on", "cites an official about") if k % 2 else p
                for k, p in enumerate(body)]
    a = SourceItem("a.txt", "Convoy crosses river\n\n" + "\n\n".join(body), "txt")
    b = SourceItem("b.txt", "River crossing by convoy\n\n" + "\n\n".join(reworded), "txt")
    history_from_a = BlockHistory(
        sightings={key: frozenset({a.raw_hash}) for key, _ in blocks_of(a)},
        item_chars={a.raw_hash: sum(n for _, n in blocks_of(a))},
        item_sketches={a.raw_hash: sketch_of(a.raw, SETTINGS)},
    )
    for batch, history in (([a, b], BlockHistory()), ([b], history_from_a)):
        docs = clean_batch(batch, history, SETTINGS)
        assert all(isinstance(d, Document) and d.removed_chars == 0 for d in docs)
