"""Public pages (interface): claims, speakers, articles, search."""

urlpatterns: list = []
