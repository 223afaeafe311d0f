"""The curated speaker registry, claims/extraction/data/speakers.json (plain pytest, no Django)."""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from claims.extraction.normalize import normalize_alias, to_simplified  # noqa: E402

REGISTRY = ROOT / "claims" / "extraction" / "data" / "speakers.json"
KINDS = {"person", "organisation", "government", "party", "media", "group"}
FIELDS = {"key": str, "name": str, "kind": str, "title": str, "country": str, "wikidata": str, "aliases": list}
# Optional: the name and title per script where the registry knows the local forms (普丁 in zh-Hant, 普京 in zh-Hans).
OPTIONAL_FIELDS = {"display": dict, "title_zh": dict}
HAN = re.compile(r"[\u3400-\u9fff]")

REQUIRED_KEYS = [
    "trump", "putin", "zelensky", "peskov", "hegseth", "leavitt", "rubio", "vance", "kremlin", "russia",
    "white_house", "european_commission", "bbc", "reuters", "the_guardian", "xi_jinping", "lai_ching_te",
    "united_kingdom", "france", "germany",
]  # fmt: skip

# Written forms news actually uses, including transliteration variants (not script conversions).
REQUIRED_ALIASES = {
    "trump": ["Donald Trump", "Trump", "川普", "特朗普"],
    "putin": ["Vladimir Putin", "Putin", "普京", "普丁", "蒲亭"],
    "zelensky": [
        "Zelensky",
        "Zelenskyy",
        "@ZelenskyyUa",
        "Володимир Зеленський",
        "澤倫斯基",
        "澤連斯基",
        "泽连斯基",
        "泽伦斯基",
    ],
    "peskov": ["Peskov", "佩斯科夫", "培斯科夫"],
    "hegseth": ["Pete Hegseth", "赫格塞斯", "赫格塞思", "海格塞斯"],
    "leavitt": ["Karoline Leavitt", "李威特", "莱维特", "李維特"],
    "rubio": ["Marco Rubio", "盧比歐", "盧比奧", "鲁比奥"],
    "vance": ["JD Vance", "萬斯", "范斯", "万斯"],
    "biden": ["Joe Biden", "拜登"],
    "macron": ["Emmanuel Macron", "馬克宏", "馬克龍", "马克龙"],
    "starmer": ["Keir Starmer", "施凱爾", "斯塔默"],
    "xi_jinping": ["Xi Jinping", "習近平", "习近平"],
    "lai_ching_te": ["Lai Ching-te", "賴清德", "赖清德"],
    "kremlin": ["Kremlin", "克里姆林宮", "克宮", "克宫"],
    "white_house": ["White House", "白宮", "白宫"],
    "russia": ["Russia", "Moscow", "俄羅斯", "俄罗斯", "俄方", "莫斯科方面"],
    "united_kingdom": ["United Kingdom", "英國", "英国", "英方"],
    "france": ["France", "法國", "法国", "法方"],
    "germany": ["Germany", "德國", "德国", "德方"],
    "european_commission": ["European Commission", "歐盟委員會", "欧盟委员会", "歐委會"],
    "taiwan_affairs_office": ["國台辦", "国台办"],
    "mainland_affairs_council": ["陸委會", "陆委会"],
    "china_mfa": ["中國外交部", "中国外交部"],
    "bbc": ["BBC", "英國廣播公司"],
    "reuters": ["Reuters", "路透社", "路透"],
    "the_guardian": ["The Guardian", "衛報", "卫报"],
    "truth_social": ["Truth Social", "真相社交", "真實社群", "真相社會"],
    "x_twitter": ["X", "Twitter", "推特"],
}

# Bare words that name no one in particular: they must not be anybody's alias.
AMBIGUOUS = [
    "總統", "总统", "發言人", "发言人", "政府", "外交部", "國防部", "国防部", "國務院", "国务院", "國會", "国会",
    "總理", "总理", "商務部", "商务部", "首相", "主席", "外長", "外长", "官員", "官员", "白宮發言人",
    "President", "Government", "Spokesperson", "Spokesman", "Foreign Ministry", "Prime Minister", "Senate",
    "Congress", "Ministry of Foreign Affairs", "Ministry of Defense", "Defence Ministry",
]  # fmt: skip


@pytest.fixture(scope="module")
def entries() -> list[dict]:
    data = json.loads(REGISTRY.read_text(encoding="utf-8"))
    assert isinstance(data, list)
    return data


