"""Partner API (interface): versioned URLs under /api/."""

urlpatterns: list = []
