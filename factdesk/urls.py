"""Root URL configuration: admin desk, versioned partner API (and Google's claims:search path), public
pages, health check."""

from django.contrib import admin
from django.urls import include, path

from claims.api.views import GoogleFactCheckSearchApi
from factdesk.health import healthz

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("healthz", healthz, name="healthz"),
    path("api/", include("claims.api.urls")),
    # Google Fact Check Tools' own path, so a generated Google client only changes its base URL.
    path("v1alpha1/claims:search", GoogleFactCheckSearchApi.as_view(), name="factcheck-search-v1alpha1"),
    path("", include("claims.urls")),
]