@pytest.fixture(scope="module")
def by_key(entries) -> dict[str, dict]:
    return {e["key"]: e for e in entries}


def test_file_is_utf8_json_list_sorted_by_key(entries):
    raw = REGISTRY.read_text(encoding="utf-8")
    assert "\\u" not in raw, "write with ensure_ascii=False"
    keys = [e["key"] for e in entries]
    assert keys == sorted(keys)


def test_size(entries):
    assert len(entries) >= 220


def test_fields_and_types(entries):
    for e in entries:
        assert set(FIELDS) <= set(e) <= set(FIELDS) | set(OPTIONAL_FIELDS), e.get("key")
        for field, typ in FIELDS.items():
            assert isinstance(e[field], typ), (e["key"], field)
        for field, typ in OPTIONAL_FIELDS.items():
            if field in e:
                assert isinstance(e[field], typ) and set(e[field]) <= {"zh-Hant", "zh-Hans", "en"}, (e["key"], field)
                assert all(isinstance(v, str) and v.strip() for v in e[field].values()), (e["key"], field)
        assert e["name"] == e["name"].strip() and e["name"], e["key"]
        assert e["title"] == e["title"].strip(), e["key"]
        assert e["kind"] in KINDS, (e["key"], e["kind"])
        assert re.fullmatch(r"(?:[A-Z]{2})?", e["country"]), (e["key"], e["country"])


