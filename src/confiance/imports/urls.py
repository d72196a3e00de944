from __future__ import annotations

from django.urls import path

from confiance.imports import views

app_name = "imports"
urlpatterns = [
    path("", views.upload, name="upload"),
    path("runs/<int:pk>/", views.run_detail, name="run"),
    path("runs/<int:pk>/progress", views.run_progress, name="progress"),
    path("people/", views.people, name="people"),
]
