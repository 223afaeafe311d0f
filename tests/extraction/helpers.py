"""A tiny gazetteer and helpers shared by the extraction tests (no Django)."""

import datetime as dt

from claims.extraction import Gazetteer, SpeakerEntry, extract
from claims.extraction.pipeline import read_article

GAZ = Gazetteer([
    SpeakerEntry("trump", "Donald Trump", "person", ("Trump", "川普", "特朗普", "唐納德·川普")),
    SpeakerEntry("putin", "Vladimir Putin", "person", ("Putin", "普京", "普丁")),
    SpeakerEntry("peskov", "Dmitry Peskov", "person", ("Peskov", "佩斯科夫", "培斯科夫")),
    SpeakerEntry("kremlin", "Kremlin", "government", ("克里姆林宮", "克宮", "the Kremlin")),
    SpeakerEntry("russia", "Russia", "government", ("俄羅斯", "莫斯科", "Moscow", "俄方")),
    SpeakerEntry("whitehouse", "White House", "government", ("白宮", "白宫")),
    SpeakerEntry("uk", "United Kingdom", "government", ("英國", "英国")),
    SpeakerEntry("france", "France", "government", ("法國", "法国")),
    SpeakerEntry("germany", "Germany", "government", ("德國", "德国")),
    SpeakerEntry("mfa_cn", "Ministry of Foreign Affairs of China", "government", ("中國外交部", "外交部")),
    SpeakerEntry("maoning", "Mao Ning", "person", ("毛寧", "毛宁")),
    SpeakerEntry("reuters", "Reuters", "media", ("路透社", "Reuters")),
    SpeakerEntry("guardian", "The Guardian", "media", ("衛報", "卫报", "Guardian")),
    SpeakerEntry("lai", "Lai Ching-te", "person", ("賴清德", "赖清德")),
])
PUB = dt.date(2025, 2, 13)


def run(text, published=PUB):
    return extract(text, published=published, gazetteer=GAZ)


def stance_triples(ex):
    """(holder, polarity, target statement's text) of every stance of an Extraction."""
    texts = [s.text for s in ex.statements]
    return {(t.speaker, t.polarity, texts[t.target]) for t in ex.stances}


def stances(text, published=PUB):
    """The stance triples of text, and the Extraction they came from."""
    ex = run(text, published)
    return stance_triples(ex), ex


def spans(text, published=PUB):
    """(speaker, text, kind) of every statement."""
    return [(s.speaker, s.text, s.kind) for s in run(text, published).statements]


def article(text, gazetteer=GAZ, published=PUB):
    """The first stages (document, posts, mentions, cues) on text: what sieves and stages read."""
    return read_article(text, published, gazetteer)


def cue_of(art, verb, nth=0):
    """The nth cue of this verb (Simplified, or the English word)."""
    return [c for c in art.cues.cues if c.verb == verb][nth]
