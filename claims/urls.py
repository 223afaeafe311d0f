"""Public pages (interface): claims, speakers, articles, search."""

from django.urls import path, register_converter

from claims import views


class UnicodeSlugConverter:
    """A slug that may hold Chinese characters (slugify(..., allow_unicode=True)); Django's is ASCII only."""

    regex = r"[-\w]+"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(UnicodeSlugConverter, "uslug")

app_name = "claims"

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("claims/<int:pk>-<uslug:slug>/", views.claim_detail, name="claim-detail"),
    path("claims/<int:pk>/", views.claim_short, name="claim-short"),
    path("speakers/<int:pk>-<uslug:slug>/", views.speaker_detail, name="speaker-detail"),
    path("articles/<int:pk>/", views.article_detail, name="article-detail"),
    path("language/<str:code>/", views.set_language, name="set-language"),
    path("ask/", views.ask, name="ask"),
    path("data/", views.open_data, name="open-data"),
    # The files live at /data/<name> in every language (factdesk/urls.py); links made before that
    # move keep working.
    path("data/<str:name>", views.open_data_file_moved, name="open-data-file-moved"),
]
