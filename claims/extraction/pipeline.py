"""Extraction pipeline: the stages in order, each a function of what the earlier ones returned."""

from __future__ import annotations

import datetime as dt

from .article import Article, AttributionState
from .attribution import attribute, dedupe
from .continuation import continued_statements
from .cues import CueIndex, find_cues
from .document import build_document
from .gazetteer import Gazetteer
from .learn.producer import tagged_statements
from .lies import with_lied_claims
from .mentions import NameMemory, find_mentions
from .output import build_extraction
from .posts import resolve_posts
from .producers import answer_statements, post_statements, proposal_statements, topic_statements
from .records import Candidate
from .reports import answered_reports
from .said_on import date_statements
from .stances import find_stances
from .types import Extraction


def read_article(text: str, published: dt.date | None, gazetteer: Gazetteer) -> Article:
    """Stages 1-3: the document, its posts, mentions and cues (what every later stage reads)."""
    doc = build_document(text, published)  # 1. text, folded text, paragraphs, posts, quotes
    posts = resolve_posts(doc, gazetteer)  # 1b. who wrote each embedded post
    names = NameMemory()
    cues = CueIndex(find_cues(doc))  # 3. reporting, question and stance verbs
    chinese_verbs = [c.start for c in cues.cues if c.lang == "zh"]
    found = find_mentions(doc, gazetteer, posts, names, chinese_verbs)  # 2. mentions; names learned
    return Article(doc, gazetteer, posts, found.index, found.genders, cues, names)


def rule_statements(art: Article, state: AttributionState) -> list[Candidate]:
    """The walk's statements and the rule producers' (what the learned tagger adds to)."""
    statements = list(state.statements)
    statements += post_statements(art, statements)  # embedded posts,
    statements += answer_statements(art, state, statements)  # press-conference answers,
    statements += topic_statements(art, statements)  # topic clauses (对于X所称…),
    statements += proposal_statements(art, statements)  # proposals quoted as nouns (X提议的「…」),
    statements += continued_statements(art, state, statements)  # sentences that continue a Chinese speaker
    statements += answered_reports(art, statements)  # unsourced reports that a denial answers
    return statements


def extract_article(text: str, published: dt.date | None, gazetteer: Gazetteer) -> Extraction:
    """Statements, stances and proposed speakers of one article (deterministic)."""
    art = read_article(text, published, gazetteer)
    doc = art.doc
    state = attribute(art)  # 4-5. subjects, content, quotes, in text order
    statements = rule_statements(art, state)  # 6. producers
    statements += tagged_statements(art, state, statements)  # English: the learned tagger's, where rules found none
    said_after = [c.end for c in art.cues.cues if c.lang == "zh" and c.kind.startswith("say") and not c.rule.weak]
    statements = date_statements(doc, dedupe(statements), said_after)  # 7. overlaps out, then said_on
    stances = find_stances(art, state, statements)  # 8. stances
    statements, stances = with_lied_claims(art, statements, stances)  # 8b. claims called lies, rejected
    return build_extraction(art, statements, stances)  # 9. output records and claim keys
