"""Extraction lexicon: the rules that are data, one table per concern, all built at import.

- ``rows``: the row types (a reporting verb, a stance word) with their example sentences;
- ``zh``: Chinese reporting verbs (ZH_VERBS), stance words, pronouns, connectives and other lists;
- ``en``: English reporting verbs (EN_VERBS), claim nouns;
- ``names``: surnames, titles, transliteration characters, institution endings;
- ``outlets``: outlets, platforms and venue nouns.
"""
