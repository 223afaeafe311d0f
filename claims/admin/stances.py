"""Claims admin (interface): stances — who supports or opposes what, reviewed in the list, in bulk,
or one by one beside the statement or on the claim they answer (the review view below)."""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, pgettext, pgettext_lazy

from claims import selectors, services
from claims.admin.common import ConfidenceFilter, DeskHistoryAdmin, _admin_url
from claims.models import PendingChange, Stance

# Messages after reviewing one stance.
MESSAGE_STANCE_ACCEPTED = pgettext_lazy("desk review", "Accepted: {speaker} {polarity}.")
MESSAGE_STANCE_REJECTED = pgettext_lazy("desk review", "Rejected: {speaker} {polarity}.")
MESSAGE_STANCE_HELD = pgettext_lazy("desk review", "Accepted; it is on a published claim and waits for an editor to publish it.")


class _IdOrWordsFilter(admin.SimpleListFilter):
    """A text box: a number is an id, anything else is matched against words (see ``words_q``)."""

    template = "admin/desk/id_filter.html"
    placeholder = ""

    def lookups(self, request, model_admin):
        return []

    def has_output(self) -> bool:
        return True

    def words_q(self, term: str) -> Q:
        raise NotImplementedError

    def id_q(self, pk: int) -> Q:
        raise NotImplementedError

    def queryset(self, request, queryset):
        term = (self.value() or "").strip()
        if not term:
            return queryset
        return queryset.filter(self.id_q(int(term)) if term.isdigit() else self.words_q(term))

    def choices(self, changelist):
        yield {
            "selected": self.value() is None,
            "query_string": changelist.get_query_string(remove=[self.parameter_name]),
            "value": self.value() or "",
            "parameter_name": self.parameter_name,
            "placeholder": self.placeholder,
            "hidden": [(k, v) for k, v in changelist.params.items() if k != self.parameter_name],
        }


class StanceArticleFilter(_IdOrWordsFilter):
    """Stances taken from one article: its id (linked from the article) or words of its title."""

    title = pgettext_lazy("desk review", "article")
    parameter_name = "article"
    placeholder = pgettext_lazy("desk review", "article id or title")

    def id_q(self, pk: int) -> Q:
        return Q(article_id=pk)

    def words_q(self, term: str) -> Q:
        q = Q()
        for variant in selectors.text_search_variants(term):
            q |= Q(article__title__icontains=variant)
        return q


class StanceClaimFilter(_IdOrWordsFilter):
    """Stances on one claim (directly or on its statements): its id or words of its text."""

    title = pgettext_lazy("desk review", "claim")
    parameter_name = "claim"
    placeholder = pgettext_lazy("desk review", "claim id or words")

    def id_q(self, pk: int) -> Q:
        return Q(claim_id=pk) | Q(target_statement__claim_id=pk)

    def words_q(self, term: str) -> Q:
        q = Q()
        for variant in selectors.text_search_variants(term):
            q |= Q(claim__text__icontains=variant) | Q(target_statement__claim__text__icontains=variant)
        return q


class StanceStatementFilter(_IdOrWordsFilter):
    """Stances aimed at one statement: its id (linked from the statement) or words of its text."""

    title = pgettext_lazy("desk review", "statement")
    parameter_name = "statement"
    placeholder = pgettext_lazy("desk review", "statement id or words")

    def id_q(self, pk: int) -> Q:
        return Q(target_statement_id=pk)

    def words_q(self, term: str) -> Q:
        q = Q()
        for variant in selectors.text_search_variants(term):
            q |= Q(target_statement__text__icontains=variant)
        return q


def stance_review_context(request: HttpRequest, stances, *, list_query: str, show_target: bool) -> dict:
    """What the stance review panel (admin/claims/stance/_review.html) needs, for a statement or a claim page."""
    return {
        "desk_stances": selectors.stance_words_attach(stances),
        "desk_stance_next": request.get_full_path(),
        "desk_stance_list_url": reverse("admin:claims_stance_changelist") + f"?{list_query}",
        "desk_stance_show_target": show_target,
        "desk_can_review_stances": request.user.has_perm("claims.change_stance"),
    }


