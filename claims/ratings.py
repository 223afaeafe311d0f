"""The documented verdict scale and its mapping to ClaimReview's reviewRating.

Five numeric ratings map to ratingValue 1 (false) .. 5 (true) with bestRating 5 and worstRating 1.
Ratings that are not a point on that line (misleading, unproven, opinion) carry no ratingValue;
ClaimReview consumers read their alternateName instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class Rating(models.TextChoices):
    TRUE = "true", _("True")
    MOSTLY_TRUE = "mostly_true", _("Mostly true")
    HALF_TRUE = "half_true", _("Half true")
    MOSTLY_FALSE = "mostly_false", _("Mostly false")
    FALSE = "false", _("False")
    MISLEADING = "misleading", _("Misleading")
    UNPROVEN = "unproven", _("Unproven")
    OPINION = "opinion", _("Opinion, not checkable")


@dataclass(frozen=True)
class RatingInfo:
    value: int | None  # ClaimReview ratingValue, None for non-numeric ratings
    alternate_name: str  # English textual rating used in ClaimReview
    label_hant: str
    label_hans: str


BEST_RATING = 5
WORST_RATING = 1

RATING_INFO: dict[str, RatingInfo] = {
    Rating.TRUE: RatingInfo(5, "True", "正確", "正确"),
    Rating.MOSTLY_TRUE: RatingInfo(4, "Mostly true", "大致正確", "大致正确"),
    Rating.HALF_TRUE: RatingInfo(3, "Half true", "部分正確", "部分正确"),
    Rating.MOSTLY_FALSE: RatingInfo(2, "Mostly false", "大致錯誤", "大致错误"),
    Rating.FALSE: RatingInfo(1, "False", "錯誤", "错误"),
    Rating.MISLEADING: RatingInfo(None, "Misleading", "誤導", "误导"),
    Rating.UNPROVEN: RatingInfo(None, "Unproven", "證據不足", "证据不足"),
    Rating.OPINION: RatingInfo(None, "Opinion", "意見，無法查證", "意见，无法查证"),
}


def rating_name(rating: str, language: str | None) -> str:
    """The rating's textual name in a content language (zh-Hant, zh-Hans, en; English otherwise):
    the scale's documented Chinese labels, or its English name."""
    info = rating_info(rating)
    if language == "zh-Hant":
        return info.label_hant
    if language == "zh-Hans":
        return info.label_hans
    return info.alternate_name


def rating_info(rating: str) -> RatingInfo:
    """The ClaimReview mapping of one rating; KeyError for a value off the scale."""
    return RATING_INFO[Rating(rating)]
