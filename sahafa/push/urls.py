from django.urls import path

from . import views

app_name = "push"

urlpatterns = [
    path("service-worker.js", views.service_worker, name="service_worker"),
    path("push/subscribe", views.subscribe, name="subscribe"),
    path("push/unsubscribe", views.unsubscribe, name="unsubscribe"),
]
