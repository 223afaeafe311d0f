"""Builder for the blind holdout set: turns an annotation spec into NAME.gold.json.

No offset is typed by hand. Each statement gives its exact span text; when that
text occurs more than once in the article, `after=` names an anchor string
(unique in the article) that precedes the wanted occurrence. build() reads the
article with Path.read_text(encoding="utf-8"), finds every span with
str.index, asserts text[start:end] == span, checks ids, speakers, mentions,
stance targets and cues, and writes the gold file in the shared format
(/work/shared/eval/dev/*.gold.json).

Run one spec:   .venv/bin/python tests/extraction/holdout/_build/NAME.py
Run all + check: .venv/bin/python tests/extraction/holdout/_build/build_all.py
"""

import json
import re
from pathlib import Path

HOLDOUT = Path(__file__).resolve().parent.parent
# brief: 1,200-3,000 characters for Chinese, 2,000-4,000 for English
LIMITS = {"zh": (1200, 3000), "en": (2000, 4000)}
OPEN_MARKS = '「『“‘"《'
PRONOUNS = {
    "他",
    "她",
    "他們",
    "她們",
    "他们",
    "她们",
    "後者",
    "后者",
    "前者",
    "對方",
    "对方",
    "該官員",
    "该官员",
    "這名官員",
    "这名官员",
    "該名官員",
    "聲明",
    "声明",
    "新聞稿",
    "新闻稿",
    "he",
    "she",
    "they",
    "He",
    "She",
    "They",
    "the official",
    "the statement",
    "the spokesperson",
}


def S(id, key, mention, text, kind, said_on=None, via=(), optional=False, note="", after=None, lang=None, nth=None):
    """One gold statement; `text` is the exact span as it appears in the article.

    A span that occurs more than once needs `after=` (a unique anchor before it) or
    `nth=` (1-based occurrence, used for headlines that have nothing before them).
    """
    return dict(
        id=id,
        key=key,
        mention=mention,
        text=text,
        kind=kind,
        said_on=said_on,
        via=list(via),
        optional=optional,
        note=note,
        after=after,
        lang=lang,
        nth=nth,
    )


def T(id, key, polarity, targets, cue):
    """One gold stance; `cue` quotes the article (parts joined by ' / ')."""
    return dict(id=id, key=key, polarity=polarity, targets=list(targets), cue=cue)


def norm(s):
    return re.sub(r"[\s《》「」『』\"'“”@.\-・·（）()]", "", s).casefold()


def find(text, span, after=None, nth=None):
    """Offsets of `span`: the only occurrence, the first one after the unique anchor, or the nth."""
    if nth is not None:
        assert after is None
        start = -1
        for _ in range(nth):
            start = text.index(span, start + 1)
    elif after is None:
        n = text.count(span)
        if n != 1:
            raise AssertionError(f"span occurs {n} times (give after=): {span[:50]!r}")
        start = text.index(span)
    else:
        n = text.count(after)
        if n != 1:
            raise AssertionError(f"anchor occurs {n} times: {after!r}")
        start = text.index(span, text.index(after) + len(after))
    end = start + len(span)
    assert text[start:end] == span
    return start, end


def build(
    name,
    *,
    published,
    outlet,
    author,
    language,
    speakers,
    statements,
    stances=(),
    same_claim=(),
    negatives=(),
    quiet=False,
):
    path = HOLDOUT / f"{name}.txt"
    text = path.read_text(encoding="utf-8")
    assert not text.startswith("\ufeff")
    lo, hi = LIMITS["en" if language == "en" else "zh"]
    assert lo <= len(text) <= hi, f"{name}: length {len(text)} not in [{lo}, {hi}]"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", published)
    out, seen = [], set()
    for st in statements:
        sid = st["id"]
        assert sid not in seen, f"duplicate id {sid}"
        seen.add(sid)
        assert st["key"] in speakers, f"{sid}: unknown speaker key {st['key']}"
        assert st["kind"] in ("direct", "indirect"), sid
        assert st["text"] == st["text"].strip(), f"{sid}: outer whitespace"
        start, end = find(text, st["text"], st["after"], st["nth"])
        if st["mention"]:
            assert st["mention"] in text, f"{sid}: mention {st['mention']!r} not in text"
            names = {norm(n) for n in speakers[st["key"]]}
            assert norm(st["mention"]) in names or st["mention"] in PRONOUNS, (
                f"{sid}: mention {st['mention']!r} is neither an accepted name nor a pronoun"
            )
        if st["said_on"]:
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", st["said_on"]), sid
        if st["kind"] == "indirect" and not st["optional"]:
            assert not st["text"].endswith(("。", ".", "．")), f"{sid}: indirect span ends with a full stop"
        if st["kind"] == "direct" and not quiet:
            prev = text[start - 1] if start else ""
            if prev not in OPEN_MARKS:
                print(f"  note {sid}: direct span not after an opening mark (prev {prev!r})")
        lang = st["lang"] or language
        assert lang in ("zh-Hant", "zh-Hans", "en"), sid
        out.append(
            dict(
                id=sid,
                speaker=list(speakers[st["key"]]),
                speaker_key=st["key"],
                mention=st["mention"],
                text=st["text"],
                start=start,
                end=end,
                kind=st["kind"],
                language=lang,
                said_on=st["said_on"],
                via=st["via"],
                optional=st["optional"],
                note=st["note"],
            )
        )
    ids = {s["id"] for s in out}
    st_out = []
    for t in stances:
        assert t["id"] not in ids and t["id"] not in {x["id"] for x in st_out}, t["id"]
        assert t["polarity"] in ("support", "oppose"), t
        assert t["targets"], t
        for tg in t["targets"]:
            assert tg in ids, f"stance {t['id']}: unknown target {tg}"
        for part in t["cue"].split(" / "):
            assert part in text, f"stance {t['id']}: cue part {part!r} not in text"
        st_out.append(
            dict(
                id=t["id"], speaker=list(speakers[t["key"]]), polarity=t["polarity"], targets=t["targets"], cue=t["cue"]
            )
        )
    sc_out = []
    for grp, note in same_claim:
        assert len(grp) >= 2 and len(set(grp)) == len(grp), grp
        for i in grp:
            assert i in ids, f"same_claim: unknown id {i}"
        sc_out.append(dict(ids=list(grp), note=note))
    for neg in negatives:
        assert neg in text, f"negative {neg!r} not in text"
    required = [s for s in out if not s["optional"]]
    assert 15 <= len(required) <= 30, f"{name}: {len(required)} required statements"
    assert 2 <= len(st_out) <= 6 and any(t["polarity"] == "oppose" for t in st_out), name
    gold = dict(
        article=path.name,
        published=published,
        outlet=outlet,
        author=author,
        statements=out,
        stances=st_out,
        same_claim=sc_out,
        negatives=list(negatives),
    )
    (HOLDOUT / f"{name}.gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if not quiet:
        print(
            f"{name}: {len(text)} chars, {len(out)} statements ({len(required)} required), "
            f"{len(st_out)} stances, {len(sc_out)} same_claim"
        )
    return gold
