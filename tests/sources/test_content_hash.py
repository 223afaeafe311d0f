"""Duplicate detection ignores invisible characters: text that differs only by zero-width
characters (or a soft hyphen) is the same article; the data migration moves stored hashes to the
new rule and leaves a row alone when its new hash would collide with another article's."""

from __future__ import annotations

import importlib

import pytest

from sources.cleaning import content_hash
from sources.models import Article
from sources.services import article_ingest
from tests.factories import make_article

TEXT = '外交部發言人林佳龍表示:「我們將持續與理念相近國家合作。」He said: "nothing has changed."'

INVISIBLE = {
    "zero-width-space": "\u200b",
    "zero-width-non-joiner": "\u200c",
    "zero-width-joiner": "\u200d",
    "word-joiner": "\u2060",
    "bom-zero-width-no-break-space": "\ufeff",
    "soft-hyphen": "\u00ad",
}


def _sprinkle(text: str, char: str) -> str:
    """The text with ``char`` between many of its characters (what a copy-paste or a tracker adds)."""
    return char + "".join(c + (char if i % 3 == 0 else "") for i, c in enumerate(text)) + char * 2


@pytest.mark.parametrize("char", list(INVISIBLE.values()), ids=list(INVISIBLE))
def test_invisible_characters_do_not_change_the_content_hash(char: str):
    assert content_hash(_sprinkle(TEXT, char)) == content_hash(TEXT)


def test_visible_differences_still_change_the_hash():
    assert content_hash(TEXT) != content_hash(TEXT.replace("合作", "合做"))
    assert content_hash("co-operate") != content_hash("cooperate")  # a real hyphen is text


@pytest.mark.django_db
@pytest.mark.parametrize("char", list(INVISIBLE.values()), ids=list(INVISIBLE))
def test_text_differing_only_by_zero_width_characters_is_a_duplicate(char: str):
    first = article_ingest(text=TEXT)
    again = article_ingest(text=_sprinkle(TEXT, char))
    assert first.created and not again.created
    assert again.duplicate_reason == "content" and again.article.pk == first.article.pk
    assert Article.objects.get().body == TEXT  # the stored body is exactly what was received first


def _old_hash(text: str) -> str:
    """The rule before invisible characters were ignored (kept in the migration for the reverse)."""
    return _migration().content_hash_before(text)


def _migration():
    return importlib.import_module("sources.migrations.0002_content_hash_ignores_invisible")


@pytest.mark.django_db
def test_the_migration_recomputes_stored_hashes_and_skips_a_collision(capsys):
    from django.apps import apps

    plain = make_article(TEXT + " plain")  # already stored under the new rule (no invisible characters)
    sneaky = Article.objects.create(body=TEXT + "\u200b", content_hash=_old_hash(TEXT + "\u200b"), language="zh-Hant")
    twin = Article.objects.create(
        body=TEXT + " pla\u00adin", content_hash=_old_hash(TEXT + " pla\u00adin"), language="zh-Hant"
    )  # would collide with ``plain``
    untouched = make_article("另一篇文章的內容，和其他文章不同。")
    before_plain, before_untouched = plain.content_hash, untouched.content_hash

    _migration().recompute_content_hashes(apps, None)

    for row in (plain, sneaky, twin, untouched):
        row.refresh_from_db()
    assert sneaky.content_hash == content_hash(TEXT)  # moved to the new rule
    assert twin.content_hash == _old_hash(TEXT + " pla\u00adin")  # kept: the new hash belongs to ``plain``
    assert (plain.content_hash, untouched.content_hash) == (before_plain, before_untouched)
    assert f"article {twin.pk}" in capsys.readouterr().out  # the skipped row is named
    # Re-running changes nothing (idempotent), and a new submission of the sneaky text is its duplicate.
    _migration().recompute_content_hashes(apps, None)
    sneaky.refresh_from_db()
    assert sneaky.content_hash == content_hash(TEXT)
    assert article_ingest(text=TEXT + "\u2060").article.pk == sneaky.pk
