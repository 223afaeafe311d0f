"""Every screen of the desk and every public page reads in Chinese under zh-Hant (issue 13, item 1).

Two checks. The catalogues: every msgid of our zh_Hant and zh_Hans .po files has a translation.
The pages: each desk screen (queue, a candidate in context, claim, verdict, stances, speakers,
pending changes, articles, ingest, feeds, partners) and each public page is rendered under zh-Hant
with Chinese-only data, and its visible text (and the titles, placeholders and labels a reader
meets) may hold no English word of ours. English that is not ours is listed and allowed: names of
things (factdesk, Wikidata, API, URL...), the user names we made.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from claims import services
from claims.models import Polarity, Stance
from claims.roles import EDITOR
from tests.factories import make_article, make_outlet, make_public_claim, make_speaker, make_statement, make_user

LOCALE = Path(__file__).resolve().parents[2] / "locale"

# English words a Chinese desk may show: product and standard names, units, our test user names.
ALLOWED = {
    "factdesk", "wikidata", "api", "url", "urls", "json", "csv", "id", "ids", "gdp", "http", "https", "www",
    "rss", "atom", "html", "utf", "key", "editor", "checker", "admin", "test", "claimreview", "webhook",
    "webhooks", "opencc", "example", "com", "org", "django", "jieba", "pdf", "txt", "cna", "xss", "csrf",
    "english",  # the language switch names English in English
    "tariffs",  # the search box's example shows that English words work too
    "yyyy-mm-dd",  # the date format a field expects
}
# Attributes whose text a reader sees or hears. Not img alt: django's admin templates hard-code
# alt="Search" and alt="True" on its icons (django's text, not ours, and not in any catalogue).
READ_ATTRIBUTES = {"title", "placeholder", "aria-label"}
ENGLISH_WORD = re.compile(r"\b[A-Za-z][A-Za-z'’-]{2,}\b")  # not inside hex keys like 3f2cae9


class _VisibleText(HTMLParser):
    """Text nodes and read attributes of a page, without scripts, styles and JSON-LD."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in {"script", "style", "template"}:
            self._skip += 1
        for name, value in attrs:
            if value and (name in READ_ATTRIBUTES or (tag == "input" and name == "value"
                                                      and dict(attrs).get("type") in {"submit", "button"})):
                self.parts.append(value)

    def handle_endtag(self, tag):
        if tag in {"script", "style", "template"} and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def po_entries(path: Path) -> list[dict]:
    """The entries of a .po file: msgid, msgid_plural, msgstr list, fuzzy (a small reader: no new package)."""
    entries, entry, field = [], None, None

    def unquote(text: str) -> str:
        # A quoted C string: only the escapes .po files use (\\, \", \n, \t).
        body = text.strip()[1:-1]
        return re.sub(r'\\(.)', lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), body)

    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if not line.strip() or line.startswith("#~"):
            if entry is not None:
                entries.append(entry)
            entry, field = None, None
            continue
        if entry is None:
            entry = {"msgid": "", "msgid_plural": "", "msgstr": {}, "fuzzy": False}
        if line.startswith("#,") and "fuzzy" in line:
            entry["fuzzy"] = True
        elif line.startswith("#"):
            continue
        elif line.startswith("msgid_plural "):
            field, entry["msgid_plural"] = ("msgid_plural", None), unquote(line[13:])
        elif line.startswith("msgid "):
            field, entry["msgid"] = ("msgid", None), unquote(line[6:])
        elif line.startswith("msgstr"):
            head, _, rest = line.partition(" ")
            index = int(head[7:-1]) if "[" in head else 0
            field = ("msgstr", index)
            entry["msgstr"][index] = unquote(rest)
        elif line.startswith('"') and field is not None:
            name, index = field
            if name == "msgstr":
                entry["msgstr"][index] += unquote(line)
            else:
                entry[name] += unquote(line)
    return [e for e in entries if e["msgid"]]


def english_left(html: str) -> list[str]:
    parser = _VisibleText()
    parser.feed(html)
    words = ENGLISH_WORD.findall(" ".join(parser.parts))
    return sorted({w for w in words if w.lower() not in ALLOWED})


@pytest.mark.parametrize("language", ["zh_Hant", "zh_Hans"])
def test_every_msgid_of_ours_has_a_translation(language):
    entries = po_entries(LOCALE / language / "LC_MESSAGES" / "django.po")
    assert len(entries) > 100
    missing = [e["msgid"] for e in entries if e["fuzzy"] or not all(e["msgstr"].values()) or not e["msgstr"]]
    assert missing == []


