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


# -- the compiled attribute rules and the memoised lemmatizer ------------------------------------

_ANNOTATION = ["POS", "TAG", "MORPH", "LEMMA", "DEP", "HEAD", "ENT_IOB", "ENT_TYPE", "SENT_START"]


@pytest.fixture(scope="module")
def reference_nlp():
    """The model with its own attribute ruler and lemmatizer (and flashpoint's paragraph breaks
    and whole rank titles)."""
    import spacy

    from flashpoint.nlp.pipeline import keep_titles_whole

    reference = spacy.load(Settings().spacy_model)
    reference.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    keep_titles_whole(reference)
    return reference


def test_load_nlp_replaces_the_ruler_and_lemmatizer_by_compiled_ones(nlp) -> None:
    from flashpoint.nlp.attribute_rules import RulesComponent
    from flashpoint.nlp.lemmas import LemmaComponent

    assert isinstance(nlp.get_pipe("attribute_ruler"), RulesComponent)
    assert isinstance(nlp.get_pipe("lemmatizer"), LemmaComponent)
    assert nlp.pipe_names.index("attribute_ruler") > nlp.pipe_names.index("parser")


def test_compiled_components_annotate_exactly_as_the_models_own(nlp, reference_nlp, seeds_dir, corpus_dir) -> None:
    """Every token of the seeds and the demo corpus gets the same tags, morphology, lemmas,
    parse and entities through the compiled components as through spaCy's."""
    from tests.test_selective import _cleaned

    texts = [d.text for d in _cleaned(seeds_dir, corpus_dir)]
    texts.append("Y'all gon na see: let's go, ain't it? I gotta say\u2019 it 's nothin' , c'm on.\n\n  - \t ok")
    tokens = 0
    for ours, theirs in zip(nlp.pipe(texts), reference_nlp.pipe(texts)):
        assert (ours.to_array(_ANNOTATION) == theirs.to_array(_ANNOTATION)).all(), ours.text[:80]
        assert [str(t.morph) for t in ours] == [str(t.morph) for t in theirs]
        tokens += len(ours)
    assert tokens > 10_000


def test_later_attribute_rules_win_over_earlier_ones_of_any_length(reference_nlp) -> None:
    """Precedence between one-token and several-token rules, and the token a rule sets."""
    from spacy.pipeline import AttributeRuler

    from flashpoint.nlp.attribute_rules import compile_rules

    ruler = AttributeRuler(reference_nlp.vocab)
    ruler.add([[{"LOWER": "gon"}, {"LOWER": "na"}]], {"LEMMA": "early"}, index=-1)
    ruler.add([[{"LOWER": {"IN": ["na", "ta"]}}]], {"LEMMA": "middle", "POS": "PART"})
    ruler.add([[{"LOWER": "got"}, {"LOWER": {"REGEX": "^t"}}]], {"LEMMA": "late"}, index=1)
    ruler.add([[{"TAG": {"NOT_IN": ["NN"]}, "LOWER": "x"}]], {"MORPH": "Number=Sing"})
    rules = compile_rules(ruler)
    for text in ["na ta gon gon na", "x got na got", "gon na got ta x"]:
        theirs = ruler(reference_nlp.make_doc(text))
        ours = reference_nlp.make_doc(text)
        rules.apply(ours)
        assert [(t.lemma_, t.pos_, str(t.morph)) for t in ours] == [
            (t.lemma_, t.pos_, str(t.morph)) for t in theirs
        ]
    assert [t.lemma_ for t in ours] == ["", "middle", "", "late", ""]  # the later rule, either way
    assert str(ours[4].morph) == "Number=Sing"


def test_rules_the_compiler_does_not_reproduce_are_refused(reference_nlp) -> None:
    from spacy.pipeline import AttributeRuler

    from flashpoint.errors import UnsupportedRules
    from flashpoint.nlp.attribute_rules import compile_rules

    for pattern in ([{"LOWER": "a", "OP": "+"}], [{"_": {"x": 1}}], [{"LENGTH": {">=": 3}}]):
        ruler = AttributeRuler(reference_nlp.vocab)
        ruler.add([pattern], {"LEMMA": "z"})
        with pytest.raises(UnsupportedRules):
            compile_rules(ruler)


def test_the_lemma_component_needs_a_rule_lemmatizer(reference_nlp) -> None:
    from spacy.pipeline import Lemmatizer

    from flashpoint.nlp.lemmas import LemmaComponent

    lookup = Lemmatizer(reference_nlp.vocab, None, mode="lookup")
    with pytest.raises(ModelError, match="rule-mode"):
        LemmaComponent().bind(lookup)
    with pytest.raises(ModelError, match="not bound"):
        LemmaComponent()(reference_nlp.make_doc("x"))


def test_load_nlp_runs_every_layer_on_one_thread_numpy_blas(nlp) -> None:
    """Every layer of every trained component, the disabled senter too, does its matrix
    products through :class:`OneThreadBlasOps` (see ``flashpoint.nlp.ops``)."""
    pytest.importorskip("threadpoolctl")
    from flashpoint.nlp.ops import OneThreadBlasOps

    layers = [node for _, proc in nlp.components if hasattr(proc, "model") for node in proc.model.walk()]
    assert "senter" in nlp.component_names and len(layers) > 100
    assert {type(node.ops) for node in layers} == {OneThreadBlasOps}


def test_one_thread_gemm_is_numpys_product_and_restores_the_thread_count() -> None:
    """Same products as thinc's own ``gemm`` (transposes, ``out``), and BLAS keeps the
    number of threads it had outside the product."""
    import numpy
    from thinc.api import NumpyOps

    pytest.importorskip("threadpoolctl")
    from flashpoint.nlp.ops import OneThreadBlasOps, blas_limiter

    limiter = blas_limiter()
    assert limiter is not None
    before = [lib["num_threads"] for lib in limiter.info()]
    ours, theirs = OneThreadBlasOps(), NumpyOps()
    rng = numpy.random.default_rng(7)
    x = rng.random((50, 30), dtype="float32")
    y = rng.random((40, 30), dtype="float32")
    expected = theirs.gemm(x, y, trans2=True)
    assert numpy.allclose(ours.gemm(x, y, trans2=True), expected, rtol=1e-5)
    out = numpy.zeros((30, 30), dtype="float32")
    assert ours.gemm(x, x, out=out, trans1=True) is out
    assert numpy.allclose(out, theirs.gemm(x, x, trans1=True), rtol=1e-5)
    assert [lib["num_threads"] for lib in limiter.info()] == before


def test_rank_titles_stay_one_token(nlp) -> None:
    """Split at its stop, "Col." ended the sentence or broke the parse around a name."""
    doc = nlp("Gunmen shot Col. Hassan Khodaei and Lt. Ali Reza in Tehran.")
    assert {"Col.", "Lt."} <= {t.text for t in doc}
    assert len(list(doc.sents)) == 1
