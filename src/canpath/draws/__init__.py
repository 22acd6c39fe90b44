"""Express Entry rounds of invitations: the IRCC feed, round types, cut-off statistics, forecast.

- `feed`: parse and validate the IRCC rounds feed into `Round` records.
- `store`: which copy is in use (packaged or updated), cached loading, safe updates.
- `classify`: round name -> stable category id (`general`, `cec`, `french`, ...).
- `stats`: recent cut-offs per category, rounds per month, where a score stands.
- `model`: P(invitation within N months) for a score and the categories one qualifies for.
- `cli`: the `canpath draws` commands (typer).

The names below are imported on first use (PEP 562), so `import canpath.draws.cli` stays
cheap for the command line; `from canpath.draws import invitation_probability` works as usual.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from canpath.draws.classify import CATEGORY_IDS, CATEGORY_LABELS, classify
    from canpath.draws.feed import Round, parse_feed, parse_feed_bytes
    from canpath.draws.model import (
        CategoryRate,
        InvitationEstimate,
        estimate_invitation,
        expected_months_to_invitation,
        invitation_probability,
    )
    from canpath.draws.stats import filter_rounds, pool_rank, score_position, summarise_cutoffs
    from canpath.draws.store import active_feed, load_rounds, update_feed

_HOME = {
    "CATEGORY_IDS": "classify",
    "CATEGORY_LABELS": "classify",
    "classify": "classify",
    "Round": "feed",
    "parse_feed": "feed",
    "parse_feed_bytes": "feed",
    "CategoryRate": "model",
    "InvitationEstimate": "model",
    "estimate_invitation": "model",
    "expected_months_to_invitation": "model",
    "invitation_probability": "model",
    "filter_rounds": "stats",
    "pool_rank": "stats",
    "score_position": "stats",
    "summarise_cutoffs": "stats",
    "active_feed": "store",
    "load_rounds": "store",
    "update_feed": "store",
}

__all__ = [
    "CATEGORY_IDS",
    "CATEGORY_LABELS",
    "CategoryRate",
    "InvitationEstimate",
    "Round",
    "active_feed",
    "classify",
    "estimate_invitation",
    "expected_months_to_invitation",
    "filter_rounds",
    "invitation_probability",
    "load_rounds",
    "parse_feed",
    "parse_feed_bytes",
    "pool_rank",
    "score_position",
    "summarise_cutoffs",
    "update_feed",
]


def __getattr__(name: str) -> object:
    """The public name `name`, imported from its module on first use."""
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module 'canpath.draws' has no attribute {name!r}")
    return getattr(importlib.import_module(f"canpath.draws.{module}"), name)
