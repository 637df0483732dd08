"""The escalation picture, computed over the event database.

Reports of one real-world event are merged into incidents (``merge``), incidents are linked
into action-reaction chains (``chains``), weekly conflict-cooperation indices and surge alerts
are computed per dyad and region (``indices``, ``alerts``), and watched sites get a threat
picture (``threat``). ``refresh`` rebuilds incidents and links from the stored events.
"""

from __future__ import annotations

from flashpoint.analysis.model import ANALYSIS_VERSION, ChainLink, Incident, load_incidents

__all__ = ["ANALYSIS_VERSION", "Incident", "ChainLink", "load_incidents"]
