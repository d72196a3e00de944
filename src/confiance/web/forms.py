"""Validated forms for everything a user creates or edits in the web app."""

from __future__ import annotations

import functools
import re
import zoneinfo
from datetime import date

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import PasswordChangeForm, PasswordResetForm, SetPasswordForm
from django.utils import timezone
from django.utils.formats import get_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from confiance.accounts.models import Account, Contact, StakeholderPosition, Topic
from confiance.deals.models import LossReason, Opportunity, Outcome
from confiance.interactions.models import Interaction
from confiance.ledger.models import Commitment
from confiance.users.models import Profile
from confiance.web.decorators import user_teams


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


def team_members(teams):
    return (
        get_user_model()
        .objects.filter(memberships__team__in=teams)
        .distinct()
        .order_by("first_name", "username")
    )


class Plain:
    """Labels without the trailing colon (screen readers read it aloud)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class UserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.get_full_name() or obj.get_username()


class UsersChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.get_full_name() or obj.get_username()


# Spaces a user may type between thousands: "1 234,56" in French (plain, no-break or narrow).
GROUPING_SPACES = str.maketrans("", "", " \u00a0\u202f")
# What a seller pastes along with an amount: "$85,000", "120 000 €", "CHF 40 000".
COMMA_GROUPED = re.compile(r"^[-+]?\d{1,3}(,\d{3})+(\.\d*)?$")
CURRENCY_MARKS = re.compile(r"[€$£%]|\b(?:EUR|USD|GBP|CHF|CAD|CA)\b", re.IGNORECASE)


class LocalDecimalField(forms.DecimalField):
    """A decimal typed the user's way: "20,5" or "1 234,56" in French, "1,234.56" in English.

    A browser's number box would refuse the French comma (or silently drop it: "20,5" became
    205), so this is a text box with a decimal keypad, shown in the local format."""

    def __init__(self, *args, **kwargs):
        kwargs["localize"] = True
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal"}))
        super().__init__(*args, **kwargs)
        self.widget.attrs.pop("step", None)

    def to_python(self, value):
        if isinstance(value, str):
            value = CURRENCY_MARKS.sub("", value).strip().translate(GROUPING_SPACES)
            # "1,234.5" loses its grouping commas; "20,5" keeps its comma and is refused, rather
            # than silently read as 205.
            if get_format("DECIMAL_SEPARATOR") == "." and COMMA_GROUPED.match(value):
                value = value.replace(",", "")
        return super().to_python(value)


class AccountForm(Plain, forms.ModelForm):
    class Meta:
        model = Account
        fields = [
            "name",
            "kind",
            "team",
            "owner",
            "shared_with",
            "industry",
            "size_band",
            "country",
            "language",
            "annual_value",
            "currency",
            "customer_since",
            "notes",
        ]
        widgets = {"customer_since": DateInput(), "notes": forms.Textarea(attrs={"rows": 3})}
        field_classes = {
            "owner": UserChoiceField,
            "shared_with": UsersChoiceField,
            "annual_value": LocalDecimalField,
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        teams = user_teams(user)
        self.fields["team"].queryset = teams
        members = team_members(teams)
        self.fields["owner"].queryset = members
        self.fields["shared_with"].queryset = members
        self.fields["shared_with"].required = False
        if not self.instance.pk:
            self.fields["owner"].initial = user.pk
            if teams.count() == 1:
                self.fields["team"].initial = teams.first().pk

    def clean(self):
        data = super().clean()
        owner, team = data.get("owner"), data.get("team")
        if owner and team and not owner.memberships.filter(team=team).exists():
            self.add_error("owner", _("The owner must be a member of the account's team."))
        return data


class ContactForm(Plain, forms.ModelForm):
    class Meta:
        model = Contact
        fields = ["name", "job_title", "email", "phone", "language", "buying_role", "influence"]
        widgets = {"influence": forms.NumberInput(attrs={"min": 1, "max": 5})}


class TopicForm(Plain, forms.ModelForm):
    class Meta:
        model = Topic
        fields = ["title", "description", "decided"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class PositionForm(Plain, forms.ModelForm):
    class Meta:
        model = StakeholderPosition
        fields = [
            "contact",
            "topic",
            "priority",
            "preferred_alternative",
            "perceived_risk",
            "stance",
        ]
        widgets = {
            "priority": forms.NumberInput(attrs={"min": 1, "max": 5}),
            "stance": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, account: Account, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contact"].queryset = account.contacts.filter(erased_at__isnull=True)
        self.fields["topic"].queryset = account.topics.all()


class InteractionForm(Plain, forms.ModelForm):
    class Meta:
        model = Interaction
        fields = ["kind", "occurred_at", "title", "body", "language", "contacts"]
        widgets = {
            "occurred_at": DateTimeInput(),
            "body": forms.Textarea(attrs={"rows": 10}),
        }

    def __init__(self, *args, account: Account, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["occurred_at"].input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]
        if not self.instance.pk:
            self.fields["occurred_at"].initial = lambda: timezone.localtime().replace(
                second=0, microsecond=0
            )
        self.fields["contacts"].queryset = account.contacts.filter(erased_at__isnull=True)
        self.fields["contacts"].required = False
        turns = self.instance.segments.count() if self.instance.pk else 0
        if turns:
            # The transcript is not in this box: say so, or an empty box reads as lost words.
            self.fields["body"].help_text = ngettext(
                "The transcript (%(count)d turn) stays as it was imported; add notes here.",
                "The transcript (%(count)d turns) stays as it was imported; add notes here.",
                turns,
            ) % {"count": turns}


class CommitmentForm(Plain, forms.ModelForm):
    class Meta:
        model = Commitment
        fields = [
            "party",
            "kind",
            "description",
            "owner_user",
            "owner_contact",
            "due_date",
            "value_amount",
            "currency",
            "value_hours",
        ]
        widgets = {"due_date": DateInput(), "description": forms.Textarea(attrs={"rows": 2})}
        field_classes = {
            "owner_user": UserChoiceField,
            "value_amount": LocalDecimalField,
            "value_hours": LocalDecimalField,
        }

    def __init__(self, *args, account: Account, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner_contact"].queryset = account.contacts.filter(erased_at__isnull=True)
        self.fields["owner_user"].queryset = team_members([account.team_id])
        if not self.instance.pk:
            self.fields["currency"].initial = account.currency


class CommitmentEditForm(CommitmentForm):
    class Meta(CommitmentForm.Meta):
        fields = [*CommitmentForm.Meta.fields, "status", "resolved_at"]
        widgets = {**CommitmentForm.Meta.widgets, "resolved_at": DateInput()}


class OpportunityForm(Plain, forms.ModelForm):
    class Meta:
        model = Opportunity
        fields = ["title", "stage", "amount", "currency", "expected_close", "discount_pct"]
        widgets = {"expected_close": DateInput()}
        field_classes = {"amount": LocalDecimalField, "discount_pct": LocalDecimalField}


class OutcomeForm(Plain, forms.Form):
    """Record how an opportunity ended; a "no" opens the perseverance plan at once."""

    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=[(o.value, o.label) for o in Outcome if o != Outcome.OPEN],
        initial=Outcome.LOST,
    )
    reason = forms.ChoiceField(
        label=_("Reason for the no"), choices=[("", "—"), *LossReason.choices], required=False
    )
    decided_at = forms.DateField(label=_("Decided on"), widget=DateInput(), initial=date.today)
    competitor = forms.CharField(label=_("Competitor"), max_length=200, required=False)
    price_gap_pct = LocalDecimalField(
        label=_("Competitor price gap (%)"),
        max_digits=5,
        decimal_places=1,
        min_value=-100,
        max_value=100,
        required=False,
        help_text=_(
            "How much cheaper (positive) or dearer (negative) the competitor claims to be."
        ),
    )


class ProfileForm(Plain, forms.ModelForm):
    time_zone = forms.ChoiceField(label=_("Time zone"), required=False)

    class Meta:
        model = Profile
        fields = ["language", "time_zone"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["time_zone"].choices = [
            ("", _("Server default (%s)") % settings.TIME_ZONE),
            *time_zone_choices(),
        ]
        self.fields["language"].choices = [("", _("As my browser says")), *settings.LANGUAGES]


#: The zones our sellers and their customers work in, offered before the full list.
COMMON_ZONES = [
    "Europe/Paris", "Europe/Brussels", "Europe/Luxembourg", "Europe/Zurich", "Europe/London",
    "Europe/Dublin", "America/Toronto", "America/Montreal", "America/New_York",
    "America/Chicago", "America/Los_Angeles", "Africa/Casablanca", "Africa/Abidjan",
    "Africa/Dakar", "Indian/Reunion", "America/Martinique", "Asia/Singapore", "UTC",
]  # fmt: skip
REGIONS = {
    "Europe": _("Europe"),
    "America": _("Americas"),
    "Africa": _("Africa"),
    "Asia": _("Asia"),
    "Australia": _("Australia"),
    "Pacific": _("Pacific"),
    "Atlantic": _("Atlantic"),
    "Indian": _("Indian Ocean"),
    "Antarctica": _("Antarctica"),
}


def _city(zone: str) -> str:
    """ "America/Argentina/Buenos_Aires" reads "Argentina / Buenos Aires"."""
    return zone.split("/", 1)[-1].replace("_", " ").replace("/", " / ")


@functools.cache
def time_zone_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """Every zone Python knows, grouped: the usual ones first, then by region, aliases last.

    Read once per process: listing the zones walks the tz database (a few milliseconds), and
    the group names are lazy translations, rendered in each reader's language."""
    zones = zoneinfo.available_timezones()
    groups: list[tuple[str, list[tuple[str, str]]]] = [
        (_("Usual"), [(zone, zone.replace("_", " ")) for zone in COMMON_ZONES if zone in zones])
    ]
    for prefix, label in REGIONS.items():
        members = sorted(z for z in zones if z.startswith(prefix + "/"))
        groups.append((label, [(zone, _city(zone)) for zone in members]))
    # Legacy names ("US/Eastern", "Etc/GMT+1"…) stay valid for profiles that already use them.
    others = sorted(z for z in zones if z.split("/", 1)[0] not in REGIONS)
    groups.append((_("Other names"), [(zone, zone) for zone in others]))
    return groups


class ResetForm(Plain, PasswordResetForm):
    """Django's reset form, labelled "E-mail" as everywhere else and no trailing colon."""

    email = forms.EmailField(
        label=_("E-mail"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class NewPasswordForm(Plain, SetPasswordForm):
    """Choosing a new password from a reset link (labels without the trailing colon)."""


class ChangePasswordForm(Plain, PasswordChangeForm):
    """Changing one's password (labels without the trailing colon)."""
