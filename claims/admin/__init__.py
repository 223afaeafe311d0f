"""Claims admin (interface): the fact-checkers' desk, one module per screen; each registers its ModelAdmin.

statements (the review queue), claims, verdicts, speakers, stances, changes (pending changes to
published material, and the confirmed extraction re-run), partners (keys, webhooks, deliveries).
"""

from claims.admin import changes, claims, partners, speakers, stances, statements, verdicts  # noqa: F401

__all__ = ["changes", "claims", "partners", "speakers", "stances", "statements", "verdicts"]
