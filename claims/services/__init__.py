"""Claims services: every write to speakers, claims, statements, stances, verdicts and articles'
extraction, split by entity behind the same names (``from claims import services`` as before).

The admin, the API, the public site and the Celery tasks all call these functions; each is atomic
and leaves history (django-simple-history records who changed what and when). The editorial rule
(nothing published changes without an editor) lives in ``editorial``; partner keys and webhooks
live below the API in ``claims.partners``.
"""

from claims.partners.keys import (
    ERROR_PARTNER_NAME,
    ERROR_PARTNER_SCOPES,
    partner_key_create,
    partner_key_mark_used,
    partner_key_revoke,
    partner_key_update,
)
from claims.partners.webhooks import ERROR_WEBHOOK_EVENTS, webhook_subscription_save
from claims.services.changes import (
    ERROR_CHANGE_DECIDED,
    ERROR_CHANGE_DISCARD,
    ERROR_CHANGE_PUBLISH,
    change_discard,
    change_publish,
)
from claims.services.claims import (
    ERROR_CHECKED_STATUS,
    ERROR_EDITORS_WITHDRAW,
    ERROR_EMPTY_CLAIM,
    ERROR_MERGE_SELF,
    claim_create,
    claim_merge,
    claim_publish,
    claim_reindex,
    claim_unpublish,
    claim_update,
)
from claims.services.editorial import MESSAGE_PENDING, user_can_publish
from claims.services.extraction import (
    ERROR_REVIEWED_ARTICLE,
    ExtractionOutcome,
    RerunPreview,
    article_delete,
    article_extract,
    article_extraction_failed,
    article_extraction_requeue,
    article_ingested,
    article_rerun_preview,
    articles_needing_extraction,
)
from claims.services.speakers import (
    speaker_alias_add,
    speaker_alias_remove,
    speaker_confirm,
    speaker_create,
    speaker_find,
    speaker_merge,
    speaker_update,
)
from claims.services.stances import stance_review
from claims.services.statements import (
    ERROR_MERGE_NEEDS_TWO,
    ERROR_MOVE_PUBLIC,
    ERROR_SPLIT_PARTS,
    ERROR_SPLIT_STATE,
    ERROR_SPLIT_TAKEN,
    statement_accept,
    statement_reject,
    statement_split,
    statement_update,
    statements_bulk_accept,
    statements_bulk_reject,
    statements_merge,
)
from claims.services.verdicts import (
    ERROR_NOT_YOUR_DRAFT,
    ERROR_PUBLISH_PERMISSION,
    ERROR_STALE_VERDICT,
    verdict_check_editable,
    verdict_draft,
    verdict_publish,
    verdict_update,
)

__all__ = [
    "ERROR_CHANGE_DECIDED",
    "ERROR_CHANGE_DISCARD",
    "ERROR_CHANGE_PUBLISH",
    "ERROR_CHECKED_STATUS",
    "ERROR_EDITORS_WITHDRAW",
    "ERROR_EMPTY_CLAIM",
    "ERROR_MERGE_NEEDS_TWO",
    "ERROR_MERGE_SELF",
    "ERROR_MOVE_PUBLIC",
    "ERROR_NOT_YOUR_DRAFT",
    "ERROR_PARTNER_NAME",
    "ERROR_PARTNER_SCOPES",
    "ERROR_PUBLISH_PERMISSION",
    "ERROR_REVIEWED_ARTICLE",
    "ERROR_SPLIT_PARTS",
    "ERROR_SPLIT_STATE",
    "ERROR_SPLIT_TAKEN",
    "ERROR_STALE_VERDICT",
    "ERROR_WEBHOOK_EVENTS",
    "ExtractionOutcome",
    "MESSAGE_PENDING",
    "RerunPreview",
    "article_delete",
    "article_extract",
    "article_extraction_failed",
    "article_extraction_requeue",
    "article_ingested",
    "article_rerun_preview",
    "articles_needing_extraction",
    "change_discard",
    "change_publish",
    "claim_create",
    "claim_merge",
    "claim_publish",
    "claim_reindex",
    "claim_unpublish",
    "claim_update",
    "partner_key_create",
    "partner_key_mark_used",
    "partner_key_revoke",
    "partner_key_update",
    "speaker_alias_add",
    "speaker_alias_remove",
    "speaker_confirm",
    "speaker_create",
    "speaker_find",
    "speaker_merge",
    "speaker_update",
    "stance_review",
    "statement_accept",
    "statement_reject",
    "statement_split",
    "statement_update",
    "statements_bulk_accept",
    "statements_bulk_reject",
    "statements_merge",
    "user_can_publish",
    "verdict_check_editable",
    "verdict_draft",
    "verdict_publish",
    "verdict_update",
    "webhook_subscription_save",
]
