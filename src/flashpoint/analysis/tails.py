"""Upper-tail probabilities of count distributions, for surge detection.

``P(X >= k)`` under a Poisson or a negative binomial, written with :func:`math.lgamma` so the
analysis needs no scipy. A surge p-value is small by construction, and ``1 - CDF`` would lose
it to cancellation (``1 - 0.9999999999`` keeps one digit), so when ``k`` lies above the mean the
tail is summed directly: the first term in log space, then the ratio of successive terms,
stopping once a geometric bound on what is left is negligible. Below the mean the tail is large
and ``1 - CDF`` over ``k`` terms is exact enough.
"""

from __future__ import annotations

import math
from collections.abc import Callable

__all__ = ["poisson_sf", "negbin_sf", "negbin_size"]

#: Relative size at which the rest of a tail sum is dropped.
_TOLERANCE = 1e-17
#: A tail never needs more terms than this at weekly-count scales; a guard, not a tuning knob.
_MAX_TERMS = 2_000_000


def poisson_sf(k: int, lam: float) -> float:
    """``P(X >= k)`` for ``X ~ Poisson(lam)``."""
    if lam < 0 or math.isnan(lam):
        raise ValueError(f"a Poisson mean must be >= 0, got {lam}")
    if k <= 0:
        return 1.0
    if lam == 0:
        return 0.0

    def log_pmf(i: int) -> float:
        return -lam + i * math.log(lam) - math.lgamma(i + 1)

    if k <= lam:
        return _complement(log_pmf, k)
    return _upper_sum(log_pmf(k), k, lambda i: lam / (i + 1), lam / (k + 1))


def negbin_sf(k: int, mean: float, size: float) -> float:
    """``P(X >= k)`` for a negative binomial with this mean and size (dispersion) ``r``.

    Variance is ``mean + mean**2 / size``; as ``size`` grows it tends to the Poisson.
    With ``p = size / (size + mean)``: ``P(X = i) = C(i + r - 1, i) p**r (1 - p)**i``.
    """
    if mean < 0 or math.isnan(mean):
        raise ValueError(f"a negative-binomial mean must be >= 0, got {mean}")
    if not size > 0:
        raise ValueError(f"a negative-binomial size must be > 0, got {size}")
    if k <= 0:
        return 1.0
    if mean == 0:
        return 0.0
    log_p = math.log(size / (size + mean))
    log_q = math.log(mean / (size + mean))
    q = math.exp(log_q)

    def log_pmf(i: int) -> float:
        return (math.lgamma(i + size) - math.lgamma(size) - math.lgamma(i + 1)
                + size * log_p + i * log_q)

    if k <= mean:
        return _complement(log_pmf, k)
    # Successive-term ratios (i + r) / (i + 1) * q fall towards q when r > 1 and rise towards it
    # when r < 1, so the larger of the current ratio and q bounds every later ratio.
    return _upper_sum(log_pmf(k), k, lambda i: (i + size) / (i + 1) * q, q)


def negbin_size(mean: float, variance: float) -> float:
    """Method-of-moments size ``r = mean**2 / (variance - mean)``; needs variance > mean > 0."""
    if not variance > mean > 0:
        raise ValueError(f"need variance > mean > 0, got mean {mean}, variance {variance}")
    return mean * mean / (variance - mean)


def _complement(log_pmf: Callable[[int], float], k: int) -> float:
    """``1 - P(X < k)``: accurate when the answer is not small (``k`` at or below the mean)."""
    below = math.fsum(math.exp(log_pmf(i)) for i in range(k))
    return min(1.0, max(0.0, 1.0 - below))


def _upper_sum(log_first: float, k: int, ratio: Callable[[int], float], floor: float) -> float:
    """``sum_{i >= k} P(X = i)`` from the first term's log and the ratio of successive terms.

    The sum is kept relative to the first term (so a tail of 1e-400 only underflows at the very
    end), and stops when the rest, bounded by a geometric series of ratio ``max(ratio, floor)``,
    is below :data:`_TOLERANCE` of what is summed.
    """
    total, term, i = 1.0, 1.0, k
    for _ in range(_MAX_TERMS):
        rho = ratio(i)
        term *= rho
        total += term
        i += 1
        bound = max(ratio(i), floor)
        if bound < 1.0 and term * bound / (1.0 - bound) <= _TOLERANCE * total:
            break
    return min(1.0, math.exp(log_first + math.log(total)))
