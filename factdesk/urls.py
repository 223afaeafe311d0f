"""Root URL configuration: admin desk, versioned partner API (and Google's claims:search path), public
pages, health check, the open-data files.

The public pages carry their language in the path (/zh-hant/…, /zh-hans/…, /en/…), so a shared
link opens in the language it was copied in. An old unprefixed public address is redirected by
django's LocaleMiddleware to the reader's language (cookie, then Accept-Language, then
LANGUAGE_CODE). The admin, the API, the health check, static files and the open-data files stay
unprefixed: a data file is the same bytes in every language, so it has one address (its listing
page, /<language>/data/, is translated; an old /<language>/data/<file> address redirects here).
"""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.http import HttpRequest, HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.urls import include, path

from claims.api.views import GoogleFactCheckSearchApi
from claims.views import open_data_file
from factdesk.health import healthz


def favicon(request: HttpRequest) -> HttpResponsePermanentRedirect:
    """Browsers ask for /favicon.ico whatever the page says: send them to the static file.

    Resolved per request, not at import: the manifest storage names the hashed file only after
    collectstatic."""
    return HttpResponsePermanentRedirect(static("factdesk/favicon.ico"))


urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("healthz", healthz, name="healthz"),
    path("api/", include("claims.api.urls")),
    # Google Fact Check Tools' own path, so a generated Google client only changes its base URL.
    path("v1alpha1/claims:search", GoogleFactCheckSearchApi.as_view(), name="factcheck-search-v1alpha1"),
    path("favicon.ico", favicon, name="favicon"),
    path("data/<str:name>", open_data_file, name="open-data-file"),
]
urlpatterns += i18n_patterns(path("", include("claims.urls")), prefix_default_language=True)
