"""Sources admin: feeds and the fetch log."""
