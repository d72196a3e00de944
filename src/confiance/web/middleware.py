"""Apply a signed-in user's saved language and time zone to each request."""

from __future__ import annotations

import zoneinfo

from django.utils import timezone, translation

from confiance.users.models import Profile


class ProfileMiddleware:
    """After authentication: the profile's language wins over the browser's; its time zone is
    used for every date shown. Without a profile the browser's language stays in force."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        zone_set = False
        if user is not None and user.is_authenticated:
            profile = Profile.objects.filter(user=user).only("language", "time_zone").first()
            if profile is not None:
                if profile.language:
                    translation.activate(profile.language)
                    request.LANGUAGE_CODE = profile.language
                if profile.time_zone:
                    try:
                        timezone.activate(zoneinfo.ZoneInfo(profile.time_zone))
                        zone_set = True
                    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                        pass
        try:
            return self.get_response(request)
        finally:
            if zone_set:
                timezone.deactivate()
