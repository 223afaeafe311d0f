"""Extraction core: the extractor's version, stored with every extraction."""

EXTRACTOR_VERSION = "0.6.7"  # bump when the output for the same input changes
