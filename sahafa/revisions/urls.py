from django.urls import path

from . import views

app_name = "revisions"
urlpatterns = [path("corrections/", views.corrections, name="corrections")]
