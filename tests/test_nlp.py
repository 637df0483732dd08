"""The nlp stage: the packaged model, cached; batched parsing that keeps documents with parses."""

from __future__ import annotations

import pytest

from flashpoint.errors import ModelError
from flashpoint.nlp import load_nlp, parse
from flashpoint.nlp.pipeline import PARAGRAPH_COMPONENT
from flashpoint.records import Document, OffsetMap
from flashpoint.settings import Settings


def _doc(text: str, origin: str = "t.txt") -> Document:
    return Document(
        doc_id=Document.id_for(text), text=text, raw_text=text, offsets=OffsetMap(),
        origin=origin, raw_hash=Document.id_for(text), format="txt",
    )


def test_load_nlp_is_the_packaged_parser_and_is_cached(nlp) -> None:
    assert {"parser", "tagger", "lemmatizer", "ner"} <= set(nlp.pipe_names)
    assert PARAGRAPH_COMPONENT in nlp.pipe_names
    assert load_nlp(Settings()) is nlp  # one load per model name, per process


def test_missing_model_is_a_model_error_naming_it() -> None:
    with pytest.raises(ModelError, match="no_such_model_flashpoint"):
        load_nlp(Settings(spacy_model="no_such_model_flashpoint"))


def test_parse_keeps_each_document_with_its_own_parse_in_order(nlp) -> None:
    texts = [f"Report {i}: rebels shelled the town of Ayn {i}." for i in range(7)]
    docs = [_doc(t, origin=f"r{i}.txt") for i, t in enumerate(texts)]
    out = list(parse(docs, nlp, Settings(batch_size=3)))
    assert [d.origin for d, _ in out] == [d.origin for d in docs]
    for document, parsed in out:
        assert parsed.text == document.text
        assert any(t.dep_ == "ROOT" for t in parsed)


def test_parse_is_lazy(nlp) -> None:
    def endless():
        i = 0
        while True:
            i += 1
            yield _doc(f"Troops crossed the border at dawn on day {i}.")

    stream = parse(endless(), nlp, Settings(batch_size=2))
    first, second = next(stream), next(stream)
    assert first[0].text != second[0].text


def test_sentences_never_cross_a_line_break(nlp) -> None:
    text = "Key facts\nThe navy seized a ship off the coast\n- Officials met in Doha. They agreed."
    parsed = nlp(text)
    for sent in parsed.sents:
        assert "\n" not in sent.text.strip()
    starts = {s.start_char for s in parsed.sents}
    assert text.index("The navy") in starts


@pytest.mark.slow
def test_parse_with_two_processes_gives_the_same_parses(nlp) -> None:
    docs = [_doc(f"Militants fired {n} rockets at the airport on Monday.") for n in range(4)]
    single = [(d.doc_id, [t.dep_ for t in p]) for d, p in parse(docs, nlp, Settings(batch_size=2))]
    multi = [
        (d.doc_id, [t.dep_ for t in p])
        for d, p in parse(docs, nlp, Settings(batch_size=2, n_process=2))
    ]
    assert multi == single


def test_selective_parse_is_set_from_the_environment() -> None:
    from flashpoint.errors import ConfigError
    from flashpoint.settings import Settings

    assert Settings.from_env({"FLASHPOINT_SELECTIVE_PARSE": "true"}).selective_parse is True
    assert Settings.from_env({"FLASHPOINT_SELECTIVE_PARSE": "0"}).selective_parse is False
    with pytest.raises(ConfigError):
        Settings.from_env({"FLASHPOINT_SELECTIVE_PARSE": "maybe"})
