"""Sources admin (interface): articles and outlets (admin_articles), feeds and fetch log (admin_feeds)."""

from sources import admin_articles, admin_feeds  # noqa: F401  (each module registers its ModelAdmins)