def test_english_word_finder_sees_untranslated_text():
    assert english_left('<p>審核佇列</p><button title="Accept selected">接受</button><p>Review queue</p>') == [
        "Accept", "Review", "queue", "selected"]
    assert english_left("<p>factdesk 的 API</p><script>var a = 'hello';</script>") == []


@pytest.fixture
def desk_world(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    editor = make_user("editor", groups=(EDITOR,))
    cna = make_outlet("中央社")
    speaker = make_speaker("林小明", title="外交部發言人")
    claim = make_public_claim("台灣的國防預算已超過國內生產毛額的百分之三", speaker=speaker, outlet=cna,
                              said_on=dt.date(2025, 2, 13), rating="mostly_false", user=editor,
                              summary="主計總處的數字是百分之二點四五。", explanation="依主計總處預算書核對。")
    article = make_article("外交部發言人林小明表示：「我們將持續與理念相近國家合作。」他並強調，台灣不會挑釁。其他內容。",
                           outlet=cna, title="外交部記者會", published_at=timezone.now() - dt.timedelta(days=1))
    candidate = make_statement(article, text="我們將持續與理念相近國家合作", speaker=speaker)
    stance = Stance.objects.create(speaker=make_speaker("國民黨團"), polarity=Polarity.OPPOSE, claim=claim,
                                   article=article, cue="質疑", said_on=dt.date(2025, 2, 14))
    services.stance_review(stance, user=editor, accept=True)
    return {"editor": editor, "claim": claim, "article": article, "candidate": candidate, "speaker": speaker,
            "stance": stance, "verdict": claim.current_verdict}


def _desk_pages(world) -> dict[str, str]:
    claim, candidate = world["claim"], world["candidate"]
    return {
        "home": reverse("admin:index"),
        "queue": reverse("admin:claims_statement_changelist"),
        "queue-accepted": reverse("admin:claims_statement_changelist") + "?state=accepted",
        "candidate": reverse("admin:claims_statement_change", args=[candidate.pk]),
        "claims": reverse("admin:claims_claim_changelist"),
        "claim": reverse("admin:claims_claim_change", args=[claim.pk]),
        "verdicts": reverse("admin:claims_verdict_changelist"),
        "verdict": reverse("admin:claims_verdict_change", args=[world["verdict"].pk]),
        "verdict-add": reverse("admin:claims_verdict_add") + f"?claim={claim.pk}",
        "stances": reverse("admin:claims_stance_changelist"),
        "stance": reverse("admin:claims_stance_change", args=[world["stance"].pk]),
        # Only ours: the curated registry's names are data (shown per script by item 2), not msgids.
        "speakers": reverse("admin:claims_speaker_changelist") + "?q=林小明",
        "speaker": reverse("admin:claims_speaker_change", args=[world["speaker"].pk]),
        "pending": reverse("admin:claims_pendingchange_changelist"),
        "articles": reverse("admin:sources_article_changelist"),
        "article": reverse("admin:sources_article_change", args=[world["article"].pk]),
        "ingest": reverse("admin:sources_article_add"),
        "feeds": reverse("admin:sources_feed_changelist"),
        "submit-url": reverse("admin:sources_feed_submit_url"),
        "outlets": reverse("admin:sources_outlet_changelist"),
        "partners": reverse("admin:claims_partnerkey_changelist"),
        "webhooks": reverse("admin:claims_webhooksubscription_changelist"),
        "deliveries": reverse("admin:claims_webhookdelivery_changelist"),
    }


def test_every_desk_page_reads_in_traditional_chinese(client, desk_world):
    client.force_login(desk_world["editor"])
    client.cookies["django_language"] = "zh-hant"
    left = {}
    for name, url in _desk_pages(desk_world).items():
        response = client.get(url)
        assert response.status_code == 200, (name, url, response.status_code)
        words = english_left(response.content.decode())
        if words:
            left[name] = words
    if left:
        print(json.dumps(left, ensure_ascii=False, indent=0))
    assert left == {}


def test_every_public_page_reads_in_traditional_chinese(client, desk_world):
    claim, speaker, article = desk_world["claim"], desk_world["speaker"], desk_world["article"]
    with translation.override("zh-hant"):
        pages = {
            "home": reverse("claims:home"),
            "search": reverse("claims:search") + "?q=國防",
            "claim": reverse("claims:claim-detail", kwargs={"pk": claim.pk, "slug": claim.slug}),
            "speaker": reverse("claims:speaker-detail", kwargs={"pk": speaker.pk, "slug": speaker.slug}),
            "article": reverse("claims:article-detail", kwargs={"pk": claim.statements.get().article_id}),
        }
    assert article.pk
    left = {}
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, (name, url)
        words = english_left(response.content.decode())
        if words:
            left[name] = words
    assert left == {}
