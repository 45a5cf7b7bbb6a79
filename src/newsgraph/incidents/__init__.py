"""Incidents: events from any documents that report the same happening, linked into one.

Pure logic over the record contract (``Event``, ``Actor``, ``Document``); the store keeps the link items
and the incidents (``newsgraph.store.incidents``) and calls :func:`assign` as documents arrive.
"""

from newsgraph.incidents.items import LinkItem, link_items
from newsgraph.incidents.linking import assign, incident_id, link_all, reach
from newsgraph.incidents.model import Incident, Report, Stance, build_incident, incident_from_dict
from newsgraph.incidents.rules import Rules, load_rules

__all__ = [
    "Incident",
    "LinkItem",
    "Report",
    "Rules",
    "Stance",
    "assign",
    "build_incident",
    "incident_from_dict",
    "incident_id",
    "link_all",
    "link_items",
    "load_rules",
    "reach",
]
