"""Recompute stored content hashes now that invisible characters are ignored (sources.cleaning).

Only articles whose body contains one of those characters can get a new hash, so only they are
read (the filter runs in the database). A row whose new hash already belongs to another article
is a duplicate under the new rule: it is SKIPPED, keeping its old hash, and named on stdout. Both
articles stay (neither is merged or deleted: that is an editor's decision), and new submissions of
that text are matched to the article that already holds the new hash. The hash rules are copied
here, frozen, so that later changes to sources.cleaning do not change what this migration does.
"""

import hashlib
import unicodedata
from functools import reduce
from operator import or_

from django.db import migrations
from django.db.models import Q

INVISIBLE_CHARACTERS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_DROP_INVISIBLE = str.maketrans("", "", INVISIBLE_CHARACTERS)


def content_hash_before(text):
    """The rule before this migration: NFC, line endings and outer whitespace normalised."""
    canonical = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    canonical = "\n".join(line.rstrip() for line in canonical.strip().split("\n"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def content_hash_after(text):
    """The rule after it: the same, with invisible characters removed first."""
    return content_hash_before(text.translate(_DROP_INVISIBLE))


def _rehash(apps, rule):
    Article = apps.get_model("sources", "Article")
    with_invisible = reduce(or_, (Q(body__contains=char) for char in INVISIBLE_CHARACTERS))
    rows = Article.objects.filter(with_invisible).order_by("pk").values_list("pk", "body", "content_hash")
    changed, skipped = 0, []
    for pk, body, old in rows.iterator(chunk_size=100):
        new = rule(body)
        if new == old:
            continue
        if Article.objects.filter(content_hash=new).exclude(pk=pk).exists():
            skipped.append(pk)  # a duplicate under the rule: keep its old hash (see the docstring)
            continue
        Article.objects.filter(pk=pk).update(content_hash=new)
        changed += 1
    if changed or skipped:
        print(f"\n  content hashes: {changed} recomputed, {len(skipped)} skipped (another article already has "
              f"the new hash): {', '.join(f'article {pk}' for pk in skipped) or 'none'}")


def recompute_content_hashes(apps, schema_editor):
    _rehash(apps, content_hash_after)


def restore_content_hashes(apps, schema_editor):
    _rehash(apps, content_hash_before)


class Migration(migrations.Migration):

    dependencies = [
        ("sources", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(recompute_content_hashes, restore_content_hashes, elidable=True),
    ]
