from django.urls import path, register_converter

from . import views


class UnicodeSlugConverter:
    """Arabic or Latin slugs, as SlugField(allow_unicode=True) accepts them. Anything else
    (NUL bytes, spaces, punctuation) is a 404 before it reaches a query."""

    regex = r"[-\w]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(UnicodeSlugConverter, "uslug")

app_name = "articles"
urlpatterns = [
    path("", views.home, name="home"),
    path("a/<int:pk>", views.share, name="share"),
    path("tag/<uslug:slug>/", views.tag, name="tag"),
    path("author/<uslug:slug>/", views.author, name="author"),
    path("<uslug:section>/<int:pk>/", views.detail, name="detail_short"),
    path("<uslug:section>/<int:pk>/<str:slug>/", views.detail, name="detail"),
    path("<uslug:slug>/", views.section, name="section"),
]
