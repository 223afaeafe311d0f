"""Claims admin (interface): the fact-checkers' desk (admin_desk) and partner keys and webhooks (admin_partners)."""

from claims import admin_changes, admin_desk, admin_partners  # noqa: F401  (each module registers its ModelAdmins)
