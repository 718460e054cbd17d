from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("export/", include("timeline.export_urls")),
    path("", include("timeline.web_urls")),
]
