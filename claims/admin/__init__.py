"""Claims admin (interface): the fact-checkers' desk, one module per screen; each registers its ModelAdmin.

statements (the review queue), claims, verdicts, speakers, stances, changes (pending changes to
published material, and the confirmed extraction re-run), partners (keys, webhooks, deliveries), requests
(readers' check requests by demand), flips (candidate changes of position for an editor).
"""

from claims.admin import (  # noqa: F401
    changes,
    claims,
    flips,
    partners,
    requests,
    speakers,
    stances,
    statements,
    verdicts,
)

__all__ = ["changes", "claims", "flips", "partners", "requests", "speakers", "stances", "statements", "verdicts"]
