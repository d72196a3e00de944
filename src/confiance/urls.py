"""URL configuration."""

from __future__ import annotations

from django.contrib import admin
from django.urls import include, path

from confiance.web import views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("api/", include("confiance.api.urls")),
    path("imports/", include("confiance.imports.urls")),
    path("", include("confiance.web.urls")),
    path("admin/", admin.site.urls),
]
