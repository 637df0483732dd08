#!/usr/bin/env python3
"""Where selective parsing stands: how much of a corpus it can skip, and what each model
component costs, on the same cleaned texts, in one run.

``bench/throughput.py`` times the whole job with and without selective parsing; this script
says why the two come out close. For the cleaned documents of the corpora it prints

- the share of tokens in candidate sentences (those holding a form of a trigger lemma), and
  the share the selective parser actually runs the model on (candidates plus ``CONTEXT``
  tokens either side of each run of them);
- the parse step alone (``flashpoint.nlp.parse``) with and without selective parsing, the
  two modes alternated ``--repeat`` times, as the ratio of their medians;
- each model component's time in a full parse, so that what a skipped sentence saves, and
  what the entity recogniser (which carries a ``tok2vec`` of its own) costs, can be read off.

    .venv/bin/python bench/selective.py [--corpus DIR ...] [--repeat 4] [--json]

Absolute times vary from run to run on a shared machine; compare the shares and the ratio.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPORA = [REPO / "examples" / "corpus", REPO.parent / "shared" / "seeds"]


def main() -> None:
    args = _parse_args()
    sys.path.insert(0, str(REPO / "src"))
    from flashpoint.nlp import load_nlp
    from flashpoint.settings import Settings

    settings = Settings(quiet=True)
    documents = _cleaned(args.corpus, settings)
    nlp = load_nlp(settings)
    report = {"documents": len(documents), **_shares(documents, nlp),
              **_parse_times(documents, nlp, args.repeat), "components_s": _components(documents, nlp)}
    if args.json:
        print(json.dumps(report))
    else:
        for key, value in report.items():
            print(f"{key:28s} {value}")


def _parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", nargs="*", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("--repeat", type=int, default=4)
    parser.add_argument("--json", action="store_true")
    return parser.parse_args()


def _cleaned(corpora: list[Path], settings) -> list:
    """The canonical documents an ingest of ``corpora`` would parse (read and cleaned)."""
    from flashpoint.pipeline import clean_paths

    return clean_paths([str(c) for c in corpora if c.is_dir()], settings).documents


def _shares(documents: list, nlp) -> dict:
    from flashpoint.nlp.pipeline import selective_pipeline
    from flashpoint.nlp.selective import SELECTIVE_COMPONENT

    light = selective_pipeline(nlp, None)
    parser = light.get_pipe(SELECTIVE_COMPONENT)
    with light.select_pipes(disable=[SELECTIVE_COMPONENT]):
        docs = list(light.pipe(d.text for d in documents))
    tokens = sum(len(doc) for doc in docs)
    runs = [run for doc in docs for run in parser.candidate_runs(doc)]
    candidates = sum(run.end - run.start for run in runs)
    parsed = sum(run.right - run.left for run in runs)
    return {"tokens": tokens, "candidate_share": round(candidates / max(tokens, 1), 3),
            "parsed_share": round(parsed / max(tokens, 1), 3)}


def _parse_times(documents: list, nlp, repeat: int) -> dict:
    from flashpoint.nlp import parse
    from flashpoint.settings import Settings

    modes = {True: Settings(quiet=True, selective_parse=True), False: Settings(quiet=True, selective_parse=False)}
    for settings in modes.values():  # build and warm both pipelines outside the clock
        list(parse(documents[:3], nlp, settings))
    seconds: dict[bool, list[float]] = {True: [], False: []}
    for i in range(repeat):
        for selective in ((True, False) if i % 2 == 0 else (False, True)):
            start = time.perf_counter()
            list(parse(documents, nlp, modes[selective]))
            seconds[selective].append(time.perf_counter() - start)
    sel, full = statistics.median(seconds[True]), statistics.median(seconds[False])
    return {"parse_selective_s_median": round(sel, 3), "parse_full_s_median": round(full, 3),
            "ratio_selective_over_full": round(sel / full, 3)}


def _components(documents: list, nlp, batch: int = 32) -> dict:
    """Seconds per component of a full parse, each run over a batch as ``nlp.pipe`` does."""
    spent: dict[str, float] = {}
    for i in range(0, len(documents), batch):
        docs = [nlp.make_doc(d.text) for d in documents[i : i + batch]]
        for name, component in nlp.pipeline:
            start = time.perf_counter()
            docs = list(component.pipe(docs, batch_size=batch)) if hasattr(component, "pipe") \
                else [component(doc) for doc in docs]
            spent[name] = spent.get(name, 0.0) + time.perf_counter() - start
    return {name: round(value, 3) for name, value in spent.items()}


if __name__ == "__main__":
    main()
