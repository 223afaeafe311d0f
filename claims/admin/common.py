"""Claims admin (interface): what every desk screen shares — the statement in its context, list
filters, and the history admin base that reports a save which became a pending change.

Every save path calls ``claims.services``; reads shared with other callers come from
``claims.selectors``. Lists are built for 100,000 rows: joins declared up front, no full-table
COUNT on page load (a capped paginator), bounded blocks on pages."""

from __future__ import annotations

import re

from django.contrib import admin, messages
from django.contrib.admin.utils import quote
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.admin import SimpleHistoryAdmin
from simple_history.models import DeletedObject, ModelChange, ModelDelta

from claims import selectors, services
from claims.models import Origin, PendingChange, Statement
from sources.admin_articles import CappedPaginator, DeskMedia


def _user_label(user) -> str:
    return getattr(user, "username", "") or "—"


def _admin_url(obj, action: str = "change") -> str:
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{action}", args=[quote(obj.pk)])


# Sentence ends in Chinese and English text: full stops, question and exclamation marks, newlines.
_SENTENCE_END = re.compile(r"[。！？!?；\n]|\.(?=\s)")

_CONTEXT_MAX = 600  # characters shown at most on either side of the statement


def _window(body: str, start: int, end: int, sentences: int) -> tuple[int, int]:
    """Offsets ``sentences`` sentence ends before ``start`` and after ``end``, capped in length."""
    lo_limit = max(0, start - _CONTEXT_MAX)
    ends_before = [m.end() for m in _SENTENCE_END.finditer(body, lo_limit, start)]
    # The sentence holding the span starts after the last end before it; go back further by `sentences`.
    lo = ends_before[-(sentences + 1)] if len(ends_before) > sentences else lo_limit
    hi_limit = min(len(body), end + _CONTEXT_MAX)
    ends_after = [m.end() for m in _SENTENCE_END.finditer(body, end, hi_limit)]
    hi = ends_after[sentences] if len(ends_after) > sentences else hi_limit
    return lo, hi


def statement_context_html(statement: Statement, *, sentences: int = 2) -> SafeString:
    """The statement in its article: ~``sentences`` around it, quoted span and speaker mention marked.

    All article text is escaped; only our own <mark> tags are markup.
    """
    body = statement.article.body
    marks = [(statement.start, statement.end, "desk-span")]
    ms, me = statement.mention_start, statement.mention_end
    if ms is not None and me is not None and 0 <= ms < me <= len(body):
        if me <= statement.start or ms >= statement.end:
            marks.append((ms, me, "desk-mention"))
    lo, hi = _window(body, min(s for s, _, _ in marks), max(e for _, e, _ in marks), sentences)
    # The span picker (static/desk/span_select.js) turns a selection here into article offsets: it
    # counts from data-desk-offset and skips the ellipses. A carriage return is written as &#13;
    # because HTML parsing would turn a literal one into a newline and shift every later offset.
    ellipsis = '<span class="desk-ellipsis" data-desk-skip aria-hidden="true">…</span>'
    parts: list[str] = [ellipsis if lo > 0 else ""]
    cursor = lo
    for s, e, css in sorted(marks):
        parts.append(_text(body[cursor:s]))
        parts.append(format_html('<mark class="{}">{}</mark>', css, mark_safe(_text(body[s:e]))))  # noqa: S308 (escaped by _text)
        cursor = e
    parts.append(_text(body[cursor:hi]))
    parts.append(ellipsis if hi < len(body) else "")
    return format_html('<div class="desk-context" lang="{}" data-desk-offset="{}">{}</div>', statement.language or "",
                       lo, mark_safe("".join(parts)))  # noqa: S308 (every piece escaped above)


def _text(raw: str) -> str:
    """Article text as HTML that parses back to exactly the same characters (escaped; CR kept)."""
    return escape(raw).replace("\r", "&#13;")


class ReviewStateFilter(admin.SimpleListFilter):
    """Candidates by default: the changelist is the review queue."""

    title = gettext_lazy("review state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [("candidate", _("Candidates (queue)")), ("accepted", _("Accepted")), ("rejected", _("Rejected")),
                ("all", _("All"))]

    def queryset(self, request, queryset):
        value = self.value() or "candidate"
        return queryset if value == "all" else queryset.filter(review_state=value)

    def choices(self, changelist):
        value = self.value() or "candidate"
        for lookup, title in self.lookup_choices:
            yield {
                "selected": value == lookup,
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }


