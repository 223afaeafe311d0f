"""Extraction stage 9, output: the public Statement records (text, script, via, claim keys) and the
Extraction that holds them, the stances and the proposed new speakers."""

from __future__ import annotations

from .article import Article
from .claim_keys import Said, claim_keys_of
from .confidence import statement_confidence
from .records import Candidate
from .types import Extraction, Stance, Statement
from .version import EXTRACTOR_VERSION


def build_extraction(art: Article, statements: list[Candidate], stances: list[Stance]) -> Extraction:
    said = [Said(art.text_at(st.start, st.end), st.speaker.name, st.kind, tuple(dict.fromkeys(st.via)),
                 st.start, st.end, st.cue, st.speaker.mention) for st in statements]
    # statements in paragraphs close together may translate each other (blank lines do not count)
    keys = claim_keys_of(said, [art.doc.nonblank_index(st.para) for st in statements], art.doc)
    out = []
    for st, (text, name, kind, via, *_), key in zip(statements, said, keys, strict=True):  # each record made once
        sp = st.speaker
        out.append(Statement(
            speaker=name, speaker_key=sp.key, mention=sp.mention, mention_start=sp.mention_start,
            mention_end=sp.mention_end, text=text, start=st.start, end=st.end, kind=kind,
            language=art.doc.language_of(st.start, st.end, st.para), said_on=st.said_on,
            via=via, venue=st.via[0] if st.via else "", claim_key=key, cue=st.cue,
            confidence=statement_confidence(art, st),
        ))
    return Extraction(tuple(out), tuple(stances), art.names.proposed_speakers(), EXTRACTOR_VERSION)
