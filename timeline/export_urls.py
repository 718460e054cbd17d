"""Download URLs: ``/export/<fmt>/?<the explorer's query string>`` (namespace ``exports``)."""

from django.urls import path

from timeline import export_views

app_name = "exports"

urlpatterns = [
    path("<str:fmt>/", export_views.download, name="download"),
]
