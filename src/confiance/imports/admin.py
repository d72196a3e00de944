from __future__ import annotations

from django.contrib import admin

from confiance.imports.models import ErasureRecord, ImportRun


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin):
    list_display = ["filename", "status", "created_by", "created_at", "finished_at"]
    list_filter = ["status"]
    readonly_fields = [f.name for f in ImportRun._meta.fields]


@admin.register(ErasureRecord)
class ErasureRecordAdmin(admin.ModelAdmin):
    """The audit log is read-only: nobody edits or deletes what was erased when."""

    list_display = ["performed_at", "performed_by", "via", "contacts", "segments", "messages"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
