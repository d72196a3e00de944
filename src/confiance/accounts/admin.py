from __future__ import annotations

from django.contrib import admin

from confiance.accounts.models import Account, Contact, ContactEmail, StakeholderPosition, Topic


class ContactInline(admin.TabularInline):
    model = Contact
    extra = 0
    fields = ["name", "job_title", "email", "buying_role", "influence"]


@admin.register(Account)
class AccountAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "owner", "team", "industry", "language", "annual_value"]
    list_filter = ["kind", "team", "language", "size_band"]
    search_fields = ["name", "industry"]
    autocomplete_fields = ["owner"]
    filter_horizontal = ["shared_with"]
    inlines = [ContactInline]


class ContactEmailInline(admin.TabularInline):
    model = ContactEmail
    extra = 0


@admin.register(Contact)
class ContactAdmin(admin.ModelAdmin):
    list_display = ["name", "account", "job_title", "buying_role", "influence", "email"]
    list_filter = ["buying_role", "language"]
    search_fields = ["name", "email", "account__name"]
    inlines = [ContactEmailInline]


class PositionInline(admin.TabularInline):
    model = StakeholderPosition
    extra = 0


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["title", "account", "decided"]
    search_fields = ["title", "account__name"]
    inlines = [PositionInline]
