"""Root URL configuration: admin desk, versioned partner API, public pages, health check."""

from django.contrib import admin
from django.urls import include, path

from factdesk.health import healthz

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("healthz", healthz, name="healthz"),
    path("api/", include("claims.api.urls")),
    path("", include("claims.urls")),
]
