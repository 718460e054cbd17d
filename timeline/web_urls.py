"""Public (reader) URLs, namespaced ``timeline:``."""

from django.urls import path

from timeline import views

app_name = "timeline"

urlpatterns = [
    path("", views.explorer, name="explorer"),
    path("events/<int:pk>/", views.event_detail, name="event-detail"),
    path("articles/<int:pk>/", views.article_detail, name="article-detail"),
]
