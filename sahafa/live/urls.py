from django.urls import path

from . import views

app_name = "live"
urlpatterns = [path("live/<int:article_id>/entries", views.entries, name="entries")]
