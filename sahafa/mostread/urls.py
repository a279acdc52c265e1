from django.urls import path

from . import views

app_name = "mostread"

urlpatterns = [path("beacon/view", views.beacon, name="beacon")]
