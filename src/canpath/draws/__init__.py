"""Express Entry rounds of invitations: the IRCC feed, round types, cut-off statistics, forecast.

- `feed`: parse and validate the IRCC rounds feed into `Round` records.
- `store`: which copy is in use (packaged or updated), cached loading, safe updates.
- `classify`: round name -> stable category id (`general`, `cec`, `french`, ...).
- `stats`: recent cut-offs per category, rounds per month, where a score stands.
- `model`: P(invitation within N months) for a score and the categories one qualifies for.
- `cli`: the `canpath draws` commands (typer; not imported here).

Importing this package is cheap: it needs neither typer, rich, numpy nor matplotlib.
"""

from __future__ import annotations

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
