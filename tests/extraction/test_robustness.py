"""Adversarial input: never raises, offsets valid, linear time (guarded by an alarm, not timed)."""

import json
import signal
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.extraction import extract, to_json

from .helpers import GAZ

ROOT = Path(__file__).resolve().parents[2]


@contextmanager
def guard(seconds):
    """Fail instead of hanging when something is super-linear (generous: not a timing test)."""
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def boom(*_):
        raise TimeoutError(f"took more than {seconds}s")

    old = signal.signal(signal.SIGALRM, boom)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def check(text, ex):
    for s in ex.statements:
        assert 0 <= s.start < s.end <= len(text)
        assert text[s.start:s.end] == s.text
        assert isinstance(s.claim_key, str) and s.claim_key
    for t in ex.stances:
        assert 0 <= t.target < len(ex.statements)
    json.dumps(to_json(ex), ensure_ascii=False)


SENT = "川普12日表示,「我們會贏。」他說:美國將繼續談判。佩斯科夫說,這是不可能的。"


@pytest.mark.parametrize("name, text", [
    ("5MB article", (SENT + "這是一段敘述文字,沒有任何引語,只是背景資料與數字12345。" * 6 + "\n")
     * (5_000_000 // (len(SENT) + 200))),
    ("100k unbalanced quotes", "「" * 50_000 + "」" * 25_000 + "“" * 25_000),
    ("100k stray closers", "他說」" * 100_000),
    ("deep nesting", "他說:" + "「『“‘" * 5_000 + "內容" + "’”』」" * 5_000),
    ("10k rare characters", "他表示," + "".join(chr(0x20000 + i) for i in range(10_000)) + "。"),
    ("1MB single line", ("He said the plan \"would work\" and she added that it would not. " * 16_000)),
    ("many verbs", "他說表示指出強調" * 50_000),
    ("straight quotes", '"' * 200_000),
])
def test_adversarial_inputs_complete(name, text):
    with guard(600):
        ex = extract(text, gazetteer=GAZ)
    check(text, ex)


def test_blank_lines_inside_an_open_quote_are_linear():
    """Each newline in an open quote looks ahead past blank lines for a reopening mark: a run of blank
    lines is scanned once (100,000 of them took minutes when every newline rescanned the run)."""
    text = "他說:「" + "\n" * 100_000 + "好」"
    with guard(60):
        ex = extract(text, gazetteer=GAZ)
    check(text, ex)


@given(st.text(alphabet=st.sampled_from(list("他說表示川普「」『』“”\"'‘’:,,。!?\n 12日據悉問abc said told")),
               max_size=300))
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_property_never_raises_and_offsets_are_valid(text):
    check(text, extract(text, gazetteer=GAZ))


@given(st.text(max_size=200))
@settings(max_examples=200, deadline=None)
def test_property_any_unicode(text):
    check(text, extract(text, gazetteer=GAZ))


def test_deterministic():
    text = (SENT + "\n") * 20
    assert to_json(extract(text, gazetteer=GAZ)) == to_json(extract(text, gazetteer=GAZ))


@pytest.mark.parametrize("payload", [b"", b"\x00\x01\x02binary\x00", "川普表示,會談很好。".encode("big5", "replace"),
                                     b"\xff\xfe broken \xc3 utf8 \xe5\xb7\x9d\xe6\x99\xae\xe8\xa1\xa8\xe7\xa4\xba,\xe5\xa5\xbd\xe3\x80\x82"])
def test_cli_never_tracebacks(tmp_path, payload):
    f = tmp_path / "a.txt"
    f.write_bytes(payload)
    r = subprocess.run([sys.executable, "-m", "claims.extraction", str(f), "--published", "2025-02-13"],
                       check=False, capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stderr
    out = json.loads(r.stdout)
    assert set(out) >= {"statements", "stances"}


def test_importing_extraction_does_not_import_django():
    code = "import sys, claims.extraction; assert 'django' not in sys.modules, 'django imported'"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, timeout=60)


def test_extraction_does_not_load_jieba():
    """The extractor matches words itself: no segmenter (and its ~100 MB dictionary) is loaded."""
    code = ("import sys, claims.extraction as x; x.extract('川普12日表示,會談很好。He said it was fine.'); "
            "assert 'jieba' not in sys.modules, 'jieba imported'")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, timeout=60)


EVAL = ROOT.parent / "shared" / "eval"


@pytest.mark.skipif(not EVAL.is_dir(), reason="../shared/eval not present")
def test_real_articles_cut_anywhere_never_raise():
    """Real news cut at arbitrary points (inside a quote, a name, a date, a paragraph): extract() still
    returns, with valid offsets. The texts are read from ../shared/eval, never copied here."""
    paths = sorted(EVAL.glob("real-zh/*.txt"))[:30] + sorted(EVAL.glob("real-en/*.txt"))[:30]
    assert paths
    for path in paths:
        text = path.read_text(encoding="utf-8")
        for cut in (len(text) // 3, len(text) // 2 + 1, 2 * len(text) // 3 + 2):
            for part in (text[:cut], text[cut:]):
                check(part, extract(part, gazetteer=GAZ))


def test_a_paragraph_of_reports_without_a_full_stop_is_linear():
    """Each unsourced report reads its clause to the sentence's end: a scan per report to the end of a
    paragraph without a full stop was quadratic (50,000 would take many minutes)."""
    text = "網傳市府將調漲水費," * 50_000  # 6,400 of them took 14 s
    with guard(30):
        ex = extract(text, gazetteer=GAZ)
    check(text, ex)
