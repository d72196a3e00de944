from __future__ import annotations

from django.contrib import admin

from confiance.interactions.models import Interaction, Segment


class SegmentInline(admin.TabularInline):
    model = Segment
    extra = 0
    fields = ["position", "speaker_label", "start", "end", "text"]


@admin.register(Interaction)
class InteractionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "account", "kind", "occurred_at", "source", "tone"]
    list_filter = ["kind", "source", "language"]
    search_fields = ["title", "account__name"]
    date_hierarchy = "occurred_at"
    inlines = [SegmentInline]
