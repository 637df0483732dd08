"""Briefings an analyst can send: the incidents of a period with their sources, the
action-reaction chains, surge alerts and watched-site threats, a map and a timeline, as HTML
(one self-contained file), Markdown (with its images beside it) or PDF.

``gather`` (:mod:`flashpoint.brief.gather`) reads a :class:`Briefing` from the database through
the shared analysis and query functions; ``write_briefing`` (:mod:`flashpoint.brief.write`)
renders it. Renderers, charts and fonts are imported only when used.
"""

from __future__ import annotations

from flashpoint.brief.model import Briefing, KeyPoint, Source

__all__ = ["Briefing", "KeyPoint", "Source"]
