"""The escalation picture, computed over the event database.

Reports of one real-world event are merged into incidents (``merge``), incidents are linked
into action-reaction chains (``chains``), weekly conflict-cooperation indices and surge alerts
are computed per dyad and region (``indices``, ``alerts``), and watched sites get a threat
picture (``threat``). ``refresh`` rebuilds incidents and links from the stored events.
"""

from __future__ import annotations

from flashpoint.analysis.alerts import find_alerts
from flashpoint.analysis.chains import list_chains
from flashpoint.analysis.decisions import join_events, list_decisions, split_event, undo_decision
from flashpoint.analysis.incidents import get_incident, list_incidents
from flashpoint.analysis.indices import coarse_dated_counts, weekly_index
from flashpoint.analysis.model import ANALYSIS_VERSION, ChainLink, Incident, load_incidents
from flashpoint.analysis.refresh import RefreshSummary, refresh
from flashpoint.analysis.threat import site_threats

__all__ = ["ANALYSIS_VERSION", "Incident", "ChainLink", "load_incidents",
           "weekly_index", "coarse_dated_counts", "find_alerts", "site_threats",
           "refresh", "RefreshSummary", "list_incidents", "get_incident", "split_event",
           "join_events", "undo_decision", "list_decisions", "list_chains"]
