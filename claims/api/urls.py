"""Partner API (interface): versioned URLs under /api/ (v1 in namespace "v1"), schema and docs.

A new version is a new namespace beside v1 (see docs/API.md for the deprecation policy).
"""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView

from claims.api import views

v1_patterns = [
    path("claims/", views.ClaimListApi.as_view(), name="claim-list"),
    path("claims:search", views.FactCheckSearchApi.as_view(), name="claim-search"),
    path("claims/<int:pk>/", views.ClaimDetailApi.as_view(), name="claim-detail"),
    path("claimreview/", views.ClaimReviewFeedApi.as_view(), name="claimreview-feed"),
    path("speakers/", views.SpeakerListApi.as_view(), name="speaker-list"),
    path("speakers/<int:pk>/", views.SpeakerDetailApi.as_view(), name="speaker-detail"),
    path("speakers/<int:pk>/flips/", views.SpeakerFlipListApi.as_view(), name="speaker-flips"),
    path("check-requests/", views.CheckRequestCreateApi.as_view(), name="check-request-create"),
    path("articles/", views.ArticleSubmitApi.as_view(), name="article-submit"),
    path("articles/<int:pk>/", views.ArticleDetailApi.as_view(), name="article-detail"),
    path("articles/status/<str:token>/", views.ArticleStatusApi.as_view(), name="article-status"),
]

urlpatterns = [
    path("v1/", include((v1_patterns, "v1"), namespace="v1")),
    path("schema/", SpectacularAPIView.as_view(api_version="v1", authentication_classes=[]), name="api-schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api-schema", authentication_classes=[]), name="api-docs"),
    path("docs/redoc/", SpectacularRedocView.as_view(url_name="api-schema", authentication_classes=[]),
         name="api-redoc"),
]
