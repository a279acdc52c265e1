from django.urls import path

from . import views

app_name = "articles"
urlpatterns = [
    path("", views.home, name="home"),
    path("a/<int:pk>", views.share, name="share"),
    path("tag/<str:slug>/", views.tag, name="tag"),
    path("author/<str:slug>/", views.author, name="author"),
    path("<str:section>/<int:pk>/", views.detail, name="detail_short"),
    path("<str:section>/<int:pk>/<str:slug>/", views.detail, name="detail"),
    path("<str:slug>/", views.section, name="section"),
]
