"""Extraction core: attribution of direct and reported speech by ordered sieves, precision first.

Pipeline (all matching on ``fold(text)``, offsets into the original text):
  1. paragraphs, headlines, embedded social posts (signature lines), quotes (depth scanner)
  2. gazetteer mentions and title+name mentions (for speakers and anaphora)
  3. reporting-verb cues (Chinese lexicon, English lexicon), each with its subject resolved
  4. events in text order: a cue licenses the quote that follows it or the reported clause
     after it; a quote without a cue takes a speaker tag after it, the cue earlier in its
     sentence, or the previous statement (floating quote)
  5. said_on, language, via, claim keys, stances
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field
from types import SimpleNamespace

from .claim_keys import assign_claim_keys
from .dates import dateline, find_dates
from .gazetteer import Gazetteer
from .lexicon import en as _en
from .lexicon import names as _names
from .lexicon import outlets as _outlets
from .lexicon import zh as _zh
from .normalize import fold, lower_form, normalize_alias
from .quotes import Quote, scan_quotes
from .types import Extraction, ProposedSpeaker, SpeakerEntry, Stance, Statement

_zv = _zh.ZH_VERBS
L = SimpleNamespace(  # transitional view of the lexicon tables under their old names
    ZH_SAY_STRONG=tuple(r.verb for r in _zv if r.kind == "say" or r.verb in ("证实", "否认", "批评", "抨击", "质疑", "痛批", "反批", "驳斥", "斥责", "反驳", "谴责", "怒斥", "暗批", "炮轰", "赞扬")),
    ZH_SAY_WEAK=tuple(r.verb for r in _zv if r.weak) + ("认为",),
    ZH_ASK=tuple(r.verb for r in _zv if r.kind == "ask"),
    ZH_SUPPORT=tuple(r.verb for r in _zv if r.kind == "support"),
    ZH_OPPOSE=tuple(r.verb for r in _zv if r.kind == "oppose"),
    ZH_SAY_OPPOSE=("驳斥", "斥责", "反驳", "批评", "抨击", "质疑", "谴责", "痛批", "怒斥", "暗批", "炮轰", "反批"),
    ZH_NOT_SPEECH_AFTER=_zh.ONE_CHAR_NOT_AFTER, ZH_NOT_SPEECH_BEFORE=_zh.ONE_CHAR_NOT_BEFORE,
    ZH_SPEECH_ACTS=_zh.SPEECH_ACTS, ZH_NO_SPEAKER=_zh.NO_SPEAKER, ZH_SUBJECT_END=_zh.SUBJECT_END,
    ZH_CHAIN=_zh.CHAIN_ADVERBS, ZH_PRONOUNS=_zh.PRONOUNS, TITLE_WORDS=_names.TITLE_WORDS,
    TITLES_LONGEST_FIRST=tuple(sorted(_names.TITLE_WORDS, key=len, reverse=True)),
    NAME_SUFFIXES=_names.NAME_SUFFIXES, ZH_INSTITUTION_END=_names.INSTITUTION_ENDS, ZH_COUNTER=_zh.COUNTER_WORDS,
    ZH_DECISION_WORDS=_zh.DECISION_WORDS, ZH_CLAIM_NOUNS=_zh.CLAIM_NOUNS,
    EN_SAY=tuple(r.verb for r in _en.EN_VERBS if r.kind not in ("ask",) and r.verb != "according to"),
    EN_ASK=tuple(r.verb for r in _en.EN_VERBS if r.kind == "ask"),
    EN_SUPPORT=tuple(r.verb for r in _en.EN_VERBS if r.stance == "support"),
    EN_OPPOSE=tuple(r.verb for r in _en.EN_VERBS if r.stance == "oppose"),
    EN_CLAIM_NOUNS=_en.CLAIM_NOUNS, EN_TITLE_WORDS=_names.EN_TITLE_WORDS, OUTLETS=_outlets.OUTLETS,
    PLATFORMS=_outlets.PLATFORMS, ZH_VENUE_NOUNS=_outlets.VENUE_NOUNS, TRANSLIT_CHARS=_names.TRANSLIT_CHARS,
    SURNAMES=_names.SURNAME_SET, NAME_STOP=_names.NAME_STOP,
)

EXTRACTOR_VERSION = "0.4.12"  # bump when the output for the same input changes

_BACK = 1500  # how far back a pronoun or document noun looks for its antecedent (bounded work)
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN_WORD = re.compile(r"[A-Za-z]")


def _f(words):
    """Lexicon entries folded like the text (they are Simplified already; fold is a no-op guard)."""
    return tuple(dict.fromkeys(fold(w) for w in words))


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


SAY = _f(L.ZH_SAY_STRONG)
WEAK = frozenset(_f(L.ZH_SAY_WEAK))
ASK = frozenset(_f(L.ZH_ASK))
SUPPORT = _f(L.ZH_SUPPORT)
OPPOSE = _f(L.ZH_OPPOSE)
STANCE_VERBS = frozenset(SUPPORT + OPPOSE)
ZH_CUE_RE = re.compile(_alt(SAY + tuple(ASK) + SUPPORT + OPPOSE))
_NOT_AFTER = tuple(L.ZH_NOT_SPEECH_AFTER)
_NOT_BEFORE = tuple(L.ZH_NOT_SPEECH_BEFORE)
_PRONOUN_RE = re.compile(_alt(L.ZH_PRONOUNS))
_TITLE_RE = re.compile(_alt(L.TITLES_LONGEST_FIRST))
_CHAIN_RE = re.compile("(?:" + _alt(L.ZH_CHAIN) + ")+")
_CONNECTIVES = re.compile(
    r"^(?:对此|对于此|对此事|针对此事|同时|此外|另外|然而|不过|但是|但|而|另一方面|与此同时|其中|"
    r"首先|接着|最后|因此|所以|此前|稍早|随后|后来|目前|如今|而且|并且|事实上|实际上|总之|"
    r"对于|关于|针对|就)?"
)
_LEAD_ADV = re.compile(
    r"(?:(?:记者|新闻发布|发布|说明|招待)会[后上中]|会后|会前|当地时间|北京时间|台北时间|今天|昨天|今日|昨日|稍早|稍后|日前|随后|同日|当天|当日|"
    r"\d{1,4}年|\d{1,2}月|\d{1,2}[日号]|[今昨]?\(\d{1,2}\)日|上午|下午|晚间|中午|早上|凌晨|"
    r"[一-龥]{0,2}时间|有(?=[一-龥]{2}))"
)
# Surname + title abbreviation of a person already named (卓院长, 萧委员, 赖总统, 卓揆).
_SURNAME_TITLE_RE = re.compile(
    r"([\u4e00-\u9fff])(?:揆|院长|部长|总统|副总统|主委|委员|市长|议员|立委|发言人|署长|局长|主席|执行长|董事长|总理|省长|州长|县长|议长|特首|司长)"
)
_NAME_CHARS = re.compile(r"[\u3400-\u9fff・·•‧.A-Za-z\- ]+")
# Subject-end markers; words in _MASK are never split by a marker inside them.
_SUBJ_END = L.ZH_SUBJECT_END
_MASK_RE = re.compile(
    _alt(("共和", "和平", "同盟", "首都", "将军", "参与", "日本", "比利时", "都柏林", "在野", "执政",
          "联合国", "北约", "对外", "向阳", "于是", "时代", "月球", "青年", "成都", "京都", "新加坡",
          "巴基斯坦", "和党", "国会", "同志", "明日", "日报", "时报", "周刊", "周报", "再生", "更生",
          "亦即", "即将", "都会", "对方", "对手") + tuple(L.TITLE_WORDS))
)
_SENT_END_CHARS = "。!?;\n"
_SENT_BOUNDARY = re.compile(r"[。!?;\n]")
_ANON_PEOPLE = ("议员", "外交官", "老板", "店家", "居民", "市民", "司机", "家长", "小姐", "先生", "女士", "太太",
                "人士", "官员", "民众", "专家", "学者", "成员")
_QA_Q = re.compile(r"\s*(?:问|有记者问|提问|[^\s:,。]{0,10}记者(?:问|提问)?)\s*[:]")
_QA_A = re.compile(r"\s*答\s*[:]\s*")
_HUA_NOT_BEFORE = set("说对电讲谈通会神笑废实大坏好童闲情喊白粗放回答的句佳俗套官空屁鬼夜")
_CLAUSE_CHARS = set("。!?;,,:\n")
_HEADLINE_END = set("。!?.!?」”\"…:)")

# English cues: "X said", "said X", "according to X", "X told Reuters".
_EN_SAY_RE = re.compile(r"\b(" + _alt(L.EN_SAY + L.EN_ASK + L.EN_SUPPORT + L.EN_OPPOSE) + r")\b")
_EN_ACCORDING = re.compile(r"\baccording to\b", re.I)
_EN_NAME = re.compile(
    r"(?:(?:[A-Z][\w'’\-.]*|of|the|for|and|de|von|van|al-|bin)\s+)*[A-Z][\w'’\-.]*"
)
_EN_PUNCT = re.compile(r'[.!?](?=[ \n"”]|$)')
_EN_ABBREV = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Jr|U\.S|U\.N|[A-Z]|Jan|Feb|Aug|Sept?|Oct|Nov|Dec|No|"
                        r"Nos|approx|vs)$")
# a leading phrase before the subject, not a clause: "In a written statement, X said ..."
_EN_LEAD_PHRASE = re.compile(
    r"(?:In|At|On|During|After|Before|Speaking|Asked|Earlier|Later|Separately|Meanwhile|However|Responding|Writing|"
    r"Addressing|Commenting|Reacting|Last|This|Yesterday|Today|On)\b[^,;\"“”]{0,60},$")
_EN_PRON = re.compile(r"\b(he|she|they|it|we|i)\b", re.I)
_EN_NOUNISH = re.compile(
    r"(?:the|a|an|another|one|two|three|several|some|many|other)\s+(?:[\w\-]+\s+){0,4}"
    r"(?:spokes(?:man|woman|person)|official|officials|minister|ministry|statement|"
    r"source|sources|diplomat|diplomats|analyst|analysts|expert|experts|adviser|aide|aides|"
    r"lawmaker|lawmakers|government|embassy|report|police|military|army|company|spokes\w+|"
    r"advocate general|judge|prosecutors?|negotiators?|economists?|executives?|insiders?|envoys?)",
    re.I,
)

# Platform names between a subject and its verb (在社交媒体X上, 在脸书发文)
_PLATFORM_RE = re.compile(
    r"(?<![a-z])(" + _alt([p for p in L.PLATFORMS if len(p) > 1]) + r")(?![a-z])"
    r"|(?:社交媒体|平台|社群媒体|在)\s*(" + _alt([p for p in L.PLATFORMS if len(p) == 1]) + r")(?![a-z])"
)

_OUTLET_END = re.compile("(?:" + _alt([k for k in L.OUTLETS if len(k) >= 2]) + ")$")

# Embedded posts: "— Name (@handle) February 12, 2025"
_SIGNATURE = re.compile(
    r"^[ \t]*[—–-]{1,2}[ \t]*(?P<name>[^\n(@]{1,100}?)[ \t]*\(@(?P<handle>\w{1,40})\)[ \t]*"
    r"(?P<date>[A-Z][a-z]+\.? \d{1,2}, \d{4})[ \t]*$",
    re.M,
)
_POST_END = re.compile(r"\s*(?:pic\.twitter\.com/\w+|https?://t\.co/\w+)")

# Stances: a topic clause naming what is answered (对于X的说法, 针对X指控), nouns for a thing
# said, verbs whose person object stands for what the person said (力挺X, 同意X), and content
# words strong enough to make an answer (回应, 表示) a rejection.
# Characters that never continue a person's name (verbs of saying, prepositions, time words).
_NAME_HARD_STOP = frozenset("表说称指在于今昨日月年也还并则等、及和与的受回答质对向是为被将已曾就都又再亦均率,:(「“ ")
_EN_TITLED = re.compile(
    r"\b(Mayor|Commissioner|Sen\.|Senator|Rep\.|Representative|Councilman|Councilwoman|Councilmember|"
    r"Minister|President|Governor|Gov\.|Secretary|Director|Chairman|Chairwoman|Chair|spokesman|spokeswoman|"
    r"spokesperson|Ms\.|Mr\.|Mrs\.|Dr\.|Judge|Professor|Prof\.|Ambassador|General|Gen\.|Chancellor|"
    r"Premier|Speaker|chief executive|CEO|analyst|economist)\s+"
    r"([A-Z][a-z'’\-]+(?:\s+[A-Z][a-z'’\-]+){1,2})\b"
)
_EN_STOP_WORDS = frozenset((
    "the a an and or but of to in on at for with by from that this these those it its was were is are be been had has "
    "have will would could should may might not no he she they we i you his her their our city state").split()) | {""}
# An English dateline at the start of a paragraph: "SANTIAGO, March 11 (Meridian Wire) - "
_EN_DATELINE = re.compile(r"[A-Z][A-Z .'\-]{1,40},?\s*(?:[A-Z][a-z]{2,8}\.? \d{1,2}\s*)?(?:\([^)\n]{1,40}\)\s*)?[-–—]{1,2}\s+")
_EN_TITLE_LOWER = frozenset(w.lower() for w in L.EN_TITLE_WORDS if " " not in w) | {"analyst", "economist"}
_EN_FEMALE = frozenset(("councilwoman", "chairwoman", "spokeswoman", "ms", "mrs"))
_EN_MALE = frozenset(("councilman", "chairman", "spokesman", "mr"))
_DOC_NOUNS = frozenset(("声明", "该声明", "新闻稿", "该新闻稿", "公告", "文告", "新闻公报", "公报", "声明稿",
                        "贴文", "该贴文", "报告", "该报告", "信中", "文中", "稿中", "声明中", "新闻稿中"))
_DATELINE_RE = re.compile(r"[^,。:\n]{0,16}?(?:\d{1,2}月)?\d{1,2}日[电讯]\)?\s*")
_SAY_HEAD = r"(?:中)?(?:指出|表示|说|称|强调|写道|提到|认为|批评)"
_STANCE_HEAD_RE = re.compile("(?:" + _alt(SUPPORT + OPPOSE) + ")(?:[,:;。]|$)")
_OF_CLAIM_NOUN_RE = re.compile(r".{1,8}的(?:" + _alt(L.ZH_CLAIM_NOUNS) + ")")
_CHAIN_ONLY_RE = re.compile(r"(?:" + _alt(L.ZH_CHAIN) + r")*只")
_TOPIC_RE = re.compile(r"(?:对于|关于|针对|对)(?!此)")
_CLAIM_NOUN_ALT = _alt(L.ZH_CLAIM_NOUNS)
# 对于X所称「…」, / 针对X指…的说法, : a topic clause restating X's claim before the answer
_TOPIC_CLAIM_RE = re.compile(
    r"(?:^|(?<=[。!?;\n]))[ \t]*(?:而|但|另外|此外)?(?:对于|针对|对)(?P<np>[^,。!?;\n「“”」]{2,20}?)"
    r"(?:所称|所说|所指|所言|声称|宣称|指控|指称|称|指)(?:的)?[ \t]*"
    r"(?P<c>「[^」\n]{2,200}」|“[^”\n]{2,200}”|[^,。!?;\n「“]{4,80}?)"
    r"(?:的(?:说法|指控|批评|言论|观点|论点|质疑|讲法)|一事|一说|等说法)?(?=[,])"
)
_CORP_END = ("公司", "集团", "企业", "协会", "工会", "公会", "基金会", "联合会", "商会", "银行", "大学", "医院",
             "研究院", "学会", "控股", "航空", "电信", "科技", "股份")
_ISSUED_RE = re.compile(r"(?:发表|发出|发布)?(?:书面|联合)?声明")
_AGREE_WITH_PERSON = frozenset(("同意", "认同", "赞同", "力挺", "附和", "声援"))
_STRONG_NEG = ("不可能", "不实", "荒谬", "荒唐", "无稽", "胡说", "毫无根据", "没有任何根据", "没有根据",
               "假新闻", "不是事实", "不符合事实", "不符事实", "站不住脚", "造谣", "抹黑", "污蔑", "诬蔑",
               "谎言", "自欺欺人", "子虚乌有", "危言耸听", "不负责任", "误导", "不接受", "不同意")


@dataclass
class Spk:
    """A resolved speaker: display name, gazetteer key, the mention and its offsets."""

    name: str
    key: str | None
    mention: str
    mstart: int | None
    mend: int | None
    kind: str = "person"
    title: str = ""
    aliases: tuple[str, ...] = ()


@dataclass
class Cue:
    """A reporting (or stance, or question) verb with its resolved subject."""

    start: int
    end: int
    verb: str
    para: int
    kind: str  # say | ask | support | oppose
    speaker: Spk | None = None
    via: list[str] = field(default_factory=list)
    implicit: bool = False
    negated: bool = False
    clause_start: int = 0
    lang: str = "zh"
    no_speaker: bool = False  # 据悉, 据说: hearsay
    weak: bool = False  # a weak verb without punctuation after it: needs a person subject
    post_start: int = 0  # "…, X said": the clause before the speaker
    post_end: int = 0
    valid: bool = False  # passed every filter (a speaker, not a question, not hearsay)
    relay: list[str] = field(default_factory=list)  # 据《明报》报道，消息人士称: the outlet that relayed it


@dataclass
class Stmt:
    speaker: Spk
    start: int
    end: int
    kind: str
    cue: str
    para: int
    via: list[str] = field(default_factory=list)
    anchor: int = 0  # where the attribution was made (for dates)
    said_on: dt.date | None = None
    floating: bool = False
    conf: float = 0.8


class Doc:
    def __init__(self, text: str, published: dt.date | None, gaz: Gazetteer):
        self.text = text
        self.f = fold(text)
        self.low = lower_form(self.f)
        self.gaz = gaz
        self.ref = published or dateline(self.f)
        self.n = len(text)
        # paragraphs
        self.pstarts = [0]
        for m in re.finditer("\n", text):
            self.pstarts.append(m.end())
        self.pends = [s - 1 for s in self.pstarts[1:]] + [self.n]
        self.headline = [self._is_headline(i) for i in range(len(self.pstarts))]
        self.posts: list = []
        self.new_speakers: dict[str, ProposedSpeaker] = {}
        self.learned: dict[str, Spk] = {}  # normalised name -> unknown speaker seen with a title
        self._cs_memo: dict[int, int] = {}  # clause starts, computed once per position
        self._cut_memo: dict[int, bool] = {}  # cue id -> its clause has its own subject

    # ---------------------------------------------------------------------------------------
    def para_of(self, pos: int) -> int:
        return bisect.bisect_right(self.pstarts, pos) - 1

    def _is_headline(self, i: int) -> bool:
        s, e = self.pstarts[i], self.pends[i]
        line = self.f[s:e].strip()
        if not line:
            return False
        if _CJK.search(line) is None:
            return False  # English paragraphs: headline detection is not needed
        if len(line) > 80 or line[-1] in _HEADLINE_END or line[0] in "「“\"『":
            return False
        return not re.search(r"[。!?;,]", line)

    def sent_bounds(self, pos: int) -> tuple[int, int]:
        """Sentence containing pos (ends at 。!?; or a newline), at most 3000 characters each way."""
        if not hasattr(self, "_sb"):
            self._sb = [m.start() for m in _SENT_BOUNDARY.finditer(self.f)]
        k = bisect.bisect_left(self._sb, pos)
        s = self._sb[k - 1] + 1 if k > 0 else 0
        e = self._sb[k] if k < len(self._sb) else self.n
        return max(s, pos - 3000), min(e, pos + 3000)

    # --- run -------------------------------------------------------------------------------
    def run(self) -> Extraction:
        self._find_posts()
        for post in self.posts:  # lines of an embedded post are not headlines
            for i in range(self.para_of(post[0]), self.para_of(max(post[0], post[1] - 1)) + 1):
                self.headline[i] = False
        self.quotes = [q for q in scan_quotes(self.text, [(a, b) for a, b, *_ in self.posts])]
        self.top_quotes = [q for q in self.quotes if not q.nested]
        self.qstarts = [q.open for q in self.top_quotes]
        self.quote_at = {q.open: q for q in self.top_quotes}
        self.in_quote = _Intervals([(q.start, q.end) for q in self.top_quotes])
        self._mentions()
        self._learn_en_names()
        cues = self._zh_cues() + self._en_cues()
        cues.sort(key=lambda c: c.start)
        self.cues = cues
        self.cue_starts = [c.start for c in cues]
        stmts = self._attribute(cues)
        stmts += self._post_statements(stmts)
        stmts += self._qa_statements(stmts)
        stmts += self._topic_statements(stmts)
        stmts = self._dedupe(stmts)
        self._dates(stmts)
        stances = self._stances(stmts)
        return self._finish(stmts, stances)

    # --- embedded posts --------------------------------------------------------------------
    def _find_posts(self):
        """Signature lines of embedded posts: (region_start, region_end, sig_start, sig_end, Spk, date, body)."""
        self.posts = []
        for m in _SIGNATURE.finditer(self.text):
            p = self.para_of(m.start())
            if p == 0:
                continue
            body_p = p - 1
            bs, be = self.pstarts[body_p], self.pends[body_p]
            # continuation after the signature: up to the paragraph holding the picture link
            end = self.pends[p]
            q = p + 1
            while q < len(self.pstarts) and q <= p + 10:
                m2 = _POST_END.search(self.text, self.pstarts[q], self.pends[q])
                if m2:
                    end = m2.start()
                    break
                q += 1
            else:
                q = p
            name = m.group("name").split(" / ")[0].strip()
            entry = self.gaz.lookup(name) or self.gaz.lookup("@" + m.group("handle")) or self.gaz.lookup(
                m.group("handle")
            )
            spk = self._spk_from(entry, name, m.start("name"), m.start("name") + len(name))
            ds = find_dates(self.text, self.ref, m.start("date"), m.end("date"))
            date = ds[0][2] if ds else None
            self.posts.append((bs, end, m.start(), m.end(), spk, date, (bs, be), q if q > p else None))

    def _post_of(self, pos: int):
        for post in self.posts:
            if post[0] <= pos < post[1]:
                return post
        return None

    # --- mentions --------------------------------------------------------------------------
    def _mentions(self):
        """Gazetteer mentions and title+name mentions in text order, for subjects and anaphora."""
        self.mentions: list[tuple[int, int, Spk]] = []
        for s, e, entry in self.gaz.find_all(self.low, self.f):
            self.mentions.append((s, e, self._spk_from(entry, self.text[s:e], s, e)))
        taken = _Intervals([(s, e) for s, e, _ in self.mentions])
        # unknown people after a title: 交通部长林佑诚, 发言人陈斌华14日
        found: dict[str, Spk] = {}
        for m in _TITLE_RE.finditer(self.f):
            e0 = m.end()
            if taken.contains(e0) or taken.contains(m.start()):
                continue
            name = self._name_after(e0)
            if not name:
                continue
            spk = Spk(self.text[e0:e0 + len(name)], None, self.text[e0:e0 + len(name)], e0, e0 + len(name),
                      "person", title=self.text[max(0, m.start() - 8):m.end()].split(",")[-1])
            key = normalize_alias(name)
            if key not in found:
                found[key] = spk
                self._learn(spk, e0 + len(name))
        # every later mention of a learned name (林佑诚 alone)
        extra = []
        for key, spk in found.items():
            nm = fold(spk.name)
            pos = self.f.find(nm)
            count = 0
            while pos >= 0 and count < 2000:
                if not taken.contains(pos):
                    extra.append((pos, pos + len(nm), Spk(spk.name, None, self.text[pos:pos + len(nm)], pos,
                                                          pos + len(nm), "person", title=spk.title)))
                pos = self.f.find(nm, pos + len(nm))
                count += 1
            del key
        self.mentions = sorted(self.mentions + extra, key=lambda m: (m[0], -m[1]))
        self.mention_starts = [m[0] for m in self.mentions]

    def _learn_en_names(self) -> None:
        """English title + name anywhere ("Mayor Rosa Delgado"): later "Delgado" and she resolve."""
        for m in _EN_TITLED.finditer(self.f):
            name = m.group(2)
            if name.split()[-1].lower() in _EN_STOP_CAPS or self.in_quote.contains(m.start(2)):
                continue
            key = normalize_alias(name)
            e = self.gaz.lookup(name)
            sp = Spk(e.name, e.key, name, m.start(2), m.end(2), e.kind) if e else Spk(
                name, None, name, m.start(2), m.end(2), "person", title=m.group(1))
            self.learned.setdefault(key, sp)
            t = m.group(1).lower().rstrip(".")
            g = "f" if t in _EN_FEMALE else "m" if t in _EN_MALE else None
            if g and sp.kind == "person":
                self._genders().setdefault(sp.name, g)
        for post in self.posts:  # the author of an embedded post
            sp = post[4]
            if sp.key is None and len(sp.name.split()) >= 2:
                self.learned.setdefault(normalize_alias(sp.name), sp)
        # every later mention of a learned English name, full or surname only, for pronouns
        taken = _Intervals([(s, e) for s, e, _ in self.mentions])
        extra = []
        forms: dict[str, Spk] = {}
        for sp in self.learned.values():
            if sp.key is None and sp.name.isascii() and len(sp.name.split()) >= 2 and len(forms) < 400:
                forms.setdefault(sp.name, sp)
                forms.setdefault(sp.name.split()[-1], sp)  # a surname shared by two people: the first
        if forms:  # one pass over the text for every name (bounded work)
            pat = re.compile(r"\b(?:" + _alt(forms) + r")\b")
            for m in pat.finditer(self.f):
                if len(extra) > 5000:
                    break
                if not taken.contains(m.start()):
                    sp = forms[m.group(0)]
                    extra.append((m.start(), m.end(), Spk(sp.name, None, m.group(0), m.start(), m.end(), "person")))
        if extra:
            self.mentions = sorted(self.mentions + extra, key=lambda m: (m[0], -m[1]))
            self.mention_starts = [m[0] for m in self.mentions]

    def _name_after(self, pos: int) -> str:
        """A person's name right after a title word, or ''."""
        win = self.f[pos:pos + 8]
        if not win or not _CJK.match(win[0]):
            return ""
        if win[0] in L.SURNAMES:
            # a three-character name whose given name uses a character that may also begin a
            # verb (李承翰, 王建民): accepted when a clear boundary follows it
            if len(win) >= 3 and all(_CJK.match(ch) and ch not in _NAME_HARD_STOP for ch in win[1:3]) and (
                    len(win) == 3 or not _CJK.match(win[3]) or win[3] in _NAME_HARD_STOP):
                return win[:3]
            n = 1
            while n < 3 and n < len(win) and _CJK.match(win[n]) and win[n] not in L.NAME_STOP:
                n += 1
            if n >= 2 and (n == len(win) or not _CJK.match(win[n]) or win[n] in L.NAME_STOP or n == 3):
                return win[:n]
            return ""
        n = 0
        while n < len(win) and win[n] in L.TRANSLIT_CHARS:
            n += 1
        if n >= 2 and (n == len(win) or win[n] in L.NAME_STOP or not _CJK.match(win[n])):
            return win[:n]
        return ""

    def _spk_from(self, entry: SpeakerEntry | None, mention: str, s: int | None, e: int | None) -> Spk:
        if entry is None:
            return Spk(mention, None, mention, s, e, "person")
        return Spk(entry.name, entry.key, mention, s, e, entry.kind)

    def mentions_in(self, s: int, e: int):
        i = bisect.bisect_left(self.mention_starts, s)
        out = []
        while i < len(self.mentions) and self.mentions[i][0] < e:
            if self.mentions[i][1] <= e:
                out.append(self.mentions[i])
            i += 1
        return out

    # --- Chinese cues ----------------------------------------------------------------------
    def _zh_cues(self) -> list[Cue]:
        out = []
        f = self.f
        for m in ZH_CUE_RE.finditer(f):
            s, e = m.span()
            verb = m.group(0)
            if not _CJK.search(f[max(0, s - 8): e + 8]):
                continue
            if self.in_quote.contains(s):
                continue
            p = self.para_of(s)
            if self.headline[p]:
                continue
            after = f[e: e + 4]
            before = f[max(0, s - 4): s]
            if verb in ("说", "称", "指", "问") or len(verb) == 1:
                if after.startswith(_NOT_AFTER) or before.endswith(_NOT_BEFORE):
                    continue
            if verb == "指" and not (before.endswith(("并", "也", "还", "另", "则", "更", "又", ",", "斥", "驳"))
                                    or after[:1] in ",:,:「“"):
                continue
            if verb in ("声明", "报导", "报道") and re.match(_SAY_HEAD, after):
                continue  # 声明指出, 报道称: a noun, the next verb is the cue
            if verb == "话" and (not self._cantonese() or before[-1:] in _HUA_NOT_BEFORE or after[:1] in "题语筒剧费说音别术柄匣"
                                or not (after[:1] in ",:,:「“" or _CJK.match(after[:1] or "a"))):
                continue  # Cantonese 佢话 / 陈小姐话：「…」 only; not 说话, 电话, 话题
            if verb == "显示" and not (re.search(r"发布(?:的)?(?:[^,。]{0,6})?数据$", f[max(0, s - 14):s])
                                     and after[:1] not in "出器屏"):
                continue  # only a data release: 国家统计局…发布数据显示
            if verb == "声明" and (s == self.pstarts[p] or f[s - 1] in _CLAUSE_CHARS or f[s - 1] in " \t"):
                continue  # 声明最后呼吁…: the statement is the subject, not the verb
            if verb == "称" and after[:1] in "为作之号霸职赞":
                continue
            if verb == "问" and after.startswith(("题", "责", "世", "候", "卷", "鼎", "津")):
                continue
            if verb in ("说", "称") and before.endswith(("来", "而", "的", "者")):
                continue
            if len(verb) >= 2 and before.endswith(("的", "之", "所谓")) and verb not in STANCE_VERBS:
                continue  # 国民党的主张, 他的表态: a noun, not a verb
            if verb in ("报导", "报道") and (after[:1] in ")]】" or re.search(r"记者|综合|/|编译", f[max(0, s - 12):s])):
                continue  # a byline: (记者王明/台北报导)
            if verb in WEAK and after[:1] not in ",:,:「“" and verb not in ("认为",):
                kind_weak = True
            else:
                kind_weak = False
            if verb in ("表示",) and after.startswith(("感谢", "遗憾", "欢迎", "关切", "哀悼", "慰问", "祝贺")):
                kind = "act"
            elif verb in ASK:
                kind = "ask"
            elif verb in STANCE_VERBS:
                kind = "support" if verb in SUPPORT else "oppose"
                if verb in ("证实", "否认") + L.ZH_SAY_OPPOSE:
                    # these are also reporting verbs when content follows
                    if after[:1] in ",:,:「“" or verb in ("证实", "否认", "暗批", "炮轰"):
                        kind = "say+" + kind
            else:
                kind = "say"
            c = Cue(s, e, verb, p, kind)
            c.weak = kind_weak
            out.append(c)
        return out

    def _cantonese(self) -> bool:
        r = getattr(self, "_yue", None)
        if r is None:
            r = self._yue = len(re.findall(r"[佢嘅唔咗啲冇喺睇噉咁哋嚟]", self.f[:20000])) >= 3
        return r

    # --- English cues ----------------------------------------------------------------------
    def _en_cues(self) -> list[Cue]:
        out = []
        f = self.f
        for m in _EN_SAY_RE.finditer(f):
            s, e = m.span()
            if self.in_quote.contains(s):
                continue
            p = self.para_of(s)
            verb = m.group(1)
            if re.search(r"\b(?:to|not|would|could|will|should|might|may|can|did|does|do)\s+$", f[max(0, s - 8):s]) \
                    and verb in ("say", "claim", "claims"):
                continue
            kind = "ask" if verb in L.EN_ASK else "say"
            if verb in L.EN_SUPPORT and verb not in ("confirmed", "agreed"):
                kind = "support"
            if verb in L.EN_OPPOSE and verb not in ("denied",):
                kind = "oppose"
            out.append(Cue(s, e, verb, p, kind, lang="en"))
        for m in _EN_ACCORDING.finditer(f):
            s, e = m.span()
            if self.in_quote.contains(s):
                continue
            out.append(Cue(s, e, "according to", self.para_of(s), "say", lang="en"))
        return out

    # --- subject resolution (Chinese) ------------------------------------------------------
    def _clause_start(self, pos: int) -> int:
        memo = self._cs_memo
        r = memo.get(pos)
        if r is None:
            r = memo[pos] = self._clause_start_uncached(pos)
        return r

    def _clause_start_uncached(self, pos: int) -> int:
        p = self.para_of(pos)
        lo = max(self.pstarts[p], pos - 60)
        i = pos
        while i > lo:
            ch = self.f[i - 1]
            if ch in _CLAUSE_CHARS:
                break
            if ch in "」』”\"":
                q = self._quote_ending_at(i - 1)
                if q is None or not self._is_term(q):
                    break
                i = q.open
                continue
            i -= 1
        return i

    def _quote_ending_at(self, pos: int) -> Quote | None:
        k = bisect.bisect_right(self.qstarts, pos) - 1
        while k >= 0 and k >= len(self.qstarts) - 10_000:
            q = self.top_quotes[k]
            if q.end == pos:
                return q
            if q.end < pos - 5000:
                break
            k -= 1
            if k < bisect.bisect_right(self.qstarts, pos) - 6:
                break
        return None

    def _sentence_quote(self, q: Quote) -> bool:
        """…,「中选会没有裁量空间」。: a quoted clause closing a sentence after a comma, not a term."""
        body = self.f[q.start:q.end]
        return q.closed and q.open > 0 and self.f[q.open - 1] in ",:" and len(body) >= 6 and _CJK.search(body) is not None \
            and self.f[q.end + 1: q.end + 2] in ("。", "!", "?", ";", "\n", "") and not re.search(r"[((]", body)

    def _is_term(self, q: Quote) -> bool:
        """A quoted name or term (「一中政策」): short, no sentence punctuation."""
        body = self.f[q.start:q.end].strip()
        if not body:
            return True
        if len(body) > 12 and _CJK.search(body):
            return False
        if _CJK.search(body) is None:
            return len(body.split()) <= 3 and not re.search(r"[.!?,;]", body)
        return not re.search(r"[。!?,;,]", body)

    def _resolve_zh(self, cue: Cue, prev: Stmt | None, last_subject: Spk | None) -> None:
        cs = self._clause_start(cue.start)
        cue.clause_start = cs
        seg = self.f[cs:cue.start]
        lead = len(seg) - len(seg.lstrip())
        seg_s = cs + lead
        seg = seg.strip()
        for w in L.ZH_NO_SPEAKER:
            if w in seg:
                cue.no_speaker = True
                return
        # relay: X引述Y表示 / 据X报导
        via: list[str] = []
        m = re.search(r"引述|援引|引用|转引", seg)
        if m:
            relay = seg[: m.start()]
            via_name = self._outlet_name(relay)
            if via_name:
                via.append(via_name)
            seg_s += m.end()
            seg = seg[m.end():]
        m = _DATELINE_RE.match(seg)
        if m:
            seg_s += m.end()
            seg = seg[m.end():]
        # connectives at the start
        m = _CONNECTIVES.match(seg)
        if m and m.end():
            seg_s += m.end()
            seg = seg[m.end():]
        if seg.startswith(("据", "根据")):
            k = 2 if seg.startswith("根据") else 1
            seg_s += k
            seg = seg[k:]
        cue.via = via + [x for x in cue.relay if x not in via]
        if cue.verb in ("报导", "报道") and not seg:
            return
        # leading time adverbials (会后, 当地时间2月12日中午, 今(20)日) and 有 (有议员批评)
        while True:
            m = _LEAD_ADV.match(seg)
            if not m or not m.end():
                break
            seg_s += m.end()
            seg = seg[m.end():]
        # two cues in a row (驳斥指, 回应说, 补充说): the second takes the first one's subject
        prev_cue = self._cue_ending_at(cue.start)
        if prev_cue is not None and prev_cue.speaker is not None:
            cue.speaker = prev_cue.speaker
            cue.via = prev_cue.via
            cue.implicit = prev_cue.implicit
            return
        # subject noun phrase: up to the first marker (time, place, adverb)
        np_end = self._np_end(seg_s, seg)
        np = seg[:np_end]
        np_s = seg_s
        # chain: the clause starts with an adverb (并强调, 也指出, 不断强调) or is empty
        if not np.strip():
            rest = seg[np_end:]
            if prev is not None or last_subject is not None:
                cue.implicit = True
                cue.speaker = last_subject or (prev.speaker if prev else None)
            if rest and _PRONOUN_RE.match(rest):
                pass
            return
        if np.strip() in _DOC_NOUNS:
            # 声明指出 / 新闻稿说: the document speaks for whoever issued it
            issuer = last_subject or (prev.speaker if prev else None)
            if issuer is None:
                for ms, _me, sp in reversed(self.mentions_in(max(self.pstarts[cue.para], np_s - _BACK), np_s)):
                    if sp.kind != "person" and not self.in_quote.contains(ms):
                        issuer = sp
                        break
            if issuer is None:
                # the issuer named in an earlier paragraph: 国民党今日发布声明 … (new paragraph) 声明并批评
                issued = re.compile(r"[^,。;\n]{0,12}?(?:发布|发表|发出)(?:书面|联合)?" + (
                    "新闻稿" if "新闻稿" in np else "公告" if "公告" in np else "声明"))
                cands = [(c.speaker.mstart, c.speaker.mend, c.speaker) for c in self._cues_before(self.pstarts[cue.para])
                         if c.speaker is not None and c.speaker.mend and c.start > np_s - _BACK]
                cands += self.mentions_in(max(0, np_s - _BACK), self.pstarts[cue.para])
                for ms, me, sp in sorted(cands, key=lambda m: -m[0]):
                    if sp.kind != "person" and not self.in_quote.contains(ms) and issued.match(self.f, me, me + 30):
                        issuer = sp
                        break
            if issuer is not None and issuer.kind != "person":
                cue.implicit = True
                cue.speaker = Spk(issuer.name, issuer.key, self.text[np_s:np_s + len(np.strip())], np_s,
                                  np_s + len(np.strip()), issuer.kind)
            return
        spk = self._np_speaker(np, np_s, cue, prev, last_subject)
        am = re.fullmatch(r"(.{2,12}?)[\u4e00-\u9fff]{1,3}地\s*", np) if spk is None else None
        if am:  # an adverb before the verb: 店家无奈地说
            spk = self._np_speaker(am.group(1), np_s, cue, prev, last_subject)
        # platform / outlet between subject and verb: 在社交媒体X上, 向《卫报》表示
        mid = self.f[np_s + len(np): cue.start]
        npx = np.strip()
        if spk is None and _ISSUED_RE.match(mid) and 2 <= len(npx) <= 10 and re.fullmatch(r"[\u4e00-\u9fff]+", npx) \
                and not _PRONOUN_RE.match(npx) and not any(ch in "这那此其该" for ch in npx[:1]):
            # whoever issues a statement is a speaker (an organisation the registry does not know)
            spk = Spk(self.text[np_s:np_s + len(npx)], None, self.text[np_s:np_s + len(npx)], np_s,
                      np_s + len(npx), "organisation")
        cue.speaker = spk
        v = self._venue(mid, np)
        if v:
            cue.via = cue.via + [x for x in v if x not in cue.via]

    def _cues_before(self, pos: int, limit: int = 50):
        """Cues starting before pos, nearest first (at most ``limit``: bounded work)."""
        k = bisect.bisect_left(self.cue_starts, pos) - 1
        stop = max(-1, k - limit)
        while k > stop:
            yield self.cues[k]
            k -= 1

    def _cue_starting_at(self, pos: int) -> Cue | None:
        k = bisect.bisect_left(self.cue_starts, pos)
        if k < len(self.cues) and self.cues[k].start == pos:
            return self.cues[k]
        return None

    def _cue_ending_at(self, pos: int) -> Cue | None:
        k = bisect.bisect_left(self.cue_starts, pos) - 1
        if k >= 0 and self.cues[k].end == pos:
            return self.cues[k]
        return None

    def _np_end(self, seg_s: int, seg: str) -> int:
        """End of the subject noun phrase in seg (first marker outside masked words)."""
        masked = list(seg)
        for m in _MASK_RE.finditer(seg):
            for i in range(m.start(), m.end()):
                masked[i] = "X"
        for s, e, _ in self.mentions_in(seg_s, seg_s + len(seg)):
            for i in range(s - seg_s, e - seg_s):
                if 0 <= i < len(masked):
                    masked[i] = "X"
        # quoted terms and parentheses belong to the noun phrase
        mstr = "".join(masked)
        pos = 0
        while True:
            m = _SUBJ_END.search(mstr, pos)
            if not m:
                return len(seg)
            if m.group(0) == "(":
                close = mstr.find(")", m.end())
                if close < 0:
                    return m.start()
                pos = close + 1
                continue
            if m.start() == 0 and m.group(0) in ("在", "于", "对", "向", "跟", "和", "与", "同"):
                return 0
            if m.group(0) in ("和", "与", "及") and "、" in mstr[: m.start()]:
                pos = m.end()  # a list of speakers: 英国、法国和德国
                continue
            return m.start()

    def _np_speaker(self, np: str, np_s: int, cue: Cue, prev: Stmt | None, last_subject: Spk | None) -> Spk | None:
        np_stripped = np.rstrip()
        # possessive venue: 川普Truth Social的长文 -> 川普 (+ via)
        k = np_stripped.find("的")
        if k > 0:
            tail = np_stripped[k + 1:]
            if any(tail.endswith(w) for w in L.ZH_VENUE_NOUNS + ("声明", "报告", "信", "文章", "讲话", "谈话")):
                v = self._venue(np_stripped[:k], "")
                if v:
                    cue.via = cue.via + v
                np_stripped = np_stripped[:k]
        # pronouns
        pm = _PRONOUN_RE.fullmatch(np_stripped) or _PRONOUN_RE.match(np_stripped)
        if pm and pm.end() == len(np_stripped):
            return self._anaphor(pm.group(0), np_s, np_s + pm.end(), prev, last_subject)
        # coordination: 英国、法国和德国
        parts = re.split(r"[、]|(?<=.)[和与及](?=.)", np_stripped)
        if len(parts) >= 2 and all(1 <= len(p) <= 8 for p in parts):
            names = []
            for p in parts:
                e = self.gaz.lookup(p)
                names.append(e.name if e else p)
            if sum(1 for p in parts if self.gaz.lookup(p)) >= 2 or all(len(p) <= 4 for p in parts):
                mention = self.text[np_s: np_s + len(np_stripped)]
                return Spk(mention, None, mention, np_s, np_s + len(np_stripped), "group",
                           aliases=tuple(names))
        # gazetteer mentions inside the NP: the last one is the head (美国总统川普 -> 川普)
        ms = [m for m in self.mentions_in(np_s, np_s + len(np_stripped)) if not self._is_platform(self.low[m[0]:m[1]])]
        on = self._outlet_name(np_stripped)
        if on and cue.verb in ("报导", "报道") and (not ms or ms[-1][2].kind != "media"):
            mention = self.text[np_s: np_s + len(np_stripped)]
            return Spk(on, None, mention, np_s, np_s + len(np_stripped), "media")
        if ms and np_s + len(np_stripped) - ms[-1][1] >= 2 and np_stripped.endswith(_CORP_END) \
                and _CJK.search(np_stripped[-1]):
            mention = self.text[np_s: np_s + len(np_stripped)]
            e = self.gaz.lookup(np_stripped)
            if e:
                return Spk(e.name, e.key, mention, np_s, np_s + len(np_stripped), e.kind)
            return Spk(mention, None, mention, np_s, np_s + len(np_stripped), "organisation")
        # An institution that only qualifies a title before a name is not the speaker:
        # 行政院长苏某某 is the premier 苏某某, not the Executive Yuan (院 + 长 + name).
        if ms:
            last_title = None
            for m in _TITLE_RE.finditer(np_stripped):
                last_title = m
            if last_title is not None and np_s + last_title.end() > ms[-1][1] - 0 and \
                    np_s + last_title.start() >= ms[-1][0]:
                rest = np_stripped[last_title.end():].split("(")[0]
                if 2 <= len(rest) <= 8 and _NAME_CHARS.fullmatch(rest) and "的" not in rest:
                    ms = []
        if ms:
            s, e, spk = ms[-1]
            # mention with its title: 克宫发言人佩斯科夫
            mention = self.text[np_s: np_s + len(np_stripped)]
            if len(mention) > 24:
                mention = self.text[s:e]
            # an institution suffix after the mention (莫斯科方面)
            return Spk(spk.name, spk.key, mention, np_s, np_s + len(np_stripped), spk.kind)
        # outlet / platform as speaker (BBC报导)
        on = self._outlet_name(np_stripped)
        if on and cue.verb in ("报导", "报道", "指出", "表示", "称", "引述", "援引"):
            mention = self.text[np_s: np_s + len(np_stripped)]
            return Spk(on, None, mention, np_s, np_s + len(np_stripped), "media")
        # title + name (美国白宫发言人李威特)
        tm = None
        for m in _TITLE_RE.finditer(np_stripped):
            tm = m
        if tm is not None:
            name = np_stripped[tm.end():]
            name = name.split("(")[0]
            title = np_stripped[: tm.end()]
            if 2 <= len(name) <= 8 and _NAME_CHARS.fullmatch(name) and "的" not in name:
                ns = np_s + tm.end()
                mention = self.text[ns: ns + len(name)]
                spk = Spk(mention, None, mention, ns, ns + len(name), "person", title=self.text[np_s: np_s + len(title)])
                self._learn(spk, np_s + len(np_stripped))
                e = self.gaz.lookup(name)
                if e:
                    return Spk(e.name, e.key, mention, ns, ns + len(name), e.kind)
                return spk
            if not name and len(np_stripped) <= 14:
                # a role as speaker: 白宫发言人, 外交部发言人
                e = self.gaz.lookup(np_stripped)
                mention = self.text[np_s: np_s + len(np_stripped)]
                if e:
                    return Spk(e.name, e.key, mention, np_s, np_s + len(np_stripped), e.kind)
                return Spk(mention, None, mention, np_s, np_s + len(np_stripped), "person")
        # a name learned earlier in this article (李威特)
        key = normalize_alias(np_stripped)
        if key in self.learned:
            sp = self.learned[key]
            mention = self.text[np_s: np_s + len(np_stripped)]
            return Spk(sp.name, sp.key, mention, np_s, np_s + len(np_stripped), sp.kind)
        e = self.gaz.lookup(np_stripped)
        if e:
            mention = self.text[np_s: np_s + len(np_stripped)]
            return Spk(e.name, e.key, mention, np_s, np_s + len(np_stripped), e.kind)
        # institutions and groups without a registry entry (外交部, 分析人士)
        if (2 <= len(np_stripped) <= 12 or len(np_stripped) <= 22 and re.match(r"(?:一|两|多|数|几)[名位个]|有", np_stripped)) \
                and np_stripped.endswith(L.ZH_INSTITUTION_END) and _CJK.search(np_stripped):
            mention = self.text[np_s: np_s + len(np_stripped)]
            kind = "person" if np_stripped.endswith(_ANON_PEOPLE) else "organisation"
            return Spk(mention, None, mention, np_s, np_s + len(np_stripped), kind)
        # a Latin-script company or group name before a strong verb (Uber表示, OpenAI指出)
        if re.fullmatch(r"[A-Z][A-Za-z0-9&.\-]{1,19}", np_stripped) and cue.verb in (
                "表示", "指出", "强调", "称", "声称", "宣布", "回应", "发布声明", "声明") and \
                np_stripped.lower() not in _EN_STOP_CAPS:
            mention = self.text[np_s: np_s + len(np_stripped)]
            return Spk(mention, None, mention, np_s, np_s + len(np_stripped), "organisation")
        # a bare name-like subject: 2-4 CJK characters at a sentence start before a strong verb
        if 2 <= len(np_stripped) <= 4 and _CJK.fullmatch(np_stripped[0]) and cue.verb in (
            "表示", "指出", "强调", "说", "称", "透露", "坦言", "直言", "认为", "警告", "回应", "声称", "发文", "写道",
            "发帖"
        ) and re.fullmatch(r"[\u4e00-\u9fff]+", np_stripped) and self._looks_like_name(np_stripped):
            mention = self.text[np_s: np_s + len(np_stripped)]
            return Spk(mention, None, mention, np_s, np_s + len(np_stripped), "person")
        return None

    def _looks_like_name(self, s: str) -> bool:
        if any(ch in _NAME_HARD_STOP or ch in "他她我你们其此该这那" for ch in s):
            return False
        return s[0] in _SURNAMES or len(s) >= 3

    def _learn(self, spk: Spk, end: int) -> None:
        """Remember an unknown title+name speaker, with an alias in parentheses after it."""
        alias = ""
        tail = self.text[end: end + 60]
        m = re.match(r"\s*[((]([A-Za-z][A-Za-z .'\-·]{1,50})[))]", tail)
        if m:
            alias = m.group(1).strip()
        key = normalize_alias(spk.mention)
        self.learned.setdefault(key, spk)
        if spk.key is None and self.gaz.lookup(spk.mention) is None:
            title = spk.title.strip()
            old = self.new_speakers.get(key)
            aliases = tuple(a for a in (alias,) if a)
            if old is None:
                self.new_speakers[key] = ProposedSpeaker(spk.mention, aliases, title, "person")
            elif alias and alias not in old.aliases:
                self.new_speakers[key] = ProposedSpeaker(old.name, old.aliases + (alias,), old.title or title, old.kind)

    def _anaphor(self, word: str, s: int, e: int, prev: Stmt | None, last_subject: Spk | None) -> Spk | None:
        kind = L.ZH_PRONOUNS.get(word, "he")
        mention = self.text[s:e]
        if kind in ("latter", "former"):
            ms = [m for m in self.mentions_in(max(0, s - 300), s) if not self.in_quote.contains(m[0])]
            people = []
            for m in reversed(ms):
                if not people or people[-1].name != m[2].name:
                    people.append(m[2])
            idx = 0 if kind == "latter" else 1
            if len(people) > idx:
                sp = people[idx]
                return Spk(sp.name, sp.key, mention, s, e, sp.kind)
            return None
        if kind in ("he", "she", "official"):
            cand = None
            p = self.para_of(s)
            for m in reversed(self.mentions_in(max(self.pstarts[p], s - _BACK), s)):
                if m[2].kind == "person" and not self.in_quote.contains(m[0]) and not self._is_object(m[0], m[1]) \
                        and not self._after_cue_in_sentence(m[0]) and self._gender_ok(word, m[2]):
                    cand = m[2]
                    break
            if cand is not None:
                pass
            elif prev is not None and prev.speaker.kind == "person" and s - prev.end < 600 and \
                    self._gender_ok(word, prev.speaker):
                cand = prev.speaker
            elif last_subject is not None and last_subject.kind == "person" and self._gender_ok(word, last_subject):
                cand = last_subject
            else:
                for m in reversed(self.mentions_in(max(0, s - 400), s)):
                    if m[2].kind == "person" and not self.in_quote.contains(m[0]):
                        cand = m[2]
                        break
            if cand is None:
                return None
            return Spk(cand.name, cand.key, mention, s, e, cand.kind)
        if kind in ("they", "org", "other"):
            cand = prev.speaker if prev is not None and s - prev.end < 600 else last_subject
            if cand is None:
                return None
            return Spk(cand.name, cand.key, mention, s, e, cand.kind)
        return None

    # --- venue / outlets ---------------------------------------------------------------------
    def _is_platform(self, low: str) -> bool:
        return low.strip() in L.PLATFORMS

    def _venue_name(self, low: str) -> str | None:
        low = low.strip().strip('《》「」"“”')
        if low in L.PLATFORMS:
            e = self.gaz.exact(low)
            return e.name if e and e.kind in ("media", "organisation") else L.PLATFORMS[low]
        return None

    def _outlet_name(self, s: str) -> str | None:
        """English name of an outlet written in s (英国BBC, 《卫报》, 路透社)."""
        low = lower_form(s).strip()
        m = re.search(r"《([^》]{1,20})》", low)
        cands = [m.group(1)] if m else []
        cands.append(low.strip("《》 "))
        for c in cands:
            e = self.gaz.lookup(c)
            if e and e.kind == "media":
                return e.name
            if c in L.OUTLETS:
                return L.OUTLETS[c]
            # 英国BBC: strip a country prefix
            m2 = _OUTLET_END.search(c)
            if m2 and m2.start() <= 4:
                return L.OUTLETS[m2.group(0)]
        if m:
            return self.text_of_outlet(m.group(1))
        return None

    def text_of_outlet(self, name: str) -> str:
        return name

    def _venue(self, mid: str, np: str) -> list[str]:
        """Platforms and outlets named between the subject and the verb."""
        out = []
        low = lower_form(mid)
        for m in re.finditer(r"《([^》]{1,20})》", low):
            name = self._outlet_name(m.group(0))
            if name:
                out.append(name)
        # 在社交媒体「真相社会」(truth social)上 / 在x上 / 在社交媒体x表示
        for m in re.finditer(r"[((]([a-z][a-z .]{0,20})[))]", low):
            v = self._venue_name(m.group(1))
            if v:
                out.append(v)
                return out
        for m in re.finditer(r"「([^」]{1,12})」", low):
            v = self._venue_name(m.group(1))
            if v:
                out.append(v)
                return out
        m = _PLATFORM_RE.search(low)
        if m:
            name = m.group(1) or m.group(2)
            out.append(self._venue_name(name) or L.PLATFORMS[name])
        return out

    # --- English subject resolution --------------------------------------------------------
    def _resolve_en(self, cue: Cue, prev: Stmt | None) -> None:
        f = self.f
        if cue.verb == "according to":
            m = re.match(r"\s+((?:the\s+)?[^,.;\n]{1,80}?)(?=,|\.|;|\n|$)", f[cue.end: cue.end + 120])
            if m:
                s = cue.end + m.start(1)
                cue.speaker = self._en_np(m.group(1), s, prev)
            return
        # "adding that" / "saying that": the subject of the verb before it in the sentence
        ss, _ = self._en_sentence(cue.start)
        if cue.verb in ("adding", "saying"):
            for c in self._cues_before(cue.start):
                if c.para != cue.para:
                    break
                if c.lang == "en" and c.speaker is not None:
                    cue.speaker = c.speaker
                    cue.implicit = True
                    return
            return
        # "X said": the subject at the start of the clause (after a closing quote or "But")
        cs = ss
        k = max(f.rfind('"', ss, cue.start), f.rfind("”", ss, cue.start))
        if k >= 0:
            cs = k + 1
        left = f[cs: cue.start]
        m = re.match(r"[\s,]*(?:(?:but|and|however|meanwhile|separately|also|yet|still)\b[\s,]*)?", left, re.I)
        base = cs + (m.end() if m else 0)
        left = f[base: cue.start]
        # trailing adverbs and "on Friday" / "in a statement" between subject and verb
        lm = re.match(r"^(.*?)(?:\s+(?:also|later|then|had|has|have|previously|earlier|separately|again|further|"
                      r"once|recently|repeatedly|publicly|privately|flatly|quickly|immediately))*\s*$", left, re.S)
        subj = lm.group(1) if lm else left
        pm = re.search(r"\b(he|she|they)\s*$", subj, re.I)
        if pm:
            cue.speaker = self._en_pronoun(pm.group(1), base + pm.start(1), cue, prev)
            return
        # comma-separated pieces from the verb backwards: "…, Mining Minister Camila Rojas said";
        # "Andes Lithium Corp, the country's second-largest producer, said"
        pieces = [(m.start(), m.end()) for m in re.finditer(r"[^,]+", subj)]
        for ps_, pe_ in reversed(pieces[-4:]):
            piece = subj[ps_:pe_]
            lead = re.match(r"\s*(?:(?:and|but|while|as|who|which)\s+)?", piece)
            off = lead.end() if lead else 0
            sp = self._en_subject(piece[off:].rstrip(), base + ps_ + off, prev)
            if sp is not None:
                cue.speaker = sp
                # post-posed after a clause: "…, Mining Minister Camila Rojas said on Tuesday."
                before = f[ss: base + ps_].strip()
                if before and before[-1] == "," and before[0] not in '"“' and len(pieces) >= 2 and \
                        not _EN_LEAD_PHRASE.match(before) and (ps_, pe_) == pieces[-1] and \
                        not re.match(r"\s*(?:and|but)\s", piece) and \
                        not re.match(r"[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*)*\s*,", f[ss: base + ps_]):
                    cue.clause_start = -1
                    cue.post_start = ss
                    cue.post_end = base + ps_
                return
        # "said X" (post-posed): ', said Dmitry Peskov, the Kremlin spokesman.'
        m = re.match(r"\s+((?:[A-Z][\w'’.\-]*\s*){1,4}|he|she|they)", f[cue.end: cue.end + 80])
        if m and f[cue.start - 2: cue.start].strip() in (",", "", '"', "”"):
            s = cue.end + m.start(1)
            sp = self._en_np(m.group(1).strip(), s, prev)
            if sp is not None:
                cue.speaker = sp
                cue.clause_start = -1  # post-posed marker
                return

    def _en_subject(self, subj: str, base: int, prev: Stmt | None) -> Spk | None:
        """The speaker in a clause-initial English subject (names, 'a spokesman', known aliases)."""
        if not subj.strip() or len(subj) > 160:
            return None
        nm = _EN_NOUNISH.match(subj)
        if nm and len(subj) - nm.end() <= 1:
            head = subj[: nm.end()]
            if re.match(r"(?:a|an|one|two|three|several|some|another)\s", head, re.I) and re.search(
                    r"(?:official|officials|source|sources|diplomat|diplomats|adviser|aide|aides|advocate general|"
                    r"judge|negotiators?|executives?|insiders?|envoys?|spokes\w+)$", head, re.I):
                # an anonymous person ("a senior EU official"), not the institution named inside
                return Spk(head, None, head, base, base + nm.end(), "group")
            if re.fullmatch(r"(?:the|this|that)\s+(?:\w+\s+)?statement", head, re.I):
                sp = self._doc_issuer(base, prev)
                if sp is not None:
                    return Spk(sp.name, sp.key, head, base, base + nm.end(), sp.kind)
            ms = self.mentions_in(base, base + nm.end())
            if ms:
                sp = ms[-1][2]
                return Spk(sp.name, sp.key, subj[: nm.end()], base, base + nm.end(), sp.kind)
            return self._en_np(subj[: nm.end()], base, prev)
        # capitalised runs; the first that is a name (2+ words, known, or learned)
        for m in re.finditer(r"(?:[A-Z][\w'’.\-]*)(?:\s+(?:de\s+|van\s+|von\s+)?[A-Z][\w'’.\-]*)*", subj):
            words = m.group(0).split()
            run_s = base + m.start()
            if len(words) >= 2 or self.mentions_in(run_s, run_s + len(m.group(0))) or \
                    normalize_alias(m.group(0)) in self._en_learned_last():
                # the run must reach the verb or be followed by an apposition / "of ..." phrase
                tail = subj[m.end():]
                if tail.strip() and not re.match(r"\s*(?:,|of\b|at\b|from\b|for\b|in\b)", tail):
                    continue
                sp = self._en_np(m.group(0), run_s, prev)
                if sp is not None:
                    return sp
        return None

    def _doc_issuer(self, pos: int, prev: Stmt | None) -> Spk | None:
        """'The statement said': who issued it, named in the sentence(s) just before (same or previous paragraph)."""
        p = self.para_of(pos)
        lo = self.pstarts[max(0, p - 1)]
        lo = max(lo, pos - 500)
        for m in reversed(self.mentions_in(lo, pos)):
            if not self.in_quote.contains(m[0]) and not self._is_platform(self.low[m[0]:m[1]]):
                return m[2]
        seg = self.f[lo:pos]
        for m in reversed(list(re.finditer(r"(?:[A-Z][\w'’.\-]*)(?:\s+(?:of\s+|for\s+|the\s+|and\s+)?[A-Z][\w'’.\-]*)+"
                                           r"(?=\s+(?:issued|released|published|put out|said)\b)", seg))):
            sp = self._en_np(m.group(0), lo + m.start(), prev)
            if sp is not None:
                return sp
        if prev is not None and pos - prev.end < 400:
            return prev.speaker
        return None

    def _en_pronoun(self, word: str, s: int, cue: Cue, prev: Stmt | None) -> Spk | None:
        """he/she/they: the subject of the last English cue in this paragraph, else the last speaker."""
        for c in self._cues_before(cue.start):
            if c.para != cue.para or c.lang != "en":
                break
            if c.speaker is not None and (c.speaker.kind in ("person", "group") and self._gender_ok(
                    word.lower(), c.speaker) or word.lower() == "they"):
                return Spk(c.speaker.name, c.speaker.key, word, s, s + len(word), c.speaker.kind)
        return self._en_np(word, s, prev)

    def _en_learned_last(self) -> dict:
        out = {}
        for sp in self.learned.values():
            parts = sp.name.split()
            if len(parts) >= 2:
                out[normalize_alias(parts[-1])] = sp
        return out

    def _en_np(self, np: str, s: int, prev: Stmt | None) -> Spk | None:
        np = np.strip().rstrip(",")
        if not np:
            return None
        low = np.lower()
        if low in ("he", "she", "they", "it"):
            cand = None
            person = low in ("he", "she")
            if prev is not None and s - prev.end < 800 and (not person or (
                    prev.speaker.kind == "person" and self._gender_ok(low, prev.speaker))):
                cand = prev.speaker
            else:
                for m in reversed(self.mentions_in(max(0, s - 500), s)):
                    if not person or (m[2].kind == "person" and self._gender_ok(low, m[2])):
                        cand = m[2]
                        break
            if cand is None:
                return None
            return Spk(cand.name, cand.key, np, s, s + len(np), cand.kind)
        if low in ("i", "we", "you", "there", "this", "that", "which", "who", "it"):
            return None
        ms = [m for m in self.mentions_in(s, s + len(np)) if not self._is_platform(self.low[m[0]:m[1]])]
        if ms:
            sp = ms[-1][2]
            return Spk(sp.name, sp.key, np, s, s + len(np), sp.kind)
        on = self._outlet_name(np)
        if on:
            return Spk(on, None, np, s, s + len(np), "media")
        if _EN_NOUNISH.fullmatch(np):
            return Spk(np, None, np, s, s + len(np), "group")
        words = np.split()
        caps = [w for w in words if w[:1].isupper()]
        if caps and words[-1][:1].isupper() and len(words) <= 7:
            # strip leading titles: "Kremlin spokesman Dmitry Peskov" -> "Dmitry Peskov"
            name_words = []
            for w in reversed(words):
                if w[:1].isupper() and w not in L.EN_TITLE_WORDS and w.lower() not in _EN_TITLE_LOWER \
                        and w.lower() not in ("the", "a", "an"):
                    name_words.append(w)
                else:
                    break
            name = " ".join(reversed(name_words)) or np
            if name.lower() in _EN_STOP_CAPS:
                return None
            e = self.gaz.lookup(name)
            if e:
                return Spk(e.name, e.key, np, s, s + len(np), e.kind)
            # a single capitalised word is a name only when seen before in full
            if len(name_words) == 1:
                sp = self._en_learned_last().get(normalize_alias(name))
                if sp is not None:
                    return Spk(sp.name, sp.key, np, s, s + len(np), sp.kind)
                if len(words) == 1:
                    return None
            sp = Spk(name, None, np, s, s + len(np), "person")
            if len(name_words) >= 2:
                self.learned.setdefault(normalize_alias(name), sp)
                title = " ".join(words[: len(words) - len(name_words)])
                if title:
                    key = normalize_alias(name)
                    self.new_speakers.setdefault(key, ProposedSpeaker(name, (), title, "person"))
            return sp
        return None

    # --- attribution -----------------------------------------------------------------------
    def _attribute(self, cues: list[Cue]) -> list[Stmt]:
        stmts: list[Stmt] = []
        used_quotes: set[int] = set()
        events = [(c.start, 1, c) for c in cues] + [(q.open, 0, q) for q in self.top_quotes]
        events.sort(key=lambda x: (x[0], x[1]))
        last_subject_by_para: dict[int, Spk] = {}
        consumed: set[int] = set()
        for _pos, typ, obj in events:
            prev = stmts[-1] if stmts else None
            if typ == 1:
                cue: Cue = obj
                if id(cue) in consumed:
                    continue
                if cue.lang == "zh":
                    if not _CJK.search(self.f[max(0, cue.start - 2): cue.end + 2]):
                        continue
                    self._resolve_zh(cue, prev if prev and prev.para == cue.para else None,
                                     last_subject_by_para.get(cue.para))
                else:
                    self._resolve_en(cue, prev if prev and prev.para >= cue.para - 1 else None)
                if cue.speaker is not None and not cue.implicit:
                    last_subject_by_para[cue.para] = cue.speaker
                if cue.speaker is None or cue.no_speaker or cue.kind in ("ask", "act"):
                    continue
                if cue.weak and not (cue.speaker.kind == "person" or cue.implicit):
                    continue
                cue.valid = True
                if cue.kind in ("support", "oppose"):
                    if cue.verb in ("批评", "质疑", "抨击", "痛批", "反批") and cue.speaker.kind == "person" and \
                            not self._modal_stance(cue) and self.f[max(0, cue.start - 1):cue.start] not in "不未":
                        # 有议员批评政府配套不足，…: a criticism with a clause is also a statement
                        st = self._content_after(cue, used_quotes)
                        if st is not None and st.end - st.start >= 6 and re.search(
                                r"[不没未无太过很只]|[,,]", self.f[st.start:st.end]):
                            stmts.append(st)
                    continue
                st = self._content_after(cue, used_quotes)
                if st is not None:
                    stmts.append(st)
            else:
                q: Quote = obj
                if q.open in used_quotes:
                    continue
                st = self._quote_statement(q, prev, cues, consumed, last_subject_by_para)
                if st is not None:
                    used_quotes.add(q.open)
                    stmts.append(st)
        return stmts

    def _content_after(self, cue: Cue, used_quotes: set[int]) -> Stmt | None:
        """The statement a cue licenses: the quote right after it, or the reported clause."""
        f = self.f
        if cue.lang == "en":
            return self._en_content(cue, used_quotes)
        i = cue.end
        pe = self.pends[cue.para]
        colon = False
        while i < pe and f[i] in " ,,::\t道":
            if f[i] in "::":
                colon = True
            i += 1
        # 表示说, / 称说
        nxt = self._cue_starting_at(i)
        if nxt is not None and nxt is not cue and nxt.lang == "zh" and nxt.kind not in ("ask",) and (
                nxt.kind.startswith("say") or nxt.kind in ("support", "oppose")) and i - cue.end <= 1:
            return None  # 回应指出, / 表示支持: the next verb carries the content (or the stance)
        if any(0 <= c.start - i <= 10 and re.fullmatch(r"[^,。;:!?]{0,8}?[时后]", f[i:c.start]) for c in self.cues[
                bisect.bisect_left(self.cue_starts, i): bisect.bisect_left(self.cue_starts, i) + 3]):
            return None  # 答询时表示, 回答相关提问时表示: the next verb carries the content
        q = self.quote_at.get(i)
        if q is not None:
            if q.open in used_quotes:
                return None
            used_quotes.add(q.open)
            return self._direct(q, cue.speaker, cue, "after-cue")
        if i >= pe:
            return None
        # content: to the end of the sentence (colon speech: to the end of the paragraph)
        if colon:
            end = pe
        else:
            _, end = self.sent_bounds(i)
        # cut at a quote that starts a direct statement, or at the next attribution clause
        k = bisect.bisect_left(self.qstarts, i)
        while k < len(self.top_quotes) and self.top_quotes[k].open < end:
            qq = self.top_quotes[k]
            if not self._is_term(qq) or (qq.open > i and self._sentence_quote(qq)):
                end = qq.open  # …,「跳票已经成了交通部的习惯」。: a quoted sentence, not a term
                break
            k += 1
        if cue.verb in ("报导", "报道", "引述", "援引") and cue.speaker.kind == "media":
            # 据《明报》报道，(有)政府消息人士透露，…: the source speaks, the outlet relays
            k2 = bisect.bisect_left(self.cue_starts, i)
            relayed = re.search(r"据|引述|援引", f[self._clause_start(cue.start):cue.start]) is not None
            for c in self.cues[k2: k2 + 3]:
                if c.start - i > 60 or c.lang != "zh" or not c.kind.startswith("say"):
                    break
                seg2 = f[i:c.start]
                if self._clause_start(c.start) > i or re.search(r"[。!?;\n]", seg2):
                    continue
                if re.fullmatch(r"(?:有)?[\u4e00-\u9fff]{2,12}", seg2) and \
                        seg2.lstrip("有").endswith(L.ZH_INSTITUTION_END + ("人士",)) or \
                        any(self._name_after(i + m.end()) or re.match(r"[\u4e00-\u9fff・·]{2,6}(?:\(|\d|在|对|接受)",
                                                                     seg2[m.end():m.end() + 10])
                            for m in _TITLE_RE.finditer(seg2[:40])):
                    # 路透社报导，美国贸易代表办公室副代表卡特勒4日对记者表示: the official speaks
                    c.relay = [cue.speaker.name] if relayed else []
                    return None
        end = self._cut_at_next_attribution(i, end, cue)
        # strip
        s, e = i, end
        while s < e and f[s] in " ,,::\t":
            s += 1
        while e > s and f[e - 1] in " ,,。.;;::!?!?\t\n、":
            e -= 1
        # a connective left before a quote: 虽然…,但「…」
        body = f[s:e]
        if re.search(r"(?:但|但是|而|并|且|却|只说|说)$", body) and self.quote_at.get(self._next_nonspace(end)):
            return None
        if len(body) < 4:
            return None
        if cue.verb == "形容" and f[e - 1:e] in "」”":
            qk = bisect.bisect_right(self.qstarts, e - 1) - 1
            qq = self.top_quotes[qk] if qk >= 0 else None
            if qq is not None and qq.end == e - 1 and qq.open > s and qq.open not in used_quotes:
                used_quotes.add(qq.open)  # 形容，政府的安排「雷声大、雨点小」: the quoted words are the claim
                return self._direct(qq, cue.speaker, cue, "after-cue")
        if _STANCE_HEAD_RE.match(body):
            return None  # 表示同意, 承诺…: a stance, and the next verb says what follows
        if any(body == w or body == "对此" + w or body.startswith(w) and len(body) <= len(w) + 3
               for w in L.ZH_SPEECH_ACTS):
            return None
        if body.endswith(L.ZH_CLAIM_NOUNS) and "," not in body and (
                len(body) <= 6 or _OF_CLAIM_NOUN_RE.fullmatch(body)):
            return None  # 证实美方说法: a reference to something said, not a claim
        return Stmt(cue.speaker, s, e, "indirect",
                    cue.verb, cue.para, list(cue.via), anchor=cue.start, conf=0.7)

    def _next_nonspace(self, pos: int) -> int:
        while pos < self.n and self.f[pos] in " ,,\t":
            pos += 1
        return pos

    def _cut_at_next_attribution(self, start: int, end: int, cue: Cue) -> int:
        """End of a reported clause: the comma before the next clause that has its own speaker."""
        k = bisect.bisect_left(self.cue_starts, start)
        for i in range(k, min(len(self.cues), k + 12)):  # bounded: the next few cues only
            c = self.cues[i]
            if c.start >= end:
                break
            if c is cue or c.lang != "zh":
                continue
            if self._modal_stance(c):
                continue  # 国民党团不会支持任何追加预算: a predicate inside the reported clause
            cs = self._clause_start(c.start)
            if cs <= start:
                continue
            subj = self._cut_memo.get(id(c))
            if subj is None:
                subj = self._cut_memo[id(c)] = self._has_own_subject(c, cs)
            if subj:
                return cs
        return end

    def _has_own_subject(self, c: Cue, cs: int) -> bool:
        """The clause of cue c names its own speaker (a pronoun, a name, a title, a chain adverb)."""
        seg = self.f[cs:c.start].strip()
        has_subject = False
        if not seg:
            # a new speech verb opening the clause (…，批评民进党政府「…」): the same speaker's next statement
            has_subject = c.verb in ("批评", "强调", "呼吁", "指出", "直言", "痛批", "抨击", "反批", "质疑", "重申",
                                     "警告", "坦言", "反呛", "驳斥", "喊话") and self.f[cs - 1: cs] == ","
        elif _CHAIN_RE.fullmatch(seg) or _CHAIN_ONLY_RE.fullmatch(seg):
            has_subject = c.verb not in ("认为",) or seg != ""
        else:
            np_end = self._np_end(cs, seg)
            np = seg[:np_end]
            if np and (_PRONOUN_RE.fullmatch(np) or self.mentions_in(cs, cs + len(np)) or
                       _TITLE_RE.search(np) or self.gaz.lookup(np) or
                       normalize_alias(np) in self.learned):
                has_subject = True
                # a content subject followed by a content verb (普京支持...) is not a cut:
                # only speech and stance verbs cut, and those are the cues.
        return has_subject and c.kind not in ("ask",)

    def _direct(self, q: Quote, spk: Spk, cue: Cue | None, how: str, via=None) -> Stmt:
        s, e = q.start, q.end
        while s < e and self.text[s] in " \t\n":
            s += 1
        while e > s and self.text[e - 1] in " \t\n":
            e -= 1
        return Stmt(spk, s, e, "direct", cue.verb if cue else how, self.para_of(q.open),
                    list(via if via is not None else (cue.via if cue else [])), anchor=cue.start if cue else q.open,
                    conf=0.9 if cue else 0.6)

    def _quote_statement(self, q: Quote, prev: Stmt | None, cues: list[Cue], consumed: set[int],
                         last_subject_by_para) -> Stmt | None:
        p = self.para_of(q.open)
        if self.headline[p]:
            return None
        body = self.f[q.start:q.end].strip()
        if not body:
            return None
        post = self._post_of(q.open)
        term = self._is_term(q) and not self._sentence_quote(q)
        if term and self.f[max(0, q.open - 3):q.open].endswith(("所谓", "所谓的", "所称的")):
            return None  # 所谓「公投绑大选」: a label, not anyone's statement
        if not term and re.fullmatch(r"(?:[^。!?.]*\?)+\s*", body) and len(body) <= 200:
            return None  # only questions (你能不能…？还是…？): asked, not asserted
        # a quote right after a question verb is a question
        before = self.f[max(self.pstarts[p], q.open - 6): q.open]
        if re.search(r"(?:问|问道|追问|质问|asked|asks)\s*[,:,:]?\s*$", before):
            return None
        # 1. speaker tag after the quote: 」他说 / ," he said / ," said Peskov
        tag = None if term else self._tag_after(q, cues, consumed, prev)
        if tag is not None:
            spk, cue = tag
            return self._direct(q, spk, cue, "tag-after")
        # 2. scare quote right after a speech verb with a speaker (斥责提议「荒谬」)
        cue = self._cue_before_in_sentence(q, cues)
        if term:
            if cue is not None and q.open - cue.end <= 8 and not self.f[max(0, q.open - 2):q.open].endswith("所谓") \
                    and re.match("(?:的|之)?(?:" + _CLAIM_NOUN_ALT + ")", self.f[q.end + 1:q.end + 6]):
                # 拒绝接受X「…」的指控: the quoted words are X's, the object of the verb
                ms = [m for m in self.mentions_in(cue.end, q.open) if m[2].kind != "media"]
                if ms and cue.speaker is not None and ms[-1][2].name != cue.speaker.name:
                    s_, e_, sp = ms[-1]
                    return self._direct(q, Spk(sp.name, sp.key, self.text[s_:e_], s_, e_, sp.kind), None,
                                        "object-quote", via=[])
                return None
            if cue is not None and cue.speaker is not None and q.open - cue.end <= 6 and cue.kind != "ask" \
                    and not self._is_platform(lower_form(body)) and _CJK.search(body) \
                    and not re.search(r"[((]", self.f[q.end + 1:q.end + 2]):
                return self._direct(q, cue.speaker, cue, "scare")
            return None
        # 3. the cue earlier in the same sentence whose content runs into this quote
        if cue is not None and cue.speaker is not None and cue.kind not in ("ask", "act"):
            return self._direct(q, cue.speaker, cue, "same-sentence")
        # 4. a quote inside an embedded post: the speaker named before it in the post
        if post is not None:
            return self._post_quote(q, post)
        # 5. floating quote: the previous statement's speaker (same or previous paragraph)
        if prev is not None and p - prev.para <= 1 and q.open - prev.end < 400:
            lead = self.f[self.pstarts[p]: q.open].strip() if p != prev.para else self.f[prev.end: q.open]
            if len(re.sub(r'[\s,,。.」”"]', "", lead)) <= 30:
                st = self._direct(q, prev.speaker, None, "floating", via=prev.via)
                st.floating = True
                return st
        return None

    def _modal_stance(self, c: Cue) -> bool:
        return c.kind in ("support", "oppose") and self.f[max(0, c.start - 2):c.start].endswith(
            ("不", "会", "将", "愿", "能", "要", "可", "再", "仍", "都", "没", "未"))

    def _cue_before_in_sentence(self, q: Quote, cues: list[Cue]) -> Cue | None:
        s, _ = self.sent_bounds(q.open)
        k = bisect.bisect_left(self.cue_starts, q.open) - 1
        while k >= 0 and cues[k].start >= s:
            c = cues[k]
            if c.end <= q.open and not self._modal_stance(c) and \
                    c.lang == ("zh" if _CJK.search(self.f[q.start:q.end]) or self.f[q.open] in "「『" else c.lang):
                if c.speaker is not None and not c.no_speaker and (c.valid or c.kind in ("support", "oppose")):
                    return c
                if c.kind == "ask":
                    return c
            k -= 1
        return None

    def _tag_after(self, q: Quote, cues: list[Cue], consumed: set[int], prev: Stmt | None):
        """Speaker tag right after a closed quote: 」他说 / ," Peskov said / ," said Peskov."""
        if not q.closed:
            return None
        a = q.end + 1
        # Chinese: optional comma, subject (<=15), verb, then punctuation/quote/end
        k = bisect.bisect_left(self.cue_starts, a)
        for c in cues[k: k + 3]:
            if c.start - a > (30 if c.lang == "zh" else 80):
                break
            between = self.f[a: c.start]
            if re.search(r"[。!?;\n]", between) or self.in_quote.contains(c.start):
                break
            if c.lang == "zh" and (re.search(r"[,:]", between.lstrip(" ,")) or len(between) > 16):
                break  # only a speaker may stand between the quote and its verb
            if c.kind == "ask":
                return None
            if c.lang == "zh":
                after = self.f[c.end: c.end + 2]
                if not (after[:1] in "。,,:: \n「“" or after == "" or c.end == self.pends[c.para]):
                    return None
                self._resolve_zh(c, prev, None)
                if c.speaker is not None and not c.no_speaker:
                    consumed.add(id(c))
                    c.valid = True
                    return c.speaker, c
                return None
            else:
                if not re.fullmatch(r"\s*,?\s*(?:[\w.'’\- ]{1,60})?\s*", between):
                    return None
                self._resolve_en(c, prev)
                if c.speaker is not None:
                    consumed.add(id(c))
                    c.valid = True
                    return c.speaker, c
                return None
        return None

    def _post_quote(self, q: Quote, post) -> Stmt | None:
        bs, end, sig_s, sig_e, poster, date, body, _ = post
        # the speaker named before the quote in the post's text after the signature
        region_s = sig_e if q.open > sig_e else bs
        ms = [m for m in self.mentions_in(max(region_s, q.open - _BACK), q.open) if m[2].kind == "person"]
        if ms:
            s, e, sp = ms[-1]
            spk = Spk(sp.name, sp.key, self.text[s:e], s, e, sp.kind)
            # mention with a title after it (川普总统)
            tm = _TITLE_RE.match(self.f, e)
            if tm:
                spk = Spk(sp.name, sp.key, self.text[s:tm.end()], s, tm.end(), sp.kind)
            st = self._direct(q, spk, None, "post-quote", via=[self._venue_name("x") or "X", poster.name])
            st.said_on = date
            return st
        return None

    def _qa_statements(self, stmts: list[Stmt]) -> list[Stmt]:
        """Press-conference transcripts: 问：… then the spokesperson's answer paragraphs (答：…)."""
        if not re.search(r"记者会|发布会|答记者问|吹风会|记者招待会|答问", self.f[:5000]):
            return []
        out: list[Stmt] = []
        np_ = len(self.pstarts)
        in_answer = 0  # paragraphs of the current answer so far (0: not in an answer)
        spk = None
        for p in range(np_):
            ps, pe = self.pstarts[p], self.pends[p]
            line = self.f[ps:pe]
            if not line.strip():
                continue
            if _QA_Q.match(line) or (line.rstrip().endswith("?") and "记者" in line):
                in_answer = -1  # the next paragraph answers
                continue
            am = _QA_A.match(line)
            if not am and in_answer == 0:
                continue
            if not am and (in_answer >= 3 or self.headline[p]):
                in_answer = 0
                continue
            k = bisect.bisect_left(self.cue_starts, ps)
            has_cue = k < len(self.cues) and self.cues[k].start < pe and self.cues[k].valid
            if any(st.start < pe and st.end > ps for st in stmts) or (has_cue and not am):
                in_answer = 0
                continue
            spk = spk or self._spokesperson(ps)
            if spk is None:
                return out
            s = ps + (am.end() if am else 0)
            while s < pe and self.f[s] in " \t":
                s += 1
            e = pe
            while e > s and self.f[e - 1] in " \t":
                e -= 1
            if e - s >= 6:
                out.append(Stmt(Spk(spk.name, spk.key, spk.mention, spk.mstart, spk.mend, spk.kind), s, e, "direct",
                                "答", p, [], anchor=s, conf=0.6))
            in_answer = max(in_answer, 0) + 1
        return out

    def _spokesperson(self, pos: int) -> Spk | None:
        """The spokesperson of a press conference: a 发言人 named before pos."""
        for s, e, sp in reversed(self.mentions_in(max(0, pos - 5000), pos)):
            if sp.kind == "person" and ("发言人" in self.f[max(0, s - 8):s] or "发言人" in (sp.title or "")):
                return Spk(sp.name, sp.key, self.text[s:e], s, e, sp.kind)
        return None

    def _post_statements(self, stmts: list[Stmt]) -> list[Stmt]:
        """The text of an embedded post (the paragraph before its signature) is the poster's."""
        out = []
        for _bs, _end, sig_s, _sig_e, poster, date, (ps, pe), _ in self.posts:
            if any(st.start < pe and st.end > ps for st in stmts):
                continue
            s, e = ps, pe
            while s < e and self.text[s] in " \t":
                s += 1
            while e > s and self.text[e - 1] in " \t":
                e -= 1
            if e - s < 2:
                continue
            via = [self._venue_name("x") or "X"]
            st = Stmt(poster, s, e, "direct", "post", self.para_of(s), via, anchor=sig_s, said_on=date, conf=0.8)
            out.append(st)
        # via X for quotes attributed to the poster
        return out

    def _topic_statements(self, stmts: list[Stmt]) -> list[Stmt]:
        """對於X所稱「…」, Y反駁 / 針對X指…的說法: the topic clause restates X's claim (X's statement)."""
        out = []
        taken = _Intervals([(st.start, st.end) for st in stmts])
        for m in _TOPIC_CLAIM_RE.finditer(self.f):
            cs, ce = m.span("c")
            if self.in_quote.contains(m.start("np")) or taken.contains(cs) or taken.contains(ce - 1):
                continue
            body = self.f[cs:ce]
            if body[:1] in "「“":
                cs, ce = cs + 1, ce - 1
            if ce - cs < 4:
                continue
            ns, ne = m.span("np")
            spk = None
            ms = [x for x in self.mentions_in(ns, ne) if not self._is_platform(self.low[x[0]:x[1]])]
            if ms:
                spk = ms[-1][2]
            else:
                np = self.f[ns:ne]
                if normalize_alias(np) in self.learned:
                    spk = self.learned[normalize_alias(np)]
                else:
                    for st in stmts:
                        sp = st.speaker
                        if st.start < ns and (fold(sp.name) == np or sp.mstart is not None and
                                              self.f[sp.mstart:sp.mend].endswith(np) and len(np) >= 2):
                            spk = sp
            if spk is None:
                continue
            sp = Spk(spk.name, spk.key, self.text[ns:ne], ns, ne, spk.kind)
            out.append(Stmt(sp, cs, ce, "indirect", "topic", self.para_of(cs), [], anchor=m.start(), conf=0.6))
        return out

    # --- English content --------------------------------------------------------------------
    def _en_content(self, cue: Cue, used_quotes: set[int]) -> Stmt | None:
        f = self.f
        pe = self.pends[cue.para]
        # quote right after: 'said: "..."' / 'said, "..."'
        i = cue.end
        m = re.match(r"(?:\s+(?:on|in|at)\s+[^\",“:]{1,40}?)?\s*[,:]?\s*", f[i: i + 60])
        j = i + (m.end() if m else 0)
        q = self.quote_at.get(j)
        if q is not None and q.open not in used_quotes:
            used_quotes.add(q.open)
            return self._direct(q, cue.speaker, cue, "after-cue")
        if cue.clause_start == -1 or cue.verb == "according to":
            # post-posed "…, X said." / "…, according to X." -> content is the clause before
            ss, _ = self._en_sentence(cue.start)
            s, e = ss, (cue.post_end if cue.post_end > ss else cue.start)
            while e > s and f[e - 1] in " ,\t":
                e -= 1
            if cue.verb != "according to" or e - s > 15:
                seg = f[s:e]
                # strip "X said" tail forms; the clause must not contain a quote
                if '"' in seg or "“" in seg or "”" in seg:
                    return None
                if len(seg.split()) >= 4:
                    return Stmt(cue.speaker, s, e, "indirect", cue.verb, cue.para, list(cue.via),
                                anchor=cue.start, conf=0.6)
            if cue.verb == "according to":
                # "According to X, content."
                m2 = re.match(r"[^,\n]{1,80},\s*", f[cue.end: cue.end + 100])
                if m2 and e - s <= 15:
                    s = cue.end + m2.end()
                    _, se = self._en_sentence(s)
                    e = se
                    while e > s and f[e - 1] in " .\t":
                        e -= 1
                    if len(f[s:e].split()) >= 4 and '"' not in f[s:e]:
                        return Stmt(cue.speaker, s, e, "indirect", cue.verb, cue.para, [], anchor=cue.start, conf=0.6)
            return None
        # "X said (on Friday) (that) content."
        m = re.match(r"(?:\s+(?:on|in|at|during|after|before)\s+[\w ,.\-]{1,40}?(?=\s+that\b))?\s*(?:,\s*)?(that\s+)?",
                     f[cue.end: cue.end + 80])
        s = cue.end + (m.end() if m else 0)
        if cue.verb in ("told",):
            m2 = re.match(r"[^.!?\n\"“]{1,80}?\bthat\s+", f[cue.end: cue.end + 90])
            if not m2:
                # "told reporters (on Tuesday) the talks had stalled"
                m2 = re.match(r"\s+(?:reporters|journalists|lawmakers|parliament|legislators|senators|delegates|"
                              r"the (?:BBC|Reuters|AP|AFP|Associated Press|Financial Times|newspaper|broadcaster|"
                              r"committee|conference|parliament|audience|crowd)|[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){0,3}"
                              r"|(?:a|an) (?:news conference|press conference|briefing|[\w\-]+ (?:newspaper|radio|"
                              r"broadcaster|television)))"
                              r"(?:\s+(?:on|in|at|late on|early on)\s+(?:[A-Z][\w]*|the \w+)(?:\s+\w+)?)?(?:,)?\s+"
                              r"(?=(?:the|a|an|it|he|she|they|we|there|this|his|her|their|its|some|[A-Z])\b)",
                              f[cue.end: cue.end + 120])
                if not m2:
                    return None
            s = cue.end + m2.end()
        elif cue.verb == "accused":
            # "X accused Y (on Tuesday) of 'holding ... hostage'" / "of holding ..."
            m2 = re.match(r"\s+[^.!?\n\"“]{1,80}?\bof\s+", f[cue.end: cue.end + 100])
            if not m2:
                return None
            j = cue.end + m2.end()
            q = self.quote_at.get(j)
            if q is not None and q.open not in used_quotes:
                used_quotes.add(q.open)
                return self._direct(q, cue.speaker, cue, "after-cue")
            if not re.match(r"\w+ing\b", f[j: j + 30]):
                return None
            s = j
        elif not (m and m.group(1)):
            if cue.verb in L.EN_OPPOSE or cue.verb in L.EN_SUPPORT or cue.verb in ("denied", "confirmed", "reported"):
                return None  # "denied the report": an object, not a clause
            # without "that": only when the verb is followed by a clause
            nxt = f[s: s + 30]
            if not re.match(r"(?:the|a|an|it|he|she|they|we|i|there|this|his|her|their|[A-Z])", nxt) and not re.match(
                    r"(?:some|its|our|many|most|all|both|several|such|these|those|no|none|every|each|any|more|"
                    r"fewer|only|you|your|my)\s", nxt) and not re.match(
                    r"[a-z]+(?:\s+[a-z]+){0,2}\s+(?:showed|shows|is|are|was|were|would|will|had|has|have|could|can|"
                    r"should|must|might|may)\b", nxt):
                return None
            if re.match(r"(?:in|on|at|of|to|for|with|by)\b", nxt):
                return None
        _, se = self._en_sentence(s)
        e = min(se, pe)
        k = bisect.bisect_left(self.qstarts, s)
        if k < len(self.top_quotes) and self.top_quotes[k].open < e and not self._is_term(self.top_quotes[k]) \
                and re.search(r"[.!?]\s*$", f[s: self.top_quotes[k].open]):
            e = self.top_quotes[k].open
        while e > s and f[e - 1] in " .,;:\t\"“":
            e -= 1
        if len(f[s:e].split()) < 3:
            return None
        return Stmt(cue.speaker, s, e, "indirect", cue.verb, cue.para, list(cue.via), anchor=cue.start, conf=0.6)

    def _en_sentence(self, pos: int) -> tuple[int, int]:
        """English sentence around pos (at most 600 characters back, 2000 on), by bisection."""
        if not hasattr(self, "_en_sb"):
            self._en_sb: list[int] = []  # sentence-final .!? followed by a space
            self._en_eb: list[int] = []  # ... followed by a space, newline, closing quote or the end
            for m in _EN_PUNCT.finditer(self.f):
                k = m.start()
                ps = self.pstarts[self.para_of(k)]
                abbrev = _EN_ABBREV.search(self.f[max(ps, k - 4):k]) is not None
                if not abbrev:
                    self._en_eb.append(k)
                if self.f[k + 1: k + 2] == " " and not (abbrev and self.f[k] == "."):
                    self._en_sb.append(k)
        p = self.para_of(pos)
        ps, pe = self.pstarts[p], self.pends[p]
        lo = max(ps, pos - 600)
        i = bisect.bisect_right(self._en_sb, pos - 1) - 1
        s = self._en_sb[i] + 1 if i >= 0 and self._en_sb[i] >= lo else (lo if pos > lo else pos)
        while s < pos and self.f[s] == " ":
            s += 1
        if s == ps:
            m = _EN_DATELINE.match(self.f, s, pe)
            if m and m.end() <= pos:
                s = m.end()  # a dateline is not part of the first sentence
        hi = min(pe, pos + 2000)
        j = bisect.bisect_left(self._en_eb, pos)
        e = self._en_eb[j] + 1 if j < len(self._en_eb) and self._en_eb[j] < hi else max(hi, pos)
        return s, e

    # --- cleanup --------------------------------------------------------------------------
    def _dedupe(self, stmts: list[Stmt]) -> list[Stmt]:
        stmts = sorted(stmts, key=lambda s: (s.start, -s.end))
        out: list[Stmt] = []
        for st in stmts:
            if st.end <= st.start:
                continue
            if out and st.start < out[-1].end:
                # overlapping: keep the direct / longer one
                o = out[-1]
                inter = min(o.end, st.end) - max(o.start, st.start)
                if inter > 0:
                    if st.start >= o.start and st.end <= o.end:
                        continue  # nested inside another statement
                    if st.kind == "direct" and o.kind != "direct":
                        out[-1] = st
                    continue
            out.append(st)
        return out

    # --- dates -----------------------------------------------------------------------------
    def _dates(self, stmts: list[Stmt]) -> None:
        quotes = self.in_quote
        last_of: dict[str, Stmt] = {}
        last_date: dt.date | None = None
        all_dates = [d for d in find_dates(self.f, self.ref) if not quotes.contains(d[0])]
        dstarts = [d[0] for d in all_dates]
        doc_day = self._doc_day(all_dates)
        for st in stmts:
            if st.said_on is None:
                ps = self.pstarts[st.para]
                anchor = min(st.anchor, st.start)
                # last explicit date in the paragraph before the statement (outside its content)
                d = None
                # a date right after the verb ("said on Wednesday"), outside the content
                k = bisect.bisect_left(dstarts, st.anchor)
                while k < len(all_dates) and all_dates[k][0] < st.anchor + 40:
                    if not (st.start <= all_dates[k][0] < st.end) and self.para_of(all_dates[k][0]) == st.para:
                        d = all_dates[k][2]
                        break
                    k += 1
                k = bisect.bisect_left(dstarts, anchor) - 1
                while d is None and k >= 0 and all_dates[k][0] >= ps:
                    ds, de, dd = all_dates[k]
                    if not (st.start <= ds < st.end):
                        d = dd
                        break
                    k -= 1
                if d is None:
                    clause = self.f[max(ps, anchor - 30): anchor]
                    if re.search(r"随即|随后|后来|稍后|同日|当天|当日|同一天|later|then", clause):
                        k = bisect.bisect_left(dstarts, anchor) - 1
                        if k >= 0:
                            d = all_dates[k][2]
                last = last_of.get(st.speaker.name)
                if d is None and last is not None and st.para - last.para <= 2 and (
                        st.floating or st.via == last.via or st.para == last.para):
                    d = last.said_on  # the same speaker a little further on: same occasion
                if d is None and doc_day is not None and not st.via and (last is None or last.said_on is None
                                                                         or last.said_on == doc_day):
                    d = doc_day  # a same-day report (今天, 今(5)日, "said on Tuesday" = the dateline)
                st.said_on = d
            last_of[st.speaker.name] = st
            last_date = st.said_on or last_date

    def _doc_day(self, all_dates) -> dt.date | None:
        """The publication day when the lead reports something said that same day, else None.

        A round-up whose lead dates events to earlier days leaves undated statements undated.
        """
        if self.ref is None:
            return None
        lead_end, seen = 0, 0
        for p in range(len(self.pstarts)):
            if self.headline[p] or not self.f[self.pstarts[p]:self.pends[p]].strip():
                continue
            lead_end, seen = self.pends[p], seen + 1
            if seen >= 2:
                break
        for ds, de, d in all_dates:
            if ds >= lead_end:
                break
            if re.match(r"\s*[)\]]?\s*[电讯電訊]", self.f[de:de + 3]) or self.f[ds:de][:1].isdigit() and \
                    re.search(r"[年]", self.f[ds:de]):
                continue  # the dateline itself (新华社北京6月12日电, 2025年2月13日讯)
            if d == self.ref:
                return d
        return None

    # --- stances ---------------------------------------------------------------------------
    def _stances(self, stmts: list[Stmt]) -> list[Stance]:
        out: list[Stance] = []
        seen = set()
        self._st_starts = [s.start for s in stmts]
        # affiliations: 陆委会副主委梁文杰 speaks for 陆委会 (a stance on 陆委会的说法 may answer him)
        self._affil: dict[str, set[str]] = {}
        for st in stmts:
            sp = st.speaker
            if sp.mstart is not None and sp.mend is not None and sp.mend - sp.mstart <= 24:
                for _ms, _me, o in self.mentions_in(sp.mstart, sp.mend):
                    if o.name != sp.name:
                        self._affil.setdefault(sp.name, set()).add(o.name)
        inside = _Intervals([(st.start, st.end) for st in stmts])
        self._hint_stmts = stmts
        for c in self.cues:
            if c.speaker is None or c.no_speaker or c.kind in ("ask", "act"):
                continue
            if inside.contains(c.start):
                continue  # a stance verb inside reported content is part of the content
            pol = self._zh_stance(c, stmts) if c.lang == "zh" else self._en_stance(c)
            if pol is None:
                continue
            polarity, hint, direct = pol
            target = direct if direct is not None else self._stance_target(c, hint, stmts)
            if target is None or stmts[target].speaker.name == c.speaker.name:
                continue
            key = (c.speaker.name, polarity, target)
            if key in seen:
                continue
            seen.add(key)
            out.append(Stance(c.speaker.name, c.speaker.key, polarity, target, self.text[c.start:c.end],
                              c.start, c.end, stmts[target].said_on))
        return out

    def _stance_target(self, c: Cue, hint: Spk | None, stmts: list[Stmt]) -> int | None:
        """The statement a stance answers: the named speaker's nearest one, else the last other one."""
        k = bisect.bisect_left(self._st_starts, c.start)
        if hint == "lead":  # an announced decision or measure: the lead statement, else the last one
            lead = self._lead_stmt(stmts)
            if lead is not None and stmts[lead].start < c.start and stmts[lead].speaker.name != c.speaker.name:
                return lead
            hint = None
        if hint is not None:
            best = None
            for i in range(max(0, k - 60), min(len(stmts), k + 20)):
                st = stmts[i]
                if st.speaker.name == c.speaker.name or (
                        st.speaker.name != hint.name and hint.name not in self._affil.get(st.speaker.name, ())):
                    continue
                if st.para > c.para + 1 or (st.para < c.para - 4 and not (c.start - st.end < 3000)):
                    continue
                # "X's claim" names X's main line: the first statement X makes before the cue
                dist = st.start if st.end <= c.start else 10**9 + abs(st.start - c.start)
                if best is None or dist < best[0]:
                    best = (dist, i)
            return best[1] if best else None
        for i in range(k - 1, max(-1, k - 60), -1):
            st = stmts[i]
            if self._rpara(c.para) - self._rpara(st.para) > 3:
                break
            if st.end > c.start or st.speaker.name == c.speaker.name:
                continue
            if c.speaker.aliases and st.speaker.name in c.speaker.aliases:
                continue
            return i
        # a reaction with nothing answered near it answers the lead announcement
        lead = self._lead_stmt(stmts)
        if lead is not None and stmts[lead].start < c.start and stmts[lead].speaker.name != c.speaker.name:
            return lead
        return None

    def _rpara(self, p: int) -> int:
        """Index of paragraph p among the non-blank paragraphs (blank lines do not count)."""
        if not hasattr(self, "_rp"):
            self._rp, n = [], 0
            for q in range(len(self.pstarts)):
                if self.f[self.pstarts[q]:self.pends[q]].strip():
                    n += 1
                self._rp.append(n)
        return self._rp[p]

    def _lead_stmt(self, stmts: list[Stmt]) -> int | None:
        """The first statement of the article's first body paragraph (the main announcement)."""
        seen = 0
        for p in range(len(self.pstarts)):
            if self.headline[p] or not self.f[self.pstarts[p]:self.pends[p]].strip():
                continue
            seen += 1
            for i, st in enumerate(stmts):
                if st.para == p:
                    return i
                if st.para > p:
                    break
            if seen >= 3:
                return None
        return None

    def _stmt_at(self, s: int, e: int, stmts: list[Stmt]) -> int | None:
        """A statement whose span lies inside [s, e) (a quoted claim named as a stance's object)."""
        k = bisect.bisect_left(self._st_starts, s)
        if k < len(stmts) and stmts[k].start < e and stmts[k].end <= e + 1:
            return k
        return None

    def _topic_before(self, c: Cue) -> tuple[int, int] | None:
        """对于X的说法, Y驳斥: the topic clause at the start of the cue's sentence."""
        ss, _ = self.sent_bounds(c.start)
        cs = c.clause_start if c.clause_start > 0 else self._clause_start(c.start)
        seg = self.f[ss:cs]
        m = _TOPIC_RE.match(seg.lstrip())
        if not m or cs - ss < 4:
            return None
        s = ss + (len(seg) - len(seg.lstrip())) + m.end()
        return (s, cs)

    def _hint_in(self, s: int, e: int, c: Cue) -> Spk | None:
        """The first speaker named in text[s:e] that is not the cue's own speaker."""
        for ms, me, sp in self.mentions_in(s, e):
            if sp.name != c.speaker.name and not self._is_platform(self.low[ms:me]):
                return sp
        seg = self.f[s:e]
        for sp in self.learned.values():
            if fold(sp.name) in seg and sp.name != c.speaker.name:
                return sp
        return self._stmt_speaker_in(seg, c)

    def _stmt_speaker_in(self, seg: str, c: Cue) -> Spk | None:
        """A statement speaker named in seg by its name or the words of its mention (交通部, 陸委會)."""
        core = re.sub("(?:所|的|之)?(?:" + _CLAIM_NOUN_ALT + ")$", "", seg.strip())
        core = re.sub(r"(?:所称|所说|所指|所言|称|指|表示|的)$", "", core)
        best = None
        for st in getattr(self, "_hint_stmts", ()):
            sp = st.speaker
            if sp.name == c.speaker.name or st.start > c.start + 400:
                continue
            names = {fold(sp.name)}
            if sp.mstart is not None and sp.mend is not None and not _PRONOUN_RE.fullmatch(self.f[sp.mstart:sp.mend]):
                names.add(self.f[sp.mstart:sp.mend])
            for nm in names:
                if len(nm) >= 2 and (nm in seg or (len(core) >= 2 and core in nm and _CJK.search(core))):
                    if best is None or st.start <= c.start:
                        best = sp
                    break
        if best is None:
            best = self._surname_title_speaker(seg, c)
        return best

    def _surname_title_speaker(self, seg: str, c: Cue) -> Spk | None:
        """A person referred to by surname + title (卓院長, 蕭委員, 賴總統, 卓揆): the statement
        speaker whose name (or mention) ends in a 2-4 character name with that surname.

        Chinese news abbreviates a named official this way after the first mention, e.g.
        「她不認同王院長的說法」 after 「行政院長王某某表示…」.
        """
        for m in _SURNAME_TITLE_RE.finditer(seg):
            surname = m.group(1)
            found = None
            for st in getattr(self, "_hint_stmts", ()):
                sp = st.speaker
                if sp.name == c.speaker.name or st.start > c.start + 400:
                    continue
                names = [fold(sp.name)]
                if sp.mstart is not None and sp.mend is not None:
                    names.append(self.f[sp.mstart:sp.mend])
                if any(re.search(surname + r"[\u4e00-\u9fff]{1,2}$", nm) for nm in names if _CJK.search(nm)):
                    if found is not None and found.name != sp.name:
                        found = None  # two people share the surname: no guess
                        break
                    found = sp
            if found is not None:
                return found
        return None

    def _zh_stance(self, c: Cue, stmts: list[Stmt]):
        """(polarity, hint speaker, direct target) for a Chinese cue, or None."""
        f = self.f
        s, e = c.start, c.end
        cs = c.clause_start if c.clause_start > 0 else self._clause_start(s)
        before = f[max(self.pstarts[c.para], cs - 6): s]
        sent_s, _ = self.sent_bounds(s)
        sent_pre = f[sent_s: s]
        refers_here = "对此" in sent_pre or f[e:e + 1] == "此"
        topic = self._topic_before(c)
        verb = c.verb
        # the object: up to the next clause punctuation (quoted terms included)
        oe = e
        lim = min(self.pends[c.para], e + 40)
        while oe < lim and f[oe] not in "。!?;,,:\n":
            if f[oe] in "「“『":
                q = self.quote_at.get(oe)
                if q is not None and q.end < lim and self._is_term(q):
                    oe = q.end + 1
                    continue
                break
            oe += 1
        obj = f[e:oe]
        obj_core = re.sub(r"^(?:了|着|过)", "", obj).strip()
        if c.kind in ("support", "oppose") or c.kind.startswith("say+"):
            pol = "support" if verb in SUPPORT else "oppose"
            if re.search(r"(?:不|未|没有|并非|并不|无法)$", before[-3:]):
                if pol == "oppose":
                    return None
                pol = "oppose"
            if verb in ("证实",) and not refers_here and not re.search(_CLAIM_NOUN_ALT + "$", obj_core):
                return None
            # 拒绝接受国民党「用程序拖延民意」的指控: the quoted claim is the target
            if obj_core and re.search("(?:" + _CLAIM_NOUN_ALT + ")$", obj_core):
                for k in range(e, oe):
                    q = self.quote_at.get(k)
                    if q is not None:
                        t = self._stmt_at(q.start, q.end, stmts)
                        if t is not None:
                            return pol, None, t
                who = re.sub("(?:" + _CLAIM_NOUN_ALT + ")$", "", obj_core)
                if _PRONOUN_RE.match(who) or who in ("这", "此", "该", "这项", "这一", "这个", "该项", "其", ""):
                    return pol, None, None
                hint = self._hint_in(e, oe, c)
                if hint is None and topic is None:
                    return pol, None, None
                return pol, hint, None
            if not obj_core or re.fullmatch(r"(?:表示|说|称|指出|强调|坦言|回应)?", obj_core):
                # bare: 随即反驳, 表示同意, 持不同看法, 不以为然
                if topic is None and verb in ("批评", "抨击", "痛批", "反批") and f[e:e + 1] in ",:" and \
                        _DOC_NOUNS.intersection((f[cs:s].rstrip("并也还又更"),)):
                    return None  # 声明并批评，…: the statement's own content, no target named
                if topic is not None:
                    t = self._stmt_at(*topic, stmts)
                    if t is not None:
                        return pol, None, t
                    return pol, self._hint_in(*topic, c), None
                return pol, None, None
            if refers_here and re.match(r"此|对此", obj_core):
                return pol, None, None
            # 力挺钟以恒, 同意赫格塞斯: agreeing with a person is agreeing with what they said
            if verb in _AGREE_WITH_PERSON and len(obj_core) <= 12:
                ms = self.mentions_in(e, oe)
                if ms and ms[0][0] - e <= 2 and ms[-1][1] >= oe - 2:
                    return pol, ms[0][2], None
                sp = self._stmt_speaker_in(obj_core, c)
                if sp is not None and len(obj_core) <= len(fold(sp.name)) + 4:
                    return pol, sp, None
            # 欢迎政府公布时间表, 支持这项决定: an announced decision is the target
            if verb in ("欢迎", "支持", "赞同", "认同", "肯定", "赞赏", "力挺", "反对", "拒绝", "不支持", "不认同",
                        "不接受", "质疑") and any(w in obj_core[:20] for w in L.ZH_DECISION_WORDS):
                return pol, self._stmt_speaker_in(obj_core[:12], c) or "lead", None
            # 暗批交通部决策草率: criticising a speaker who has a statement here
            if verb in L.ZH_SAY_OPPOSE:
                sp = self._stmt_speaker_in(obj_core[:8], c)
                if sp is not None and fold(sp.name) in obj_core[:len(sp.name) + 2]:
                    return pol, sp, None
            return None
        if verb in ("扬言", "警告", "表示", "称", "宣布") and any(
                w in f[e: min(e + 30, self.pends[c.para])] for w in L.ZH_COUNTER):
            return "oppose", "lead", None  # 扬言将采取反制措施: a counter-measure answers a measure
        if verb in ("回应", "表示", "说", "称", "指出") and (refers_here or topic is not None or verb == "回应"):
            # 对此回应:「这是不可能的。」 / 对于X的说法, Y回应称, 这种说法是自欺欺人
            nxt = f[e: min(e + 60, self.pends[c.para])]
            m = _SENT_BOUNDARY.search(nxt)
            nxt = nxt[: m.start()] if m else nxt
            if verb != "回应" and not re.match(r"[,:,:\s]*[「“]?(?:这|此|该|[^,,。]{0,6}的)(?:种|个|项)?(?:"
                                              + _CLAIM_NOUN_ALT + ")", nxt):
                return None
            if not any(w in nxt for w in _STRONG_NEG):
                return None  # agreement is said with a stance verb (同意, 支持); a bare answer is not
            pol = "oppose"
            if topic is not None:
                t = self._stmt_at(*topic, stmts)
                if t is not None:
                    return pol, None, t
                return pol, self._hint_in(*topic, c), None
            return pol, None, None
        return None

    def _en_stance(self, c: Cue):
        after = self.f[c.end: c.end + 60]
        v = c.verb
        before = self.f[max(self.pstarts[c.para], c.start - 24): c.start]
        if v in L.EN_SUPPORT and re.search(r"\b(?:not|never|n't)\s+(?:\w+\s+)?$|\bnot everyone\s+$|\bfew\s+$", before, re.I):
            # "did not agree with", "Not everyone agreed with": disagreement
            m = re.match(r"\s+with\s+(?:the\s+)?([A-Z][\w'’\-]*(?: [A-Z][\w'’\-]*)*|mayor|minister|governor|"
                         r"commissioner|government|company|president)(?:'s)?\b", after)
            if m:
                return "oppose", self._en_obj_hint(c, m.start(1), m.end(1)), None
            return None
        if v in ("sided", "backed", "backs", "supported", "supports", "endorsed", "endorses", "agreed", "agrees",
                 "defended"):
            # "sided with Chen", "backed the Port Authority": siding with a speaker is supporting what they said
            m = re.match(r"\s+(?:with\s+)?(?:the\s+)?([A-Z][\w'’\-]*(?: [A-Z][\w'’\-]*)*|mayor|minister|governor|"
                         r"commissioner|government|company|president)(?:'s)?\b(?!\s+(?:" + "|".join(L.EN_CLAIM_NOUNS)
                         + r")\b)", after)
            if m and (v != "sided" or after.lstrip().startswith("with")):
                hint = self._en_obj_hint(c, m.start(1), m.end(1))
                if hint is not None:
                    return "support", hint, None
        if v in L.EN_OPPOSE or v in ("denied",):
            if re.match(r"\s+(?:the|this|that|these|those|his|her|their|its|such|[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*)*'s?)\s+(?:[\w\-]+\s+){0,2}(?:"
                        + "|".join(L.EN_CLAIM_NOUNS) + r")\b", after):
                return "oppose", self._en_hint(c, after) or self._en_decision(after), None
            m = re.match(r"\s+that\s+", after)
            if m:  # "denied that P": the statement that said P
                t = self._similar_stmt(c, c.end + m.end())
                return ("oppose", None, t) if t is not None else None
            if re.match(r"\s+(?:it|this)\b", after):
                return "oppose", None, None
        if v in L.EN_SUPPORT:
            if re.match(r"\s+(?:with\s+)?(?:the|this|that|his|her|their|[A-Z][\w.'’\-]*'s)\s+(?:[\w\-]+\s+){0,2}(?:"
                        + "|".join(L.EN_CLAIM_NOUNS) + r")\b", after):
                return "support", self._en_hint(c, after) or self._en_decision(after), None
            if re.match(r"\s+with\s+(?:him|her|them|that|this)\b", after):
                return "support", None, None
        return None

    def _similar_stmt(self, c: Cue, s: int) -> int | None:
        """The other speaker's statement before c that shares most content words with text from s on."""
        _, e = self._en_sentence(s)
        words = {w.strip(".") for w in re.findall(r"[a-z0-9$.%]+", self.f[s:e].lower())} - _EN_STOP_WORDS
        best = None
        for i, st in enumerate(getattr(self, "_hint_stmts", ())):
            if st.start >= c.start or st.speaker.name == c.speaker.name or c.start - st.end > 6000:
                continue
            sw = {w.strip(".") for w in re.findall(r"[a-z0-9$.%]+", self.text[st.start:st.end].lower())} - _EN_STOP_WORDS
            n = len(words & sw)
            if n >= 2 and (best is None or n > best[0]):
                best = (n, i)
        return best[1] if best else None

    @staticmethod
    def _en_decision(after: str):
        """'welcomed the decision': an announced decision or measure is the lead announcement."""
        if re.match(r"\s+(?:the|this|that)\s+(?:[\w\-]+\s+){0,2}(?:decision|announcement|move|measure|measures|"
                    r"plan|plans|policy|ruling|bill|proposal)\b", after):
            return "lead"
        return None

    def _en_obj_hint(self, c: Cue, s: int, e: int) -> Spk | None:
        """The speaker an English object names: a mention, a surname, or a role word of a speaker."""
        s, e = c.end + s, c.end + e
        sp = self._hint_in(s, e, c)
        if sp is not None:
            return sp
        word = self.f[s:e].lower()
        for st in getattr(self, "_hint_stmts", ()):
            if st.start > c.start or st.speaker.name == c.speaker.name:
                continue
            spk = st.speaker
            mention = self.f[spk.mstart:spk.mend].lower() if spk.mstart is not None else ""
            last = spk.name.split()[-1].lower() if spk.name.split() else ""
            if word and (word == last or word in mention.split() or word == spk.name.lower()):
                sp = spk  # the most recent speaker so named
        return sp

    def _en_hint(self, c: Cue, after: str) -> Spk | None:
        m = re.match(r"\s+(?:with\s+)?([A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*)*)'s?\s", after)
        if not m:
            return None
        return self._hint_in(c.end + m.start(1), c.end + m.end(1), c)

    # --- output ----------------------------------------------------------------------------
    def _finish(self, stmts: list[Stmt], stances: list[Stance]) -> Extraction:
        out = []
        for st in stmts:
            text = self.text[st.start:st.end]
            sp = st.speaker
            out.append(Statement(
                speaker=sp.name, speaker_key=sp.key, mention=sp.mention, mention_start=sp.mstart,
                mention_end=sp.mend, text=text, start=st.start, end=st.end, kind=st.kind,
                language=self._language(st), said_on=st.said_on, via=tuple(dict.fromkeys(st.via)),
                venue=st.via[0] if st.via else "", cue=st.cue, confidence=st.conf,
            ))
        out = assign_claim_keys(out, [self._rpara(st.para) for st in stmts])  # non-blank paragraphs
        new = tuple(v for k, v in sorted(self.new_speakers.items(), key=lambda kv: kv[1].name))
        return Extraction(tuple(out), tuple(stances), new, EXTRACTOR_VERSION)

    def _after_cue_in_sentence(self, pos: int) -> bool:
        """A mention after a resolved reporting verb of its own sentence is content or object."""
        ss, _ = self.sent_bounds(pos)
        k = bisect.bisect_left(self.cue_starts, pos) - 1
        while k >= 0 and self.cues[k].start >= ss:
            c = self.cues[k]
            if c.end <= pos and c.speaker is not None and c.kind not in ("ask",):
                return True
            k -= 1
        return False

    def _gender_ok(self, word: str, sp: Spk) -> bool:
        """她 is not a man and 他 not a woman, where the text says which (女士, 先生, Ms, Mr)."""
        g = self._genders().get(sp.name)
        if g is None or word not in ("他", "她", "他本人", "她本人", "he", "she"):
            return True
        return g == ("f" if word in ("她", "她本人", "she") else "m")

    def _genders(self) -> dict[str, str]:
        if not hasattr(self, "_gender"):
            self._gender: dict[str, str] = {}
            for s, e, sp in self.mentions:
                if sp.kind != "person":
                    continue
                around = self.f[max(0, s - 6): s] + "|" + self.f[e: e + 3]
                if re.search(r"女[^儿]?$|女士|小姐|太太|夫人|\bMs\.?\s*$|\bMrs\.?\s*$|Miss\s*$", around.split("|")[0]) \
                        or re.match(r"\|(?:女士|小姐|太太|夫人)", around[around.index("|"):]):
                    self._gender.setdefault(sp.name, "f")
                elif re.search(r"\bMr\.?\s*$", around.split("|")[0]) or around.endswith(("先生",)) or \
                        self.f[e:e + 2] == "先生":
                    self._gender.setdefault(sp.name, "m")
        return self._gender

    def _is_object(self, s: int, e: int) -> bool:
        """A mention that is the object of a verb (批评叶庭萱, 质问林佑诚), not a subject."""
        before = self.f[max(0, s - 3):s]
        return bool(re.search(r"(?:问|批评|质问|反驳|驳斥|同意|认同|支持|邀请|会见|与|和|跟|向|对)$", before))

    def _language(self, st: Stmt) -> str:
        t = self.text[st.start:st.end]
        if _CJK.search(t):
            from .normalize import to_simplified, to_traditional

            if to_simplified(t) != t:
                return "zh-Hant"
            if to_traditional(t) != t:
                return "zh-Hans"
            # no script-specific characters: the paragraph decides
            ps, pe = self.pstarts[st.para], self.pends[st.para]
            para = self.text[ps:pe]
            if to_simplified(para) != para:
                return "zh-Hant"
            if to_traditional(para) != para:
                return "zh-Hans"
            return self._doc_script()
        if re.search(r"[\u0400-\u04ff]", t):
            return "ru"
        return "en"

    def _doc_script(self) -> str:
        if not hasattr(self, "_script"):
            from .normalize import to_simplified

            self._script = "zh-Hant" if to_simplified(self.text[:5000]) != self.text[:5000] else "zh-Hans"
        return self._script


class _Intervals:
    """Sorted, non-overlapping-enough intervals with a containment test by bisection."""

    def __init__(self, spans):
        spans = sorted(spans)
        merged: list[list[int]] = []
        for s, e in spans:
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        self.starts = [s for s, _ in merged]
        self.spans = merged

    def contains(self, pos: int) -> bool:
        k = bisect.bisect_right(self.starts, pos) - 1
        return k >= 0 and self.spans[k][0] <= pos < self.spans[k][1]


_SURNAMES = _names.BARE_NAME_SURNAMES
_EN_STOP_CAPS = {"the", "i", "we", "it", "this", "that", "but", "and", "in", "on", "he", "she", "they",
                 "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


def extract_doc(text: str, published, gaz: Gazetteer) -> Extraction:
    return Doc(text, published, gaz).run()