@admin.register(Stance)
class StanceAdmin(DeskHistoryAdmin):
    list_display = ("speaker", "polarity", "target_col", "article_col", "confidence_col", "review_state", "said_on")
    list_filter = ("review_state", "polarity", ConfidenceFilter, StanceArticleFilter, StanceClaimFilter,
                   StanceStatementFilter)
    list_select_related = ("speaker", "claim", "target_statement", "target_statement__speaker", "article")
    search_fields = ("speaker__name", "cue")
    actions = ["accept_selected", "reject_selected"]
    readonly_fields = ("speaker", "polarity", "claim", "target_statement", "evidence_statement", "article", "cue",
                       "said_on", "confidence", "evidence", "review_state", "reviewed_by", "reviewed_at",
                       "extractor_version")
    fields = readonly_fields

    def get_queryset(self, request):
        # The target's speaker in the same query as the rows (a subquery for claim-only targets).
        return super().get_queryset(request).annotate(target_speaker=selectors.stance_target_speaker_name())

    @admin.display(description=gettext_lazy("conf."), ordering="confidence")
    def confidence_col(self, obj: Stance) -> str:
        return f"{obj.confidence:.2f}"

    @admin.display(description=gettext_lazy("on"))
    def target_col(self, obj: Stance):
        """Whose words the stance answers, and which: the statement (what was said) else the claim."""
        if obj.target_statement_id:
            kind, text, url = pgettext("desk review", "statement"), obj.target_statement.text, _admin_url(obj.target_statement)
        elif obj.claim_id:
            kind, text, url = pgettext("desk review", "claim"), obj.claim.text, _admin_url(obj.claim)
        else:
            return "—"
        who = getattr(obj, "target_speaker", None) or "—"
        return format_html('<span class="desk-target-speaker">{}</span>: <a href="{}">“{}”</a> <small class="desk-muted">{}</small>',
                           who, url, text[:80], kind)

    @admin.display(description=pgettext_lazy("desk review", "article"))
    def article_col(self, obj: Stance):
        if not obj.article_id:
            return "—"
        return format_html('<a href="?article={}">{}</a>', obj.article_id, str(obj.article)[:40])

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    # -- one stance, reviewed where it is shown (beside its statement, on its claim) --

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        own = [path("<path:object_id>/review/", self.admin_site.admin_view(self.review_view),
                    name=f"{info[0]}_{info[1]}_review")]
        return own + super().get_urls()

    def review_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        """Accept or reject one stance through the service (the editorial rule applies), then go back."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        stance = get_object_or_404(Stance.objects.select_related("speaker"), pk=object_id)
        if not self.has_change_permission(request, stance):
            raise PermissionDenied
        decision = request.POST.get("decision")
        if decision not in {"accept", "reject"}:
            messages.error(request, pgettext("desk review", "Choose accept or reject."))
        else:
            result = services.stance_review(stance, user=request.user, accept=decision == "accept")
            if not self.report(request, result):
                if getattr(result, "held", False):
                    messages.warning(request, str(MESSAGE_STANCE_HELD))
                else:
                    text = MESSAGE_STANCE_ACCEPTED if decision == "accept" else MESSAGE_STANCE_REJECTED
                    messages.success(request, str(text).format(speaker=stance.speaker.name,
                                                                   polarity=stance.get_polarity_display()))
        target = request.POST.get("next") or ""
        if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                               require_https=request.is_secure()):
            target = reverse("admin:claims_stance_changelist")
        return HttpResponseRedirect(target)

    # -- bulk actions --

    @admin.action(description=gettext_lazy("Accept selected stances"), permissions=["change"])
    def accept_selected(self, request, queryset):
        rows = list(queryset.select_related("target_statement"))
        results = [services.stance_review(stance, user=request.user, accept=True) for stance in rows]
        self.message_user(request, ngettext("Accepted %(n)d stance.", "Accepted %(n)d stances.", len(rows))
                          % {"n": len(rows)}, messages.SUCCESS)
        held = sum(1 for r in results if getattr(r, "held", False))
        if held:
            messages.warning(request, _("%(n)d are on published claims and wait for an editor to publish them.")
                             % {"n": held})

    @admin.action(description=gettext_lazy("Reject selected stances"), permissions=["change"])
    def reject_selected(self, request, queryset):
        rows = list(queryset)
        results = [services.stance_review(stance, user=request.user, accept=False) for stance in rows]
        pending = sum(1 for r in results if isinstance(r, PendingChange))
        self.message_user(request, ngettext("Rejected %(n)d stance.", "Rejected %(n)d stances.", len(rows) - pending)
                          % {"n": len(rows) - pending}, messages.SUCCESS)
        if pending:
            messages.warning(request, _("%(n)d are public and wait for an editor to remove them.") % {"n": pending})
