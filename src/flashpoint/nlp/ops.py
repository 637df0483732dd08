"""Matrix products of the model's layers through numpy's BLAS, on one thread.

Nearly half of a parse with the small English model is dense matrix products (``Ops.gemm``:
the convolutional ``tok2vec`` layers of the shared embedding and of NER, and the parser's and
NER's precomputed first layer, each over every token of a batch). thinc computes them with
BLIS, which on the machines measured (AMD EPYC, AVX2) runs at about a third of the speed of the
OpenBLAS that numpy ships. :class:`OneThreadBlasOps` sends the products to numpy's BLAS instead,
held to one thread per product: OpenBLAS would otherwise use every core for these mid-sized
products, and its spinning workers cost more CPU time than they save (a parse is a batch job:
``Settings.n_process`` is the way to use more cores).

The model's weights and the arithmetic are unchanged; only the order in which float32 sums
are accumulated differs, well below the margins the model's decisions are taken by
(``tests/test_nlp.py`` holds the annotation of a corpus to equality, token for token).

Holding BLAS to one thread needs ``threadpoolctl`` (a small pure-Python package). Without it,
or when numpy's BLAS cannot be found, :func:`use_numpy_blas` leaves the model as it is.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import numpy
from spacy.language import Language
from thinc.api import NumpyOps

__all__ = ["OneThreadBlasOps", "use_numpy_blas", "blas_limiter"]


class OneThreadBlasOps(NumpyOps):
    """``NumpyOps`` whose ``gemm`` is numpy's (OpenBLAS) matrix product on one thread."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(use_blis=False, **kwargs)

    def gemm(  # type: ignore[override]
        self,
        x: numpy.ndarray,
        y: numpy.ndarray,
        out: numpy.ndarray | None = None,
        trans1: bool = False,
        trans2: bool = False,
    ) -> numpy.ndarray:
        """``x @ y`` (either transposed), written to ``out`` if given; as ``NumpyOps.gemm``."""
        if trans1:
            x = x.T
        if trans2:
            y = y.T
        limiter = blas_limiter()  # looked up per call: the ops are pickled into worker processes
        if limiter is None:
            return numpy.dot(x, y, out=out)
        with limiter.limit(limits=1):
            return numpy.dot(x, y, out=out)


@lru_cache(maxsize=1)
def blas_limiter() -> Any | None:
    """A ``threadpoolctl`` controller of numpy's BLAS, or None where it cannot be had."""
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:
        return None
    selected = ThreadpoolController().select(user_api="blas")
    return selected if selected.info() else None


def use_numpy_blas(nlp: Language) -> bool:
    """Give every layer of ``nlp``'s trained components (disabled ones too: the selective
    parse uses the ``senter``) :class:`OneThreadBlasOps`; whether it did (it does nothing
    without ``threadpoolctl`` or with a model already on other ops)."""
    limiter = blas_limiter()
    if limiter is None:
        return False
    models = [proc.model for _, proc in nlp.components if hasattr(proc, "model")]
    nodes = [node for model in models for node in model.walk()]
    if any(type(node.ops) not in (NumpyOps, OneThreadBlasOps) for node in nodes):
        return False  # a GPU or another backend: leave it alone
    ops = OneThreadBlasOps()
    for node in nodes:
        node.ops = ops
    return True
