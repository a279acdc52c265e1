from django.urls import path

from . import archives, views

app_name = "articles"
urlpatterns = [
    path("", views.home, name="home"),
    path("a/<int:pk>", views.share, name="share"),
    path("tag/<uslug:slug>/", views.tag, name="tag"),
    path("author/<uslug:slug>/", views.author, name="author"),
    # Date archives before the article and section rules, which never read a year.
    path("<yyyy:year>/", archives.archive, name="archive-year"),
    path("<yyyy:year>/<dd:month>/", archives.archive, name="archive-month"),
    path("<yyyy:year>/<dd:month>/<dd:day>/", archives.archive, name="archive-day"),
    path("<section:section>/<int:pk>/", views.detail, name="detail_short"),
    path("<section:section>/<int:pk>/<str:slug>/", views.detail, name="detail"),
    path("<uslug:slug>/", views.section, name="section"),
]
