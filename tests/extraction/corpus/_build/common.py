"""Helpers that turn an annotation spec into NAME.gold.json.

Offsets are never typed by hand: each statement names the exact span text
(and, when that text occurs more than once, an `after` anchor that precedes
it); build() locates it in the article as read by Path.read_text("utf-8"),
checks text[start:end] == span and writes the gold file.

Run a spec:  python tests/extraction/corpus/_build/NAME.py
"""
import json
import re
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent
OPEN_MARKS = "「『“‘\"《"
LIMITS = {"zh": (1500, 4000), "en": (2500, 5000)}


def S(id, key, mention, text, kind, said_on=None, via=(), optional=False, note="",
      after=None, lang=None):
    return dict(id=id, key=key, mention=mention, text=text, kind=kind, said_on=said_on,
                via=list(via), optional=optional, note=note, after=after, lang=lang)


def T(id, key, polarity, targets, cue):
    return dict(id=id, key=key, polarity=polarity, targets=list(targets), cue=cue)


def locate(text, span, after=None):
    base = 0
    if after is not None:
        n = text.count(after)
        assert n == 1, f"anchor {after!r} occurs {n} times"
        base = text.index(after) + len(after)
    elif text.count(span) != 1:
        raise AssertionError(f"span occurs {text.count(span)} times, give after=: {span[:40]!r}")
    start = text.index(span, base)
    return start, start + len(span)


def build(name, *, published, outlet, author, language, speakers, statements,
          stances=(), same_claim=(), negatives=(), quiet=False):
    path = CORPUS / f"{name}.txt"
    text = path.read_text(encoding="utf-8")
    lo, hi = LIMITS["en" if language == "en" else "zh"]
    assert lo <= len(text) <= hi, f"{name}: length {len(text)} not in [{lo}, {hi}]"
    out, seen = [], set()
    for st in statements:
        assert st["id"] not in seen, st["id"]
        seen.add(st["id"])
        assert st["key"] in speakers, st["key"]
        assert st["kind"] in ("direct", "indirect"), st
        start, end = locate(text, st["text"], st["after"])
        assert text[start:end] == st["text"]
        if st["mention"]:
            assert st["mention"] in text, f"mention {st['mention']!r} not in text"
            assert norm(st["mention"]) in {norm(n) for n in speakers[st["key"]]} or st["mention"] in PRONOUNS, \
                f"{st['id']}: mention {st['mention']!r} not among accepted names"
        if st["said_on"]:
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", st["said_on"])
        if st["kind"] == "indirect":
            assert not st["text"].endswith(("。", ".")) or st["optional"], f"{st['id']}: indirect ends with full stop"
        prev = text[start - 1] if start else ""
        if st["kind"] == "direct" and prev not in OPEN_MARKS and not quiet:
            print(f"  note {st['id']}: direct span not after an opening mark (prev {prev!r})")
        out.append(dict(
            id=st["id"], speaker=list(speakers[st["key"]]), speaker_key=st["key"],
            mention=st["mention"], text=st["text"], start=start, end=end, kind=st["kind"],
            language=st["lang"] or language, said_on=st["said_on"], via=st["via"],
            optional=st["optional"], note=st["note"]))
    ids = {s["id"] for s in out}
    st_out = []
    for t in stances:
        assert t["polarity"] in ("support", "oppose"), t
        for tg in t["targets"]:
            assert tg in ids, f"stance {t['id']} target {tg} unknown"
        for part in t["cue"].split(" / "):
            assert part in text, f"stance {t['id']} cue {part!r} not in text"
        st_out.append(dict(id=t["id"], speaker=list(speakers[t["key"]]), polarity=t["polarity"],
                           targets=t["targets"], cue=t["cue"]))
    sc_out = []
    for ids_, note in same_claim:
        for i in ids_:
            assert i in ids, f"same_claim id {i} unknown"
        sc_out.append(dict(ids=list(ids_), note=note))
    for neg in negatives:
        assert neg in text, f"negative {neg!r} not in text"
    gold = dict(article=path.name, published=published, outlet=outlet, author=author,
                statements=out, stances=st_out, same_claim=sc_out, negatives=list(negatives))
    (CORPUS / f"{name}.gold.json").write_text(
        json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if not quiet:
        print(f"{name}: {len(text)} chars, {len(out)} statements "
              f"({sum(not s['optional'] for s in out)} required), {len(st_out)} stances, "
              f"{len(sc_out)} same_claim")
    return gold


PRONOUNS = {"他", "她", "他們", "她們", "後者", "前者", "该官员", "該官員", "后者", "前者", "他们", "她们",
            "對方", "对方", "he", "she", "they", "He", "She", "They", "the latter", "the official",
            "該部長", "该部长", "這位官員", "这位官员", "這名官員", "这名官员", "該名官員", "聲明", "声明", "新聞稿", "新闻稿", "the statement"}


def norm(s):
    return re.sub(r"[\s《》「」『』\"'“”@.\-・·]", "", s).casefold()