class ConfidenceFilter(admin.SimpleListFilter):
    title = gettext_lazy("confidence")
    parameter_name = "confidence"
    _BANDS = {"high": (0.8, None), "medium": (0.5, 0.8), "low": (None, 0.5)}

    def lookups(self, request, model_admin):
        return [("high", _("High (≥ 0.8)")), ("medium", _("Medium (0.5–0.8)")), ("low", _("Low (< 0.5)"))]

    def queryset(self, request, queryset):
        band = self._BANDS.get(self.value() or "")
        if band is None:
            return queryset
        lo, hi = band
        if lo is not None:
            queryset = queryset.filter(confidence__gte=lo)
        if hi is not None:
            queryset = queryset.filter(confidence__lt=hi)
        return queryset


class SpeakerInputFilter(admin.SimpleListFilter):
    """A text box: a speaker's name or any alias, in either script (or an id from a link)."""

    title = gettext_lazy("speaker")
    parameter_name = "speaker"
    template = "admin/desk/input_filter.html"

    def lookups(self, request, model_admin):
        return []

    def has_output(self) -> bool:
        return True

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(speaker_id__in=selectors.speaker_ids_matching(self.value()))
        return queryset

    def choices(self, changelist):
        hidden = [(k, v) for k, v in changelist.params.items() if k != self.parameter_name]
        yield {
            "selected": self.value() is None,
            "query_string": changelist.get_query_string(remove=[self.parameter_name]),
            "display": _("All"),
            "value": self.value() or "",
            "parameter_name": self.parameter_name,
            "hidden": hidden,
        }


class ArticleFilter(admin.SimpleListFilter):
    """One article's statements (linked from the article page); shown only while active."""

    title = gettext_lazy("article")
    parameter_name = "article"

    def lookups(self, request, model_admin):
        value = request.GET.get(self.parameter_name, "")
        return [(value, _("Article %(id)s") % {"id": value})] if value.isdigit() else []

    def has_output(self) -> bool:
        return bool(self.value())

    def queryset(self, request, queryset):
        value = self.value() or ""
        return queryset.filter(article_id=int(value)) if value.isdigit() else queryset


class AwaitingConfirmationFilter(admin.SimpleListFilter):
    title = gettext_lazy("confirmation")
    parameter_name = "awaiting"

    def lookups(self, request, model_admin):
        return [("yes", _("Proposed by the extractor, awaiting confirmation")), ("merged", _("Merged away"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(confirmed=False, merged_into__isnull=True, origin=Origin.EXTRACTED)
        if self.value() == "merged":
            return queryset.filter(merged_into__isnull=False)
        return queryset


def _no_phantom(value):
    return None if isinstance(value, DeletedObject) and value.pk is None else value


class DeskHistoryAdmin(DeskMedia, SimpleHistoryAdmin):
    """History view and revert for desk models; reverting saves through ``save_model`` (services)."""

    show_full_result_count = False
    # Facet counts would COUNT every filter value over the whole table on each page load.
    show_facets = admin.ShowFacets.NEVER
    paginator = CappedPaginator

    def set_history_delta_changes(self, request, historical_records, foreign_keys_are_objs=True):
        """As simple_history's, but an empty foreign key shows as empty: simple_history turns a null
        key into "Deleted verdict (pk=None)", a verdict that never existed."""
        previous = None
        for current in historical_records:
            if previous is None:
                previous = current
                continue
            delta = previous.diff_against(current, foreign_keys_are_objs=foreign_keys_are_objs)
            delta = ModelDelta(
                changes=[ModelChange(c.field, _no_phantom(c.old), _no_phantom(c.new)) for c in delta.changes],
                changed_fields=delta.changed_fields, old_record=delta.old_record, new_record=delta.new_record,
            )
            helper = self.get_historical_record_context_helper(request, previous)
            previous.history_delta_changes = helper.context_for_delta_changes(delta)
            previous = current

    @staticmethod
    def is_revert(request: HttpRequest) -> bool:
        match = getattr(request, "resolver_match", None)
        return bool(match and (match.url_name or "").endswith("_simple_history"))

    @staticmethod
    def report(request: HttpRequest, result) -> bool:
        """Tell the user when a save became a pending change; True if it did (nothing public moved)."""
        if isinstance(result, PendingChange):
            request._desk_pending = result
            url = reverse("admin:claims_pendingchange_change", args=[quote(result.pk)])
            messages.warning(request, format_html('{} <a href="{}">{}</a>', _(services.MESSAGE_PENDING), url,
                                                  _("See the pending change.")))
            return True
        return False

    def message_user(self, request, message, level=messages.INFO, *args, **kwargs):
        # The admin's own "changed successfully" would be untrue when the save became a proposal.
        if getattr(request, "_desk_pending", None) is not None and level == messages.SUCCESS:
            return
        super().message_user(request, message, level, *args, **kwargs)