def test_keys_unique_and_slug_like(entries):
    keys = [e["key"] for e in entries]
    assert len(keys) == len(set(keys))
    for k in keys:
        assert re.fullmatch(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*", k), k


def test_required_keys_present(by_key):
    missing = [k for k in REQUIRED_KEYS if k not in by_key]
    assert not missing


def test_aliases_non_empty_and_stripped(entries):
    for e in entries:
        assert e["aliases"], e["key"]
        assert len(e["aliases"]) == len(set(e["aliases"])), e["key"]
        for a in e["aliases"]:
            assert isinstance(a, str) and a and a == a.strip(), (e["key"], a)
            assert normalize_alias(a), (e["key"], a)


def test_no_normalised_alias_shared_by_two_entries(entries):
    owners: dict[str, set[str]] = defaultdict(set)
    for e in entries:
        for a in (e["name"], *e["aliases"]):  # the gazetteer indexes the name too
            owners[normalize_alias(a)].add(e["key"])
    shared = {a: sorted(ks) for a, ks in owners.items() if len(ks) > 1}
    assert not shared


def test_no_ambiguous_bare_words(entries):
    banned = {normalize_alias(w) for w in AMBIGUOUS}
    hits = [(e["key"], a) for e in entries for a in (e["name"], *e["aliases"]) if normalize_alias(a) in banned]
    assert not hits


def test_required_aliases(by_key):
    for key, wanted in REQUIRED_ALIASES.items():
        assert key in by_key, key
        missing = [a for a in wanted if a not in by_key[key]["aliases"]]
        assert not missing, (key, missing)


def test_bare_x_is_only_the_platform(entries):
    owners = [e["key"] for e in entries if any(normalize_alias(a) == "x" for a in e["aliases"])]
    assert owners == ["x_twitter"]


@lru_cache(maxsize=1)
def _s2t():
    import opencc

    return opencc.OpenCC("s2t")


def _simplified_only(alias: str) -> bool:
    """True when the alias has a character that is Simplified only: outside Big5 (the Traditional
    character set) and changed by OpenCC s2t (马, 们, 泽 — but not 岩 or 范, nor 崐, a rare
    Traditional character Big5 lacks)."""
    for ch in alias:
        if HAN.match(ch) and _s2t().convert(ch) != ch:
            try:
                ch.encode("big5")
            except UnicodeEncodeError:
                return True
    return False


def test_chinese_aliases_in_both_scripts(entries):
    for e in entries:
        aliases = set(e["aliases"])
        han = [a for a in aliases if HAN.search(a)]
        # Every Traditional alias has its Simplified form listed (川普總統 -> 川普总统).
        missing = [a for a in han if to_simplified(a) not in aliases]
        assert not missing, (e["key"], missing)
        # Every alias written in Simplified-only characters has a Traditional form (泽连斯基 <- 澤連斯基).
        simplified = {to_simplified(a) for a in han if to_simplified(a) != a}
        orphans = [a for a in han if to_simplified(a) == a and _simplified_only(a) and a not in simplified]
        assert not orphans, (e["key"], orphans)


def test_people_with_chinese_names_have_chinese_aliases(entries):
    """Cross-strait and world leaders are quoted in Chinese news: every person has a Han alias."""
    without = [e["key"] for e in entries if e["kind"] == "person" and not any(HAN.search(a) for a in e["aliases"])]
    assert not without


def test_wikidata_ids(entries):
    ids = [e["wikidata"] for e in entries if e["wikidata"]]
    for q in ids:
        assert re.fullmatch(r"Q[1-9]\d*", q), q
    assert len(ids) == len(set(ids))
    assert all(e["wikidata"] == "" or re.fullmatch(r"Q[1-9]\d*", e["wikidata"]) for e in entries)


@pytest.mark.parametrize(
    "key,qid",
    [("trump", "Q22686"), ("putin", "Q7747"), ("biden", "Q6279"), ("xi_jinping", "Q15031"), ("zelensky", "Q3881")],
)
def test_known_wikidata_ids(by_key, key, qid):
    assert by_key[key]["wikidata"] == qid


# --- names and titles per script (display, title_zh): what Chinese pages show ------------------------

# Floors: every entry whose English title could be translated with confidence carries title_zh (372 of
# 373 at the time of writing); an edit that drops rows fails here instead of silently showing Chinese
# readers no title.
MIN_TITLE_ZH = 370
MIN_DISPLAY = 90

# Regional vocabulary that must not leak into the other script's title: Taiwan forms on mainland
# (zh-Hans) pages and mainland forms on Taiwan (zh-Hant) pages. Not a script conversion: OpenCC's
# character tables turn 義大利 into 义大利, which no mainland reader writes.
TAIWAN_ONLY_IN_HANS = ["澳洲", "纽西兰", "义大利", "沙乌地", "卡达", "叶门", "北韩", "联准会", "执委会", "社群媒体"]
MAINLAND_ONLY_IN_HANT = ["澳大利亞", "新西蘭", "意大利", "沙特", "卡塔爾", "也門", "美聯儲", "社交媒體", "首席執行官"]


def _per_script(entries, field):
    return [(e["key"], e[field]) for e in entries if field in e]


def test_title_zh_and_display_have_both_scripts(entries):
    for field in ("title_zh", "display"):
        for key, forms in _per_script(entries, field):
            assert set(forms) == {"zh-Hant", "zh-Hans"}, (key, field)
            assert all(HAN.search(v) for v in forms.values()), (key, field, forms)


def test_title_zh_and_display_are_written_in_their_own_script(entries):
    for field in ("title_zh", "display"):
        for key, forms in _per_script(entries, field):
            hans, hant = forms["zh-Hans"], forms["zh-Hant"]
            assert hans == to_simplified(hans), (key, field, hans)
            assert not _simplified_only(hant), (key, field, hant)


def test_display_names_are_aliases(entries):
    for key, forms in _per_script(entries, "display"):
        entry_aliases = next(e["aliases"] for e in entries if e["key"] == key)
        missing = [name for name in forms.values() if name not in entry_aliases]
        assert not missing, (key, missing)


def test_title_zh_uses_each_regions_vocabulary(entries):
    for key, forms in _per_script(entries, "title_zh"):
        assert not [w for w in TAIWAN_ONLY_IN_HANS if w in forms["zh-Hans"]], (key, forms["zh-Hans"])
        assert not [w for w in MAINLAND_ONLY_IN_HANT if w in forms["zh-Hant"]], (key, forms["zh-Hant"])


def test_title_zh_and_display_coverage_floors(entries):
    assert len(_per_script(entries, "title_zh")) >= MIN_TITLE_ZH
    assert len(_per_script(entries, "display")) >= MIN_DISPLAY


@pytest.mark.parametrize(
    "key,hant,hans",
    [
        ("albanese", "澳洲總理", "澳大利亚总理"),
        ("meloni", "義大利總理", "意大利总理"),
        ("mbs", "沙烏地阿拉伯王儲兼首相", "沙特阿拉伯王储兼首相"),
        ("tedros", "世界衛生組織秘書長", "世界卫生组织总干事"),
    ],
)
def test_known_titles_in_each_regions_usage(by_key, key, hant, hans):
    assert by_key[key]["title_zh"] == {"zh-Hant": hant, "zh-Hans": hans}
