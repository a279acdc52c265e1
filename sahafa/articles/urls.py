from django.urls import path

from . import views

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
