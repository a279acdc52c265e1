"""Subscribers and digests in the newsroom, for superusers only (no role is given these
permissions): the addresses are readers' private data."""

from django.contrib import admin

from .models import Digest, Subscriber


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = ["email", "status", "created_at", "confirmed_at", "last_digest_on"]
    list_filter = ["status"]
    search_fields = ["email"]
    readonly_fields = [
        "email",
        "status",
        "created_at",
        "confirmation_sent_at",
        "confirmed_at",
        "unsubscribed_at",
        "last_digest_on",
    ]

    def has_add_permission(self, request):
        return False


@admin.register(Digest)
class DigestAdmin(admin.ModelAdmin):
    list_display = ["date", "sent", "created_at"]
    readonly_fields = ["date", "sent", "created_at", "next_queued"]

    def has_add_permission(self, request):
        return False
