"""Partner API v1 views (interface), one module per resource: views only parse, check and shape.

Reads come from claims.selectors; the one write (article submission) goes through
sources.services.article_ingest.
"""

from claims.api.views.articles import ArticleDetailApi, ArticleStatusApi, ArticleSubmitApi
from claims.api.views.claims import ClaimDetailApi, ClaimListApi
from claims.api.views.factcheck import FactCheckSearchApi, GoogleFactCheckSearchApi
from claims.api.views.feed import ClaimReviewFeedApi
from claims.api.views.readers import CheckRequestCreateApi, SpeakerFlipListApi
from claims.api.views.speakers import SpeakerDetailApi, SpeakerListApi

__all__ = [
    "ArticleDetailApi",
    "ArticleStatusApi",
    "ArticleSubmitApi",
    "CheckRequestCreateApi",
    "ClaimDetailApi",
    "ClaimListApi",
    "ClaimReviewFeedApi",
    "FactCheckSearchApi",
    "GoogleFactCheckSearchApi",
    "SpeakerDetailApi",
    "SpeakerFlipListApi",
    "SpeakerListApi",
]
