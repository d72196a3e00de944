from __future__ import annotations

from django.contrib import admin

from confiance.deals.models import FollowUpPlan, Opportunity, PlanStep


@admin.register(Opportunity)
class OpportunityAdmin(admin.ModelAdmin):
    list_display = ["title", "account", "stage", "amount", "outcome", "loss_reason", "decided_at"]
    list_filter = ["outcome", "loss_reason", "stage"]
    search_fields = ["title", "account__name", "competitor"]


class StepInline(admin.TabularInline):
    model = PlanStep
    extra = 0


@admin.register(FollowUpPlan)
class FollowUpPlanAdmin(admin.ModelAdmin):
    list_display = ["opportunity", "opened_on", "result", "closed_on"]
    list_filter = ["result"]
    inlines = [StepInline]
