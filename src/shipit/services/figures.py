"""The figures of `stats` and the streak line of `log` and the daily glance."""

from __future__ import annotations

from shipit.domain import stats
from shipit.domain.history import History
from shipit.services.journal import Journal


def history(journal: Journal) -> History:
    """Everything the figures are computed from, in one read transaction."""
    return journal.history()


def figures(journal: Journal) -> stats.Figures:
    """All the figures of `shipit stats`, as of today's journal day."""
    return history(journal).figures()
