"""Build and measurement scripts for the extractor's learned parts (run from the checkout)."""
