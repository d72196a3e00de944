from __future__ import annotations

from django.contrib import admin

from confiance.ledger.models import Commitment, CommitmentEvent


class EventInline(admin.TabularInline):
    model = CommitmentEvent
    extra = 0
    readonly_fields = ["from_status", "to_status", "at", "by", "note"]


@admin.register(Commitment)
class CommitmentAdmin(admin.ModelAdmin):
    list_display = ["description", "account", "party", "kind", "due_date", "status"]
    list_filter = ["party", "kind", "status"]
    search_fields = ["description", "account__name"]
    inlines = [EventInline]
