"""Emendations: OCR-error proposals and reversible corrections, both readings kept.

``propose(doc)`` finds likely OCR errors (extra ``emend``), each anchored to
its text node (:class:`~frusdoc.anchor.Anchor`); ``apply`` records
proposals as :class:`~frusdoc.Emendation` inlines; ``accept``, ``reject`` and
``revert`` change or take them out. ``frusdoc.text.render(doc,
reading="corrected")`` reads the corrections; the default reading is the page
as printed.
"""

from frusdoc.anchor import Anchor
from frusdoc.emend.operations import Proposal, accept, apply, reject, revert
from frusdoc.emend.proposals import propose, skeleton

__all__ = ["Anchor", "Proposal", "accept", "apply", "propose", "reject", "revert", "skeleton"]
