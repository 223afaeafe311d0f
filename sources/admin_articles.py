"""Sources admin: outlets and articles (ingest, status, re-run extraction)."""
