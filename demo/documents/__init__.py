"""The documents of the case file, each drawn onto a ``Pdf`` (or, for scans, returned as page pictures)."""

from .cover import doc_cover
from .exhibits import doc_camera_stills, doc_expert, doc_photos, doc_scene_photos, doc_valuation
from .prosecution import doc_indictment, doc_investigation_report, doc_trial_decision
from .scans import scan_pages
from .statements import (
    doc_biography,
    doc_defendant,
    doc_self_statement,
    doc_victim,
    doc_victim_2,
    doc_witness_binh,
    doc_witness_ha,
)

__all__ = [
    'doc_biography',
    'doc_camera_stills',
    'doc_cover',
    'doc_defendant',
    'doc_expert',
    'doc_indictment',
    'doc_investigation_report',
    'doc_photos',
    'doc_scene_photos',
    'doc_self_statement',
    'doc_trial_decision',
    'doc_valuation',
    'doc_victim',
    'doc_victim_2',
    'doc_witness_binh',
    'doc_witness_ha',
    'scan_pages',
]
