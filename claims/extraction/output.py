"""Extraction stage 9, output: the public Statement records (text, script, via, claim keys) and the
Extraction that holds them, the stances and the proposed new speakers."""

from __future__ import annotations

from .article import Article
from .claim_keys import assign_claim_keys
from .confidence import statement_confidence
from .records import Candidate
from .types import Extraction, Stance, Statement
from .version import EXTRACTOR_VERSION


def build_extraction(art: Article, statements: list[Candidate], stances: list[Stance]) -> Extraction:
    out = []
    for st in statements:
        sp = st.speaker
        out.append(Statement(
            speaker=sp.name, speaker_key=sp.key, mention=sp.mention, mention_start=sp.mention_start,
            mention_end=sp.mention_end, text=art.text_at(st.start, st.end), start=st.start, end=st.end, kind=st.kind,
            language=art.doc.language_of(st.start, st.end, st.para), said_on=st.said_on,
            via=tuple(dict.fromkeys(st.via)), venue=st.via[0] if st.via else "", cue=st.cue,
            confidence=statement_confidence(art, st),
        ))
    # statements in paragraphs close together may translate each other (blank lines do not count)
    out = assign_claim_keys(out, [art.doc.nonblank_index(st.para) for st in statements])
    return Extraction(tuple(out), tuple(stances), art.names.proposed_speakers(), EXTRACTOR_VERSION)
