"""Plain factory functions for tests: each makes one valid row with sensible defaults."""

from __future__ import annotations

_counter = iter(range(1, 10**9))


def make_user(username: str | None = None, *, groups: tuple[str, ...] = (), superuser: bool = False, password="pw-Factdesk-1"):
    from django.contrib.auth.models import Group, User

    username = username or f"user{next(_counter)}"
    if superuser:
        user = User.objects.create_superuser(username=username, password=password, email="")
    else:
        user = User.objects.create_user(username=username, password=password, is_staff=True)
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


def make_outlet(name: str | None = None, **kwargs):
    from sources.models import Outlet

    return Outlet.objects.create(name=name or f"Outlet {next(_counter)}", **kwargs)


def make_article(body: str | None = None, **kwargs):
    """An article stored directly (no extraction); for service tests use article_ingest."""
    from sources.cleaning import content_hash
    from sources.models import Article

    body = body or f"測試文章 {next(_counter)}。外交部發言人表示:「這是測試。」"
    kwargs.setdefault("language", "zh-Hant")
    return Article.objects.create(body=body, content_hash=content_hash(body), **kwargs)


def make_speaker(name: str | None = None, **kwargs):
    from claims import services

    return services.speaker_create(name=name or f"Speaker {next(_counter)}", **kwargs)


def make_statement(article=None, *, text: str | None = None, speaker=None, **kwargs):
    """A candidate statement whose text is a real slice of its article."""
    from claims.models import Statement

    if article is None:
        quote = text or f"這是第{next(_counter)}個測試聲明"
        article = make_article(f"某官員表示:「{quote}」。")
    text = text or article.body[article.body.index("「") + 1 : article.body.index("」")]
    start = article.body.index(text)
    kwargs.setdefault("kind", "direct")
    kwargs.setdefault("language", "zh-Hant")
    return Statement.objects.create(
        article=article, speaker=speaker or make_speaker(), text=text, start=start, end=start + len(text), **kwargs
    )


def make_published_claim(text: str | None = None, *, rating: str = "false", user=None):
    """A claim with an accepted statement and a published verdict."""
    from claims import services

    user = user or make_user(superuser=True)
    statement = make_statement(text=text)
    statement = services.statement_accept(statement, user=user)
    verdict = services.verdict_draft(
        claim=statement.claim, user=user, rating=rating, explanation="Checked against the record."
    )
    services.verdict_publish(verdict, user=user)
    statement.claim.refresh_from_db()
    return statement.claim


def make_public_claim(
    quote: str,
    *,
    speaker=None,
    outlet=None,
    url: str = "",
    language: str = "zh-Hant",
    rating: str = "false",
    summary: str = "",
    explanation: str = "Checked against the record.",
    said_on=None,
    published_at=None,
    user=None,
    context: str = "",
):
    """A published claim made by one accepted statement quoting ``quote`` in its own article.

    ``context`` is article text around the quote (never shown publicly; the article page quotes only
    statements). Returns the claim with its current verdict loaded.
    """
    from claims import services

    user = user or make_user(superuser=True)
    lead = "The official said: \"" if language == "en" else "某官員表示:「"
    tail = "\"." if language == "en" else "」。"
    body = f"{context}{lead}{quote}{tail}{context}"
    article = make_article(body, outlet=outlet, url=url, language=language, published_at=published_at)
    statement = make_statement(article, text=quote, speaker=speaker, language=language, said_on=said_on)
    statement = services.statement_accept(statement, user=user)
    verdict = services.verdict_draft(
        claim=statement.claim, user=user, rating=rating, summary=summary, explanation=explanation
    )
    services.verdict_publish(verdict, user=user)
    statement.claim.refresh_from_db()
    return statement.claim


def reverse_in(url_name: str, language: str = "en", /, **kwargs) -> str:
    """A public page's address in one language (the language is in the path: /en/, /zh-hans/, /zh-hant/)."""
    from django.urls import reverse
    from django.utils import translation

    with translation.override(language):
        return reverse(url_name, kwargs=kwargs or None)
